// Grade thresholds against a plain oracle: random thresholds (any number, any order, any grade names)
// pass checkSchemeDefinition exactly when they run from XS down, each needing fewer points than the one
// above, none beyond the scheme's points; and a scheme that passes scores every unit to one of its grades
// or KHT, the grade rising with the total.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSchemeDefinition } from "./definition.ts";
import { schemeMax, scoreUnit } from "./score.ts";
import { tieuChi2021 } from "./tieu-chi-2021.ts";
import type { GradeThreshold, ScoringScheme } from "./types.ts";

const ORDER = ["XS", "T", "HT"] as const;
const MAX = schemeMax(tieuChi2021);

function oracle(grades: GradeThreshold[]): boolean {
  return grades.every((g, n) => {
    const above = grades[n - 1];
    const ordered =
      above === undefined ||
      (ORDER.indexOf(g.grade) > ORDER.indexOf(above.grade) && g.minTotal < above.minTotal);
    return ordered && g.minTotal >= 0 && g.minTotal <= MAX;
  });
}

const threshold = fc.record({
  grade: fc.constantFrom(...ORDER),
  minTotal: fc.oneof(fc.integer({ min: -10, max: 600 }), fc.constantFrom(0, MAX, MAX + 0.5)),
});

describe("scheme grade thresholds (property)", () => {
  it("pass exactly when ordered from XS down, decreasing and reachable", () => {
    fc.assert(
      fc.property(fc.array(threshold, { minLength: 1, maxLength: 3 }), (grades) => {
        const { version: _v, ...rest } = tieuChi2021;
        const result = checkSchemeDefinition({ ...rest, grades });
        expect(result.ok).toBe(oracle(grades));
      }),
      { numRuns: 300 },
    );
  });

  it("a passing scheme grades a unit with the highest threshold its total meets", () => {
    const passing = fc
      .array(threshold, { minLength: 1, maxLength: 3 })
      .filter(oracle)
      .map((grades) => grades.map(({ grade, minTotal }) => ({ grade, minTotal })));
    const manual = fc.dictionary(
      fc.constantFrom("TC1.5", "TC2.5", "TC3.4", "TC4.4", "TC5.2", "TC6.1"),
      fc.integer({ min: 0, max: 10 }),
    );
    fc.assert(
      fc.property(
        passing,
        manual,
        fc.constantFrom("on_time", "late", "missing"),
        (grades, points, timeliness) => {
          const scheme: ScoringScheme = { ...tieuChi2021, grades };
          const score = scoreUnit(scheme, { figures: {}, timeliness, manual: points });
          const expected = grades.find((g) => score.total >= g.minTotal)?.grade ?? "KHT";
          expect(score.grade).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
