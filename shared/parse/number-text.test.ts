import { describe, expect, it } from "vitest";
import {
  chooseReading,
  formulaErrorText,
  isBlankText,
  isDashText,
  readNumberText,
  readSeparators,
  unitFits,
} from "./number-text.ts";

const values = (s: string) => readSeparators(s).map((r) => [r.kind, r.value]);

describe("readSeparators", () => {
  it.each<[string, (string | number)[][]]>([
    ["125", [["integer", 125]]],
    ["0125", [["integer", 125]]],
    [
      "92.387",
      [
        ["thousands", 92387],
        ["decimal", 92.387],
      ],
    ],
    [
      "1,500",
      [
        ["thousands", 1500],
        ["decimal", 1.5],
      ],
    ],
    ["1.234.567", [["thousands", 1234567]]],
    ["1,234,567", [["thousands", 1234567]]],
    ["92 387", [["thousands", 92387]]], // a space is never a decimal mark
    ["1,5", [["decimal", 1.5]]],
    ["12.5", [["decimal", 12.5]]],
    ["1.2345", [["decimal", 1.2345]]],
    ["1.234,5", [["decimal", 1234.5]]], // Vietnamese: "." thousands, "," decimal
    ["1,234.5", [["decimal", 1234.5]]], // English
    ["1 234,5", [["decimal", 1234.5]]],
    [".5", [["decimal", 0.5]]],
    ["0.500", [["decimal", 0.5]]], // "0" cannot open a thousands group
    ["0,000", [["decimal", 0]]],
    ["1.23.456", []], // a two-digit group
    ["1..5", []],
    ["5.", []],
    ["12.5.2023", []],
    ["1.234.5", []], // "." cannot be both grouping and decimal
    ["1,234,5", []],
    ["1.500,000", [["decimal", 1500]]],
    ["", []],
  ])("%j", (input, expected) => {
    expect(values(input)).toEqual(expected);
  });

  it("counts significant decimals only", () => {
    expect(readSeparators("1,2340").find((r) => r.kind === "decimal")?.decimals).toBe(3);
    expect(readSeparators("1,2345")[0]?.decimals).toBe(4);
    expect(readSeparators("12,0")[0]?.decimals).toBe(0);
  });

  it("records the separator and the decimal mark", () => {
    expect(readSeparators("1.234,5")[0]).toMatchObject({ group: ".", decimalMark: "," });
    expect(readSeparators("1.234.567")[0]).toMatchObject({ group: "." });
  });
});

describe("readNumberText", () => {
  it.each([
    ["92.387", { number: "92.387", unit: "", negative: false, strayWhitespace: false, fullWidth: false }],
    ["12 người", { number: "12", unit: "người" }],
    ["12người", { number: "12", unit: "người" }],
    ["555 triệu đồng", { number: "555", unit: "triệu đồng" }],
    ["92.387 lượt", { number: "92.387", unit: "lượt" }],
    ["80%", { number: "80", unit: "%" }],
    ["-5", { number: "5", negative: true }],
    ["\u22125", { number: "5", negative: true }], // minus sign
    ["- 5", { number: "5", negative: true }],
    ["+5", { number: "5", plus: true }],
    [" 125 ", { number: "125", strayWhitespace: true }],
    ["125\u00a0", { number: "125", strayWhitespace: true }],
    ["\u202f125", { number: "125", strayWhitespace: true }],
    ["\u200b125", { number: "125", strayWhitespace: true }], // zero-width space
    ["92\u00a0387", { number: "92 387", strayWhitespace: true }],
    ["１２３", { number: "123", fullWidth: true, strayWhitespace: false }],
    ["９２．３８７", { number: "92.387", fullWidth: true }],
    ["12 ng.", { number: "12", unit: "ng." }],
  ])("%j", (input, expected) => {
    expect(readNumberText(input)).toMatchObject(expected);
  });

  it("applies the sign to every reading", () => {
    expect(readNumberText("-1.500")?.readings.map((r) => r.value)).toEqual([-1500, -1.5]);
    expect(readNumberText("-0")?.readings[0]?.value).toBe(0);
  });

  it.each([
    "",
    "   ",
    "-",
    "abc",
    "khoảng 12",
    "12-15",
    "12 (ước tính)",
    "1e3",
    "12.5.2023",
    "1..5",
    "12 3",
    "12²",
    "n/a",
  ])("%j is not a number", (input) => {
    expect(readNumberText(input)).toBeUndefined();
  });
});

describe("chooseReading", () => {
  const readings = (s: string) => readNumberText(s)?.readings ?? [];

  it("takes groups of three as thousands in a count", () => {
    expect(chooseReading(readings("1.500"), "count")).toMatchObject({
      kind: "one",
      reading: { value: 1500 },
    });
    expect(chooseReading(readings("2,000"), "count")).toMatchObject({
      kind: "one",
      reading: { value: 2000 },
    });
    expect(chooseReading(readings("1,5"), "count")).toMatchObject({ kind: "one", reading: { value: 1.5 } });
  });

  it("refuses to guess between 1500 and 1.5 where decimals are allowed", () => {
    expect(chooseReading(readings("1.500"), "decimal")).toMatchObject({
      kind: "ambiguous",
      thousands: { value: 1500 },
      decimal: { value: 1.5 },
    });
    expect(chooseReading(readings("1.234.567"), "decimal")).toMatchObject({
      kind: "one",
      reading: { value: 1234567 },
    });
    expect(chooseReading(readings("1,5"), "decimal")).toMatchObject({ kind: "one", reading: { value: 1.5 } });
  });

  it("throws on no readings, which readNumberText never returns", () => {
    expect(() => chooseReading([], "count")).toThrow();
  });
});

describe("small recognisers", () => {
  it.each(["-", "–", "—", "−", "--", " - ", "－"])("%j is a dash", (s) => {
    expect(isDashText(s)).toBe(true);
  });
  it.each(["-5", "0", "x", ""])("%j is not a dash", (s) => {
    expect(isDashText(s)).toBe(false);
  });

  it.each([
    ["#DIV/0!", "#DIV/0!"],
    ["#div/0!", "#DIV/0!"],
    [" #N/A ", "#N/A"],
    ["#NAME?", "#NAME?"],
    ["#REF!", "#REF!"],
    ["#hashtag", undefined],
    ["92.387", undefined],
  ])("formula error %j → %j", (s, expected) => {
    expect(formulaErrorText(s)).toBe(expected);
  });

  it.each(["", " ", "\u00a0", "\u202f\t\n", "\u200b"])("%j is blank", (s) => {
    expect(isBlankText(s)).toBe(true);
  });
  it("a zero is not blank", () => {
    expect(isBlankText("0")).toBe(false);
  });
});

describe("unitFits", () => {
  it.each([
    ["người", "người", true],
    ["NGƯỜI", "người", true],
    ["nguoi", "người", true],
    ["ng", "người", true],
    ["lượt", "lượt", true],
    ["lượt người", "lượt", true],
    ["hoạt động", "hoạt động", true],
    ["triệu", "triệu đồng", true],
    ["triệu đồng", "triệu đồng", true],
    ["tr", "triệu đồng", true],
    ["tr.đ", "triệu đồng", true],
    ["trđ", "triệu đồng", true],
    ["%", "%", true],
    ["phần trăm", "%", true],
    ["đơn vị máu", "đơn vị", true],
    ["đồng", "triệu đồng", false], // 555 đồng is not 555 million
    ["nghìn", "triệu đồng", false],
    ["tỷ", "triệu đồng", false],
    ["lớp", "người", false], // 5 classes are not 5 people
    ["%", "người", false],
    ["người", "", false],
  ])("%j in a %j row → %s", (unit, row, expected) => {
    expect(unitFits(unit, row)).toBe(expected);
  });
});
