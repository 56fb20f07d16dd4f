// The recompute's comparison: what is stored (current values, report status, totals, counters) against
// what the replayed revisions say, as a list of differences named by unit, code and field.
import type { Consolidation, IndicatorTotal, RecomputeDifference } from "../../shared/api/schemas.ts";
import {
  type ConsolidationInput,
  type CurrentReport,
  consolidate,
} from "../../shared/consolidation/consolidate.ts";
import { type Catalog, catalogOf, indicatorTotals } from "../../shared/consolidation/figures.ts";
import { isLate } from "../../shared/consolidation/late.ts";
import { groupBy } from "../../shared/group-by.ts";
import type { Template } from "../../shared/template/types.ts";
import { decodeRow, fromStored, type StoredRow, storedSumInThousandths } from "./codec.ts";
import { figuresOf, ownOf, type TotalsRow } from "./consolidation.ts";

type Scalar = string | number | boolean | null;

export interface UnitRow {
  code: string;
  name: string;
  parent: string | null;
}

export interface RevisionRow {
  unit: string;
  revision: number;
  template: string;
  /** The version the revision was checked with; null when its template is not in D1. */
  template_version: number | null;
  mode: "replace" | "merge";
  body: string;
  received_at: string;
}

export interface StatusRow {
  unit: string;
  current_revision: number;
  template: string;
  first_received_at: string;
  received_at: string;
}

export interface StoredValue extends StoredRow {
  unit: string;
}

/** What the replay says a unit's state for the period is. */
export interface Replayed {
  rows: Map<string, StoredRow>;
  status: Omit<StatusRow, "unit">;
  revisions: number[];
}

export interface PeriodState {
  /** The tree of the period (its last day): the units its consolidation counts. */
  units: UnitRow[];
  /** Every unit code ever stored: a report of a unit outside the period's tree is kept, not counted. */
  codes: Set<string>;
  deadline: string | null;
  revisions: RevisionRow[];
  values: StoredValue[];
  statuses: StatusRow[];
  totals: TotalsRow[];
  counters: { ancestor: string; submitted: number; late: number }[];
  /** The newest revision id of the period when read: the fix refuses to run if it moved. */
  lastId: number;
}

/** An IndicatorTotal as field → value ("grades.XS", "unitsMet"), for a field-by-field comparison. */
function flatten(t: IndicatorTotal | undefined): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  if (!t) return out;
  for (const [k, v] of Object.entries(t)) {
    if (k === "code" || k === "kind" || v === undefined) continue;
    if (typeof v === "object" && v !== null) {
      for (const [g, n] of Object.entries(v)) out.set(`${k}.${g}`, n as Scalar);
    } else out.set(k, v as Scalar);
  }
  return out;
}

const FIELDS: [keyof StoredRow, string][] = [
  ["t", "target"],
  ["a", "actual"],
  ["p", "target_pct"],
  ["g", "grade"],
  ["n", "note"],
];

/** Revision numbers of each unit: 1, 2, 3… without a gap (never rewritten, only named). */
function compareRevisions(period: string, replayed: Map<string, Replayed>): RecomputeDifference[] {
  const diffs: RecomputeDifference[] = [];
  for (const [unit, r] of replayed) {
    const expected = r.revisions.map((_, i) => i + 1);
    if (r.revisions.join() !== expected.join()) {
      diffs.push({
        period,
        unit,
        what: "revisions",
        field: "revision",
        stored: r.revisions.join(","),
        expected: expected.join(","),
      });
    }
  }
  return diffs;
}

/** Current values, row by row and field by field. */
function compareCurrentValues(
  period: string,
  state: PeriodState,
  replayed: Map<string, Replayed>,
): RecomputeDifference[] {
  const diffs: RecomputeDifference[] = [];
  const stored = new Map<string, StoredRow>();
  for (const v of state.values) stored.set(`${v.unit}\u0000${v.c}`, v);
  const keys = new Set(stored.keys());
  for (const [unit, r] of replayed) for (const code of r.rows.keys()) keys.add(`${unit}\u0000${code}`);
  for (const key of [...keys].sort()) {
    const [unit = "", code = ""] = key.split("\u0000");
    const s = stored.get(key);
    const e = replayed.get(unit)?.rows.get(code);
    for (const [col, field] of FIELDS) {
      const sv = s?.[col] ?? null;
      const ev = e?.[col] ?? null;
      if (sv !== ev)
        diffs.push({ period, unit, what: "current_value", code, field, stored: sv, expected: ev });
    }
  }
  return diffs;
}

/** Report status: current revision, template and times. */
function compareStatuses(
  period: string,
  state: PeriodState,
  replayed: Map<string, Replayed>,
): RecomputeDifference[] {
  const diffs: RecomputeDifference[] = [];
  const statuses = new Map(state.statuses.map((s) => [s.unit, s]));
  const units = new Set([...statuses.keys(), ...replayed.keys()]);
  for (const unit of [...units].sort()) {
    const s = statuses.get(unit);
    const e = replayed.get(unit)?.status;
    for (const field of ["current_revision", "template", "first_received_at", "received_at"] as const) {
      const sv = s?.[field] ?? null;
      const ev = e?.[field] ?? null;
      if (sv !== ev) diffs.push({ period, unit, what: "report_status", field, stored: sv, expected: ev });
    }
  }
  return diffs;
}

/** One unit's stored totals (as GET /v1/consolidation answers them) against the oracle's, field by field. */
function compareIndicators(
  period: string,
  unit: string,
  have: readonly IndicatorTotal[],
  want: Consolidation | undefined,
  compared: Set<string>,
): RecomputeDifference[] {
  const diffs: RecomputeDifference[] = [];
  const wantBy = new Map((want?.indicators ?? []).map((t) => [t.code, t]));
  for (const h of have) {
    if (compared.has(`${unit}\u0000${h.code}`)) continue;
    compared.add(`${unit}\u0000${h.code}`);
    const hf = flatten(h);
    const wf = flatten(wantBy.get(h.code));
    for (const field of new Set([...hf.keys(), ...wf.keys()])) {
      const sv = hf.get(field) ?? null;
      const ev = wf.get(field) ?? null;
      if (sv !== ev)
        diffs.push({ period, unit, what: "total", code: h.code, field, stored: sv, expected: ev });
    }
  }
  return diffs;
}

/** Reporting below the unit: the subtree's stored counters less the unit's own report, against the oracle's. */
function compareReporting(
  period: string,
  unit: string,
  stored: {
    own: StatusRow | undefined;
    counter: PeriodState["counters"][number] | undefined;
    deadline: string | null;
  },
  want: Consolidation | undefined,
): RecomputeDifference[] {
  const { own, counter: c } = stored;
  const ownLate = own && isLate(own.first_received_at, stored.deadline) ? 1 : 0;
  const counts = { submitted: (c?.submitted ?? 0) - (own ? 1 : 0), late: (c?.late ?? 0) - ownLate };
  return (["submitted", "late"] as const).flatMap((field): RecomputeDifference[] => {
    const expected = want?.reporting[field] ?? 0;
    return counts[field] === expected
      ? []
      : [{ period, unit, what: "reporting", field, stored: counts[field], expected }];
  });
}

/**
 * Consolidated figures as the API answers them: the stored totals through the same shared functions
 * GET /v1/consolidation uses, against shared/consolidation over the replayed current values, once per
 * template version the period's revisions used (a code two of them share is compared once, the
 * reporting counters once per unit).
 */
function compareTotals(
  period: string,
  state: PeriodState,
  replayed: Map<string, Replayed>,
  templates: Map<string, Template>,
): RecomputeDifference[] {
  const diffs: RecomputeDifference[] = [];
  const known = new Set(state.units.map((u) => u.code));
  const totalsBy = groupBy(state.totals, (t) => t.ancestor);
  const storedTargets = groupBy(
    state.values.filter((v) => v.p !== null),
    (v) => v.unit,
  );
  const statuses = new Map(state.statuses.map((s) => [s.unit, s]));
  const counters = new Map(state.counters.map((c) => [c.ancestor, c]));
  const compared = new Set<string>();
  const reportingCompared = new Set<string>();
  for (const template of templates.values()) {
    const catalog = catalogOf(template);
    const reports: CurrentReport[] = [...replayed]
      .filter(([unit]) => known.has(unit))
      .map(([unit, r]) => ({
        unit,
        rows: [...r.rows.values()].map((row) => decodeRow(template, row)),
        firstReceivedAt: r.status.first_received_at,
        receivedAt: r.status.received_at,
      }));
    const input = { template, units: state.units, reports, period, deadline: state.deadline };
    const expected = consolidateOrReport(input, catalog, state, diffs);
    if (expected === undefined) continue;
    for (const unit of state.units.map((u) => u.code).sort()) {
      const targets = (storedTargets.get(unit) ?? []).map((v) => ({ code: v.c, target_pct: v.p as number }));
      const have = indicatorTotals(
        catalog,
        figuresOf(catalog, totalsBy.get(unit) ?? []),
        ownOf(catalog, targets),
      );
      const want = expected.get(unit);
      diffs.push(...compareIndicators(period, unit, have, want, compared));
      if (reportingCompared.has(unit)) continue;
      reportingCompared.add(unit);
      const stored = { own: statuses.get(unit), counter: counters.get(unit), deadline: state.deadline };
      diffs.push(...compareReporting(period, unit, stored, want));
    }
  }
  return diffs;
}

export function compare(
  period: string,
  state: PeriodState,
  replayed: Map<string, Replayed>,
  templates: Map<string, Template>,
): RecomputeDifference[] {
  return [
    ...compareRevisions(period, replayed),
    ...compareCurrentValues(period, state, replayed),
    ...compareStatuses(period, state, replayed),
    ...compareTotals(period, state, replayed, templates),
  ];
}

/**
 * The oracle's totals, or undefined after adding a difference for each stored total past exact range:
 * the oracle refuses to sum beyond 2^53 thousandths (math.ts), which revisions stored before today's
 * limits (shared/api/limits.ts) can reach. A problem of the period, never a failed recomputation.
 */
function consolidateOrReport(
  input: ConsolidationInput,
  catalog: Catalog,
  state: PeriodState,
  diffs: RecomputeDifference[],
): Map<string, Consolidation> | undefined {
  try {
    return consolidate(input);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const found: RecomputeDifference[] = [];
    const add = (unit: string, field: "target" | "actual", stored: number | null, code?: string) =>
      found.push({ period: input.period, unit, what: "total", code, field, stored, expected: e.message });
    for (const t of state.totals) {
      const ind = catalog.template.indicators[catalog.index.get(t.code) ?? -1];
      if (ind?.kind !== "count" && ind?.kind !== "money") continue;
      if (!Number.isSafeInteger(storedSumInThousandths(ind.kind, t.target_sum))) {
        add(t.ancestor, "target", fromStored(ind.kind, t.target_sum), t.code);
      }
      if (!Number.isSafeInteger(storedSumInThousandths(ind.kind, t.actual_sum))) {
        add(t.ancestor, "actual", fromStored(ind.kind, t.actual_sum), t.code);
      }
    }
    // Stored totals within range while the revisions are not: say so on each root.
    if (found.length === 0) for (const u of input.units) if (u.parent === null) add(u.code, "actual", null);
    diffs.push(...found);
    return undefined;
  }
}
