import { describe, expect, it } from "vitest";
import { samePeriodYearBefore } from "./compared-period.ts";

describe("samePeriodYearBefore", () => {
  it("is the same period a year earlier, for every kind of period", () => {
    expect(samePeriodYearBefore("2026")).toBe("2025");
    expect(samePeriodYearBefore("2026-H1")).toBe("2025-H1");
    expect(samePeriodYearBefore("2026-Q3")).toBe("2025-Q3");
    expect(samePeriodYearBefore(" 2026-01 ")).toBe("2025-01");
  });

  it("is undefined for what is not a period", () => {
    expect(samePeriodYearBefore("2026-Q5")).toBeUndefined();
    expect(samePeriodYearBefore("")).toBeUndefined();
  });
});
