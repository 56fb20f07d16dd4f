import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { doan2024 } from "../template/doan-2024.ts";
import { criterionMax, gradeOf, itemPoints, rankByTotal, schemeMax, scoreUnit } from "./score.ts";
import { tieuChi2021 } from "./tieu-chi-2021.ts";
import type { ScoredFigure, ScoreInput, Timeliness } from "./types.ts";

const READ_CODES = [
  ...new Set(
    tieuChi2021.criteria.flatMap((c) =>
      c.items.flatMap((i) => (i.kind === "computed" ? [i.measure.indicator] : [])),
    ),
  ),
];
const MANUAL_ITEMS = tieuChi2021.criteria.flatMap((c) => c.items.filter((i) => i.kind === "manual"));

const arbFigure: fc.Arbitrary<ScoredFigure> = fc.record(
  { target: fc.integer({ min: 0, max: 5000 }), actual: fc.integer({ min: 0, max: 5000 }) },
  { requiredKeys: [] },
);
const arbInput: fc.Arbitrary<ScoreInput> = fc.record({
  figures: fc.dictionary(fc.constantFrom(...READ_CODES), arbFigure),
  timeliness: fc.constantFrom<Timeliness>("on_time", "late", "missing"),
  manual: fc.dictionary(
    fc.constantFrom(...MANUAL_ITEMS.map((item) => item.code)),
    fc.double({ min: -10, max: 100, noNaN: true }),
  ),
});

describe("the built-in scheme", () => {
  it("is shaped like the 2021 set: 6 criteria, 21 items, 450 + 50 bonus points", () => {
    expect(tieuChi2021.criteria).toHaveLength(6);
    expect(tieuChi2021.criteria.flatMap((c) => c.items)).toHaveLength(21);
    const bonus = tieuChi2021.criteria.filter((c) => c.bonus).reduce((s, c) => s + criterionMax(c.items), 0);
    expect(schemeMax(tieuChi2021)).toBe(500);
    expect(bonus).toBe(50);
    expect(tieuChi2021.criteria.flatMap((c) => c.items).filter((i) => i.kind === "timeliness")).toHaveLength(
      1,
    );
  });

  it("reads only indicators the template has", () => {
    const codes = new Set(doan2024.indicators.map((i) => i.code));
    for (const code of READ_CODES) expect(codes.has(code), code).toBe(true);
  });
});

describe("scoreUnit", () => {
  it("scores a unit that met everything with the full base and grades it by the thresholds", () => {
    const figures: Record<string, ScoredFigure> = {};
    for (const code of READ_CODES) figures[code] = { target: 10, actual: 200 };
    const manual = Object.fromEntries(MANUAL_ITEMS.map((i) => [i.code, i.max]));
    const full = scoreUnit(tieuChi2021, { figures, timeliness: "on_time", manual });
    expect(full.total).toBe(500);
    expect(full.grade).toBe("XS");
    const late = scoreUnit(tieuChi2021, { figures, timeliness: "late", manual });
    expect(late.total).toBe(485);
    const missing = scoreUnit(tieuChi2021, { figures, timeliness: "missing", manual: {} });
    expect(missing.criteria.find((c) => c.code === "TC5")?.points).toBe(0);
  });

  it("gives proportional points, capped, and nothing without data (blank is not zero, and not a pass)", () => {
    const item = tieuChi2021.criteria[1]!.items[0]!; // TC2.1, PT02 against its target, 25 points
    const base: ScoreInput = { figures: {}, timeliness: "on_time", manual: {} };
    expect(itemPoints(item, { ...base, figures: { PT02: { target: 100, actual: 50 } } })).toBe(12.5);
    expect(itemPoints(item, { ...base, figures: { PT02: { target: 100, actual: 400 } } })).toBe(25);
    expect(itemPoints(item, { ...base, figures: { PT02: { actual: 400 } } })).toBe(0);
    expect(itemPoints(item, base)).toBe(0);
  });

  it("never gives more than an item's, a criterion's or the scheme's maximum", () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const score = scoreUnit(tieuChi2021, input);
        for (const c of score.criteria) {
          expect(c.points).toBeLessThanOrEqual(c.max);
          expect(c.points).toBeGreaterThanOrEqual(0);
          for (const i of c.items) expect(i.points).toBeLessThanOrEqual(i.max);
        }
        expect(score.total).toBeLessThanOrEqual(schemeMax(tieuChi2021));
      }),
    );
  });

  it("is monotone: a larger figure never lowers any item", () => {
    fc.assert(
      fc.property(
        arbInput,
        fc.constantFrom(...READ_CODES),
        fc.integer({ min: 1, max: 1000 }),
        (input, code, more) => {
          const before = scoreUnit(tieuChi2021, input);
          const figure = input.figures[code] ?? {};
          const raised = {
            ...input,
            figures: { ...input.figures, [code]: { ...figure, actual: (figure.actual ?? 0) + more } },
          };
          const after = scoreUnit(tieuChi2021, raised);
          const pointsOf = (score: typeof before) =>
            score.criteria.flatMap((c) => c.items.map((i) => i.points));
          const raisedPoints = pointsOf(after);
          for (const [k, points] of pointsOf(before).entries())
            expect(raisedPoints[k]).toBeGreaterThanOrEqual(points);
        },
      ),
    );
  });
});

describe("grades", () => {
  const criteriaAt = (share: number) =>
    tieuChi2021.criteria.map((c) => ({
      code: c.code,
      points: criterionMax(c.items) * share,
      max: criterionMax(c.items),
      items: [],
    }));

  it("are exact at their edges", () => {
    const full = criteriaAt(1);
    expect(gradeOf(tieuChi2021, 430, full)).toBe("XS");
    expect(gradeOf(tieuChi2021, 429.99, full)).toBe("T");
    expect(gradeOf(tieuChi2021, 380, full)).toBe("T");
    expect(gradeOf(tieuChi2021, 379.99, full)).toBe("HT");
    expect(gradeOf(tieuChi2021, 300, full)).toBe("HT");
    expect(gradeOf(tieuChi2021, 299.99, full)).toBe("KHT");
  });

  it("withhold XS when a base criterion scores under half, whatever the total", () => {
    const weak = criteriaAt(1);
    weak[0] = { ...weak[0]!, points: weak[0]!.max / 2 - 0.01 };
    expect(gradeOf(tieuChi2021, 480, weak)).toBe("T");
    weak[0] = { ...weak[0]!, points: weak[0]!.max / 2 };
    expect(gradeOf(tieuChi2021, 480, weak)).toBe("XS");
  });
});

describe("rankByTotal", () => {
  it("puts higher totals first and lets ties share a rank", () => {
    const ranked = rankByTotal([
      { unit: "A", total: 300 },
      { unit: "B", total: 450 },
      { unit: "C", total: 300 },
      { unit: "D", total: 120 },
    ]);
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([
      ["B", 1],
      ["A", 2],
      ["C", 2],
      ["D", 4],
    ]);
  });

  it("gives every unit a rank equal to one plus the number of units strictly ahead", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }), (totals) => {
        const ranked = rankByTotal(totals.map((total, i) => ({ i, total })));
        for (const r of ranked) expect(r.rank).toBe(1 + totals.filter((t) => t > r.total).length);
      }),
    );
  });
});
