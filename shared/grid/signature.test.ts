// The template's official look read back: the union header, the place-and-date line, the period in
// words, the "(*)" legend and the signature block are never header fields, rows, periods or unit codes.
import { describe, expect, it } from "vitest";
import { checkSheet } from "../check.ts";
import { TEMPLATE_LAYOUT, templateCell, templateRows, templateSheetPlan } from "../plans/template-sheet.ts";
import { planToGrid } from "../plans/to-grid.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { locateReport } from "./locate.ts";
import { signatureRow } from "./signature.ts";
import { insertRows, seedFill, setCell } from "./testing.ts";

const t = doan2024;
const L = TEMPLATE_LAYOUT;
const last = templateRows(t).lastRow;
const header = {
  unitName: "Đoàn xã Chiềng Mai",
  unitCode: "SL.CHIENGMAI",
  period: "2023-Q3",
  reporter: "Lò Thị Hoa",
  phone: "0912 345 678",
};
const filled = (h: Partial<typeof header> = header) =>
  planToGrid(templateSheetPlan(t, { ...h, at: "2026-12-02T02:00:00Z" }), seedFill(t));

describe("signatureRow", () => {
  it("finds the T/M BAN THƯỜNG VỤ row of the template, and none on a sheet without it", () => {
    expect(signatureRow(filled())).toBe(last + 4);
    let g = setCell(filled(), `E${last + 4}`, "");
    expect(signatureRow(g)).toBeUndefined();
    g = setCell(g, `F${last + 7}`, "TM. Ban Chấp hành");
    expect(signatureRow(g)).toBe(last + 7);
  });
});

describe("a filled template with the official look", () => {
  it("locates every field and row with no issue, and checks clean", () => {
    const located = locateReport(filled());
    expect(located.issues).toEqual([]);
    expect(located.header).toEqual({ ...header, templateId: "doan-2024", templateVersion: 1 });
    expect(located.rows).toHaveLength(t.indicators.length);
    expect(located.breakdowns).toEqual([]);
    expect(checkSheet(filled()).issues).toEqual([]);
  });

  it("reads the reporter from Người lập:, never from the signature's NGƯỜI LẬP BIỂU", () => {
    const located = locateReport(filled({ ...header, reporter: "" }));
    expect(located.header.reporter).toBeUndefined();
    expect(located.headerCells.reporter).toEqual({
      label: L.header.reporter.label,
      input: L.header.reporter.input,
    });
  });

  it("without a table, reads header labels above the signature block only", () => {
    let g = filled({ ...header, reporter: "" });
    for (const c of Object.values(L.columns)) g = setCell(g, `${c}${L.headerRow}`, "");
    g = setCell(g, L.header.reporter.label, "");
    const located = locateReport(g);
    expect(located.table).toBeUndefined();
    // NGƯỜI LẬP BIỂU's neighbour on the right is T/M BAN THƯỜNG VỤ: it would read as the reporter.
    expect(located.header.reporter).toBeUndefined();
    expect(located.headerCells.reporter).toBeUndefined();
    expect(located.header.unitCode).toBe("SL.CHIENGMAI");
  });

  it("takes no header, legend or signature text as a row, a period or a unit code", () => {
    const located = locateReport(filled());
    const rows = new Set(located.rows.map((r) => r.row));
    for (const r of [1, 2, 3, 4, last + 2, last + 4, last + 5, last + 6])
      expect(rows.has(r), `row ${r}`).toBe(false);
    // The period in words (row 4) and the date line are not read: "Kỳ báo cáo:" holds the code.
    expect(located.headerCells.period?.input).toBe(L.header.period.input);
    expect(located.headerCells.unitCode?.input).toBe(L.header.unitCode.input);
  });

  it("keeps the table from running into the signature block when a row is added at its end", () => {
    // A figure without a code on the free row right under the table, and on a row inserted there: a
    // warning on each figure, and nothing of the legend or the signature block under them.
    const free = setCell(filled(), `F${last + 1}`, 3);
    expect(locateReport(free).issues.map((i) => [i.code, i.cell])).toEqual([
      ["grid.row_uncoded", `F${last + 1}`],
    ]);
    const g = setCell(insertRows(filled(), last + 1), `F${last + 1}`, 7);
    const located = locateReport(g);
    expect(located.issues.map((i) => [i.code, i.cell])).toEqual([["grid.row_uncoded", `F${last + 1}`]]);
    expect(signatureRow(g)).toBe(last + 5);
  });

  it("reads a figure under the signature block as nothing of the report", () => {
    const g = setCell(filled(), templateCell(t, "GD01", "actual"), 120);
    const below = setCell(g, `F${last + 9}`, 99);
    expect(locateReport(below).issues).toEqual([]);
  });
});

describe("signatureRow from a row", () => {
  it("looks only at and below the row it is given", () => {
    expect(signatureRow(filled(), last + 4)).toBe(last + 4);
    expect(signatureRow(filled(), last + 5)).toBeUndefined();
  });
});
