// The one scoring function: a unit's figures, its reporting timeliness and the manual points given →
// points per item and criterion, the total and the grade. Used by the Worker (GET /v1/scores) and by
// every client that explains a score; nothing else computes points.
import type { Grade } from "../template/types.ts";
import type {
  CriterionScore,
  GradeThreshold,
  ItemScore,
  Measure,
  ScoreInput,
  ScoreItem,
  ScoringScheme,
  Timeliness,
  UnitScore,
} from "./types.ts";

/** Points are kept to hundredths: councils give halves and quarters, never finer. */
export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

function share(measure: Measure, input: ScoreInput): number {
  const figure = input.figures[measure.indicator];
  const actual = figure?.actual;
  if (actual === undefined) return 0;
  switch (measure.type) {
    case "ratioLevel":
      return measure.level <= 0 ? 1 : Math.min(1, Math.max(0, actual) / measure.level);
    case "perUnitMinimum":
      return actual >= measure.minimum ? 1 : 0;
    case "targetMet": {
      const target = figure?.target;
      return target !== undefined && actual >= target ? 1 : 0;
    }
    case "proportional": {
      const target = figure?.target;
      if (target === undefined) return 0;
      return target <= 0 ? 1 : Math.min(1, Math.max(0, actual) / target);
    }
  }
}

export function itemPoints(item: ScoreItem, input: ScoreInput): number {
  switch (item.kind) {
    case "computed":
      return roundPoints(item.max * share(item.measure, input));
    case "timeliness":
      if (input.timeliness === "on_time") return item.max;
      return input.timeliness === "late" ? Math.min(item.late, item.max) : 0;
    case "manual": {
      const given = input.manual[item.code] ?? 0;
      // The routes refuse points above the maximum; clamping here keeps a bad stored value harmless.
      return roundPoints(Math.min(item.max, Math.max(0, given)));
    }
  }
}

export function criterionMax(items: readonly { max: number }[]): number {
  return roundPoints(items.reduce((sum, item) => sum + item.max, 0));
}

function meets(
  threshold: GradeThreshold,
  total: number,
  criteria: CriterionScore[],
  scheme: ScoringScheme,
): boolean {
  if (total < threshold.minTotal) return false;
  const minShare = threshold.minShareOfEachCriterion;
  if (minShare === undefined) return true;
  return criteria.every((c, i) => scheme.criteria[i]?.bonus === true || c.points >= c.max * minShare);
}

export function gradeOf(scheme: ScoringScheme, total: number, criteria: CriterionScore[]): Grade {
  for (const threshold of scheme.grades)
    if (meets(threshold, total, criteria, scheme)) return threshold.grade;
  return "KHT";
}

export function scoreUnit(scheme: ScoringScheme, input: ScoreInput): UnitScore {
  const criteria = scheme.criteria.map((criterion): CriterionScore => {
    const items = criterion.items.map(
      (item): ItemScore => ({
        code: item.code,
        points: itemPoints(item, input),
        max: item.max,
      }),
    );
    const points = roundPoints(items.reduce((sum, item) => sum + item.points, 0));
    return { code: criterion.code, points, max: criterionMax(criterion.items), items };
  });
  const total = roundPoints(criteria.reduce((sum, c) => sum + c.points, 0));
  return { criteria, total, grade: gradeOf(scheme, total, criteria) };
}

/** The scheme's maximum: base plus bonus. */
export function schemeMax(scheme: ScoringScheme): number {
  return roundPoints(scheme.criteria.reduce((sum, c) => sum + criterionMax(c.items), 0));
}

/** Competition ranking among siblings: higher total first, ties share a rank (1, 1, 3). */
export function rankByTotal<T extends { total: number }>(units: readonly T[]): (T & { rank: number })[] {
  const sorted = [...units].sort((a, b) => b.total - a.total);
  return sorted.map((unit, i) => {
    const first = sorted.findIndex((other) => other.total === unit.total);
    return { ...unit, rank: (first === -1 ? i : first) + 1 };
  });
}

/** A report's timeliness: first received after the deadline is late; never received is missing. */
export function timelinessOfReport(firstReceivedAt: string | null, deadline: string | null): Timeliness {
  if (firstReceivedAt === null) return "missing";
  if (deadline === null) return "on_time";
  return Date.parse(firstReceivedAt) > Date.parse(deadline) ? "late" : "on_time";
}
