import { describe, expect, it } from "vitest";
import { consolidateUnit } from "../consolidation/consolidate.ts";
import { toThousands } from "../consolidation/math.ts";
import type { Template } from "../template/types.ts";
import { DEADLINE_YEARS, deadlineInRange, MAX_FIGURE, MAX_UNITS } from "./limits.ts";
import { periodSettings, submissionBody } from "./schemas.ts";

/** One count and one money row: the two kinds that are summed up the tree. */
const tiny: Template = {
  id: "tiny",
  version: 1,
  title: { vi: "t", en: "t" },
  sections: [],
  indicators: [
    {
      code: "AA01",
      section: "I",
      label: { vi: "a", en: "a" },
      unit: { vi: "", en: "" },
      kind: "count",
      overTime: "sum",
    },
    {
      code: "AA02",
      section: "I",
      label: { vi: "b", en: "b" },
      unit: { vi: "", en: "" },
      kind: "money",
      overTime: "sum",
    },
  ],
  grades: [],
  rules: [],
  outlier: { factor: 5, floor: 20 },
};

describe("figure limits", () => {
  it("keep a deployment's largest sum an exact integer of thousandths", () => {
    expect(MAX_UNITS * toThousands(MAX_FIGURE)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
  });

  it("let the oracle sum MAX_UNITS units at the maximum exactly, money with its last thousandth", () => {
    // 300 districts under the province, their communes under them: MAX_UNITS units in all.
    const units = [{ code: "ROOT", name: "root", parent: null as string | null }];
    for (let i = 1; i < MAX_UNITS; i++) {
      units.push({ code: `U${i}`, name: `u${i}`, parent: i <= 300 ? "ROOT" : `U${1 + (i % 300)}` });
    }
    const money = MAX_FIGURE - 0.001;
    const reports = units.map((u) => ({
      unit: u.code,
      rows: [
        { code: "AA01", actual: MAX_FIGURE, target: MAX_FIGURE },
        { code: "AA02", actual: money, target: money },
      ],
      firstReceivedAt: "2024-01-01T00:00:00.000Z",
      receivedAt: "2024-01-01T00:00:00.000Z",
    }));
    const root = consolidateUnit({ template: tiny, units, reports, period: "2023" }, "ROOT");
    const [count, amount] = root.indicators;
    expect(count?.actual).toBe(MAX_UNITS * MAX_FIGURE);
    expect(amount?.actual).toBe((MAX_UNITS * toThousands(money)) / 1000);
  }, 30_000);

  it("are what the API body accepts: the maximum passes, the next number up does not", () => {
    const body = (actual: number) => ({
      unit: "SL",
      period: "2023",
      template: "doan-2024",
      rows: [{ code: "XD06", actual }],
    });
    expect(submissionBody.safeParse(body(MAX_FIGURE)).success).toBe(true);
    expect(submissionBody.safeParse(body(MAX_FIGURE + 0.001)).success).toBe(false);
    expect(submissionBody.safeParse(body(999999999999.999)).success).toBe(false);
  });

  it("leave negative figures to the template's rules (a 422 naming the row), not to the body's shape", () => {
    const r = submissionBody.safeParse({
      unit: "SL",
      period: "2023",
      template: "doan-2024",
      rows: [{ code: "PT01", actual: -5, target: -1e-300 }],
    });
    expect(r.success).toBe(true);
  });
});

describe("deadlines", () => {
  it.each([
    ["2000-01-01T00:00:00Z", true],
    ["2100-12-31T23:59:59+07:00", true],
    ["2024-06-30T17:00:00.000Z", true],
    ["1999-12-31T23:59:59Z", false],
    ["2101-01-01T00:00:00Z", false],
    ["9999-12-31T23:59:59-23:59", false],
    ["0001-01-01T00:00:00Z", false],
  ])("%s accepted: %s", (deadline, ok) => {
    expect(deadlineInRange(deadline)).toBe(ok);
    const r = periodSettings.safeParse({ deadline });
    expect(r.success).toBe(ok);
    if (!ok) expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["deadline"]);
  });

  it("are years 2000 to 2100", () => {
    expect(DEADLINE_YEARS).toEqual({ from: 2000, to: 2100 });
  });
});
