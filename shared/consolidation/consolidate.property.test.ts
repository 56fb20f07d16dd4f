import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Consolidation, IndicatorTotal } from "../api/schemas.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { GRADES, type Grade } from "../template/types.ts";
import { type ConsolidationInput, type CurrentReport, consolidate, type UnitNode } from "./consolidate.ts";
import { fromThousands, ratePercent, toThousands } from "./math.ts";
import { allOf, arbConsolidationInput, arbReport, arbUnits, shuffled } from "./testing.ts";

const entries = (input: ConsolidationInput) => [...consolidate(input)];

function total(c: Consolidation, code: string): IndicatorTotal {
  return c.indicators.find((i) => i.code === code) as IndicatorTotal;
}

/** The own figure of a unit's report for a row, or undefined (no row, or no number in it). */
function ownFigure(report: CurrentReport | undefined, code: string, field: "actual" | "target") {
  const row = report?.rows.find((r) => r.code === code);
  const v = row?.[field];
  return typeof v === "number" ? v : undefined;
}

/** Naive reference: the units of u's subtree found by walking every unit's ancestor chain (O(n²)). */
function subtreeOf(units: readonly UnitNode[], root: string): UnitNode[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  return units.filter((u) => {
    for (let c: string | null = u.code; c !== null; c = byCode.get(c)?.parent ?? null) {
      if (c === root) return true;
    }
    return false;
  });
}

const counted = doan2024.indicators.filter((i) => i.kind === "count" || i.kind === "money");

// Property runs are CPU-bound and the machine is shared: a generous limit, not a timing check.
const LIMIT = 60_000;

describe("consolidation properties", () => {
  it(
    "does not depend on the order of units, reports or rows",
    () => {
      fc.assert(
        fc.property(
          arbConsolidationInput().chain((input) =>
            fc.record({
              input: fc.constant(input),
              units: shuffled(input.units),
              reports: shuffled(input.reports).chain((rs) =>
                allOf(rs.map((r) => shuffled(r.rows).map((rows) => ({ ...r, rows })))),
              ),
            }),
          ),
          ({ input, units, reports }) => {
            expect(entries({ ...input, units, reports })).toEqual(entries(input));
          },
        ),
        { numRuns: 150 },
      );
    },
    LIMIT,
  );

  it(
    "lets a resubmission replace the earlier report, moving totals by exactly the difference",
    () => {
      const arb = arbConsolidationInput().chain((input) =>
        fc.constantFrom(...input.units).chain((target) =>
          fc.record({
            input: fc.constant(input),
            target: fc.constant(target),
            r1: arbReport(target.code),
            r2: arbReport(target.code),
          }),
        ),
      );
      fc.assert(
        fc.property(arb, ({ input, target, r1, r2 }) => {
          const others = input.reports.filter((r) => r.unit !== target.code);
          const before = consolidate({ ...input, reports: [...others, r1] });
          const replaced = consolidate({
            ...input,
            reports: [...others, r1].map((r) => (r === r1 ? r2 : r)),
          });
          const onlySecond = consolidate({ ...input, reports: [r2, ...others] });
          expect([...replaced]).toEqual([...onlySecond]);

          // The Worker's incremental rule: every ancestor (and the unit) moves by own(r2) − own(r1).
          const byCode = new Map(input.units.map((u) => [u.code, u]));
          const ancestors = new Set<string>();
          for (let c: string | null = target.code; c !== null; c = byCode.get(c)?.parent ?? null)
            ancestors.add(c);
          for (const [code, after] of replaced) {
            const was = before.get(code) as Consolidation;
            for (const ind of counted) {
              for (const field of ["actual", "target"] as const) {
                const delta =
                  toThousands(total(after, ind.code)[field] ?? 0) -
                  toThousands(total(was, ind.code)[field] ?? 0);
                const own = (r: CurrentReport) => toThousands(ownFigure(r, ind.code, field) ?? 0);
                expect(delta).toBe(ancestors.has(code) ? own(r2) - own(r1) : 0);
              }
            }
          }
        }),
        { numRuns: 100 },
      );
    },
    LIMIT,
  );

  it(
    "equals, for every unit, the sum of its whole subtree's own figures (naive reference)",
    () => {
      fc.assert(
        fc.property(arbConsolidationInput(), (input) => {
          const reportOf = new Map(input.reports.map((r) => [r.unit, r]));
          const all = consolidate(input);
          for (const u of input.units) {
            const c = all.get(u.code) as Consolidation;
            const sub = subtreeOf(input.units, u.code);
            const reports = sub.map((s) => reportOf.get(s.code));
            for (const ind of counted) {
              for (const field of ["actual", "target"] as const) {
                const values = reports
                  .map((r) => ownFigure(r, ind.code, field))
                  .filter((v) => v !== undefined);
                const expected =
                  values.length === 0 ? undefined : values.reduce((s, v) => s + toThousands(v), 0) / 1000;
                expect(total(c, ind.code)[field]).toBe(expected);
              }
            }
            const grades: Record<Grade, number> = { XS: 0, T: 0, HT: 0, KHT: 0 };
            for (const r of reports) {
              const g = r?.rows.find((x) => x.code === "TD01")?.actual;
              if (GRADES.includes(g as Grade)) grades[g as Grade] += 1;
            }
            expect(total(c, "TD01").grades).toEqual(grades);
            const below = sub.filter((s) => s.code !== u.code);
            expect(c.reporting.expected).toBe(below.length);
            expect(c.reporting.submitted).toBe(below.filter((s) => reportOf.has(s.code)).length);
            expect(c.reporting.missing).toEqual(
              below
                .filter((s) => !reportOf.has(s.code))
                .map((s) => s.code)
                .sort(),
            );
            const met = below.filter((s) => (ownFigure(reportOf.get(s.code), "PT04", "actual") ?? -1) >= 3);
            expect(total(c, "PT04").unitsMet).toBe(met.length);
          }
        }),
        { numRuns: 100 },
      );
    },
    LIMIT,
  );

  it(
    "has the root's count totals equal to the sum of all units' own values, leaves and inner units",
    () => {
      fc.assert(
        fc.property(arbConsolidationInput(), (input) => {
          const all = consolidate(input);
          const roots = input.units
            .filter((u) => u.parent === null)
            .map((u) => all.get(u.code) as Consolidation);
          for (const ind of doan2024.indicators.filter((i) => i.kind === "count")) {
            const own = input.reports
              .map((r) => ownFigure(r, ind.code, "actual"))
              .filter((v): v is number => v !== undefined);
            const fromRoots = roots.map((r) => total(r, ind.code).actual).filter((v) => v !== undefined);
            expect(fromRoots.reduce((s, v) => s + v, 0)).toBe(own.reduce((s, v) => s + v, 0));
            expect(fromRoots.length > 0).toBe(own.length > 0);
          }
        }),
        { numRuns: 100 },
      );
    },
    LIMIT,
  );

  it(
    "sums money exactly: the total is the integer sum of thousandths, with no float drift",
    () => {
      const arb = arbUnits(40).chain((units) =>
        fc.record({
          units: fc.constant(units),
          thousandths: fc.array(fc.nat({ max: 999_999_999 }), {
            minLength: units.length,
            maxLength: units.length,
          }),
        }),
      );
      fc.assert(
        fc.property(arb, ({ units, thousandths }) => {
          // The parts are k/1000 with k known integers: the exact total is Σk / 1000, by integer math alone.
          const reports = units.map((u, i) => ({
            unit: u.code,
            rows: [{ code: "PT10", actual: (thousandths[i] ?? 0) / 1000 }],
            firstReceivedAt: "2023-12-01T00:00:00Z",
            receivedAt: "2023-12-01T00:00:00Z",
          }));
          const all = consolidate({ template: doan2024, units, reports, period: "2023" });
          units.forEach((u) => {
            if (u.parent !== null) return;
            const members = new Set(subtreeOf(units, u.code).map((s) => s.code));
            const exact = units.reduce((s, v, i) => (members.has(v.code) ? s + (thousandths[i] ?? 0) : s), 0);
            expect(total(all.get(u.code) as Consolidation, "PT10").actual).toBe(exact / 1000);
          });
        }),
        { numRuns: 200 },
      );
    },
    LIMIT,
  );

  it("keeps the drift out even where naive float addition has it", () => {
    const units = [
      { code: "P", name: "P", parent: null },
      ...[1, 2, 3].map((i) => ({ code: `P.${i}`, name: "", parent: "P" })),
    ];
    const parts = [0.1, 0.2, 0.3];
    expect(parts.reduce((s, v) => s + v, 0)).not.toBe(0.6);
    const reports = parts.map((v, i) => ({
      unit: `P.${i + 1}`,
      rows: [{ code: "PT10", actual: v }],
      firstReceivedAt: "2023-12-01T00:00:00Z",
      receivedAt: "2023-12-01T00:00:00Z",
    }));
    const p = consolidate({ template: doan2024, units, reports, period: "2023" }).get("P") as Consolidation;
    expect(total(p, "PT10").actual).toBe(0.6);
  });

  it(
    "computes every ratio from the subtree's summed parts, whatever was typed in the ratio row",
    () => {
      fc.assert(
        fc.property(arbConsolidationInput(), (input) => {
          const all = consolidate(input);
          const reportOf = new Map(input.reports.map((r) => [r.unit, r]));
          for (const u of input.units) {
            const c = all.get(u.code) as Consolidation;
            const reports = subtreeOf(input.units, u.code).map((s) => reportOf.get(s.code));
            for (const ind of doan2024.indicators) {
              if (!ind.ratio) continue;
              const sum = (code: string) => {
                const vs = reports.map((r) => ownFigure(r, code, "actual")).filter((v) => v !== undefined);
                return vs.length === 0
                  ? undefined
                  : fromThousands(vs.reduce((s, v) => s + toThousands(v), 0));
              };
              const num = sum(ind.ratio.numerator);
              const den = sum(ind.ratio.denominator);
              const expected = num === undefined || den === undefined ? undefined : ratePercent(num, den);
              expect(total(c, ind.code).actual).toBe(expected);
              expect(total(c, ind.code).target).toBe(ownFigure(reportOf.get(u.code), ind.code, "target"));
            }
          }
        }),
        { numRuns: 60 },
      );
    },
    LIMIT,
  );
});
