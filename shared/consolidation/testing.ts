// Test-only: fast-check generators of consolidation inputs (random trees and reports), for this
// module's properties and for the Worker's "SQL totals == oracle" tests. Imports fast-check, so it is
// never re-exported from index.ts or bundled.
import fc from "fast-check";
import { doan2024 } from "../template/doan-2024.ts";
import { GRADES, type Indicator, type ReportRow, type Template } from "../template/types.ts";
import type { ConsolidationInput, CurrentReport, UnitNode } from "./consolidate.ts";

const at = (ms: number) => new Date(ms).toISOString();
const T0 = Date.parse("2023-12-01T00:00:00Z");
const DAY = 86_400_000;

/** One value from each arbitrary, in order (fc.tuple over a list that may be empty). */
export function allOf<T>(arbs: readonly fc.Arbitrary<T>[]): fc.Arbitrary<T[]> {
  return arbs.length === 0 ? fc.constant<T[]>([]) : fc.tuple(...arbs).map((xs) => [...xs]);
}

/** The same items in any order. */
export function shuffled<T>(xs: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...xs], { minLength: xs.length });
}

/** A money figure with at most 3 decimals (k thousandths), so exact sums are known in integers. */
export const arbMoney = fc.nat({ max: 5_000_000_000 }).map((k) => k / 1000);

/** One row for an indicator, as a unit might send it (ratio actuals are junk the oracle must ignore). */
export function arbRow(ind: Indicator): fc.Arbitrary<ReportRow> {
  const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 4 });
  switch (ind.kind) {
    case "count":
      return fc.record({
        code: fc.constant(ind.code),
        target: opt(fc.nat(2000)),
        actual: opt(fc.nat(1_000_000)),
      });
    case "money":
      return fc.record({ code: fc.constant(ind.code), target: opt(arbMoney), actual: opt(arbMoney) });
    case "ratio":
      return fc.record({
        code: fc.constant(ind.code),
        target: opt(fc.integer({ min: 0, max: 100 })),
        actual: opt(fc.integer({ min: 0, max: 100 })),
      });
    case "grade":
      return fc.record({ code: fc.constant(ind.code), actual: opt(fc.constantFrom(...GRADES)) });
  }
}

export function arbRows(template: Template = doan2024): fc.Arbitrary<ReportRow[]> {
  return fc.subarray(template.indicators).chain((inds) => allOf(inds.map(arbRow)));
}

export function arbReport(unit: string, template: Template = doan2024): fc.Arbitrary<CurrentReport> {
  return fc
    .record({ rows: arbRows(template), first: fc.nat(30 * DAY), later: fc.nat(10 * DAY) })
    .map(({ rows, first, later }) => ({
      unit,
      rows,
      firstReceivedAt: at(T0 + first),
      receivedAt: at(T0 + first + later),
    }));
}

/** Parent of unit i: an earlier unit, or now and then none (a forest, as a database may hold). */
const arbParent = (i: number) =>
  fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: i - 1 }), weight: 12 },
    { arbitrary: fc.constant(-1), weight: 1 },
  );

/**
 * Unit trees of 1..maxUnits units: unit i hangs under a random earlier unit (or, rarely, is another
 * root), and codes are shuffled so that code order and tree shape are unrelated.
 */
export function arbUnits(maxUnits = 25): fc.Arbitrary<UnitNode[]> {
  return fc.integer({ min: 1, max: maxUnits }).chain((n) =>
    fc
      .tuple(
        fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9.]{0,4}$/), { minLength: n, maxLength: n }),
        fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : arbParent(i)))),
      )
      .map(([codes, parents]) =>
        codes.map((code, i) => {
          const p = parents[i] ?? -1;
          return { code, name: `Đơn vị ${code}`, parent: p < 0 ? null : (codes[p] ?? null) };
        }),
      ),
  );
}

/** A whole input: a tree, a current report for some units, maybe a deadline. */
export function arbConsolidationInput(
  opts: { maxUnits?: number; template?: Template } = {},
): fc.Arbitrary<ConsolidationInput> {
  const template = opts.template ?? doan2024;
  return arbUnits(opts.maxUnits).chain((units) =>
    fc
      .record({
        reports: fc.tuple(
          ...units.map((u) => fc.option(arbReport(u.code, template), { nil: undefined, freq: 4 })),
        ),
        deadline: fc.option(
          fc.nat(30 * DAY).map((ms) => at(T0 + ms)),
          { nil: null },
        ),
      })
      .map(({ reports, deadline }) => ({
        template,
        units,
        reports: reports.filter((r): r is CurrentReport => r !== undefined),
        period: "2023",
        deadline,
      })),
  );
}
