// GET /v1/scores's answer from a consolidation: each child's figures and reporting timeliness, plus the
// manual points given, scored with the one scoring function and ranked among siblings.
import type { Consolidation, IndicatorTotal } from "../api/schemas.ts";
import type { UnitScoreAnswer } from "../api/scores.ts";
import { rankByTotal, scoreUnit } from "./score.ts";
import type { ScoredFigure, ScoringScheme, Timeliness } from "./types.ts";

export interface GivenPoints {
  self: Readonly<Record<string, number>>;
  reviewed: Readonly<Record<string, number>>;
}

function figuresOf(indicators: readonly IndicatorTotal[]): Record<string, ScoredFigure> {
  const figures: Record<string, ScoredFigure> = {};
  for (const i of indicators) {
    figures[i.code] = {
      ...(i.target === undefined ? {} : { target: i.target }),
      ...(i.actual === undefined ? {} : { actual: i.actual }),
    };
  }
  return figures;
}

export function timelinessOf(reporting: Consolidation["reporting"], unit: string): Timeliness {
  if (reporting.missing.includes(unit)) return "missing";
  return reporting.lateUnits?.includes(unit) ? "late" : "on_time";
}

type Unranked = Omit<UnitScoreAnswer, "rank">;

function scoreChild(
  scheme: ScoringScheme,
  consolidation: Consolidation,
  child: Consolidation["children"][number],
  given: GivenPoints | undefined,
  cluster: string | undefined,
): Unranked {
  const base = {
    figures: figuresOf(child.indicators),
    timeliness: timelinessOf(consolidation.reporting, child.unit),
  };
  const self = scoreUnit(scheme, { ...base, manual: given?.self ?? {} });
  const wasReviewed = given !== undefined && Object.keys(given.reviewed).length > 0;
  // The level above reviews item by item: an item it did not touch keeps the unit's own points.
  const reviewed = wasReviewed
    ? scoreUnit(scheme, { ...base, manual: { ...given.self, ...given.reviewed } })
    : undefined;
  const counted = reviewed ?? self;
  return {
    unit: child.unit,
    name: child.name,
    ...(cluster === undefined ? {} : { cluster }),
    criteria: counted.criteria.map(({ code, points, max }) => ({ code, points, max })),
    self: self.total,
    ...(reviewed === undefined ? {} : { reviewed: reviewed.total }),
    total: counted.total,
    grade: counted.grade,
  };
}

/** Scores the children of a consolidation and ranks them among siblings (ties share a rank). */
export function scoreChildren(
  scheme: ScoringScheme,
  consolidation: Consolidation,
  given: ReadonlyMap<string, GivenPoints>,
  clusters: ReadonlyMap<string, string> = new Map(),
): UnitScoreAnswer[] {
  return rankByTotal(
    consolidation.children.map((child) =>
      scoreChild(scheme, consolidation, child, given.get(child.unit), clusters.get(child.unit)),
    ),
  );
}
