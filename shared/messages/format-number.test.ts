import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, formatParam } from "./format-number.ts";

describe("formatNumber", () => {
  it.each([
    [92387, "92.387", "92,387"],
    [1.5, "1,5", "1.5"],
    [0, "0", "0"],
    [-0, "0", "0"],
    [999, "999", "999"],
    [1000, "1.000", "1,000"],
    [1758, "1.758", "1,758"],
    [200000, "200.000", "200,000"],
    [1234567.125, "1.234.567,125", "1,234,567.125"],
    [-1500, "-1.500", "-1,500"],
    [-0.25, "-0,25", "-0.25"],
    [1.2345, "1,2345", "1.2345"],
    [1e12, "1.000.000.000.000", "1,000,000,000,000"],
    [1e21, "1.000.000.000.000.000.000.000", "1,000,000,000,000,000,000,000"],
    [1.5e-7, "0,00000015", "0.00000015"],
  ])("%d → vi %s, en %s", (n, vi, en) => {
    expect(formatNumber(n, "vi")).toBe(vi);
    expect(formatNumber(n, "en")).toBe(en);
  });

  it("leaves non-finite numbers recognisable", () => {
    expect(formatNumber(Number.NaN, "vi")).toBe("NaN");
    expect(formatNumber(Number.POSITIVE_INFINITY, "en")).toBe("Infinity");
  });

  it("reads back as the same number once the separators are undone", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const vi = formatNumber(n, "vi").replaceAll(".", "").replace(",", ".");
        const en = formatNumber(n, "en").replaceAll(",", "");
        expect(Number(vi)).toBe(n === 0 ? 0 : n);
        expect(Number(en)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe("formatNumber without grouping (cell messages)", () => {
  it.each([
    [92387, "92387", "92387"],
    [1.5, "1,5", "1.5"],
    [1234.5, "1234,5", "1234.5"],
    [-5, "-5", "-5"],
    [1e-7, "0,0000001", "0.0000001"],
    [1e21, "1000000000000000000000", "1000000000000000000000"],
  ])("%d → vi %j, en %j", (n, vi, en) => {
    expect(formatNumber(n, "vi", { group: false })).toBe(vi);
    expect(formatNumber(n, "en", { group: false })).toBe(en);
  });
});

describe("formatParam", () => {
  it("writes numbers for the language, blanks as empty, anything else as it is", () => {
    expect(formatParam(92387, "vi")).toBe("92.387");
    expect(formatParam(92387, "en", { group: false })).toBe("92387");
    expect(formatParam(null, "vi")).toBe("");
    expect(formatParam(undefined, "en")).toBe("");
    expect(formatParam("PT01", "vi")).toBe("PT01");
    expect(formatParam(true, "en")).toBe("true");
  });
});
