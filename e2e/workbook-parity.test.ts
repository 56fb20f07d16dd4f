// The add-in (through the Excel fake) and the CLI (through ExcelJS, saved and read back) render the
// consolidated workbook's four sheets (the ranking, Xếp loại, included) to the same cells: values, number formats, fonts, fills,
// alignment, merges, widths, heights, frozen panes, filter, conditional formats and print setup.
// It lives in e2e/ because it drives both shells; neither imports the other.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createFakeExcel } from "../addin/excel/fake/index.ts";
import { renderPlans } from "../addin/excel/render-plan.ts";
import { consolidatedWorkbookPlans } from "../shared/plans/consolidated-workbook.ts";
import { rankingOf, wideConsolidation } from "../shared/plans/testing.ts";
import { doan2024 } from "../shared/template/doan-2024.ts";
import { consolidatedWorkbook } from "../shared/xlsx/consolidated-workbook.ts";

const AT = "2026-12-02T01:18:44Z";

interface CellView {
  value: string | number | null;
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  fill: string | null;
  font: string;
  size: number;
}

function fromExcelJs(ws: ExcelJS.Worksheet, addresses: readonly string[]): Record<string, CellView> {
  const out: Record<string, CellView> = {};
  for (const a of addresses) {
    const cell = ws.getCell(a);
    const v = cell.value;
    const fill = cell.fill?.type === "pattern" ? (cell.fill.fgColor?.argb ?? null) : null;
    out[a] = {
      value: typeof v === "string" || typeof v === "number" ? v : null,
      numberFormat: cell.numFmt || "General",
      bold: cell.font?.bold === true,
      italic: cell.font?.italic === true,
      fill: fill === null ? null : `#${fill.slice(2)}`,
      font: cell.font?.name ?? "Calibri",
      size: cell.font?.size ?? 11,
    };
  }
  return out;
}

describe("the add-in and the CLI write the same consolidated workbook", () => {
  it.each([3, 85])("for a province of %i children", async (n) => {
    const c = wideConsolidation(n);
    // The ranking as the server scores it, clusters and all.
    const ranking = rankingOf(c);
    const opts = { at: AT, ranking };
    const plans = consolidatedWorkbookPlans(c, doan2024, opts).map((p) => p.plan);
    expect(plans.map((p) => p.name)).toContain(`Xếp loại ${c.unit} ${c.period}`);

    const fake = createFakeExcel();
    await fake.run((ctx) => renderPlans(ctx, plans, { support: fake }));
    expect(fake.syncCount).toBe(1);

    const { wb } = await consolidatedWorkbook(c, doan2024, opts);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());

    for (const plan of plans) {
      const ws = back.getWorksheet(plan.name);
      if (!ws) throw new Error(`no sheet ${plan.name} in the CLI's file`);
      const addresses = plan.cells.map((x) => x.address);
      const cli = fromExcelJs(ws, addresses);
      const addin: Record<string, CellView> = {};
      for (const a of addresses) {
        const cell = fake.cell(plan.name, a);
        addin[a] = {
          value: cell.value === "" ? null : (cell.value as string | number),
          numberFormat: cell.numberFormat,
          bold: cell.bold,
          italic: cell.italic,
          fill: cell.fill,
          font: cell.fontName,
          size: cell.fontSize,
        };
      }
      expect(addin, plan.name).toEqual(cli);

      const sheet = fake.sheet(plan.name);
      const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
      expect(sheet.merges.map((m) => m.split(":")[0]).sort()).toEqual(merges);
      const view = ws.views[0] as { ySplit?: number; xSplit?: number } | undefined;
      expect([sheet.freezeRows, sheet.freezeColumns]).toEqual([view?.ySplit ?? 0, view?.xSplit ?? 0]);
      expect(sheet.autoFilter ?? undefined).toEqual(ws.autoFilter ?? undefined);
      for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
        expect(sheet.rowHeights[Number(row)]).toBe(height);
        expect(ws.getRow(Number(row)).height).toBe(height);
      }
      expect(sheet.conditionalFormats.map((f) => f.type)).toEqual(
        (
          ws as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }
        ).conditionalFormattings.map((f) => (f.rules[0]?.type === "dataBar" ? "DataBar" : "Custom")),
      );
      expect(sheet.pageLayout.printTitleRows?.replace(/\$/g, "")).toBe(ws.pageSetup.printTitlesRow);
      expect(sheet.pageLayout.printTitleColumns?.replace(/\$/g, "") ?? undefined).toBe(
        ws.pageSetup.printTitlesColumn ?? undefined,
      );
      expect(sheet.pageLayout.orientation.toLowerCase()).toBe(ws.pageSetup.orientation);
      expect(`&C${sheet.pageLayout.headersFooters.centerFooter}`).toBe(ws.headerFooter.oddFooter);
      expect(sheet.pageLayout.zoom.horizontalFitToPages === 1).toBe(ws.pageSetup.fitToPage === true);
    }
  });
});
