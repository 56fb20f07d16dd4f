// One unit's own figures and the figures of a subtree, per indicator, and how they become the API's
// IndicatorTotal. Shared by `consolidate` and by `summarizeOwnReport` (a report alone is a leaf).
import type { IndicatorTotal } from "../api/schemas.ts";
import { GRADES, type Grade, type ReportRow, type Template } from "../template/types.ts";
import { addThousands, fromThousands, ratePercent, toThousands } from "./math.ts";

/**
 * The template prepared once: indicator positions (by code, and by `formerCode` for renamed rows), and
 * each ratio's numerator/denominator positions.
 */
export interface Catalog {
  template: Template;
  index: ReadonlyMap<string, number>;
  /** For ratio rows whose parts are both in the template; undefined elsewhere. */
  ratioParts: ReadonlyArray<{ numerator: number; denominator: number } | undefined>;
}

export function catalogOf(template: Template): Catalog {
  const index = new Map(template.indicators.map((ind, i) => [ind.code, i]));
  // A renamed row reads figures stored under its former code (consolidation goes by code).
  template.indicators.forEach((ind, i) => {
    if (ind.formerCode !== undefined && !index.has(ind.formerCode)) index.set(ind.formerCode, i);
  });
  const ratioParts = template.indicators.map((ind) => {
    if (ind.kind !== "ratio" || !ind.ratio) return undefined;
    const numerator = index.get(ind.ratio.numerator);
    const denominator = index.get(ind.ratio.denominator);
    return numerator === undefined || denominator === undefined ? undefined : { numerator, denominator };
  });
  return { template, index, ratioParts };
}

/** What one unit's own current report says, by indicator position. */
export interface OwnFigures {
  /** count/money rows: the actual, in integer thousandths. */
  actual: (number | undefined)[];
  /** count/money rows: the target in integer thousandths; ratio rows: the target % as set (never summed). */
  target: (number | undefined)[];
  /** grade rows: the unit's grade. */
  grade: (Grade | undefined)[];
}

const isFigure = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isGrade = (v: unknown): v is Grade =>
  typeof v === "string" && (GRADES as readonly string[]).includes(v);

/**
 * Reads a report's rows. Rules (the Worker stores the same):
 * - rows are matched by exact indicator code, or a renamed row's former code; unknown codes are ignored;
 * - when a code appears twice, the later row replaces the earlier one entirely (an upsert);
 * - count/money: a finite number is a value, anything else (null, absent, text) is "no data", never 0;
 * - ratio rows: the typed actual is ignored (derived, recomputed); only the target is read;
 * - grade rows: the actual must be exactly "XS", "T", "HT" or "KHT" (already normalised), else no grade.
 */
export function readOwnFigures(catalog: Catalog, rows: readonly ReportRow[]): OwnFigures {
  const n = catalog.template.indicators.length;
  const own: OwnFigures = {
    actual: new Array<number | undefined>(n).fill(undefined),
    target: new Array<number | undefined>(n).fill(undefined),
    grade: new Array<Grade | undefined>(n).fill(undefined),
  };
  for (const row of rows) {
    const i = catalog.index.get(row.code);
    const ind = i === undefined ? undefined : catalog.template.indicators[i];
    if (i === undefined || !ind) continue;
    own.actual[i] = undefined;
    own.target[i] = undefined;
    own.grade[i] = undefined;
    if (ind.kind === "count" || ind.kind === "money") {
      if (isFigure(row.actual)) own.actual[i] = toThousands(row.actual);
      if (isFigure(row.target)) own.target[i] = toThousands(row.target);
    } else if (ind.kind === "ratio") {
      if (isFigure(row.target)) own.target[i] = row.target;
    } else if (isGrade(row.actual)) {
      own.grade[i] = row.actual;
    }
  }
  return own;
}

/** A subtree's figures (the unit itself and everything below it), by indicator position. */
export interface SubtreeFigures {
  /** count/money: sum of the actuals present, in thousandths; undefined when no unit has one. */
  actual: (number | undefined)[];
  /** count/money: sum of the targets present, in thousandths; undefined when no unit set one. */
  target: (number | undefined)[];
  /** grade rows: units of the subtree per grade. */
  grades: (Record<Grade, number> | undefined)[];
  /** perUnitTarget rows, over units strictly below the subtree's root: own actual ≥ the target. */
  unitsMet: number[];
  /** perUnitTarget rows, over units strictly below the subtree's root: own actual present. */
  unitsReported: number[];
  /** count/money: units of the subtree (its root included) that gave a target. */
  unitsWithTarget: number[];
  /** count/money: units of the subtree (its root included) that gave an actual. */
  unitsWithActual: number[];
}

function addOptional(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return addThousands(a, b);
}

/** Rows whose target and actual are summed up the tree. */
const isSummed = (ind: { kind: string }): boolean => ind.kind === "count" || ind.kind === "money";

/** A subtree of one unit: its own figures, nothing below yet. */
export function leafFigures(catalog: Catalog, own: OwnFigures | undefined): SubtreeFigures {
  const inds = catalog.template.indicators;
  return {
    actual: own ? [...own.actual] : new Array<number | undefined>(inds.length).fill(undefined),
    target: inds.map((ind, i) => (ind.kind === "count" || ind.kind === "money" ? own?.target[i] : undefined)),
    grades: inds.map((ind, i) => {
      if (ind.kind !== "grade") return undefined;
      const counts: Record<Grade, number> = { XS: 0, T: 0, HT: 0, KHT: 0 };
      const g = own?.grade[i];
      if (g) counts[g] += 1;
      return counts;
    }),
    unitsMet: new Array<number>(inds.length).fill(0),
    unitsReported: new Array<number>(inds.length).fill(0),
    unitsWithTarget: inds.map((ind, i) => (isSummed(ind) && own?.target[i] !== undefined ? 1 : 0)),
    unitsWithActual: inds.map((ind, i) => (isSummed(ind) && own?.actual[i] !== undefined ? 1 : 0)),
  };
}

/**
 * Adds a child's subtree into its parent's (in place): sums of what is present, grade counts, and the
 * per-unit-target tallies (the child itself counts, being strictly below the parent).
 */
export function addChild(
  catalog: Catalog,
  into: SubtreeFigures,
  child: SubtreeFigures,
  childOwn: OwnFigures | undefined,
): void {
  catalog.template.indicators.forEach((ind, i) => {
    into.actual[i] = addOptional(into.actual[i], child.actual[i]);
    into.target[i] = addOptional(into.target[i], child.target[i]);
    into.unitsWithTarget[i] = (into.unitsWithTarget[i] ?? 0) + (child.unitsWithTarget[i] ?? 0);
    into.unitsWithActual[i] = (into.unitsWithActual[i] ?? 0) + (child.unitsWithActual[i] ?? 0);
    const g = into.grades[i];
    const cg = child.grades[i];
    if (g && cg) for (const k of GRADES) g[k] += cg[k];
    if (ind.perUnitTarget !== undefined) {
      const own = childOwn?.actual[i];
      into.unitsReported[i] = (into.unitsReported[i] ?? 0) + (child.unitsReported[i] ?? 0);
      into.unitsMet[i] = (into.unitsMet[i] ?? 0) + (child.unitsMet[i] ?? 0);
      if (own !== undefined) {
        into.unitsReported[i] = (into.unitsReported[i] ?? 0) + 1;
        if (fromThousands(own) >= ind.perUnitTarget) into.unitsMet[i] = (into.unitsMet[i] ?? 0) + 1;
      }
    }
  });
}

/**
 * The API rows of a subtree, every indicator in template order, fields only when defined:
 * - count/money: target and actual are the sums present (blank is not zero), rate = ratePercent;
 * - ratio: actual = ratePercent(Σ numerator, Σ denominator) when some unit has a numerator and
 *   Σ denominator > 0 (never an average of percentages); target = the unit's OWN ratio target;
 * - grade: the four grade counts, always all present;
 * - perUnitTarget rows also carry unitsMet / unitsReported;
 * - count/money rows whose target sum and actual sum come from different numbers of units carry
 *   unitsWithTarget / unitsWithActual.
 */
export function indicatorTotals(
  catalog: Catalog,
  sub: SubtreeFigures,
  own: OwnFigures | undefined,
): IndicatorTotal[] {
  return catalog.template.indicators.map((ind, i) => {
    const total: IndicatorTotal = { code: ind.code, kind: ind.kind };
    let actual: number | undefined;
    let target: number | undefined;
    if (ind.kind === "count" || ind.kind === "money") {
      const a = sub.actual[i];
      const t = sub.target[i];
      actual = a === undefined ? undefined : fromThousands(a);
      target = t === undefined ? undefined : fromThousands(t);
    } else if (ind.kind === "ratio") {
      const parts = catalog.ratioParts[i];
      const num = parts ? sub.actual[parts.numerator] : undefined;
      const den = parts ? sub.actual[parts.denominator] : undefined;
      if (num !== undefined && den !== undefined) {
        actual = ratePercent(fromThousands(num), fromThousands(den));
      }
      target = own?.target[i];
    } else {
      const grades = sub.grades[i];
      if (grades) total.grades = { ...grades };
    }
    if (target !== undefined) total.target = target;
    if (actual !== undefined) total.actual = actual;
    if (actual !== undefined && target !== undefined) {
      const rate = ratePercent(actual, target);
      if (rate !== undefined) total.rate = rate;
    }
    if (ind.perUnitTarget !== undefined) {
      total.unitsMet = sub.unitsMet[i] ?? 0;
      total.unitsReported = sub.unitsReported[i] ?? 0;
    }
    // Only where they differ: the one case a reader must know (and 21 blocks of 40 rows stay small).
    const withTarget = sub.unitsWithTarget[i] ?? 0;
    const withActual = sub.unitsWithActual[i] ?? 0;
    if (isSummed(ind) && withTarget > 0 && withTarget !== withActual) {
      total.unitsWithTarget = withTarget;
      total.unitsWithActual = withActual;
    }
    return total;
  });
}
