import { describe, expect, it } from "vitest";
import { isDateFormat, isPercentFormat } from "./number-format.ts";

describe("isDateFormat", () => {
  it.each([
    ["m/d/yyyy", true],
    ["dd/mm/yyyy", true],
    ["d-mmm", true],
    ["mmm-yy", true],
    ["h:mm", true],
    ["[h]:mm:ss", true],
    ["[$-42A]dd/mm/yyyy", true],
    ["General", false],
    ["", false],
    ["@", false],
    ["0", false],
    ["0.00", false],
    ["#,##0", false],
    ["#,##0.000", false],
    ["0%", false],
    ["0.00E+00", false],
    ['#,##0 "người"', false], // literal text with no date letters
    ['0 "ngày"', false], // quoted "d" is literal, not a day
    ["[Red]#,##0;[Blue]-#,##0", false],
    ['_(* #,##0_);_(* \\(#,##0\\);_(* "-"??_);_(@_)', false], // accounting
  ])("%j → %s", (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});

describe("isPercentFormat", () => {
  it.each([
    ["0%", true],
    ["0.00%", true],
    ["General", false],
    ["0", false],
    ['0 "%"', false], // a literal % sign does not scale the value
  ])("%j → %s", (code, expected) => {
    expect(isPercentFormat(code)).toBe(expected);
  });
});
