import { describe, expect, it } from "vitest";
import { doan2024 } from "./doan-2024.ts";
import { kindChangeIssues } from "./kind-stability.ts";
import type { Indicator } from "./types.ts";

const v1 = { version: 1, indicators: doan2024.indicators };
const retyped = (code: string, kind: Indicator["kind"]) =>
  doan2024.indicators.map((i) => (i.code === code ? { ...i, kind } : i));

describe("kindChangeIssues", () => {
  it("accepts the same rows, a rename that keeps the kind, a retired row and a new one", () => {
    expect(kindChangeIssues([v1], { indicators: doan2024.indicators })).toEqual([]);
    const kn03 = doan2024.indicators.find((i) => i.code === "KN03")!;
    const next = [
      ...doan2024.indicators.filter((i) => i.code !== "KN03" && i.code !== "PT10"),
      { ...kn03, code: "KN98", formerCode: "KN03" },
      { ...kn03, code: "KN99", kind: "count" as const },
    ];
    expect(kindChangeIssues([v1], { indicators: next })).toEqual([]);
  });

  it("names the row, the version and both kinds when a code changes kind", () => {
    const indicators = retyped("PT10", "count");
    const n = indicators.findIndex((i) => i.code === "PT10");
    expect(kindChangeIssues([v1], { indicators })).toEqual([
      expect.objectContaining({
        code: "kind_changed",
        field: `indicators.${n}.kind`,
        en: expect.stringContaining("PT10 is money in version 1 and cannot become count"),
        vi: expect.stringContaining("chỉ tiêu PT10 là số tiền ở phiên bản 1"),
      }),
    ]);
  });

  it("follows a former code, and the latest earlier version decides", () => {
    const kn03 = doan2024.indicators.find((i) => i.code === "KN03")!;
    const renamedAsCount = [{ ...kn03, code: "KN98", formerCode: "KN03", kind: "count" as const }];
    expect(kindChangeIssues([v1], { indicators: renamedAsCount })).toHaveLength(1);
    // Version 2 made KN09 a count (a new code then): version 3 keeping it a count is fine.
    const v2 = { version: 2, indicators: [{ ...kn03, code: "KN98", kind: "count" as const }] };
    expect(kindChangeIssues([v2, v1], { indicators: [{ ...kn03, code: "KN98", kind: "count" }] })).toEqual(
      [],
    );
  });
});
