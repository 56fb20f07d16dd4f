import { describe, expect, it } from "vitest";
import { manualPointsIssues } from "./manual-points.ts";
import { getScheme } from "./registry.ts";

const scheme = getScheme()!;

describe("manualPointsIssues", () => {
  it("accepts manual items up to their maximum", () => {
    expect(
      manualPointsIssues(scheme, [
        { code: "TC4.4", points: 50 },
        { code: "TC6.1", points: 0 },
      ]),
    ).toEqual([]);
  });

  it("names the field of every mistake: unknown item, computed item, above maximum, twice", () => {
    const issues = manualPointsIssues(scheme, [
      { code: "TC9.9", points: 1 },
      { code: "TC1.2", points: 5 },
      { code: "TC4.4", points: 50.5 },
      { code: "TC5.2", points: 3 },
      { code: "TC5.2", points: 4 },
    ]);
    expect(issues.map((i) => [i.field, i.code])).toEqual([
      ["items.0.code", "score.unknown_item"],
      ["items.1.points", "score.not_manual"],
      ["items.2.points", "score.above_max"],
      ["items.4.code", "score.duplicate_item"],
    ]);
    expect(issues[1]!.message.vi).toContain("tự động");
    expect(issues[2]!.message.en).toBe("Item TC4.4 is worth at most 50 points, not 50.5");
  });

  it("refuses the timeliness item too: reporting discipline is never typed", () => {
    expect(manualPointsIssues(scheme, [{ code: "TC5.1", points: 30 }])[0]?.code).toBe("score.not_manual");
  });
});
