import { describe, expect, it } from "vitest";
import type { IndicatorTotal } from "../api/schemas.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { summarizeOwnReport, summarizeTargets } from "./targets.ts";

describe("summarizeTargets", () => {
  it("counts rows with a positive target; no actual means not achieved", () => {
    const rows: IndicatorTotal[] = [
      { code: "PT02", kind: "count", target: 100, actual: 125 }, // exceeded
      { code: "PT03", kind: "money", target: 555, actual: 555 }, // met exactly
      { code: "PT06", kind: "count", target: 700, actual: 650 }, // not met
      { code: "PT05", kind: "count", target: 2 }, // no data
      { code: "GD06", kind: "ratio", target: 80, actual: 80.1 }, // exceeded
      { code: "PT01", kind: "count", target: 0, actual: 5 }, // a 0 target is no target
      { code: "PT09", kind: "count", actual: 10_000 }, // no target
      { code: "TD01", kind: "grade", grades: { XS: 1, T: 0, HT: 0, KHT: 0 } },
    ];
    expect(summarizeTargets(rows)).toEqual({
      withTarget: 5,
      achieved: 3,
      exceeded: 2,
      text: { vi: "đạt 3/5 chỉ tiêu, vượt 2", en: "met 3/5 targets, exceeded 2" },
    });
  });

  it("says đạt 0/0 when there is no target at all", () => {
    expect(summarizeTargets([]).text.vi).toBe("đạt 0/0 chỉ tiêu, vượt 0");
  });
});

describe("summarizeOwnReport (the submission receipt)", () => {
  it("reads one report alone, ratios from its own numerator and denominator", () => {
    const summary = summarizeOwnReport(doan2024, [
      { code: "GD04", actual: 200 },
      { code: "GD05", actual: 170 },
      { code: "GD06", target: 80, actual: 10 }, // typed ratio ignored: 170/200 = 85 %
      { code: "PT02", target: 10, actual: 12 },
      { code: "PT03", target: 55.5, actual: 55.5 },
      { code: "PT05", target: 2, actual: 1 },
      { code: "PT06", target: 700 },
      { code: "TD01", actual: "XS" },
    ]);
    expect(summary).toMatchObject({ withTarget: 5, achieved: 3, exceeded: 2 });
    expect(summary.text.vi).toBe("đạt 3/5 chỉ tiêu, vượt 2");
  });

  it("does not reach a ratio target without its parts", () => {
    expect(summarizeOwnReport(doan2024, [{ code: "GD03", target: 100 }])).toMatchObject({
      withTarget: 1,
      achieved: 0,
    });
  });
});
