// GET /v1/scores's answer from a consolidation: each child's figures and reporting timeliness, plus the
// manual points given, scored with the one scoring function and ranked among siblings.
import type { Consolidation, IndicatorTotal } from "../api/schemas.ts";
import type { OwnScoreAnswer, UnitScoreAnswer } from "../api/scores.ts";
import { GRADES, type Grade } from "../template/types.ts";
import { rankByTotal, scoreUnit } from "./score.ts";
import type { ScoredFigure, ScoringScheme, Timeliness, UnitScore } from "./types.ts";

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

interface SelfAndReviewed {
  self: UnitScore;
  reviewed?: UnitScore;
  counted: UnitScore;
}

function selfAndReviewed(
  scheme: ScoringScheme,
  indicators: readonly IndicatorTotal[],
  timeliness: Timeliness,
  given: GivenPoints | undefined,
): SelfAndReviewed {
  const base = { figures: figuresOf(indicators), timeliness };
  const self = scoreUnit(scheme, { ...base, manual: given?.self ?? {} });
  if (given === undefined || Object.keys(given.reviewed).length === 0) return { self, counted: self };
  // The level above reviews item by item: an item it did not touch keeps the unit's own points.
  const reviewed = scoreUnit(scheme, { ...base, manual: { ...given.self, ...given.reviewed } });
  return { self, reviewed, counted: reviewed };
}

function totalsOf({ self, reviewed, counted }: SelfAndReviewed) {
  return {
    self: self.total,
    ...(reviewed === undefined ? {} : { reviewed: reviewed.total }),
    total: counted.total,
    grade: counted.grade,
  };
}

/** The grade a leaf unit typed in its grade row, when it typed exactly one. */
function typedGradeOf(indicators: readonly IndicatorTotal[]): Grade | undefined {
  const counts = indicators.find((i) => i.kind === "grade")?.grades ?? {};
  const typed = GRADES.filter((g) => (counts[g] ?? 0) > 0);
  return typed.length === 1 && counts[typed[0]!] === 1 ? typed[0] : undefined;
}

function scoreChild(
  scheme: ScoringScheme,
  consolidation: Consolidation,
  child: Consolidation["children"][number],
  given: GivenPoints | undefined,
  cluster: string | undefined,
): Omit<UnitScoreAnswer, "rank"> {
  const timeliness = timelinessOf(consolidation.reporting, child.unit);
  const scored = selfAndReviewed(scheme, child.indicators, timeliness, given);
  return {
    unit: child.unit,
    name: child.name,
    ...(cluster === undefined ? {} : { cluster }),
    criteria: scored.counted.criteria.map(({ code, points, max }) => ({ code, points, max })),
    ...totalsOf(scored),
    ...disagreement(typedGradeOf(child.indicators), scored.counted.grade),
  };
}

function disagreement(typed: Grade | undefined, scored: Grade): { typedGrade?: Grade } {
  return typed === undefined || typed === scored ? {} : { typedGrade: typed };
}

/** Children per scored grade: the count TD01 shows once the scheme grades units. */
export function gradeCounts(units: readonly { grade: Grade }[]): Record<Grade, number> {
  const counts: Record<Grade, number> = { XS: 0, T: 0, HT: 0, KHT: 0 };
  for (const unit of units) counts[unit.grade]++;
  return counts;
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

/** The asked unit's own score on its consolidated figures, item by item. */
export function scoreOwn(
  scheme: ScoringScheme,
  consolidation: Consolidation,
  timeliness: Timeliness,
  given: GivenPoints | undefined,
): OwnScoreAnswer {
  const scored = selfAndReviewed(scheme, consolidation.indicators, timeliness, given);
  return {
    unit: consolidation.unit,
    name: consolidation.name ?? consolidation.unit,
    criteria: scored.counted.criteria,
    ...totalsOf(scored),
  };
}
