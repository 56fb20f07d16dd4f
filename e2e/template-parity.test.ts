// The unit template with the official look, written by the add-in (through the Excel fake) and by the
// CLI (through ExcelJS, saved and read back): the same cells (values, formats, fonts, fills, locks),
// merges, row heights and print setup; then filled like a reporter does (figures, name, the day of the
// date line) and read back by both: the same report, no issue, and the official header and the
// signature block read as nothing. It lives in e2e/ because it drives both shells.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createFakeExcel } from "../addin/excel/fake/index.ts";
import { readSheetGrid } from "../addin/excel/read-grid.ts";
import { renderPlan as renderInExcel } from "../addin/excel/render-plan.ts";
import { checkSheet } from "../shared/check.ts";
import { seedFill } from "../shared/grid/testing.ts";
import { TEMPLATE_LAYOUT, templateSheetPlan } from "../shared/plans/template-sheet.ts";
import { doan2024 } from "../shared/template/doan-2024.ts";
import { readGrid } from "../shared/xlsx/read-grid.ts";
import { renderPlan as renderWithExcelJs } from "../shared/xlsx/render-plan.ts";

const HEADER = { unitName: "Đoàn xã Chiềng Mai", unitCode: "SL.CHIENGMAI", period: "2026-Q3" };
const plan = templateSheetPlan(doan2024, { ...HEADER, at: "2026-12-02T02:00:00Z" });
/** What a reporter types: the figures, their name and phone, the day the report is signed. */
const TYPED: Record<string, string | number> = {
  ...seedFill(doan2024),
  [TEMPLATE_LAYOUT.header.reporter.input]: "Lò Thị Hoa",
  [TEMPLATE_LAYOUT.header.phone.input]: "0912 345 678",
  E2: "Chiềng Mai, ngày 05 tháng 12 năm 2026",
};

interface CellView {
  value: string | number | null;
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  fill: string | null;
  font: string;
  size: number;
  locked: boolean;
}

function fromExcelJs(ws: ExcelJS.Worksheet, address: string): CellView {
  const cell = ws.getCell(address);
  const v = cell.value;
  const fill = cell.fill?.type === "pattern" ? (cell.fill.fgColor?.argb ?? null) : null;
  return {
    value: typeof v === "string" || typeof v === "number" ? v : null,
    numberFormat: cell.numFmt || "General",
    bold: cell.font?.bold === true,
    italic: cell.font?.italic === true,
    fill: fill === null ? null : `#${fill.slice(2)}`,
    font: cell.font?.name ?? "Calibri",
    size: cell.font?.size ?? 11,
    locked: cell.protection?.locked !== false,
  };
}

async function inExcel() {
  const fake = createFakeExcel();
  await fake.run((ctx) => renderInExcel(ctx, plan, { support: fake }));
  return fake;
}

async function withExcelJs(typed: Record<string, string | number> = {}): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await renderWithExcelJs(wb, plan);
  const ws = wb.getWorksheet(plan.name)!;
  for (const [address, value] of Object.entries(typed)) ws.getCell(address).value = value;
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back.getWorksheet(plan.name)!;
}

describe("the add-in and the CLI write the same unit template", () => {
  it("renders the same cells, merges, heights and print setup", async () => {
    const fake = await inExcel();
    const ws = await withExcelJs();
    for (const { address, formula } of plan.cells) {
      const cell = fake.cell(plan.name, address);
      const cli = fromExcelJs(ws, address);
      // The fake computes formulas (blank inputs give ""); ExcelJS keeps the formula without a result.
      const addin: CellView = {
        value: formula !== undefined || cell.value === "" ? null : (cell.value as string | number),
        numberFormat: cell.numberFormat,
        bold: cell.bold,
        italic: cell.italic,
        fill: cell.fill,
        font: cell.fontName,
        size: cell.fontSize,
        locked: cell.locked,
      };
      expect(addin, address).toEqual(cli);
      if (formula !== undefined) expect(cell.formula, address).toBe(formula);
    }
    const sheet = fake.sheet(plan.name);
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
    expect(sheet.merges.map((m) => m.split(":")[0]).sort()).toEqual(merges);
    expect(Object.keys(plan.rowHeights ?? {}).length).toBeGreaterThan(0);
    for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
      expect(sheet.rowHeights[Number(row)]).toBe(height);
      expect(ws.getRow(Number(row)).height).toBe(height);
    }
    expect(`&C${sheet.pageLayout.headersFooters.centerFooter}`).toBe(ws.headerFooter.oddFooter);
    expect(sheet.pageLayout.printTitleRows?.replace(/\$/g, "")).toBe(ws.pageSetup.printTitlesRow);
  });

  it("reads a filled template back as the same report with no issue, in both", async () => {
    const fake = await inExcel();
    for (const [address, value] of Object.entries(TYPED)) fake.user.type(plan.name, address, value);
    const addin = checkSheet(await fake.run((ctx) => readSheetGrid(ctx, plan.name)));
    const cli = checkSheet(readGrid(await withExcelJs(TYPED)));

    expect(addin.issues).toEqual([]);
    expect(cli.issues).toEqual([]);
    // Ratio rows are formulas: the fake computes them, a file ExcelJS wrote has no cached result yet
    // (Excel and LibreOffice compute it on opening). Every other figure is the same.
    const ratio = new Set(doan2024.indicators.filter((i) => i.kind === "ratio").map((i) => i.code));
    const typed = (c: typeof addin) =>
      c.report?.rows.map((r) => (ratio.has(r.code) ? { ...r, actual: null } : r));
    expect(typed(addin)).toEqual(typed(cli));
    expect({ ...addin.report, rows: [] }).toEqual({ ...cli.report, rows: [] });
    expect(addin.report?.rows.length).toBe(doan2024.indicators.length);
    expect(addin.located.header).toEqual({
      ...HEADER,
      reporter: "Lò Thị Hoa",
      phone: "0912 345 678",
      templateId: "doan-2024",
      templateVersion: 1,
    });
    expect(cli.located.header).toEqual(addin.located.header);
    // The signature block and the legend are under the table and hold no row.
    const last = Math.max(...addin.located.rows.map((r) => r.row));
    const end = Number(/\d+$/.exec(plan.print?.area ?? "")?.[0]);
    expect(end - last).toBe(6);
    expect(addin.located.rows.map((r) => r.row)).toEqual(cli.located.rows.map((r) => r.row));
  });
});
