import { describe, expect, it } from "vitest";
import { checkFigures, checkReport } from "../rules/check-report.ts";
import { checkDefinition, MAX_ISSUES } from "./definition.ts";
import { doan2024 } from "./doan-2024.ts";
import { doan2026 } from "./doan-2026.ts";

const fields = (input: unknown, id?: string) => {
  const r = checkDefinition(input, id);
  return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.field}`);
};

describe("checkDefinition", () => {
  it("accepts the built-ins as they are, and gives back the definition without its version", () => {
    for (const t of [doan2024, doan2026]) {
      const r = checkDefinition(t, t.id);
      expect(r.ok).toBe(true);
      if (r.ok) expect({ ...r.definition, version: t.version }).toEqual(t);
    }
  });

  it("names the field of each mistake, every one of them", () => {
    const bad = {
      ...doan2024,
      id: "doan-2024",
      grades: [],
      indicators: [
        ...doan2024.indicators,
        { ...doan2024.indicators[0], section: "IX" },
        {
          ...(doan2024.indicators[2] as object),
          code: "ZZ01",
          ratio: { numerator: "PT03", denominator: "GD01" },
        },
      ],
      rules: [
        ...doan2024.rules,
        { id: "x", expression: "GD03 <= GD01", severity: "error", label: { vi: "a", en: "a" } },
      ],
    };
    const n = doan2024.indicators.length;
    expect(fields(bad, "doan-2025")).toEqual([
      "id_mismatch id",
      `duplicate indicators.${n}.code`,
      `unknown_section indicators.${n}.section`,
      "grades_missing grades",
      `ratio_of_non_count indicators.${n + 1}.ratio.numerator`,
      `expression_kind rules.${doan2024.rules.length}.expression`,
    ]);
  });

  it("says where a rule's text goes wrong", () => {
    const r = checkDefinition({ ...doan2024, rules: [{ ...doan2024.rules[0], expression: "GD02 <= PT99" }] });
    expect(r.ok ? [] : r.issues.map((i) => [i.field, i.en, i.vi])).toEqual([
      ["rules.0.expression", "col 9: unknown code PT99", "cột 9: không có mã PT99"],
    ]);
  });

  it("refuses labels a spreadsheet would run, control characters, 64 KB labels; lists at most 100 issues", () => {
    const withLabel = (vi: string) => ({
      ...doan2024,
      indicators: [{ ...doan2024.indicators[0], label: { vi, en: "x" } }, ...doan2024.indicators.slice(1)],
    });
    for (const vi of ['=HYPERLINK("http://x")', " +1", "@SUM(A1)", "a\u0007b", "x".repeat(65536)]) {
      expect(fields(withLabel(vi))).toEqual([expect.stringMatching(/ indicators\.0\.label\.vi$/)]);
    }
    expect(fields(withLabel("- Trong đó: nữ"))).toEqual([]);
    const rows = (n: number) => ({ ...doan2024, indicators: Array.from({ length: n }, () => ({})) });
    expect(fields(rows(10_000))).toEqual(["too_big indicators"]);
    const issues = fields(rows(500));
    expect(issues).toHaveLength(MAX_ISSUES + 1);
    expect(issues.at(-1)).toBe("too_many_issues (body)");
  });
});

describe("doan-2026", () => {
  const members = (extra: Record<string, number>) =>
    Object.entries({ GD01: 20, GD04: 500, GD07: 1500, ...extra }).map(([code, actual]) => ({ code, actual }));

  it("warns on 123,456,789 participations in a commune of 500 members, and not on 90,000", () => {
    const issues = checkFigures(doan2026, members({ PT01: 123_456_789 }));
    expect(issues.map((i) => [i.code, i.severity, i.rule, i.indicator])).toEqual([
      ["rule.expression", "warning", "PL-PT01", "PT01"],
    ]);
    expect(checkFigures(doan2026, members({ PT01: 90_000 }))).toEqual([]);
    // Without the unit's size there is nothing to judge by: the warning rules skip.
    expect(
      checkFigures(doan2026, [
        { code: "GD01", actual: 1 },
        { code: "GD04", actual: null },
        { code: "GD13", actual: 5 },
      ]).map((i) => i.code),
    ).toEqual(["rule.required_missing"]);
  });

  it("judges members and youth together (a sum) and needs learners for its classes", () => {
    expect(checkFigures(doan2026, members({ BD03: 2001 })).map((i) => i.rule)).toEqual(["PL-BD03"]);
    expect(checkFigures(doan2026, members({ BD03: 2000 }))).toEqual([]);
    expect(checkFigures(doan2026, members({ BD01: 3 })).map((i) => [i.code, i.indicator])).toEqual([
      ["rule.side_missing", "BD02"],
    ]);
  });

  it("has renamed GD14 to GD16, retired PT11, and reads a 2025 report's GD14 as last period's GD16", () => {
    const codes = doan2026.indicators.map((i) => i.code);
    expect(codes).not.toContain("GD14");
    expect(codes).not.toContain("PT11");
    expect(doan2026.indicators.find((i) => i.code === "GD16")?.formerCode).toBe("GD14");
    const issues = checkReport(
      doan2026,
      { rows: members({ GD16: 2000 }) },
      { previous: [{ code: "GD14", actual: 100 }] },
    );
    expect(issues.map((i) => [i.code, i.indicator, i.params.previous])).toEqual([
      ["rule.outlier", "GD16", 100],
    ]);
  });
});
