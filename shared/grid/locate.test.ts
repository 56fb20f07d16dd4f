import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Issue } from "../issues.ts";
import { TEMPLATE_LAYOUT, templateCell, templateRows, templateSheetPlan } from "../plans/template-sheet.ts";
import { planToGrid } from "../plans/to-grid.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { a1, columnIndex, offsetA1, parseA1 } from "./address.ts";
import { locateReport, parseTemplateStamp } from "./locate.ts";
import {
  copyRow,
  cropTo,
  deleteRows,
  insertColumns,
  insertRows,
  permuteRows,
  randomGrid,
  seedFill,
  setCell,
  typed,
} from "./testing.ts";
import type { Grid } from "./types.ts";

const t = doan2024;
const L = TEMPLATE_LAYOUT;
const rows = templateRows(t);
const header = {
  unitName: "Huyện đoàn Mai Sơn",
  unitCode: "SL.MAISON",
  period: "2023",
  reporter: "Lò Thị Hoa",
  phone: "0912 345 678",
};
const fresh = (fill: Record<string, string | number> = seedFill(t)) =>
  planToGrid(templateSheetPlan(t, header), fill);
const codes = (issues: Issue[]) => issues.map((i) => i.code);
const only = (issues: Issue[], code: Issue["code"]) => issues.filter((i) => i.code === code);

describe("locateReport on a fresh template sheet", () => {
  const located = locateReport(fresh());

  it("finds the template, every header field and no issue", () => {
    expect(located.issues).toEqual([]);
    expect(located.template).toBe(t);
    expect(located.header).toEqual({ ...header, templateId: "doan-2024", templateVersion: 1 });
    expect(located.headerCells.unitCode).toEqual({ label: "E5", input: "F5" });
    expect(located.table).toEqual({
      headerRow: L.headerRow,
      columns: { stt: 1, code: 2, label: 3, unit: 4, target: 5, actual: 6, rate: 7, note: 8 },
      anchor: `B${L.headerRow}`,
    });
  });

  it("finds all 50 rows at their addresses", () => {
    expect(located.rows).toHaveLength(50);
    for (const ind of t.indicators) {
      const row = located.rows.find((r) => r.code === ind.code)!;
      expect(row.row).toBe(rows.indicators.get(ind.code));
      expect(row.cells).toEqual({
        code: templateCell(t, ind.code, "code"),
        target: templateCell(t, ind.code, "target"),
        actual: templateCell(t, ind.code, "actual"),
        note: templateCell(t, ind.code, "note"),
        rate: templateCell(t, ind.code, "rate"),
      });
    }
    expect(located.raw.get("PT01")!.actual).toMatchObject({ value: 92387, valueType: "Double" });
    expect(located.raw.get("TD01")!.actual.value).toBe("XS");
    expect(located.raw.get("GD03")!.actual.formula).toMatch(/^=IF/);
  });
});

describe("locateReport: rows without a code (no figure is lost silently)", () => {
  const pt02 = rows.indicators.get("PT02")!;
  const pt11 = rows.indicators.get("PT11")!;

  it("warns about a figure in a row inserted without a code, naming the row and the figure", () => {
    let g = insertRows(fresh(), pt11 + 1, 1);
    g = setCell(g, `C${pt11 + 1}`, "Hoạt động khác: làm đường giao thông nông thôn");
    g = setCell(g, `F${pt11 + 1}`, typed(2));
    const located = locateReport(g);
    expect(located.issues).toEqual([
      expect.objectContaining({
        code: "grid.row_uncoded",
        severity: "warning",
        cell: `F${pt11 + 1}`,
        params: { row: pt11 + 1, label: "Hoạt động khác: làm đường giao thông nông thôn", value: "2" },
      }),
    ]);
    expect(located.rows.map((r) => r.row)).not.toContain(pt11 + 1);
  });

  it("still sees a row added right after the last one, and stops at the first blank row", () => {
    const last = rows.lastRow;
    let g = setCell(fresh(), `C${last + 1}`, "Hoạt động khác");
    g = setCell(g, `E${last + 1}`, typed(4));
    g = setCell(g, `F${last + 3}`, typed(9)); // a signature block's number, below a blank row
    expect(only(locateReport(g).issues, "grid.row_uncoded")).toEqual([
      expect.objectContaining({
        cell: `E${last + 1}`,
        field: "target",
        params: expect.objectContaining({ value: "4" }),
      }),
    ]);
  });

  it("reads a 'Trong đó: …' row as a breakdown of the coded row above: no warning of its own", () => {
    let g = insertRows(fresh(), pt02 + 1, 1);
    g = setCell(g, `C${pt02 + 1}`, "Trong đó: công trình cấp xã");
    g = setCell(g, `F${pt02 + 1}`, typed(20));
    const located = locateReport(g);
    expect(located.issues).toEqual([]);
    expect(located.breakdowns).toEqual([
      expect.objectContaining({
        row: pt02 + 1,
        parent: "PT02",
        cells: { target: `E${pt02 + 1}`, actual: `F${pt02 + 1}` },
      }),
    ]);
  });

  it("points at the row whose code was deleted, with the fix that writes it back", () => {
    const g = setCell(fresh(), `B${pt02}`, "");
    const located = locateReport(g);
    expect(located.issues).toEqual([
      expect.objectContaining({
        code: "grid.row_code_missing",
        severity: "error",
        cell: `B${pt02}`,
        indicator: "PT02",
        fix: { value: "PT02" },
        params: expect.objectContaining({ row: pt02, code: "PT02", hasFigure: true }),
      }),
    ]);
    expect(only(located.issues, "grid.row_missing")).toEqual([]);
  });

  it("keeps a deleted code of an empty, optional row a warning", () => {
    const g = setCell(fresh({}), `B${rows.indicators.get("PT07")!}`, "");
    expect(only(locateReport(g).issues, "grid.row_code_missing")).toEqual([
      expect.objectContaining({ severity: "warning", fix: { value: "PT07" } }),
    ]);
  });
});

describe("locateReport after users edit the sheet", () => {
  it("follows inserted and blank rows", () => {
    let g = insertRows(fresh(), rows.indicators.get("PT01")!, 3);
    g = setCell(g, `C${rows.indicators.get("PT01")!}`, "Các hoạt động khác (dòng người dùng thêm)");
    g = insertRows(g, rows.indicators.get("GD01")!, 1);
    const located = locateReport(g);
    expect(located.issues).toEqual([]);
    const pt01 = located.rows.find((r) => r.code === "PT01")!;
    expect(pt01.row).toBe(rows.indicators.get("PT01")! + 4);
    expect(located.raw.get("PT01")!.actual.value).toBe(92387);
    expect(located.rows.find((r) => r.code === "GD01")!.row).toBe(rows.indicators.get("GD01")! + 1);
  });

  it("follows rows sorted into any order", () => {
    const first = L.firstBodyRow;
    const count = rows.lastRow - first + 1;
    const base = fresh();
    fc.assert(
      fc.property(
        fc.shuffledSubarray(
          Array.from({ length: count }, (_, i) => i),
          { minLength: count, maxLength: count },
        ),
        (order) => {
          const g = permuteRows(base, first, order);
          const located = locateReport(g);
          expect(located.issues).toEqual([]);
          for (const row of located.rows) {
            const newRow = first + order.indexOf(rows.indicators.get(row.code)! - first);
            expect(row.row).toBe(newRow);
            expect(located.raw.get(row.code)!.actual.value).toEqual(
              base.values[rows.indicators.get(row.code)! - 1]![5],
            );
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it("reports deleted rows: an error for a required row, a warning otherwise", () => {
    let g = deleteRows(fresh(), rows.indicators.get("PT05")!);
    g = deleteRows(g, rows.indicators.get("GD01")!);
    const located = locateReport(g);
    expect(located.rows).toHaveLength(48);
    const missing = only(located.issues, "grid.row_missing");
    expect(missing.map((i) => [i.indicator, i.severity, i.cell, i.field])).toEqual([
      ["GD01", "error", `B${L.headerRow}`, "row"],
      ["PT05", "warning", `B${L.headerRow}`, "row"],
    ]);
    expect(missing[0]).toMatchObject({ sheet: "Báo cáo", params: { code: "GD01", required: true } });
  });

  it("reads columns from the header row when a column is inserted before the actuals", () => {
    let g = insertColumns(fresh(), columnIndex("F")!);
    g = setCell(g, `F${L.headerRow}`, "Kế hoạch năm sau");
    const located = locateReport(g);
    expect(located.issues).toEqual([]);
    expect(located.table?.columns).toMatchObject({ target: 5, actual: 7, rate: 8, note: 9 });
    const pt01 = located.rows.find((r) => r.code === "PT01")!;
    expect(pt01.cells.actual).toBe(`G${rows.indicators.get("PT01")}`);
    expect(located.raw.get("PT01")!.actual.value).toBe(92387);
  });

  it("ignores notes and signatures under the table", () => {
    const last = rows.lastRow;
    let g = setCell(fresh(), `A${last + 2}`, "Ghi chú: số liệu tính đến ngày 30/11/2023.");
    g = setCell(g, `B${last + 3}`, "Lưu ý");
    g = setCell(g, `B${last + 4}`, "(Ký, ghi rõ họ tên)");
    g = setCell(g, `F${last + 4}`, "NGƯỜI LẬP BIỂU");
    g = setCell(g, `B${last + 5}`, 12);
    const located = locateReport(g);
    expect(located.issues).toEqual([]);
    expect(located.rows).toHaveLength(50);
  });

  it("reports a duplicated code and keeps the first row", () => {
    const pt01 = rows.indicators.get("PT01")!;
    let g = copyRow(fresh(), pt01, rows.lastRow + 2);
    g = setCell(g, `F${rows.lastRow + 2}`, 1);
    const located = locateReport(g);
    expect(located.issues).toEqual([
      expect.objectContaining({
        code: "grid.row_duplicate",
        severity: "error",
        indicator: "PT01",
        cell: `B${rows.lastRow + 2}`,
        params: { code: "PT01", first: `B${pt01}` },
      }),
    ]);
    expect(located.rows.find((r) => r.code === "PT01")!.row).toBe(pt01);
    expect(located.raw.get("PT01")!.actual.value).toBe(92387);
  });

  it("warns about codes the template does not know, and reads codes loosely", () => {
    let g = setCell(fresh(), `B${rows.lastRow + 1}`, "ZZ99");
    g = setCell(g, templateCell(t, "PT02", "code"), "  pt02 ");
    const located = locateReport(g);
    expect(located.issues).toEqual([
      expect.objectContaining({
        code: "grid.row_unknown",
        severity: "warning",
        cell: `B${rows.lastRow + 1}`,
      }),
    ]);
    expect(located.rows.some((r) => r.code === "PT02")).toBe(true);
  });

  it("works on a used range that does not start at A1", () => {
    // The whole form pasted one row down and one column right, read as a used range from B2.
    const g = cropTo(insertColumns(insertRows(fresh(), 1), 1), "B2");
    expect(g.origin).toBe("B2");
    const located = locateReport(g);
    expect(located.issues).toEqual([]);
    expect(located.header).toMatchObject({ unitCode: "SL.MAISON", period: "2023" });
    expect(located.headerCells.unitCode?.input).toBe("G6");
    const pt01 = located.rows.find((r) => r.code === "PT01")!;
    expect(pt01.cells.actual).toBe(offsetA1(templateCell(t, "PT01", "actual"), 1, 1));
    expect(located.raw.get("PT01")!.actual.value).toBe(92387);
    expect(located.table?.anchor).toBe(`C${L.headerRow + 1}`);
  });

  it("finds a table without a note column, with note addresses left empty", () => {
    const located = locateReport(setCell(fresh(), `H${L.headerRow}`, ""));
    expect(located.issues).toEqual([]);
    expect(located.rows[0]!.cells.note).toBe("");
    expect(located.raw.get("GD01")!.note).toBe("");
  });
});

describe("locateReport header block", () => {
  const withHeader = (fill: Record<string, string | number>) =>
    locateReport(fresh({ ...seedFill(t), ...fill }));

  it("tolerates other spellings of the labels and values further right", () => {
    let g = fresh();
    g = setCell(g, "E5", "MÃ ĐV :");
    g = setCell(g, "B6", "ky bao cao");
    g = setCell(g, "C6", "");
    g = setCell(g, "D6", "2023-Q3");
    g = setCell(g, "B5", "Đơn vị: Đoàn xã Chiềng Mung");
    g = setCell(g, "C5", "");
    const located = locateReport(g);
    expect(located.issues).toEqual([]);
    expect(located.header).toMatchObject({
      unitName: "Đoàn xã Chiềng Mung",
      unitCode: "SL.MAISON",
      period: "2023-Q3",
    });
    expect(located.headerCells.period).toEqual({ label: "B6", input: "D6" });
    expect(located.headerCells.unitName).toEqual({ label: "B5", input: "B5" });
  });

  it("does not take the next label as a value", () => {
    const located = withHeader({ C5: "", F5: "" });
    expect(located.header.unitName).toBeUndefined();
    expect(located.header.unitCode).toBeUndefined();
    expect(only(located.issues, "grid.header_missing")).toEqual([
      expect.objectContaining({ severity: "error", cell: "F5", field: "header.unitCode" }),
    ]);
  });

  it("requires a period", () => {
    const located = withHeader({ C6: "" });
    expect(located.issues).toEqual([
      expect.objectContaining({
        code: "grid.header_missing",
        severity: "error",
        cell: "C6",
        field: "header.period",
        params: { field: "period" },
      }),
    ]);
  });

  it("places header issues at the top when the label itself is gone", () => {
    const located = withHeader({ E5: "", F5: "" });
    expect(only(located.issues, "grid.header_missing")[0]?.cell).toBe("A1");
  });

  it("accepts human periods with a fix to the canonical code", () => {
    const cases: [string, string][] = [
      ["Năm 2023", "2023"],
      ["6 tháng đầu năm 2023", "2023-H1"],
      ["6 tháng cuối năm 2023", "2023-H2"],
      ["Quý 3/2023", "2023-Q3"],
      ["Quý III năm 2023", "2023-Q3"],
      ["Tháng 11/2023", "2023-11"],
      ["tháng 1 năm 2024", "2024-01"],
      ["11/2023", "2023-11"],
      ["2023-h1", "2023-H1"],
    ];
    for (const [text, code] of cases) {
      const located = withHeader({ C6: text });
      expect(located.header.period, text).toBe(code);
      expect(located.issues, text).toEqual([
        expect.objectContaining({
          code: "grid.header_malformed",
          severity: "warning",
          cell: "C6",
          field: "header.period",
          fix: { value: code },
          params: { field: "period", value: text, expected: code },
        }),
      ]);
    }
  });

  it("accepts canonical periods, numeric years included", () => {
    for (const p of ["2023", "2023-H2", "2023-Q1", "2023-01", "2023-12"]) {
      expect(withHeader({ C6: p }).issues, p).toEqual([]);
    }
    const g = setCell(fresh(), "C6", typed(2023));
    expect(locateReport(g).header.period).toBe("2023");
    expect(locateReport(g).issues).toEqual([]);
  });

  it("reads a period Excel turned into a date as its month", () => {
    // "2023-11" typed into a General cell: Excel stores 1 Nov 2023 (serial 45231).
    const g = setCell(fresh(), "C6", { ...typed(45231), numberFormat: "m/d/yyyy", text: "11/1/2023" });
    const located = locateReport(g);
    expect(located.header.period).toBe("2023-11");
    expect(located.issues).toEqual([
      expect.objectContaining({
        code: "grid.header_malformed",
        severity: "warning",
        fix: { value: "2023-11" },
      }),
    ]);
  });

  it("rejects periods it does not understand", () => {
    for (const p of ["abc", "2023-13", "Quý 5/2023", "2023-Q0"]) {
      const located = withHeader({ C6: p });
      expect(located.issues, p).toEqual([
        expect.objectContaining({
          code: "grid.header_malformed",
          severity: "error",
          params: { field: "period", value: p },
        }),
      ]);
      expect(located.issues[0]?.fix).toBeUndefined();
    }
  });

  it("reads the unit code case-insensitively (no issue, written upper-case); anything else is an error", () => {
    const lower = withHeader({ F5: "sl.maison" });
    expect(lower.header.unitCode).toBe("SL.MAISON");
    expect(lower.issues).toEqual([]);
    for (const bad of ["Huyện đoàn Mai Sơn", "SL MAISON", ".SL", "X".repeat(65)]) {
      const located = withHeader({ F5: bad });
      expect(codes(located.issues), bad).toEqual(["grid.header_malformed"]);
      expect(located.issues[0]).toMatchObject({ severity: "error", field: "header.unitCode" });
    }
    expect(withHeader({ F5: "  SL.MAISON " }).issues).toEqual([]);
  });
});

describe("locateReport template", () => {
  const withStamp = (stamp: string) => locateReport(setCell(fresh(), "F6", stamp));

  it("parses template stamps", () => {
    expect(parseTemplateStamp("doan-2024 v1")).toEqual({ id: "doan-2024", version: 1 });
    expect(parseTemplateStamp("DOAN-2024 (phiên bản 2)")).toEqual({ id: "doan-2024", version: 2 });
    expect(parseTemplateStamp("doan-2024")).toEqual({ id: "doan-2024" });
    expect(parseTemplateStamp("  ")).toEqual({});
  });

  it("reports an unknown template and still lists the code-like rows", () => {
    const located = withStamp("doan-2099 v1");
    expect(located.template).toBeUndefined();
    expect(located.issues).toEqual([
      expect.objectContaining({
        code: "grid.template_unknown",
        severity: "error",
        cell: "F6",
        field: "header.template",
        params: { template: "doan-2099", known: "doan-2024, doan-2026" },
      }),
    ]);
    expect(located.rows).toHaveLength(50);
  });

  it("reports an unknown version", () => {
    const located = withStamp("doan-2024 v7");
    expect(located.template).toBe(t);
    expect(located.issues).toEqual([
      expect.objectContaining({
        code: "grid.template_version_unknown",
        severity: "error",
        params: { template: "doan-2024", version: 7, known: 1 },
      }),
    ]);
  });

  it("accepts a stamp without version", () => {
    expect(withStamp("doan-2024").issues).toEqual([]);
  });

  it("assumes the template from the codes when the stamp is missing, with a warning", () => {
    const located = locateReport(setCell(setCell(fresh(), "E6", ""), "F6", ""));
    expect(located.template).toBe(t);
    expect(located.issues).toEqual([
      expect.objectContaining({
        code: "grid.header_missing",
        severity: "warning",
        field: "header.template",
        params: { field: "template", assumed: "doan-2024 v1" },
      }),
    ]);
  });

  it("uses the given template over the stamp", () => {
    const located = locateReport(setCell(fresh(), "F6", "doan-2099 v1"), { template: t });
    expect(located.template).toBe(t);
    expect(located.issues).toEqual([]);
    expect(located.header.templateId).toBe("doan-2099");
  });
});

describe("locateReport on sheets that are not a report", () => {
  it("reports a missing table", () => {
    const g: Grid = {
      sheet: "Sheet1",
      origin: "A1",
      values: [
        ["Danh sách đoàn viên", ""],
        ["Họ tên", "Năm sinh"],
      ],
      valueTypes: [
        ["String", "Empty"],
        ["String", "String"],
      ],
      text: [
        ["Danh sách đoàn viên", ""],
        ["Họ tên", "Năm sinh"],
      ],
      formulas: [
        ["Danh sách đoàn viên", ""],
        ["Họ tên", "Năm sinh"],
      ],
      numberFormat: [
        ["General", "General"],
        ["General", "General"],
      ],
    };
    const located = locateReport(g);
    expect(codes(located.issues).sort()).toEqual([
      "grid.header_missing",
      "grid.header_missing",
      "grid.header_missing",
      "grid.table_not_found",
    ]);
    expect(located.issues.every((i) => i.cell === "A1" && i.sheet === "Sheet1")).toBe(true);
    expect(located.rows).toEqual([]);
  });

  it("handles an empty grid", () => {
    const g: Grid = {
      sheet: "",
      origin: "A1",
      values: [],
      valueTypes: [],
      text: [],
      formulas: [],
      numberFormat: [],
    };
    expect(codes(locateReport(g).issues)).toContain("grid.table_not_found");
  });
});

describe("locateReport on random grids", () => {
  it("never throws and always returns placed issues", () => {
    fc.assert(
      fc.property(randomGrid, fc.boolean(), (grid, withTemplate) => {
        const located = locateReport(grid, withTemplate ? { template: t } : {});
        expect(Array.isArray(located.issues)).toBe(true);
        for (const i of located.issues) expect(parseA1(i.cell ?? "")).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it("finds the rows of a real sheet pasted anywhere", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 10 }), (dr, dc) => {
        const g = cropTo(insertColumns(insertRows(fresh(), 1, dr), 1, dc), a1(1 + dr, 1 + dc));
        const located = locateReport(g);
        expect(located.issues).toEqual([]);
        expect(located.rows).toHaveLength(50);
        expect(located.rows[0]!.cells.actual).toBe(offsetA1(templateCell(t, "GD01", "actual"), dr, dc));
      }),
      { numRuns: 25 },
    );
  });
});

describe("locateReport at the sheet's edge", () => {
  it("ignores cells past column XFD instead of throwing (fast-check found seed -970829879)", () => {
    const grid = {
      sheet: "",
      origin: "XFD1048576",
      values: [["Chỉ tiêu giao", "Kết quả thực hiện", "Mã chỉ tiêu"]],
      valueTypes: [],
      text: [],
      formulas: [],
      numberFormat: [],
    };
    const located = locateReport(grid);
    expect(located.issues.map((i) => i.code)).toContain("grid.table_not_found");
  });
});
