import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  a1,
  columnIndex,
  columnLetter,
  compareA1,
  offsetA1,
  parseA1,
  parseRange,
  rangeA1,
  toA1,
} from "./address.ts";

describe("column letters", () => {
  it("converts the edges both ways", () => {
    expect(columnIndex("A")).toBe(1);
    expect(columnIndex("z")).toBe(26);
    expect(columnIndex("AA")).toBe(27);
    expect(columnIndex("XFD")).toBe(16384);
    expect(columnLetter(1)).toBe("A");
    expect(columnLetter(26)).toBe("Z");
    expect(columnLetter(27)).toBe("AA");
    expect(columnLetter(702)).toBe("ZZ");
    expect(columnLetter(703)).toBe("AAA");
    // The consolidated sheet's columns (it had its own copy of columnLetter before).
    expect([1, 7, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual([
      "A",
      "G",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });

  it("rejects what is not a column", () => {
    expect(columnIndex("XFE")).toBeUndefined();
    expect(columnIndex("")).toBeUndefined();
    expect(columnIndex("A1")).toBeUndefined();
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(16385)).toThrow(RangeError);
  });

  it("round-trips every column", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16384 }), (n) => {
        expect(columnIndex(columnLetter(n))).toBe(n);
      }),
    );
  });
});

describe("cell addresses", () => {
  it("parses plain, absolute and sheet-qualified addresses", () => {
    expect(parseA1("F14")).toEqual({ row: 14, col: 6 });
    expect(parseA1("$F$14")).toEqual({ row: 14, col: 6 });
    expect(parseA1("Báo cáo!f14")).toEqual({ row: 14, col: 6 });
    expect(parseA1("A0")).toBeUndefined();
    expect(parseA1("A1:B2")).toBeUndefined();
    expect(parseA1("14F")).toBeUndefined();
    expect(toA1({ row: 14, col: 6 })).toBe("F14");
    expect(a1(3, 3)).toBe("C3");
  });

  it("offsets from an origin", () => {
    expect(offsetA1("C3", 0, 0)).toBe("C3");
    expect(offsetA1("C3", 2, 5)).toBe("H5");
    expect(offsetA1("A1", 59, 7)).toBe("H60");
    expect(() => offsetA1("nope", 1, 1)).toThrow(RangeError);
  });

  it("round-trips random cells", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: 16384 }), (row, col) => {
        expect(parseA1(a1(row, col))).toEqual({ row, col });
      }),
    );
  });
});

describe("ranges", () => {
  it("parses ranges and single cells, normalising corners", () => {
    expect(parseRange("A1:H60")).toEqual({ start: { row: 1, col: 1 }, end: { row: 60, col: 8 } });
    expect(parseRange("H60:A1")).toEqual({ start: { row: 1, col: 1 }, end: { row: 60, col: 8 } });
    expect(parseRange("B2")).toEqual({ start: { row: 2, col: 2 }, end: { row: 2, col: 2 } });
    expect(parseRange("Sheet1!$A$1:$B$4")?.end).toEqual({ row: 4, col: 2 });
    expect(parseRange("A1:B2:C3")).toBeUndefined();
    expect(parseRange("A:B")).toBeUndefined();
  });

  it("writes ranges, collapsing a single cell", () => {
    expect(rangeA1({ row: 1, col: 1 }, { row: 60, col: 8 })).toBe("A1:H60");
    expect(rangeA1({ row: 2, col: 2 }, { row: 2, col: 2 })).toBe("B2");
  });

  it("orders addresses by row, then column", () => {
    const sorted = ["F14", "B2", "A14", "AA2", "?"].sort(compareA1);
    expect(sorted).toEqual(["?", "B2", "AA2", "A14", "F14"]);
    expect(compareA1(undefined, "A1")).toBeLessThan(0);
  });
});
