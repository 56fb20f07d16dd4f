import { describe, expect, it } from "vitest";
import { apiIssue } from "../api/schemas.ts";
import { ISSUE_CODES, type Issue, type IssueCode } from "../issues.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { formatIssue, messages, toApiIssue } from "./index.ts";

const PT01_VI = "PT01 – Số lượt ĐVTN tham gia các hoạt động, phong trào";
const PT01_EN = "PT01 – Participations in activities and movements";

/** One representative issue per code, with the params its producer sets. Typed by code: a new code needs one. */
const samples: Record<IssueCode, Omit<Issue, "code">> = {
  "cell.text_number": {
    severity: "error",
    indicator: "PT01",
    field: "actual",
    cell: "F14",
    params: { raw: "92.387", value: 92387, reading: "thousands", separator: "." },
    fix: { value: 92387 },
  },
  "cell.decimal_comma": {
    severity: "error",
    indicator: "PT03",
    cell: "F17",
    params: { raw: "1,5", value: 1.5 },
  },
  "cell.ambiguous_number": {
    severity: "error",
    indicator: "PT03",
    cell: "F17",
    params: { raw: "1.500", thousands: 1500, decimal: 1.5, separator: "." },
  },
  "cell.number_with_unit": {
    severity: "error",
    indicator: "GD01",
    cell: "F8",
    params: { raw: "12 người", value: 12, unit: "người", unitFits: true },
  },
  "cell.stray_spaces": {
    severity: "error",
    indicator: "PT02",
    cell: "F15",
    params: { raw: " 125 ", value: 125 },
  },
  "cell.dash": { severity: "error", indicator: "PT02", cell: "F15", params: { raw: "-" } },
  "cell.negative": { severity: "error", indicator: "PT02", cell: "F15", params: { raw: "-3", value: -3 } },
  "cell.too_large": {
    severity: "error",
    indicator: "PT01",
    cell: "F14",
    params: { raw: 123456789, value: 123456789, max: 100000000 },
  },
  "cell.fraction_in_count": {
    severity: "error",
    indicator: "PT02",
    cell: "F15",
    params: { raw: "2,5", value: 2.5, unit: "công trình", unitEn: "projects" },
  },
  "cell.too_many_decimals": {
    severity: "error",
    indicator: "PT03",
    cell: "F16",
    params: { raw: "1,2345", value: 1.2345, decimals: 4 },
  },
  "cell.date": {
    severity: "error",
    indicator: "PT02",
    cell: "F15",
    params: { raw: "12/3/2023", serial: 44997 },
  },
  "cell.formula_error": {
    severity: "error",
    indicator: "GD03",
    cell: "F10",
    params: { raw: "#DIV/0!", error: "#DIV/0!" },
  },
  "cell.boolean": {
    severity: "error",
    indicator: "PT02",
    cell: "F15",
    params: { raw: "TRUE", expects: "number" },
  },
  "cell.not_a_number": {
    severity: "error",
    indicator: "PT02",
    cell: "F15",
    params: { raw: "nhiều", expects: "number" },
  },
  "cell.grade_unknown": {
    severity: "error",
    indicator: "TD01",
    cell: "F60",
    params: { raw: "Khá", allowedVi: "XS, T, HT, KHT", allowedEn: "XS, T, HT, KHT" },
  },
  "cell.grade_spelled": {
    severity: "warning",
    indicator: "TD01",
    cell: "F60",
    params: {
      raw: "xuất sắc",
      value: "XS",
      gradeVi: "Hoàn thành xuất sắc nhiệm vụ",
      gradeEn: "Excellently completed",
    },
  },
  "cell.ratio_typed": {
    severity: "warning",
    indicator: "GD03",
    cell: "F10",
    params: { raw: "95", numerator: "GD02", denominator: "GD01" },
  },
  "rule.required_missing": {
    severity: "error",
    indicator: "GD01",
    field: "actual",
    params: { code: "GD01" },
  },
  "rule.compare": {
    severity: "error",
    indicator: "GD02",
    rule: "GD02<=GD01",
    params: { left: "GD02", right: "GD01", op: "<=", leftValue: 120, rightValue: 100 },
  },
  "rule.requires": {
    severity: "error",
    indicator: "PT03",
    rule: "PT03requiresPT02",
    params: { left: "PT03", right: "PT02", op: "requires", leftValue: 555, rightValue: 0 },
  },
  "rule.side_missing": {
    severity: "error",
    indicator: "PT02",
    rule: "PT03requiresPT02",
    params: {
      left: "PT03",
      right: "PT02",
      op: "requires",
      leftValue: 555,
      rightValue: null,
      missing: "right",
    },
  },
  "rule.expression": {
    severity: "warning",
    indicator: "PT01",
    rule: "PT01-plausible",
    params: { expression: "PT01 <= 100 * GD04", "value.PT01": 123456789, "value.GD04": 500 },
  },
  "rule.outlier": {
    severity: "warning",
    indicator: "PT01",
    params: { value: 92387, previous: 1758, factor: 5, direction: "up" },
  },
  "rule.unknown_indicator": { severity: "error", indicator: "ZZ99", field: "row", params: { code: "ZZ99" } },
  "rule.duplicate_indicator": {
    severity: "error",
    indicator: "GD02",
    field: "row",
    params: { code: "GD02", count: 2 },
  },
  "rule.wrong_kind": {
    severity: "error",
    indicator: "TD01",
    params: { value: "Xuất sắc", kind: "grade", allowed: "XS, T, HT, KHT" },
  },
  "grid.table_not_found": { severity: "error", field: "sheet", cell: "A1", params: {} },
  "grid.row_missing": { severity: "error", indicator: "GD01", params: { code: "GD01", required: true } },
  "grid.row_duplicate": {
    severity: "error",
    cell: "B20",
    indicator: "PT02",
    params: { code: "PT02", first: "B15" },
  },
  "grid.row_unknown": { severity: "warning", cell: "B70", params: { code: "ZZ01", template: "doan-2024" } },
  "grid.row_uncoded": {
    severity: "warning",
    cell: "F29",
    field: "actual",
    params: { row: 29, label: "Hoạt động khác: làm đường giao thông nông thôn", value: "2" },
  },
  "grid.row_code_missing": {
    severity: "error",
    cell: "B27",
    indicator: "PT02",
    field: "row",
    params: { row: 27, code: "PT02", label: "Số công trình, phần việc thanh niên", hasFigure: true },
    fix: { value: "PT02" },
  },
  "grid.breakdown_exceeds": {
    severity: "warning",
    cell: "F28",
    indicator: "PT02",
    field: "actual",
    params: { row: 28, label: "Trong đó: công trình cấp xã", parent: "PT02", value: 150, parentValue: 125 },
  },
  "grid.template_unknown": {
    severity: "error",
    cell: "C6",
    params: { template: "doan-2099", known: "doan-2024" },
  },
  "grid.template_version_unknown": {
    severity: "error",
    cell: "C6",
    params: { template: "doan-2024", version: 7, known: 1 },
  },
  "grid.header_missing": { severity: "error", field: "header.unitCode", params: { field: "unitCode" } },
  "grid.header_malformed": {
    severity: "error",
    field: "header.period",
    cell: "C5",
    params: { field: "period", value: "nam 2023", expected: "" },
  },
};

const sample = (code: IssueCode): Issue => ({ code, ...samples[code] });

describe("messages", () => {
  it("has a message for every issue code and nothing else", () => {
    expect(Object.keys(messages).sort()).toEqual([...ISSUE_CODES].sort());
  });

  it.each([...ISSUE_CODES])("%s renders a non-empty sentence, different in vi and en", (code) => {
    for (const template of [doan2024, undefined]) {
      const vi = formatIssue(sample(code), template, "vi");
      const en = formatIssue(sample(code), template, "en");
      expect(vi.trim().length).toBeGreaterThan(10);
      expect(en.trim().length).toBeGreaterThan(10);
      expect(vi).not.toBe(en);
      expect(`${vi} ${en}`).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
  });

  it("gives each code its own sentence", () => {
    for (const lang of ["vi", "en"] as const) {
      const texts = ISSUE_CODES.map((code) => formatIssue(sample(code), doan2024, lang));
      expect(new Set(texts).size).toBe(ISSUE_CODES.length);
    }
  });
});

describe("formatIssue", () => {
  it("the tracker's example: text '92.387' in F14 of PT01", () => {
    const issue = sample("cell.text_number");
    const vi = formatIssue(issue, doan2024, "vi");
    const en = formatIssue(issue, doan2024, "en");
    expect(vi.startsWith(`Ô F14 (${PT01_VI}): `)).toBe(true);
    expect(en.startsWith(`Cell F14 (${PT01_EN}): `)).toBe(true);
    for (const text of [vi, en]) {
      expect(text).toContain("92.387");
      expect(text).toContain("92387");
    }
  });

  it("quotes what the user wrote in single quotes, in every area's messages", () => {
    const issue = sample("cell.text_number");
    expect(formatIssue(issue, doan2024, "vi", "addin")).toBe(
      `Ô F14 (${PT01_VI}): '92.387' đang được lưu dưới dạng chữ nên không được cộng khi tổng hợp; ` +
        "dấu '.' ở đây là dấu phân cách hàng nghìn. Bấm Sửa để đổi thành số 92387.",
    );
    for (const code of ISSUE_CODES) {
      for (const lang of ["vi", "en"] as const) {
        expect(formatIssue(sample(code), doan2024, lang), code).not.toMatch(/["“”]/);
      }
    }
    expect(formatIssue(sample("rule.unknown_indicator"), doan2024, "vi")).toContain("'ZZ99'");
    expect(formatIssue(sample("grid.row_unknown"), doan2024, "vi")).toContain("'ZZ01'");
  });

  it("names the row (and the target column) when there is no cell, the cell alone when there is no row, else nothing", () => {
    const row = sample("rule.required_missing");
    expect(formatIssue(row, doan2024, "vi")).toMatch(/^Dòng GD01 – Tổng số cán bộ đoàn: Dòng bắt buộc/);
    expect(formatIssue(row, doan2024, "en")).toMatch(/^Row GD01 – Total Youth Union officers: This row/);
    const target: Issue = { ...sample("cell.negative"), cell: undefined, field: "target" };
    expect(formatIssue(target, doan2024, "vi")).toMatch(
      /^Dòng PT02 – Số công trình, phần việc thanh niên \(chỉ tiêu giao\): /,
    );
    expect(formatIssue(target, doan2024, "en")).toMatch(/^Row PT02 – Youth projects and works \(target\): /);
    const cell = sample("grid.template_unknown");
    expect(formatIssue(cell, doan2024, "vi")).toMatch(/^Ô C6: Không nhận ra mẫu báo cáo/);
    expect(formatIssue(cell, doan2024, "en")).toMatch(/^Cell C6: Report template/);
    const bare = sample("grid.header_missing");
    expect(formatIssue(bare, doan2024, "vi")).toMatch(/^Chưa có mã đơn vị/);
    expect(formatIssue(bare, doan2024, "en")).toMatch(/^The unit code is missing/);
  });

  it("falls back to the bare code when the template or the row is unknown", () => {
    const issue: Issue = { ...sample("cell.negative"), indicator: "PT02", cell: "F15" };
    expect(formatIssue(issue, undefined, "vi").startsWith("Ô F15 (PT02): ")).toBe(true);
    expect(formatIssue(sample("rule.unknown_indicator"), doan2024, "en").startsWith("Row ZZ99: ")).toBe(true);
    expect(formatIssue(sample("rule.compare"), undefined, "vi")).toBe(
      "Dòng GD02: GD02 = 120 lớn hơn GD01 = 100. Kiểm tra lại hai số này.",
    );
  });

  it("writes rule numbers as each language does", () => {
    const outlier = sample("rule.outlier");
    expect(formatIssue(outlier, doan2024, "vi")).toContain("(92.387) gấp hơn 5 lần kỳ trước (1.758)");
    expect(formatIssue(outlier, doan2024, "en")).toContain(
      "(92,387) is more than 5 times last period's (1,758)",
    );
  });

  it("keeps the issue's own params over the ones it derives", () => {
    const issue: Issue = {
      ...sample("grid.template_unknown"),
      params: { template: "doan-2099", known: "doan-2024" },
    };
    expect(formatIssue(issue, doan2024, "en")).toContain("'doan-2099' is not known");
  });

  it("still says something for a code it does not know (an issue read back from storage)", () => {
    const stale = { ...sample("cell.dash"), code: "cell.retired" } as unknown as Issue;
    expect(formatIssue(stale, doan2024, "vi")).toBe(
      "Ô F15 (PT02 – Số công trình, phần việc thanh niên): cell.retired",
    );
  });
});

describe("toApiIssue", () => {
  it("carries code, field, rule, indicator, severity and both languages", () => {
    const issue = sample("rule.compare");
    const api = toApiIssue({ ...issue, field: "actual" }, doan2024);
    const vi = formatIssue(issue, doan2024, "vi");
    const en = formatIssue(issue, doan2024, "en");
    expect(api).toEqual({
      code: "rule.compare",
      field: "actual",
      rule: "GD02<=GD01",
      indicator: "GD02",
      severity: "error",
      message: `${vi} / ${en}`,
      i18n: { vi, en },
    });
    expect(apiIssue.parse(api)).toEqual(api);
  });

  it("leaves out what the issue does not have", () => {
    const api = toApiIssue(sample("grid.template_unknown"), undefined);
    expect(Object.keys(api).sort()).toEqual(["code", "i18n", "message", "severity"]);
    expect(apiIssue.safeParse(api).success).toBe(true);
  });
});
