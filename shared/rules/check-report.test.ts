import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasErrors, ISSUE_CODES, type Issue } from "../issues.ts";
import { formatIssue } from "../messages/index.ts";
import { doan2024 } from "../template/doan-2024.ts";
import type { ReportRow, Rule, Template } from "../template/types.ts";
import { checkReport } from "./check-report.ts";

type Values = Record<string, number | string | null | undefined>;

/** Rows from code → actual; the two required rows are filled unless the test says otherwise. */
function rows(values: Values, withRequired = true): ReportRow[] {
  const all: Values = withRequired ? { GD01: 1000, GD04: 10000, ...values } : values;
  return Object.entries(all).map(([code, actual]) => ({ code, actual }));
}

function run(values: Values, previous?: Values): Issue[] {
  return checkReport(doan2024, { rows: rows(values) }, previous ? { previous: rows(previous, false) } : {});
}

/** Issues without the noise of other checks: code, indicator, field, rule. */
function brief(issues: Issue[]) {
  return issues.map((i) => ({ code: i.code, indicator: i.indicator, field: i.field, rule: i.rule }));
}

const withRules = (rules: Rule[]): Template => ({ ...doan2024, rules });

/** The rule `left op right` in the rule language; `requires` is `left > 0 => right > 0`. */
function rule(
  id: string,
  left: string,
  op: "<=" | ">=" | "==" | "requires",
  right: string,
  extra: Partial<Rule> = {},
): Rule {
  return {
    id,
    expression: op === "requires" ? `${left} > 0 => ${right} > 0` : `${left} ${op} ${right}`,
    severity: "error",
    ifMissing: "skip",
    label: { vi: "quy tắc thử", en: "test rule" },
    ...extra,
  };
}

describe("checkReport: a clean report", () => {
  it("finds nothing in a report that keeps every rule", () => {
    const issues = run({
      GD02: 1000,
      GD05: 8000,
      GD07: 500,
      GD08: 400,
      PT01: 92387,
      PT02: 125,
      PT03: 555.125,
      PT05: 2,
      PT06: 700,
      CD03: 10,
      CD04: 10,
      KN02: 1758,
      KN03: 312,
      KN07: 0,
      KN08: 0,
      XD02: 1570,
      XD03: 1570,
      XD04: 10000,
      TD01: "XS",
    });
    expect(issues).toEqual([]);
  });

  it("accepts an empty optional row set when the required rows are there", () => {
    expect(run({})).toEqual([]);
  });
});

describe("checkReport: part ≤ whole rules of doan-2024", () => {
  const partOfWhole: [string, string, string][] = [
    ["GD02<=GD01", "GD02", "GD01"],
    ["GD05<=GD04", "GD05", "GD04"],
    ["GD08<=GD07", "GD08", "GD07"],
    ["CD04<=CD03", "CD04", "CD03"],
    ["KN08<=KN07", "KN08", "KN07"],
    ["XD04<=GD04", "XD04", "GD04"],
  ];

  it.each(partOfWhole)("%s passes when the part equals the whole", (_id, part, whole) => {
    expect(run({ [part]: 300, [whole]: 300 })).toEqual([]);
  });

  it.each(partOfWhole)("%s fails as an error when the part exceeds the whole", (id, part, whole) => {
    const issues = run({ [part]: 301, [whole]: 300 });
    expect(brief(issues)).toEqual([{ code: "rule.compare", indicator: part, field: "actual", rule: id }]);
    expect(issues[0]?.severity).toBe("error");
    expect(issues[0]?.params).toEqual({
      left: part,
      right: whole,
      op: "<=",
      leftValue: 301,
      rightValue: 300,
    });
  });

  it.each(partOfWhole)("%s is skipped when a side is blank", (_id, part, whole) => {
    // A blank required whole (GD01, GD04) is reported as missing, never compared.
    const partOnly = run({ [part]: 5, [whole]: undefined });
    expect(partOnly.filter((i) => i.code !== "rule.required_missing")).toEqual([]);
    expect(run({ [whole]: 5, [part]: null })).toEqual([]);
  });
});

describe("checkReport: a value needs its count (requires, ifMissing fail)", () => {
  const requires: [string, string, string][] = [
    ["PT03requiresPT02", "PT03", "PT02"],
    ["PT06requiresPT05", "PT06", "PT05"],
    ["KN03requiresKN02", "KN03", "KN02"],
  ];

  it.each(requires)("%s passes with both sides filled", (_id, left, right) => {
    expect(run({ [left]: 555, [right]: 2 })).toEqual([]);
  });

  it.each(requires)("%s fails when the left side is > 0 and the right side is 0", (id, left, right) => {
    const issues = run({ [left]: 555, [right]: 0 });
    expect(brief(issues)).toEqual([{ code: "rule.requires", indicator: left, field: "actual", rule: id }]);
    expect(issues[0]?.severity).toBe("error");
    expect(issues[0]?.params).toMatchObject({ leftValue: 555, rightValue: 0 });
  });

  it.each(requires)("%s fails on the blank right side when the left side is > 0", (id, left, right) => {
    const issues = run({ [left]: 555 });
    expect(brief(issues)).toEqual([
      { code: "rule.side_missing", indicator: right, field: "actual", rule: id },
    ]);
    expect(issues[0]?.params).toEqual({
      left,
      right,
      op: "requires",
      leftValue: 555,
      rightValue: null,
      missing: "right",
    });
  });

  it.each(requires)("%s says nothing when the left side is 0 or blank", (_id, left, right) => {
    expect(run({ [left]: 0, [right]: 0 })).toEqual([]);
    expect(run({ [left]: 0 })).toEqual([]);
    expect(run({ [right]: 0 })).toEqual([]);
    expect(run({ [right]: 7 })).toEqual([]);
    expect(run({})).toEqual([]);
  });
});

describe("checkReport: XD03 ≤ XD02 is a warning", () => {
  it("passes at equality and warns above", () => {
    expect(run({ XD03: 10, XD02: 10 })).toEqual([]);
    const issues = run({ XD03: 12, XD02: 10 });
    expect(brief(issues)).toEqual([
      { code: "rule.compare", indicator: "XD03", field: "actual", rule: "XD03<=XD02" },
    ]);
    expect(issues[0]?.severity).toBe("warning");
    expect(hasErrors(issues)).toBe(false);
  });
});

describe("checkReport: operators and missing sides on custom rules", () => {
  const check = (r: Rule, values: Values) =>
    checkReport(withRules([r]), { rows: rows(values) }).map((i) => [i.code, i.indicator, i.params.missing]);

  it(">= and == compare both ways", () => {
    const ge = rule("PT09>=PT08", "PT09", ">=", "PT08");
    expect(check(ge, { PT09: 900, PT08: 900 })).toEqual([]);
    expect(check(ge, { PT09: 899, PT08: 900 })).toEqual([["rule.compare", "PT09", undefined]]);
    const eq = rule("PT09==PT08", "PT09", "==", "PT08");
    expect(check(eq, { PT09: 900, PT08: 900 })).toEqual([]);
    expect(check(eq, { PT09: 901, PT08: 900 })).toEqual([["rule.compare", "PT09", undefined]]);
  });

  it("compares money up to binary rounding, not beyond", () => {
    const eq = rule("PT10==PT03", "PT10", "==", "PT03");
    expect(check(eq, { PT10: 0.1 + 0.2, PT03: 0.3 })).toEqual([]);
    expect(check(eq, { PT10: 0.301, PT03: 0.3 })).toEqual([["rule.compare", "PT10", undefined]]);
  });

  it("ifMissing fail: a blank side fails when the other side is > 0, on either side", () => {
    const r = rule("GD08<=GD07", "GD08", "<=", "GD07", { ifMissing: "fail" });
    expect(check(r, { GD08: 50 })).toEqual([["rule.side_missing", "GD07", "right"]]);
    expect(check(r, { GD07: 50 })).toEqual([["rule.side_missing", "GD08", "left"]]);
    expect(check(r, { GD07: 0 })).toEqual([]);
    expect(check(r, {})).toEqual([]);
  });

  it("ifMissing skip on requires: a blank side skips the rule", () => {
    const r = rule("PT03requiresPT02", "PT03", "requires", "PT02");
    expect(check(r, { PT03: 5 })).toEqual([]);
    expect(check(r, { PT03: 5, PT02: 0 })).toEqual([["rule.requires", "PT03", undefined]]);
  });

  it("takes its severity from the rule", () => {
    const r = rule("PT09>=PT08", "PT09", ">=", "PT08", { severity: "warning", ifMissing: "fail" });
    const issues = checkReport(withRules([r]), { rows: rows({ PT08: 3 }) });
    expect(issues.map((i) => [i.code, i.severity])).toEqual([["rule.side_missing", "warning"]]);
  });

  it("does not compare a side that already has a kind error", () => {
    expect(run({ GD02: -5, GD01: 10 }).map((i) => i.code)).toEqual(["cell.negative"]);
    expect(run({ PT03: "nhiều" }).map((i) => i.code)).toEqual(["rule.wrong_kind"]);
  });
});

describe("checkReport: required rows", () => {
  it("flags a required row that is absent, null or undefined; 0 is a figure", () => {
    const absent = checkReport(doan2024, { rows: rows({ PT01: 5 }, false) });
    expect(brief(absent)).toEqual([
      { code: "rule.required_missing", indicator: "GD01", field: "actual", rule: undefined },
      { code: "rule.required_missing", indicator: "GD04", field: "actual", rule: undefined },
    ]);
    expect(absent.every((i) => i.severity === "error")).toBe(true);
    expect(run({ GD01: null }).map((i) => i.indicator)).toEqual(["GD01"]);
    expect(checkReport(doan2024, { rows: [{ code: "GD01" }, { code: "GD04", actual: 0 }] }).length).toBe(1);
    expect(run({ GD01: 0, GD04: 0 })).toEqual([]);
  });

  it("reports text in a required row as the wrong kind, not as missing", () => {
    expect(brief(run({ GD01: "" }))).toEqual([
      { code: "rule.wrong_kind", indicator: "GD01", field: "actual", rule: undefined },
    ]);
  });
});

describe("checkReport: kinds", () => {
  const one = (code: string, row: Omit<ReportRow, "code">) =>
    checkReport(doan2024, { rows: [...rows({}), { code, ...row }] });

  it.each([
    ["count fraction", "PT01", 1.5, "cell.fraction_in_count"],
    ["count negative", "PT01", -3, "cell.negative"],
    ["count negative fraction", "PT01", -0.5, "cell.negative"],
    ["count as text", "PT01", "92.387", "rule.wrong_kind"],
    ["count NaN", "PT01", Number.NaN, "rule.wrong_kind"],
    ["count Infinity", "PT01", Number.POSITIVE_INFINITY, "rule.wrong_kind"],
    ["money negative", "PT10", -0.001, "cell.negative"],
    ["money with 4 decimals", "PT10", 1.2345, "cell.too_many_decimals"],
    ["money as text", "PT10", "1,5", "rule.wrong_kind"],
    ["grade as a number", "TD01", 1, "rule.wrong_kind"],
    ["grade as a label", "TD01", "Hoàn thành xuất sắc nhiệm vụ", "rule.wrong_kind"],
  ] as const)("%s → %s", (_name, code, actual, expected) => {
    const issues = one(code, { actual });
    expect(brief(issues)).toEqual([{ code: expected, indicator: code, field: "actual", rule: undefined }]);
    expect(issues[0]?.severity).toBe("error");
  });

  it.each([
    ["count 0", "PT01", 0],
    ["count large", "PT01", 200000],
    ["money 3 decimals", "PT10", 1.234],
    ["money sum with binary rounding", "PT10", 0.1 + 0.2],
    ["money whole", "PT10", 400],
    ["grade code", "TD01", "KHT"],
  ] as const)("%s is fine", (_name, code, actual) => {
    expect(one(code, { actual })).toEqual([]);
  });

  it("checks targets like actuals, and reports target before actual", () => {
    const issues = one("PT02", { target: -1, actual: 2.5 });
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ["cell.negative", "target"],
      ["cell.fraction_in_count", "actual"],
    ]);
    expect(issues[0]?.params).toEqual({ raw: -1, value: -1 });
    expect(issues[1]?.params).toEqual({ raw: 2.5, value: 2.5, unit: "công trình", unitEn: "projects" });
    expect(one("PT10", { actual: 1.2345 })[0]?.params).toEqual({ raw: 1.2345, value: 1.2345, decimals: 4 });
  });

  it("lists the allowed grade codes, and offers the code when only its case or spaces differ", () => {
    const [label] = one("TD01", { actual: "Xuất sắc" });
    expect(label?.params).toMatchObject({ value: "Xuất sắc", kind: "grade", allowed: "XS, T, HT, KHT" });
    expect(label?.fix).toBeUndefined();
    const [lower] = one("TD01", { actual: " xs " });
    expect(lower?.fix).toEqual({ value: "XS" });
    expect(lower?.params.suggestion).toBe("XS");
  });

  it("a rating row takes no target", () => {
    const issues = one("TD01", { target: 3, actual: "T" });
    expect(issues.map((i) => [i.code, i.field, i.params.expected])).toEqual([
      ["rule.wrong_kind", "target", "blank"],
    ]);
  });

  it("ignores what a ratio row's actual holds: it is derived", () => {
    const issues = checkReport(doan2024, {
      rows: [...rows({}), { code: "GD03", actual: 250 }, { code: "GD06", actual: "abc", target: 90 }],
    });
    expect(issues).toEqual([]);
  });

  it("refuses a ratio row twice, as any other row (the stored and replayed targets would differ)", () => {
    const issues = checkReport(doan2024, {
      rows: [...rows({}), { code: "GD03", target: 50 }, { code: "GD03" }],
    });
    expect(brief(issues)).toEqual([
      { code: "rule.duplicate_indicator", indicator: "GD03", field: "row", rule: undefined },
    ]);
    expect(issues[0]?.params).toEqual({ code: "GD03", count: 2 });
  });

  it("refuses a negative ratio target like any negative figure", () => {
    const issues = checkReport(doan2024, { rows: [...rows({}), { code: "KN09", target: -1 }] });
    expect(brief(issues)).toEqual([
      { code: "cell.negative", indicator: "KN09", field: "target", rule: undefined },
    ]);
  });
});

describe("checkReport: unknown and repeated codes", () => {
  it("flags an unknown code after the template's rows", () => {
    const issues = checkReport(doan2024, {
      rows: [{ code: "ZZ99", actual: 1 }, ...rows({ PT01: -1 })],
    });
    expect(brief(issues)).toEqual([
      { code: "cell.negative", indicator: "PT01", field: "actual", rule: undefined },
      { code: "rule.unknown_indicator", indicator: "ZZ99", field: "row", rule: undefined },
    ]);
    expect(issues[1]?.params).toEqual({ code: "ZZ99" });
  });

  it("flags a repeated code once, with the count, and uses the first row for the rules", () => {
    const issues = checkReport(doan2024, {
      rows: [...rows({ GD02: 900 }), { code: "GD02", actual: 5000 }, { code: "GD02", actual: "x" }],
    });
    expect(brief(issues)).toEqual([
      { code: "rule.duplicate_indicator", indicator: "GD02", field: "row", rule: undefined },
    ]);
    expect(issues[0]?.params).toEqual({ code: "GD02", count: 3 });
  });
});

describe("checkReport: outliers against the previous period", () => {
  const outliers = (now: Values, before: Values) =>
    run(now, before)
      .filter((i) => i.code === "rule.outlier")
      .map((i) => [i.indicator, i.params.direction]);

  it("warns above factor × previous and below previous / factor", () => {
    expect(outliers({ PT01: 600 }, { PT01: 100 })).toEqual([["PT01", "up"]]);
    expect(outliers({ PT01: 19 }, { PT01: 100 })).toEqual([["PT01", "down"]]);
    expect(outliers({ PT01: 0 }, { PT01: 100 })).toEqual([["PT01", "down"]]);
    expect(outliers({ PT10: 5000.5 }, { PT10: 1000 })).toEqual([["PT10", "up"]]);
  });

  it("is a warning with the values and the factor", () => {
    const [issue] = run({ PT01: 600 }, { PT01: 100 });
    expect(issue).toEqual({
      code: "rule.outlier",
      severity: "warning",
      indicator: "PT01",
      field: "actual",
      params: { value: 600, previous: 100, factor: 5, direction: "up" },
    });
  });

  it("accepts the boundaries: exactly 5× and exactly 1/5", () => {
    expect(outliers({ PT01: 500 }, { PT01: 100 })).toEqual([]);
    expect(outliers({ PT01: 20 }, { PT01: 100 })).toEqual([]);
  });

  it("leaves small figures alone: the floor applies to the larger of the two", () => {
    expect(outliers({ PT01: 6 }, { PT01: 1 })).toEqual([]);
    expect(outliers({ PT01: 0 }, { PT01: 19 })).toEqual([]);
    expect(outliers({ PT01: 19 }, { PT01: 0 })).toEqual([]);
    expect(outliers({ PT01: 20 }, { PT01: 0 })).toEqual([["PT01", "from_zero"]]);
    expect(outliers({ PT01: 0 }, { PT01: 20 })).toEqual([["PT01", "down"]]);
  });

  it("needs a usable figure on both sides and a count or money row", () => {
    expect(outliers({ PT01: 600 }, {})).toEqual([]);
    expect(outliers({ PT01: 600 }, { PT01: "100" })).toEqual([]);
    expect(outliers({ PT01: null }, { PT01: 100 })).toEqual([]);
    expect(outliers({ PT01: 600.5 }, { PT01: 100 })).toEqual([]);
    expect(outliers({ TD01: "XS" }, { TD01: "KHT" })).toEqual([]);
    expect(run({ PT01: 600 }).filter((i) => i.code === "rule.outlier")).toEqual([]);
  });
});

describe("checkReport: order", () => {
  it("returns issues in template row order, then row, target, actual", () => {
    const issues = checkReport(doan2024, {
      rows: [
        { code: "XD03", actual: 12 },
        { code: "XD02", actual: 10 },
        { code: "PT02", target: -1, actual: 1.5 },
        { code: "AB12", actual: 1 },
        { code: "GD02", actual: "x" },
        { code: "PT02", actual: 3 },
        { code: "GD04", actual: 10 },
      ],
    });
    expect(issues.map((i) => `${i.indicator}:${i.field}:${i.code}`)).toEqual([
      "GD01:actual:rule.required_missing",
      "GD02:actual:rule.wrong_kind",
      "PT02:row:rule.duplicate_indicator",
      "PT02:target:cell.negative",
      "PT02:actual:cell.fraction_in_count",
      "XD03:actual:rule.compare",
      "AB12:row:rule.unknown_indicator",
    ]);
  });
});

describe("checkReport: messages in both languages", () => {
  const both = (issue: Issue | undefined) => {
    if (issue === undefined) throw new Error("expected an issue");
    return { vi: formatIssue(issue, doan2024, "vi"), en: formatIssue(issue, doan2024, "en") };
  };

  it("part > whole names both rows with their values", () => {
    expect(both(run({ GD02: 1200, GD01: 1000 })[0])).toEqual({
      vi:
        "Dòng GD02 – Số cán bộ đoàn được học tập, quán triệt nghị quyết: Số cán bộ đoàn được học tập, quán " +
        "triệt nghị quyết (GD02 = 1.200) lớn hơn tổng số cán bộ đoàn (GD01 = 1.000). Kiểm tra lại hai số này.",
      en:
        "Row GD02 – Officers who studied the resolutions: Officers who studied the resolutions (GD02 = 1,200) " +
        "exceeds total Youth Union officers (GD01 = 1,000). Check both figures.",
    });
  });

  it("the XD03 warning gives the rule and asks for a note", () => {
    const { vi, en } = both(run({ XD03: 12, XD02: 10 })[0]);
    expect(vi).toContain(
      "(XD03 = 12) lớn hơn số đoàn viên ưu tú giới thiệu cho Đảng xem xét kết nạp (XD02 = 10).",
    );
    expect(vi).toContain("Số được kết nạp Đảng thường không vượt số được giới thiệu.");
    expect(vi).toContain("cột Ghi chú");
    expect(en).toContain("explain why in the Note column");
  });

  it("requires and side_missing say which row to fill", () => {
    expect(both(run({ PT03: 555.5, PT02: 0 })[0])).toEqual({
      vi:
        "Dòng PT03 – Giá trị công trình, phần việc thanh niên: Giá trị công trình, phần việc thanh niên " +
        "(PT03 = 555,5) đã có số liệu nhưng số công trình, phần việc thanh niên (PT02 = 0) bằng 0. " +
        "Nhập PT02 hoặc kiểm tra lại PT03.",
      en:
        "Row PT03 – Value of youth projects and works: Value of youth projects and works (PT03 = 555.5) is " +
        "filled in but youth projects and works (PT02 = 0) is 0. Enter PT02 or check PT03.",
    });
    expect(both(run({ PT06: 700 })[0])).toEqual({
      vi:
        "Dòng PT05 – Số đợt hiến máu tình nguyện: Số đơn vị máu tiếp nhận (PT06 = 700) đã có số liệu nhưng " +
        "số đợt hiến máu tình nguyện (PT05) còn để trống. Nhập số liệu cho PT05.",
      en:
        "Row PT05 – Blood donation drives: Blood units collected (PT06 = 700) is filled in but blood donation " +
        "drives (PT05) is blank. Enter a figure for PT05.",
    });
  });

  it("required, outlier, unknown, duplicate and wrong kind read naturally", () => {
    const required = both(checkReport(doan2024, { rows: rows({ GD04: 1 }, false) })[0]);
    expect(required.vi).toBe(
      "Dòng GD01 – Tổng số cán bộ đoàn: Dòng bắt buộc này còn để trống. Nhập số liệu (ghi 0 nếu không có; để trống là chưa báo cáo).",
    );
    expect(required.en).toMatch(/^Row GD01 – Total Youth Union officers: This row is required but blank\./);

    const up = both(run({ PT01: 92387 }, { PT01: 1758 })[0]);
    expect(up.vi).toBe(
      "Dòng PT01 – Số lượt ĐVTN tham gia các hoạt động, phong trào: Kết quả kỳ này (92.387) gấp hơn 5 lần " +
        "kỳ trước (1.758). Kiểm tra lại; nếu đúng, hãy ghi rõ lý do ở cột Ghi chú.",
    );
    expect(up.en).toContain("This period's figure (92,387) is more than 5 times last period's (1,758).");
    expect(both(run({ PT01: 10 }, { PT01: 1758 })[0]).vi).toContain("(10) chưa bằng 1/5 kỳ trước (1.758)");
    expect(both(run({ PT01: 25 }, { PT01: 0 })[0]).en).toContain("is 25 where last period's was 0");

    const unknown = both(checkReport(doan2024, { rows: [...rows({}), { code: "ZZ99", actual: 1 }] })[0]);
    expect(unknown.vi).toBe(
      "Dòng ZZ99: Mã chỉ tiêu 'ZZ99' không có trong mẫu báo cáo doan-2024. Kiểm tra lại mã hoặc bỏ dòng này.",
    );
    expect(unknown.en).toBe(
      "Row ZZ99: Indicator code 'ZZ99' is not in the report template doan-2024. Check the code or remove the row.",
    );

    const duplicate = both(checkReport(doan2024, { rows: [...rows({}), { code: "GD01", actual: 1 }] })[0]);
    expect(duplicate.vi).toContain("Mã chỉ tiêu GD01 xuất hiện 2 lần.");
    expect(duplicate.en).toContain("Indicator code GD01 appears 2 times.");

    const grade = both(run({ TD01: "xs" })[0]);
    expect(grade.vi).toBe(
      "Dòng TD01 – Xếp loại đơn vị: 'xs' không phải là mã xếp loại. Có phải là XS? Chọn một trong: " +
        "XS (Hoàn thành xuất sắc nhiệm vụ), T (Hoàn thành tốt nhiệm vụ), HT (Hoàn thành nhiệm vụ), " +
        "KHT (Không hoàn thành nhiệm vụ).",
    );
    expect(grade.en).toContain(
      "'xs' is not a rating code. Did you mean XS? Choose one of: XS (Excellently completed)",
    );
    expect(both(run({ PT03: "1,5" })[0]).vi).toContain("'1,5' không phải là số. Nhập một số không âm");
    expect(both(run({ PT01: "12 người" })[0]).en).toContain(
      "'12 người' is not a number. Enter a whole number ≥ 0.",
    );
  });

  it("every issue of a bad report has a message distinct in each language", () => {
    const issues = checkReport(
      doan2024,
      {
        rows: [
          { code: "GD02", actual: 2000 },
          { code: "PT01", actual: 1.5, target: -2 },
          { code: "PT03", actual: 1.2345 },
          { code: "PT06", actual: 10 },
          { code: "TD01", actual: "Tốt", target: 1 },
          { code: "XD02", actual: 10 },
          { code: "XD03", actual: 11 },
          { code: "KN05", actual: 500 },
          { code: "QQ01", actual: 1 },
          { code: "XD02", actual: 1 },
        ],
      },
      { previous: [{ code: "KN05", actual: 50 }] },
    );
    expect(new Set(issues.map((i) => i.code)).size).toBeGreaterThanOrEqual(9);
    for (const issue of issues) {
      const { vi, en } = both(issue);
      expect(vi.length).toBeGreaterThan(10);
      expect(en.length).toBeGreaterThan(10);
      expect(vi).not.toBe(en);
    }
  });
});

describe("checkReport: arbitrary rows", () => {
  const catalogCodes = doan2024.indicators.map((i) => i.code);
  const value = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom("XS", "T", "HT", "KHT", "xs", ""),
  );
  const row = fc.record(
    {
      code: fc.oneof(fc.constantFrom(...catalogCodes), fc.string()),
      actual: value,
      target: fc.oneof(fc.double(), fc.constant(null), fc.constant(undefined)),
    },
    { requiredKeys: ["code"] },
  );
  const codes = new Set<string>(ISSUE_CODES);

  it("never throws, and every issue has a known code, a severity and renders in both languages", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.array(row, { maxLength: 20 }), (current, previous) => {
        const issues = checkReport(
          doan2024,
          { rows: current as ReportRow[] },
          { previous: previous as ReportRow[] },
        );
        for (const issue of issues) {
          expect(codes.has(issue.code)).toBe(true);
          expect(["error", "warning"]).toContain(issue.severity);
          expect(formatIssue(issue, doan2024, "vi")).not.toBe("");
          expect(formatIssue(issue, doan2024, "en")).not.toBe("");
        }
      }),
      { numRuns: 300 },
    );
  });
});
