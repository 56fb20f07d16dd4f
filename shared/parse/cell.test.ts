import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_FIGURE } from "../api/limits.ts";
import { type RawCell, VALUE_TYPES, type ValueType } from "../grid/types.ts";
import type { IssueCode, IssueParam } from "../issues.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { indicatorMap } from "../template/registry.ts";
import type { Indicator } from "../template/types.ts";
import { type CellField, matchGrade, parseCell } from "./cell.ts";

const byCode = indicatorMap(doan2024);
function ind(code: string): Indicator {
  const i = byCode.get(code);
  if (!i) throw new Error(`no indicator ${code} in doan-2024`);
  return i;
}

/** Text stored as text, as Excel returns a '92.387 cell. */
const str = (s: string, numberFormat = "@"): RawCell => ({
  value: s,
  valueType: "String",
  text: s,
  formula: s,
  numberFormat,
});
const num = (n: number, numberFormat = "General", text = String(n)): RawCell => ({
  value: n,
  valueType: Number.isInteger(n) ? "Integer" : "Double",
  text,
  formula: n,
  numberFormat,
});
const formula = (
  f: string,
  value: RawCell["value"],
  valueType: ValueType,
  numberFormat = "General",
): RawCell => ({
  value,
  valueType,
  text: String(value),
  formula: f,
  numberFormat,
});
const empty: RawCell = { value: "", valueType: "Empty", text: "", formula: "", numberFormat: "General" };

interface Expect {
  value: number | string | null;
  code?: IssueCode;
  /** undefined: the issue must carry no fix. */
  fix?: number | string;
  params?: Record<string, IssueParam>;
}

type Case = [name: string, indicator: string, field: CellField, cell: RawCell, expected: Expect];

// PT01 count (lượt), GD01 count (người), CD01 count (hoạt động), PT03/KN03 money (triệu đồng),
// GD03 ratio, TD01 grade.
const cases: Case[] = [
  // clean
  ["a Double", "PT01", "actual", num(92387), { value: 92387 }],
  ["an Integer", "PT01", "actual", { ...num(125), valueType: "Integer" }, { value: 125 }],
  ["zero", "GD01", "actual", num(0), { value: 0 }],
  ["money with 3 decimals", "PT03", "actual", num(555.125), { value: 555.125 }],
  ["a thousands-formatted number", "PT01", "actual", num(92387, "#,##0", "92,387"), { value: 92387 }],
  ["a count from a formula", "PT01", "actual", formula("=SUM(H5:H9)", 12, "Double"), { value: 12 }],
  [
    "float noise in a count",
    "PT01",
    "actual",
    formula("=0.1*30", 3.0000000000000004, "Double"),
    { value: 3 },
  ],
  [
    "float noise in money",
    "PT03",
    "actual",
    formula("=0.1+0.2", 0.30000000000000004, "Double"),
    { value: 0.3 },
  ],
  ["a target", "PT05", "target", num(2), { value: 2 }],

  // blank is not zero, and is no issue here
  ["Empty", "GD01", "actual", empty, { value: null }],
  ["only spaces", "GD01", "actual", str("   "), { value: null }],
  ["only non-breaking spaces", "PT01", "actual", str("\u00a0\u202f"), { value: null }],
  ["a formula returning blank", "PT01", "actual", formula('=IF(A1="","",A1)', "", "String"), { value: null }],

  // text numbers with thousands separators
  ["'92.387", "PT01", "actual", str("92.387"), { value: 92387, code: "cell.text_number", fix: 92387 }],
  ["'1.758", "KN02", "actual", str("1.758"), { value: 1758, code: "cell.text_number", fix: 1758 }],
  ["'22.180", "GD13", "actual", str("22.180"), { value: 22180, code: "cell.text_number", fix: 22180 }],
  [
    "'1.234.567",
    "PT01",
    "actual",
    str("1.234.567"),
    { value: 1234567, code: "cell.text_number", fix: 1234567 },
  ],
  [
    "'1.234.567 in money",
    "PT03",
    "actual",
    str("1.234.567"),
    { value: 1234567, code: "cell.text_number", fix: 1234567 },
  ],
  ["'1,500 in a count", "PT01", "actual", str("1,500"), { value: 1500, code: "cell.text_number", fix: 1500 }],
  [
    "'92 387 (space grouping)",
    "PT01",
    "actual",
    str("92 387"),
    { value: 92387, code: "cell.text_number", fix: 92387 },
  ],
  ["'125 stored as text", "PT02", "actual", str("125"), { value: 125, code: "cell.text_number", fix: 125 }],
  ["'+5", "PT02", "actual", str("+5"), { value: 5, code: "cell.text_number", fix: 5 }],
  ["'１２３ full-width", "PT02", "actual", str("１２３"), { value: 123, code: "cell.text_number", fix: 123 }],
  ["'1.5 in money", "PT03", "actual", str("1.5"), { value: 1.5, code: "cell.text_number", fix: 1.5 }],
  ["'12,0 in a count", "PT02", "actual", str("12,0"), { value: 12, code: "cell.decimal_comma", fix: 12 }],
  [
    "'92.387 params",
    "PT01",
    "actual",
    str("92.387"),
    {
      value: 92387,
      code: "cell.text_number",
      fix: 92387,
      params: { raw: "92.387", value: 92387, reading: "thousands", separator: "." },
    },
  ],

  // decimal comma
  ["'1,5 in money", "PT03", "actual", str("1,5"), { value: 1.5, code: "cell.decimal_comma", fix: 1.5 }],
  [
    "'1.234,5 in money",
    "PT03",
    "actual",
    str("1.234,5"),
    { value: 1234.5, code: "cell.decimal_comma", fix: 1234.5 },
  ],
  [
    "'80,5 in a ratio target",
    "GD06",
    "target",
    str("80,5"),
    { value: 80.5, code: "cell.decimal_comma", fix: 80.5 },
  ],

  // ambiguous in money: never guessed
  [
    "'1.500 in money",
    "PT03",
    "actual",
    str("1.500"),
    { value: null, code: "cell.ambiguous_number", params: { raw: "1.500", thousands: 1500, decimal: 1.5 } },
  ],
  [
    "'2,000 in money",
    "KN03",
    "actual",
    str("2,000"),
    { value: null, code: "cell.ambiguous_number", params: { thousands: 2000, decimal: 2, separator: "," } },
  ],

  // units
  ["'12 người", "GD01", "actual", str("12 người"), { value: 12, code: "cell.number_with_unit", fix: 12 }],
  ["'312 triệu", "KN03", "actual", str("312 triệu"), { value: 312, code: "cell.number_with_unit", fix: 312 }],
  [
    "'555 triệu đồng",
    "PT03",
    "actual",
    str("555 triệu đồng"),
    { value: 555, code: "cell.number_with_unit", fix: 555, params: { unit: "triệu đồng" } },
  ],
  [
    "'30 hoạt động",
    "CD01",
    "actual",
    str("30 hoạt động"),
    { value: 30, code: "cell.number_with_unit", fix: 30 },
  ],
  [
    "'92.387 lượt",
    "PT01",
    "actual",
    str("92.387 lượt"),
    { value: 92387, code: "cell.number_with_unit", fix: 92387 },
  ],
  [
    "'80% in a ratio target",
    "GD06",
    "target",
    str("80%"),
    { value: 80, code: "cell.number_with_unit", fix: 80 },
  ],
  [
    "'5 tỷ in money: the unit changes the value",
    "PT03",
    "actual",
    str("5 tỷ"),
    {
      value: null,
      code: "cell.number_with_unit",
      params: { unit: "tỷ", expectedUnit: "triệu đồng", unitFits: false },
    },
  ],
  [
    "'500.000 đồng in money",
    "PT10",
    "actual",
    str("500.000 đồng"),
    { value: null, code: "cell.number_with_unit" },
  ],
  ["'5 lớp in a người row", "GD01", "actual", str("5 lớp"), { value: null, code: "cell.number_with_unit" }],
  [
    "'1.500 triệu in money",
    "PT03",
    "actual",
    str("1.500 triệu"),
    { value: null, code: "cell.ambiguous_number" },
  ],

  // spaces
  ["' 125 '", "PT02", "actual", str(" 125 "), { value: 125, code: "cell.stray_spaces", fix: 125 }],
  ["'125 + NBSP", "PT02", "actual", str("125\u00a0"), { value: 125, code: "cell.stray_spaces", fix: 125 }],
  ["NNBSP + '125", "PT02", "actual", str("\u202f125"), { value: 125, code: "cell.stray_spaces", fix: 125 }],
  [
    "' 92.387 ' → thousands wins",
    "PT01",
    "actual",
    str(" 92.387 "),
    { value: 92387, code: "cell.text_number", fix: 92387 },
  ],

  // dashes
  ["'-", "PT01", "actual", str("-"), { value: null, code: "cell.dash" }],
  ["'–", "PT01", "actual", str("–"), { value: null, code: "cell.dash" }],
  ["'—", "PT03", "actual", str("—"), { value: null, code: "cell.dash" }],

  // negatives
  ["-5", "PT01", "actual", num(-5), { value: -5, code: "cell.negative" }],
  ["'-5", "PT01", "actual", str("-5"), { value: -5, code: "cell.negative" }],
  ["'-1.500 in a count", "PT01", "actual", str("-1.500"), { value: -1500, code: "cell.negative" }],
  ["-2.5 in money", "PT03", "actual", num(-2.5), { value: -2.5, code: "cell.negative" }],
  ["a negative target", "PT05", "target", num(-1), { value: -1, code: "cell.negative" }],

  // above what the API takes for one unit (100,000,000): said on the cell, not after sending
  ["123,456,789 in a count", "PT01", "actual", num(123456789), { value: 123456789, code: "cell.too_large" }],
  [
    "'123.456.789 typed as text",
    "PT01",
    "actual",
    str("123.456.789"),
    { value: 123456789, code: "cell.too_large" },
  ],
  ["100,000,000 exactly is accepted", "PT01", "actual", num(100000000), { value: 100000000 }],

  // fractions in counts
  ["12.5 in a count", "PT01", "actual", num(12.5), { value: 12.5, code: "cell.fraction_in_count" }],
  ["'1,5 in a count", "PT01", "actual", str("1,5"), { value: 1.5, code: "cell.fraction_in_count" }],
  ["'12.5 in a count", "GD01", "actual", str("12.5"), { value: 12.5, code: "cell.fraction_in_count" }],
  ["a fractional count target", "PT04", "target", num(2.5), { value: 2.5, code: "cell.fraction_in_count" }],
  // "1.758" typed as a number in an en-US Excel: three decimals in a count are a thousands group.
  [
    "1.758 as a Double in a count, shown '2' under #,##0",
    "KN02",
    "actual",
    num(1.758, "#,##0", "2"),
    { value: 1758, code: "cell.fraction_in_count", fix: 1758, params: { raw: "1.758", thousands: 1758 } },
  ],
  [
    "92.387 as a Double in a count",
    "PT01",
    "actual",
    num(92.387),
    { value: 92387, code: "cell.fraction_in_count", fix: 92387, params: { raw: "92.387", value: 92.387 } },
  ],
  [
    "999.999 as a Double",
    "PT01",
    "target",
    num(999.999),
    { value: 999999, code: "cell.fraction_in_count", fix: 999999 },
  ],
  [
    "1.5 (maybe '1.500'): not guessed",
    "PT01",
    "actual",
    num(1.5),
    { value: 1.5, code: "cell.fraction_in_count" },
  ],
  [
    "22.18 (maybe '22.180'): not guessed",
    "GD13",
    "actual",
    num(22.18),
    { value: 22.18, code: "cell.fraction_in_count" },
  ],
  ["1.75: not guessed", "PT01", "actual", num(1.75), { value: 1.75, code: "cell.fraction_in_count" }],
  [
    "0.758: not a thousands group",
    "PT01",
    "actual",
    num(0.758),
    { value: 0.758, code: "cell.fraction_in_count" },
  ],
  [
    "1234.567: not a thousands group",
    "PT01",
    "actual",
    num(1234.567),
    { value: 1234.567, code: "cell.fraction_in_count" },
  ],
  [
    "1.758 from a formula: nobody typed it",
    "KN02",
    "actual",
    formula("=A1/1000", 1.758, "Double", "#,##0"),
    { value: 1.758, code: "cell.fraction_in_count" },
  ],
  ["-1.758: negative first", "KN02", "actual", num(-1.758), { value: -1.758, code: "cell.negative" }],
  ["1.758 in money is valid", "KN03", "actual", num(1.758, "#,##0.0##", "1.758"), { value: 1.758 }],
  [
    "12.5 shown '13' quotes the value",
    "PT01",
    "actual",
    num(12.5, "#,##0", "13"),
    { value: 12.5, code: "cell.fraction_in_count", params: { raw: "12.5" } },
  ],

  // money decimals
  [
    "1.2345 in money",
    "PT03",
    "actual",
    num(1.2345),
    { value: 1.2345, code: "cell.too_many_decimals", params: { decimals: 4 } },
  ],
  ["'1,2345 in money", "PT03", "actual", str("1,2345"), { value: 1.2345, code: "cell.too_many_decimals" }],
  [
    "'1,2340 in money is 3 decimals",
    "PT03",
    "actual",
    str("1,2340"),
    { value: 1.234, code: "cell.decimal_comma", fix: 1.234 },
  ],
  ["a ratio target may have decimals", "GD06", "target", num(80.125), { value: 80.125 }],

  // dates
  [
    "'1.5 turned into 1 May",
    "PT01",
    "actual",
    num(45047, "m/d/yyyy", "5/1/2023"),
    { value: null, code: "cell.date", params: { raw: "5/1/2023", serial: 45047 } },
  ],
  [
    "'12/3 as dd/mm/yyyy",
    "PT02",
    "actual",
    num(45000, "dd/mm/yyyy", "12/03/2023"),
    { value: null, code: "cell.date" },
  ],
  ["d-mmm", "PT03", "actual", num(45047, "d-mmm", "1-May"), { value: null, code: "cell.date" }],
  [
    "a formula result in a date format is a number",
    "PT01",
    "actual",
    formula("=A1", 12, "Double", "m/d/yyyy"),
    { value: 12 },
  ],

  // formula errors
  [
    "#DIV/0!",
    "PT01",
    "actual",
    formula("=A1/0", "#DIV/0!", "Error"),
    { value: null, code: "cell.formula_error" },
  ],
  [
    "#VALUE!",
    "PT03",
    "actual",
    formula("=A1+1", "#VALUE!", "Error"),
    { value: null, code: "cell.formula_error" },
  ],
  [
    "#REF!",
    "PT01",
    "target",
    formula("=#REF!", "#REF!", "Error"),
    { value: null, code: "cell.formula_error" },
  ],
  ["#N/A", "PT01", "actual", formula("=NA()", "#N/A", "Error"), { value: null, code: "cell.formula_error" }],
  [
    "#NAME?",
    "PT01",
    "actual",
    formula("=SUMM(A1)", "#NAME?", "Error"),
    { value: null, code: "cell.formula_error" },
  ],
  [
    "#NUM!",
    "PT01",
    "actual",
    formula("=SQRT(-1)", "#NUM!", "Error"),
    { value: null, code: "cell.formula_error" },
  ],
  [
    "#NULL!",
    "PT01",
    "actual",
    formula("=A1 B1", "#NULL!", "Error"),
    { value: null, code: "cell.formula_error" },
  ],
  [
    "'#DIV/0! pasted as text",
    "PT01",
    "actual",
    str("#DIV/0!"),
    { value: null, code: "cell.formula_error", params: { error: "#DIV/0!" } },
  ],
  [
    "an error in a grade row",
    "TD01",
    "actual",
    formula("=X", "#NAME?", "Error"),
    { value: null, code: "cell.formula_error" },
  ],

  // booleans and other text
  [
    "TRUE",
    "PT01",
    "actual",
    { value: true, valueType: "Boolean", text: "TRUE", formula: true, numberFormat: "General" },
    { value: null, code: "cell.boolean", params: { raw: "TRUE" } },
  ],
  ["'abc", "PT01", "actual", str("abc"), { value: null, code: "cell.not_a_number" }],
  ["'khoảng 12", "PT01", "actual", str("khoảng 12"), { value: null, code: "cell.not_a_number" }],
  ["'12-15", "PT01", "actual", str("12-15"), { value: null, code: "cell.not_a_number" }],
  ["'12.5.2023", "PT01", "actual", str("12.5.2023"), { value: null, code: "cell.not_a_number" }],
  ["'5 tỷ as a percent", "GD06", "target", str("abc%"), { value: null, code: "cell.not_a_number" }],
  [
    "a rich value",
    "PT01",
    "actual",
    {
      value: "#VALUE!",
      valueType: "RichValue",
      text: "#VALUE!",
      formula: "#VALUE!",
      numberFormat: "General",
    },
    { value: null, code: "cell.not_a_number" },
  ],
  [
    "Infinity from a broken reader",
    "PT01",
    "actual",
    num(Number.POSITIVE_INFINITY),
    { value: null, code: "cell.not_a_number" },
  ],

  // a formula returning text: no fix, since writing a value would delete the formula
  [
    "a formula returning '92.387",
    "PT01",
    "actual",
    formula('=TEXT(A1,"#.##0")', "92.387", "String"),
    { value: 92387, code: "cell.text_number" },
  ],

  // grades
  ["XS", "TD01", "actual", str("XS", "General"), { value: "XS" }],
  ["KHT", "TD01", "actual", str("KHT", "General"), { value: "KHT" }],
  ["xs", "TD01", "actual", str("xs"), { value: "XS", code: "cell.grade_spelled", fix: "XS" }],
  ["' Xs '", "TD01", "actual", str(" Xs "), { value: "XS", code: "cell.grade_spelled", fix: "XS" }],
  [
    "Hoàn thành xuất sắc nhiệm vụ",
    "TD01",
    "actual",
    str("Hoàn thành xuất sắc nhiệm vụ"),
    {
      value: "XS",
      code: "cell.grade_spelled",
      fix: "XS",
      params: { value: "XS", gradeVi: "Hoàn thành xuất sắc nhiệm vụ" },
    },
  ],
  [
    "hoan thanh tot",
    "TD01",
    "actual",
    str("hoan thanh tot"),
    { value: "T", code: "cell.grade_spelled", fix: "T" },
  ],
  ["HTXSNV", "TD01", "actual", str("HTXSNV"), { value: "XS", code: "cell.grade_spelled", fix: "XS" }],
  [
    "Hoàn thành nhiệm vụ.",
    "TD01",
    "actual",
    str("Hoàn thành nhiệm vụ."),
    { value: "HT", code: "cell.grade_spelled", fix: "HT" },
  ],
  [
    "KHÔNG HOÀN THÀNH",
    "TD01",
    "actual",
    str("KHÔNG HOÀN THÀNH"),
    { value: "KHT", code: "cell.grade_spelled", fix: "KHT" },
  ],
  [
    "a grade target",
    "TD01",
    "target",
    str("Xuất sắc"),
    { value: "XS", code: "cell.grade_spelled", fix: "XS" },
  ],
  [
    "Khá",
    "TD01",
    "actual",
    str("Khá"),
    { value: null, code: "cell.grade_unknown", params: { raw: "Khá", allowed: "XS, T, HT, KHT" } },
  ],
  ["a number in a grade row", "TD01", "actual", num(1), { value: null, code: "cell.grade_unknown" }],
  ["a dash in a grade row", "TD01", "actual", str("-"), { value: null, code: "cell.grade_unknown" }],

  // ratios
  ["a ratio formula", "GD03", "actual", formula('=IFERROR(E8/E7*100,"")', 100, "Double"), { value: 100 }],
  ["a ratio formula in % format", "GD06", "actual", formula("=E11/E10", 0.8, "Double", "0%"), { value: 80 }],
  [
    "a ratio formula error",
    "GD06",
    "actual",
    formula("=E11/E10", "#DIV/0!", "Error"),
    { value: null, code: "cell.formula_error" },
  ],
  [
    "a number typed over a ratio",
    "GD03",
    "actual",
    num(100),
    { value: null, code: "cell.ratio_typed", params: { raw: "100", numerator: "GD02", denominator: "GD01" } },
  ],
  ["text typed over a ratio", "GD09", "actual", str("80%"), { value: null, code: "cell.ratio_typed" }],
  ["a ratio target", "GD06", "target", num(80), { value: 80 }],
  ["a ratio target typed as 80%", "GD06", "target", num(0.8, "0%", "80%"), { value: 80 }],
  ["a ratio target as text", "GD06", "target", str("80"), { value: 80, code: "cell.text_number", fix: 80 }],
];

describe("parseCell", () => {
  it.each(cases)("%s (%s %s)", (_name, code, field, cell, expected) => {
    const r = parseCell(cell, ind(code), field, doan2024);
    expect(r.value).toEqual(expected.value);
    if (expected.code === undefined) {
      expect(r.issues).toEqual([]);
      return;
    }
    expect(r.issues).toHaveLength(1);
    const [issue] = r.issues;
    expect(issue?.code).toBe(expected.code);
    expect(issue?.indicator).toBe(code);
    expect(issue?.field).toBe(field);
    expect(issue?.cell).toBeUndefined();
    expect(issue?.sheet).toBeUndefined();
    expect(typeof issue?.params.raw).toBe("string");
    if (expected.fix === undefined) expect(issue?.fix).toBeUndefined();
    else expect(issue?.fix).toEqual({ value: expected.fix });
    if (expected.params) expect(issue?.params).toMatchObject(expected.params);
  });

  it("reads every n.ddd (1 ≤ n < 1000, last decimal not 0) typed as a number into a count as n·1000", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 999_999 }).filter((k) => k % 10 !== 0),
        (k) => {
          const r = parseCell(num(k / 1000), ind("PT01"), "actual", doan2024);
          expect(r.value).toBe(k);
          expect(r.issues[0]?.fix).toEqual({ value: k });
        },
      ),
    );
  });

  it("makes only a spelled grade and a typed ratio warnings", () => {
    const severities = new Map<string, string>();
    for (const [, code, field, cell] of cases) {
      for (const i of parseCell(cell, ind(code), field, doan2024).issues) severities.set(i.code, i.severity);
    }
    expect(severities.get("cell.grade_spelled")).toBe("warning");
    expect(severities.get("cell.ratio_typed")).toBe("warning");
    const others = [...severities].filter(([c]) => c !== "cell.grade_spelled" && c !== "cell.ratio_typed");
    expect(others.length).toBeGreaterThan(10);
    for (const [c, s] of others) expect([c, s]).toEqual([c, "error"]);
  });

  it("offers no fix on a formula cell, and says so in the params", () => {
    const r = parseCell(formula('=TEXT(A1,"#.##0")', "92.387", "String"), ind("PT01"), "actual", doan2024);
    expect(r.issues[0]?.fix).toBeUndefined();
    expect(r.issues[0]?.params.fixable).toBe(false);
    const g = parseCell(formula('=IF(A1>9,"xs","ht")', "xs", "String"), ind("TD01"), "actual", doan2024);
    expect(g).toMatchObject({
      value: "XS",
      issues: [{ code: "cell.grade_spelled", params: { fixable: false } }],
    });
    expect(g.issues[0]?.fix).toBeUndefined();
  });
});

describe("matchGrade", () => {
  it.each([
    ["XS", "XS"],
    ["t", "T"],
    ["Hoàn thành tốt nhiệm vụ", "T"],
    ["hoàn thành", "HT"],
    ["Không hoàn thành nhiệm vụ", "KHT"],
    ["Excellently completed", "XS"],
    ["", undefined],
    ["Khá", undefined],
    ["hoàn thành xuất sắc nhiệm vụ và vượt", undefined],
  ])("%j → %j", (text, expected) => {
    expect(matchGrade(text, doan2024)).toBe(expected);
  });
});

// ---- properties ----------------------------------------------------------------------------------------

const FORMATS = ["General", "@", "0", "#,##0", "0.00", "0%", "m/d/yyyy", "dd/mm/yyyy", "d-mmm", "h:mm"];
const TRICKY = [
  "92.387",
  "1,5",
  "1.500",
  " 12 người ",
  "-",
  "#DIV/0!",
  "xs",
  "１２３",
  "\u00a0",
  "5 tỷ",
  "80%",
  "=A1/B1",
];

const scalar = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(...TRICKY),
  fc.double(),
  fc.integer(),
  fc.boolean(),
);
const rawCell: fc.Arbitrary<RawCell> = fc.record({
  value: scalar,
  valueType: fc.constantFrom(...VALUE_TYPES),
  text: fc.oneof(fc.string(), fc.constantFrom(...TRICKY)),
  formula: scalar,
  numberFormat: fc.oneof(fc.constantFrom(...FORMATS), fc.string()),
});
const anyIndicator = fc.constantFrom(...doan2024.indicators);
const anyField = fc.constantFrom<CellField>("target", "actual");

function isBlank(cell: RawCell): boolean {
  return typeof cell.value === "string" && /^[\s\u200b-\u200d\u2060\ufeff]*$/u.test(cell.value);
}

/** 1234567 → "1.234.567", as seed 000 writes its figures. */
function vietnameseThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ".");
}

describe("parseCell properties", () => {
  it("never throws, and gives a value or an issue for every non-blank cell", () => {
    fc.assert(
      fc.property(rawCell, anyIndicator, anyField, (cell, indicator, field) => {
        const r = parseCell(cell, indicator, field, doan2024);
        if (isBlank(cell)) {
          expect(r).toEqual({ value: null, issues: [] });
        } else {
          expect(r.value !== null || r.issues.length > 0).toBe(true);
        }
        for (const i of r.issues) {
          expect(i.indicator).toBe(indicator.code);
          expect(typeof i.params.raw).toBe("string");
          // A fix is a clean value: re-reading it raises nothing.
          if (i.fix && typeof i.fix.value === "number") {
            const again = parseCell({ ...num(i.fix.value) }, indicator, field, doan2024);
            expect(again.issues).toEqual([]);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("reads any whole number written with '.' thousands separators back in a count cell", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const text = vietnameseThousands(n);
        const r = parseCell(str(text), ind("PT01"), "actual", doan2024);
        expect(r.value).toBe(n);
        // Above what one unit may report, the figure is read but refused on the cell, with no fix.
        if (n > MAX_FIGURE) expect(r.issues[0]?.code).toBe("cell.too_large");
        else expect(r.issues[0]?.fix).toEqual({ value: n });
      }),
    );
  });

  it("the thousands formatter used above is the Vietnamese one", () => {
    expect(vietnameseThousands(92387)).toBe("92.387");
    expect(vietnameseThousands(1234567)).toBe("1.234.567");
    expect(vietnameseThousands(125)).toBe("125");
  });
});
