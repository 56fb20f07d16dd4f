import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Consolidation } from "../../shared/api/schemas.ts";
import { consolidatedSheetPlan } from "../../shared/plans/consolidated-sheet.ts";
import { NUMBER_FORMATS } from "../../shared/plans/template-sheet.ts";
import type { SheetPlan } from "../../shared/plans/types.ts";
import { consolidatedWorkbook } from "../../shared/xlsx/consolidated-workbook.ts";
import { readProperties } from "../../shared/xlsx/properties.ts";
import { renderPlan } from "../../shared/xlsx/render-plan.ts";
import { at, template, templateWorkbook } from "../testing/fixtures.ts";

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

const INJECTION = '=HYPERLINK("http://x","y")';

function consolidation(): Consolidation {
  return {
    unit: "SL",
    period: "2023",
    template: template.id,
    indicators: [{ code: "PT01", kind: "count", target: 100, actual: 150, rate: 150 }],
    children: [
      { unit: "SL.A", name: INJECTION, indicators: [{ code: "PT01", kind: "count", actual: 100 }] },
      { unit: "SL.B", name: "+1", indicators: [{ code: "PT01", kind: "count", actual: 50 }] },
    ],
    reporting: { expected: 3, submitted: 2, late: 0, missing: ["SL.C"] },
  };
}

describe("renderPlan: the template sheet", () => {
  it("writes the plan's values, formats, fills, widths, merges, freeze, print setup and protection", async () => {
    const { wb, plan } = await templateWorkbook();
    const back = await reload(wb);
    const ws = back.getWorksheet(plan.name)!;
    expect(ws.getCell("F5").value).toBe("SL.MAISON");
    expect(ws.getCell("F5").numFmt).toBe("@");
    expect(ws.getCell(at("PT01")).numFmt).toBe(NUMBER_FORMATS.count);
    expect(ws.getCell(at("PT03")).numFmt).toBe(NUMBER_FORMATS.money);
    expect(ws.getCell(at("GD03"))).toMatchObject({ formula: expect.stringMatching(/^IF\(AND\(ISNUMBER\(F/) });
    expect(ws.getCell("B9").value).toBe("Mã chỉ tiêu");
    expect(ws.getCell("B9").font?.bold).toBe(true);
    expect(ws.getCell("B9").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFDDEBF7" } });
    expect(ws.getCell("B9").border?.top?.style).toBe("thin");
    expect(ws.getCell("B9").alignment?.horizontal).toBe("center");
    expect(ws.getColumn("C").width).toBe(60);
    expect(ws.getCell("B1").isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 9 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      printTitlesRow: "9:9",
    });
    expect(ws.pageSetup.printArea).toMatch(/^A1:H\d+$/);
    expect(ws.getCell(at("PT01")).protection?.locked).toBe(false);
    // Locked is Excel's default, so it is stored as "not unlocked".
    expect(ws.getCell("C9").protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({
      sheet: true,
      insertRows: true,
      sort: true,
    });
  });

  it("adds the plan's data validations: whole numbers, decimals and the grade list with prompts", async () => {
    const { wb, plan } = await templateWorkbook();
    const ws = (await reload(wb)).getWorksheet(plan.name)!;
    expect(ws.getCell(at("PT01")).dataValidation).toMatchObject({
      type: "whole",
      operator: "greaterThanOrEqual",
      formulae: [0],
      showErrorMessage: true,
      showInputMessage: true,
    });
    expect(ws.getCell(at("PT03")).dataValidation).toMatchObject({ type: "decimal", formulae: [0] });
    expect(ws.getCell(at("TD01")).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"XS,T,HT,KHT"'],
    });
    expect(ws.getCell(at("TD01")).dataValidation.prompt).toContain("XS");
  });

  it("stores the plan's properties in the hidden _baocao sheet", async () => {
    const { wb } = await templateWorkbook();
    const back = await reload(wb);
    expect(readProperties(back)).toEqual({ "baocao.template": "doan-2024", "baocao.version": "1" });
    expect(back.getWorksheet("_baocao")?.state).toBe("hidden");
  });
});

describe("renderPlan: the consolidated sheet", () => {
  it("writes other units' text as plain text cells, never formulas, on every sheet", async () => {
    const c = consolidation();
    c.reporting.units = [{ code: "SL.C", name: "=1+1", parent: "SL", status: "missing" }];
    const { wb } = await consolidatedWorkbook(c, template);
    const back = await reload(wb);
    const texts: string[] = [];
    for (const ws of back.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string") texts.push(cell.value);
        }),
      );
    }
    expect(texts).toContain(INJECTION);
    expect(texts).toContain("+1");
    expect(texts).toContain("=1+1");
  });

  it.each(['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)"])(
    "writes a unit named %j as a String cell with format @, in the saved file",
    async (name) => {
      const c = consolidation();
      const named = { ...c, name, children: c.children.map((k) => ({ ...k, name })) };
      const { wb } = await consolidatedWorkbook(named, template);
      const cells: ExcelJS.Cell[] = [];
      for (const ws of (await reload(wb)).worksheets) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            // Merged cells other than the first read as Merge, pointing at the first.
            if (cell.type !== ExcelJS.ValueType.Merge && cell.value === name) cells.push(cell);
          }),
        );
      }
      expect(cells.length).toBeGreaterThanOrEqual(2);
      for (const cell of cells) {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.numFmt).toBe("@");
      }
    },
  );

  it("writes the font, row heights, frozen panes, filter, conditional formats, footer and margins", async () => {
    const { wb, sheets } = await consolidatedWorkbook(consolidation(), template);
    const back = await reload(wb);
    const summary = back.getWorksheet(sheets[0])!;
    expect(summary.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 12, bold: true });
    expect(summary.getCell("E1").font).toMatchObject({ name: "Times New Roman", underline: true });
    expect(summary.pageSetup).toMatchObject({
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(summary.pageSetup.margins).toMatchObject({ left: 0.4, right: 0.4 });
    expect(summary.headerFooter.oddFooter).toBe("&CTrang &P/&N");
    const heights = consolidatedSheetPlan(consolidation(), template).rowHeights ?? {};
    const [row, height] = Object.entries(heights)[0] ?? [];
    expect(summary.getRow(Number(row)).height).toBe(height);
    const byUnit = back.getWorksheet(sheets[1])!;
    expect(byUnit.views[0]).toMatchObject({ state: "frozen", ySplit: 7, xSplit: 3 });
    expect(byUnit.autoFilter).toMatch(/^A7:[A-Z]+10$/);
    const rules = (byUnit as unknown as { conditionalFormattings: { rules: { type: string }[] }[] })
      .conditionalFormattings;
    expect(rules.map((r) => r.rules[0]?.type)).toEqual(["expression", "dataBar"]);
  });

  it("falls back to a styled range when a table would hold merged cells", async () => {
    const plan: SheetPlan = {
      name: "S",
      cells: [
        { address: "A1", value: "Mã" },
        { address: "B1", value: "Tên" },
        { address: "A2", value: "X" },
      ],
      columnWidths: {},
      merges: ["A2:B2"],
      validations: [],
      tables: [{ name: "T", range: "A1:B3" }],
      properties: {},
    };
    const wb = new ExcelJS.Workbook();
    const { tableFallbacks } = await renderPlan(wb, plan);
    expect(tableFallbacks).toEqual(["T (A1:B3): merged cells A2:B2"]);
    expect(wb.getWorksheet("S")?.autoFilter).toBe("A1:B3");
  });
});
