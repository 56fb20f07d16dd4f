// The consolidation oracle: from the unit tree and each unit's current report, every unit's totals in
// the API's shape. The Worker maintains the same totals incrementally in SQL; its tests compare them
// with this function for exact equality, so this file is written to be obviously right.
//
// Semantics (domain.md "Consolidation semantics"):
// - a unit's consolidated figure = its own figures + the consolidated figures of its children, i.e. the
//   sum over its whole subtree of each unit's own figures; each unit is counted once;
// - count/money: sums of the values present, exact in integer thousandths (math.ts); blank is not zero;
// - ratio: recomputed from the summed numerator and denominator; the target is the unit's own;
// - grade: units of the subtree (the unit included) per grade;
// - perUnitTarget: units strictly below whose own actual meets the target, out of those reporting it;
// - reporting: units strictly below: expected, submitted, late (first receipt after the deadline), missing.
import type { ReviewState } from "../api/review-parts.ts";
import type { Consolidation, ReportingStatus } from "../api/schemas.ts";
import type { ReportRow, Template } from "../template/types.ts";
import {
  addChild,
  type Catalog,
  catalogOf,
  indicatorTotals,
  leafFigures,
  type OwnFigures,
  readOwnFigures,
  type SubtreeFigures,
} from "./figures.ts";
import { isLate } from "./late.ts";
import { summarizeTargets } from "./targets.ts";

export interface UnitNode {
  code: string;
  name: string;
  parent: string | null;
}

/** A unit's current report for the period: its latest revision. */
export interface CurrentReport {
  unit: string;
  rows: ReportRow[];
  /** When the unit first submitted for the period: lateness is judged on this, not on resubmissions. */
  firstReceivedAt: string;
  /** When the current revision arrived. */
  receivedAt: string;
  /** Review (§3): where the current report stands; absent is submitted. */
  review?: ReviewState;
}

export interface ConsolidationInput {
  template: Template;
  units: UnitNode[];
  /** At most one per unit. */
  reports: CurrentReport[];
  period: string;
  /** ISO date-time; a report whose first receipt is strictly after it is late. */
  deadline?: string | null;
}

/** Code order: plain UTF-16 comparison (unit codes are ASCII), the same as SQLite's BINARY collation. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The tree in pre-order (children by code), so a unit's descendants are the slice after it. */
interface Tree {
  units: UnitNode[];
  position: ReadonlyMap<string, number>;
  children: number[][];
  /** Subtree size, the unit included. */
  size: number[];
}

function buildTree(units: readonly UnitNode[]): Tree {
  const byCode = new Map<string, UnitNode>();
  for (const unit of units) {
    if (byCode.has(unit.code)) throw new Error(`consolidation: unit "${unit.code}" is listed twice`);
    byCode.set(unit.code, unit);
  }
  const childCodes = new Map<string | null, string[]>();
  for (const unit of units) {
    if (unit.parent !== null && !byCode.has(unit.parent)) {
      throw new Error(`consolidation: unit "${unit.code}" has an unknown parent "${unit.parent}"`);
    }
    const list = childCodes.get(unit.parent) ?? [];
    list.push(unit.code);
    childCodes.set(unit.parent, list);
  }
  for (const list of childCodes.values()) list.sort(compareCodes);

  // Iterative depth-first walk from the roots: a 10,000-deep chain must not overflow the stack.
  const order: UnitNode[] = [];
  const stack = [...(childCodes.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const code = stack.pop() as string;
    order.push(byCode.get(code) as UnitNode);
    const kids = childCodes.get(code) ?? [];
    for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k] as string);
  }
  // Every parent is known, so a unit the walk from the roots missed sits on or under a cycle.
  if (order.length < units.length) {
    const reached = new Set(order.map((u) => u.code));
    const start = units.find((u) => !reached.has(u.code)) as UnitNode;
    const path: string[] = [];
    const seen = new Set<string>();
    let code: string | null = start.code;
    while (code !== null && !seen.has(code)) {
      seen.add(code);
      path.push(code);
      code = byCode.get(code)?.parent ?? null;
    }
    const cycle = code === null ? path : [...path.slice(path.indexOf(code)), code];
    throw new Error(`consolidation: the unit tree has a cycle: ${cycle.join(" → ")}`);
  }

  const position = new Map(order.map((u, p) => [u.code, p]));
  const children = order.map((u) => (childCodes.get(u.code) ?? []).map((c) => position.get(c) as number));
  const size = new Array<number>(order.length).fill(1);
  for (let p = order.length - 1; p >= 0; p--) {
    for (const c of children[p] ?? []) size[p] = (size[p] ?? 1) + (size[c] ?? 0);
  }
  return { units: order, position, children, size };
}

/** Everything computed once for all units; `build` turns one unit of it into the API answer. */
interface Analysis {
  input: ConsolidationInput;
  catalog: Catalog;
  tree: Tree;
  /** By tree position. */
  reports: (CurrentReport | undefined)[];
  own: (OwnFigures | undefined)[];
  late: boolean[];
  subtree: SubtreeFigures[];
}

function analyse(input: ConsolidationInput): Analysis {
  const catalog = catalogOf(input.template);
  const tree = buildTree(input.units);
  const n = tree.units.length;

  const reports = new Array<CurrentReport | undefined>(n).fill(undefined);
  for (const report of input.reports) {
    const p = tree.position.get(report.unit);
    if (p === undefined) throw new Error(`consolidation: a report names an unknown unit "${report.unit}"`);
    if (reports[p]) throw new Error(`consolidation: unit "${report.unit}" has more than one current report`);
    reports[p] = report;
  }

  const late = reports.map((r) => r !== undefined && isLate(r.firstReceivedAt, input.deadline));

  const own = reports.map((r) => (r ? readOwnFigures(catalog, r.rows) : undefined));
  // Bottom-up: in pre-order every child comes after its parent, so walking backwards finishes each
  // child before its parent adds it: consolidated(u) = own(u) + Σ consolidated(child).
  const subtree = new Array<SubtreeFigures>(n);
  for (let p = n - 1; p >= 0; p--) {
    const figures = leafFigures(catalog, own[p]);
    for (const c of tree.children[p] ?? []) {
      addChild(catalog, figures, subtree[c] as SubtreeFigures, own[c]);
    }
    subtree[p] = figures;
  }
  return { input, catalog, tree, reports, own, late, subtree };
}

function reportingStatus(a: Analysis, p: number): ReportingStatus {
  const missing: string[] = [];
  const lateUnits: string[] = [];
  let submitted = 0;
  const end = p + (a.tree.size[p] ?? 1);
  for (let q = p + 1; q < end; q++) {
    const code = (a.tree.units[q] as UnitNode).code;
    if (!a.reports[q]) missing.push(code);
    else {
      submitted += 1;
      if (a.late[q]) lateUnits.push(code);
    }
  }
  missing.sort(compareCodes);
  lateUnits.sort(compareCodes);
  // The same lists with names (api: missingUnits, lateUnitsNamed), as the Worker answers them.
  const named = (codes: string[]) =>
    codes.map((code) => ({ code, name: (a.tree.units[a.tree.position.get(code) ?? -1] as UnitNode).name }));
  return {
    expected: end - p - 1,
    submitted,
    late: lateUnits.length,
    missing,
    lateUnits,
    missingUnits: named(missing),
    lateUnitsNamed: named(lateUnits),
  };
}

/** Review (§3): units strictly below that are accepted (a count) and returned (their codes). */
function reviewCounts(a: Analysis, p: number): { accepted: number; returned: string[] } {
  let accepted = 0;
  const returned: string[] = [];
  const end = p + (a.tree.size[p] ?? 1);
  for (let q = p + 1; q < end; q++) {
    const review = a.reports[q]?.review;
    if (review === "accepted") accepted += 1;
    if (review === "returned") returned.push((a.tree.units[q] as UnitNode).code);
  }
  return { accepted, returned: returned.sort(compareCodes) };
}

function build(a: Analysis, p: number): Consolidation {
  const unit = a.tree.units[p] as UnitNode;
  const indicators = indicatorTotals(a.catalog, a.subtree[p] as SubtreeFigures, a.own[p]);
  return {
    unit: unit.code,
    name: unit.name,
    period: a.input.period,
    template: a.input.template.id,
    indicators,
    children: (a.tree.children[p] ?? []).map((c) => {
      const child = a.tree.units[c] as UnitNode;
      return {
        unit: child.code,
        name: child.name,
        indicators: indicatorTotals(a.catalog, a.subtree[c] as SubtreeFigures, a.own[c]),
        submitted: a.reports[c] !== undefined,
      };
    }),
    reporting: { ...reportingStatus(a, p), ...reviewCounts(a, p) },
    summary: summarizeTargets(indicators),
  };
}

/**
 * Every unit's consolidation, keyed by unit code, in tree pre-order (roots and children by code), so
 * the result does not depend on the order of the inputs. Throws on an unknown parent, a cycle, a
 * duplicate unit, a report of an unknown unit or two reports for one unit.
 */
export function consolidate(input: ConsolidationInput): Map<string, Consolidation> {
  const a = analyse(input);
  return new Map(a.tree.units.map((u, p) => [u.code, build(a, p)]));
}

/** One unit's consolidation (the whole tree is still validated and summed: O(units × indicators)). */
export function consolidateUnit(input: ConsolidationInput, unitCode: string): Consolidation {
  const a = analyse(input);
  const p = a.tree.position.get(unitCode);
  if (p === undefined) throw new Error(`consolidation: unknown unit "${unitCode}"`);
  return build(a, p);
}
