// The fake's formula engine, number formats and typed-input parsing, without proxies.
import { describe, expect, it } from "vitest";
import { FakeUnsupportedError } from "./errors.ts";
import { Evaluator, FormulaError, FormulaSyntaxError, type FValue, parseFormula } from "./formula.ts";
import { dateFromSerial, formatGeneral, renderNumberFormat, serialFromDate } from "./numfmt.ts";
import { parseTyped } from "./typed.ts";

function evaluate(formula: string, cells: Record<string, FValue> = {}, warnings: string[] = []): unknown {
  const evaluator = new Evaluator({
    cell: (_sheet, r, c) => cells[`${String.fromCharCode(65 + c)}${r + 1}`] ?? null,
    hasSheet: (name) => name === "Other",
    warn: (m) => warnings.push(m),
  });
  const v = evaluator.value(parseFormula(formula.slice(1)));
  return v instanceof FormulaError ? v.code : v;
}

const percent = '=IF(AND(ISNUMBER(E10),E10>0,ISNUMBER(F10)),F10/E10*100,"")';

describe("formula engine", () => {
  it("computes the template's percent formula, and '' when the target is blank, text or 0", () => {
    expect(evaluate(percent, { E10: 30, F10: 125 })).toBeCloseTo(416.6667, 3);
    expect(evaluate(percent, { F10: 125 })).toBe("");
    expect(evaluate(percent, { E10: "30", F10: 125 })).toBe("");
    expect(evaluate(percent, { E10: 0, F10: 125 })).toBe("");
  });

  it("division by zero or by an empty cell is #DIV/0!; errors propagate", () => {
    expect(evaluate("=A1/B1", { A1: 1 })).toBe("#DIV/0!");
    expect(evaluate("=A1/B1+1", { A1: 1, B1: 0 })).toBe("#DIV/0!");
    expect(evaluate("=SUM(A1:A3)", { A1: 1, A2: new FormulaError("#VALUE!") })).toBe("#VALUE!");
  });

  it("an unknown function reads #NAME? and is reported as a warning", () => {
    const warnings: string[] = [];
    expect(evaluate("=VLOOKUP(A1,B1:C3,2,FALSE)", {}, warnings)).toBe("#NAME?");
    expect(warnings[0]).toContain("VLOOKUP");
  });

  it("follows Excel's precedence and coercions", () => {
    expect(evaluate("=-2^2")).toBe(4);
    expect(evaluate('="a"&1.5')).toBe("a1.5");
    expect(evaluate("=5%")).toBe(0.05);
    expect(evaluate('="5"+1')).toBe(6);
    expect(evaluate('="x"+1')).toBe("#VALUE!");
    expect(evaluate("=A1", {})).toBe(0);
    expect(evaluate("=A1=0", {})).toBe(true);
    expect(evaluate('=A1=""', {})).toBe(true);
    expect(evaluate('=1<"a"')).toBe(true);
    expect(evaluate('="abc"="ABC"')).toBe(true);
  });

  it("SUM skips text and booleans in ranges but coerces direct arguments; AND needs a logical value", () => {
    expect(evaluate("=SUM(A1:A3)", { A1: 1, A2: "2", A3: true })).toBe(1);
    expect(evaluate('=SUM("2",TRUE)')).toBe(3);
    expect(evaluate("=AND(A1:A2)", { A1: "x" })).toBe("#VALUE!");
    expect(evaluate("=IF(FALSE,1)")).toBe(false);
    expect(evaluate('=IFERROR(1/0,"-")')).toBe("-");
    expect(evaluate("=ROUND(2.675,2)")).toBe(2.68);
    expect(evaluate("=ROUND(-2.5,0)")).toBe(-3);
  });

  it("HYPERLINK shows its friendly name; references to a missing sheet are #REF!", () => {
    expect(evaluate('=HYPERLINK("http://x","bấm")')).toBe("bấm");
    expect(evaluate("='Báo cáo'!A1")).toBe("#REF!");
    expect(evaluate("=Other!A1", { A1: 3 })).toBe(3);
  });

  it("rejects what Excel would not accept as a formula", () => {
    for (const bad of ["=", "=1+", '=HYPERLINK("x"', "=IF(1)", "=Ghi chú", "=A1 B1"]) {
      expect(() => parseFormula(bad.slice(1)), bad).toThrow(FormulaSyntaxError);
    }
  });
});

describe("number formats (Range.text)", () => {
  it.each([
    [92387, "#,##0", "92,387"],
    [555, "#,##0.###", "555."],
    [1.5, "#,##0.###", "1.5"],
    [1234.5678, "#,##0.###", "1,234.568"],
    // The plans' money format: no trailing dot on whole amounts.
    [555, "#,##0.0##", "555.0"],
    [312.5, "#,##0.0##", "312.5"],
    [1.125, "#,##0.0##", "1.125"],
    [1234567.1255, "#,##0.0##", "1,234,567.126"],
    [100, "0.0", "100.0"],
    [416.66666, "0.0", "416.7"],
    [-0.04, "0.0", "-0.0"],
    [2.675, "0.00", "2.68"],
    [0.805, "0%", "81%"],
    [0.125, "0.0%", "12.5%"],
    [7, "00", "07"],
    [92.387, "General", "92.387"],
    [1 / 3, "General", "0.333333333"],
    [123456789012, "General", "1.23457E+11"],
    [12, "@", "12"],
    [45888, "d/m/yyyy", "19/8/2025"],
    [45888, "dd/mm/yyyy", "19/08/2025"],
    [45888, "yyyy-mm-dd", "2025-08-19"],
  ])("%s under %s shows %s", (n, format, text) => {
    expect(renderNumberFormat(n, format)).toBe(text);
  });

  it("an unknown format is a FakeUnsupportedError", () => {
    expect(() => renderNumberFormat(1, "[h]:mm")).toThrow(FakeUnsupportedError);
  });

  it("date serials follow the 1900 system", () => {
    expect(serialFromDate(2000, 1, 1)).toBe(36526);
    expect(serialFromDate(1900, 1, 1)).toBe(1);
    expect(serialFromDate(2023, 2, 30)).toBeNull();
    expect(dateFromSerial(36526)).toEqual({ y: 2000, m: 1, d: 1 });
    expect(dateFromSerial(60)).toEqual({ y: 1900, m: 2, d: 29 });
    expect(formatGeneral(0.1 + 0.2)).toBe("0.3");
  });
});

describe("typed input", () => {
  it.each([
    ["12", "General", { kind: "value", value: 12 }],
    ["12", "@", { kind: "value", value: "12" }],
    [" 12 ", "General", { kind: "value", value: 12 }],
    ["1,500", "General", { kind: "value", value: 1500, autoFormat: "#,##0" }],
    ["1,5", "General", { kind: "value", value: "1,5" }],
    ["5%", "General", { kind: "value", value: 0.05, autoFormat: "0%" }],
    ["true", "General", { kind: "value", value: true }],
    ["=1+1", "General", { kind: "formula", formula: "=1+1" }],
    ["=1+1", "@", { kind: "value", value: "=1+1" }],
    ["+A1", "General", { kind: "formula", formula: "=+A1" }],
    ["12 người", "General", { kind: "value", value: "12 người" }],
    ["'12", "General", { kind: "value", value: "12", quotePrefix: true }],
    ["", "General", { kind: "empty" }],
  ] as const)("%j in a %s cell", (input, format, expected) => {
    expect(parseTyped(input, format, "d/m/yyyy")).toEqual(expected);
  });
});
