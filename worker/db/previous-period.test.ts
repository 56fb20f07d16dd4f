import { describe, expect, it } from "vitest";
import { previousPeriod } from "./previous-period.ts";

describe("previousPeriod", () => {
  it.each([
    ["2023", "2022"],
    ["2023-H2", "2023-H1"],
    ["2023-H1", "2022-H2"],
    ["2023-Q3", "2023-Q2"],
    ["2023-Q1", "2022-Q4"],
    ["2023-11", "2023-10"],
    ["2023-01", "2022-12"],
  ])("%s → %s", (period, before) => {
    expect(previousPeriod(period)).toBe(before);
  });

  it("has none for malformed periods or the year 0", () => {
    expect(previousPeriod("2023-13")).toBeUndefined();
    expect(previousPeriod("0000")).toBeUndefined();
  });
});
