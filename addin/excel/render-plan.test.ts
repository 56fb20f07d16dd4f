/// <reference types="office-js" />
import { describe, expect, it } from "vitest";
import { parseA1 } from "../../shared/grid/address.ts";
import type { Grid } from "../../shared/grid/types.ts";
import { consolidatedSheetPlan } from "../../shared/plans/consolidated-sheet.ts";
import { templateCell, templateSheetPlan } from "../../shared/plans/template-sheet.ts";
import { planToGrid } from "../../shared/plans/to-grid.ts";
import type { SheetPlan } from "../../shared/plans/types.ts";
import { doan2024 } from "../../shared/template/doan-2024.ts";
import { createFakeExcel } from "./fake/index.ts";
import { readSheetGrid } from "./read-grid.ts";
import { charsToPoints, PlanError, renderPlan } from "./render-plan.ts";
import { readTemplateInfo } from "./settings.ts";

const header = { unitName: "Huyện đoàn Mai Sơn", unitCode: "SL.MAISON", period: "2023" };

/** The cell of a grid at an A1 address ("" / Empty outside it). */
function at(grid: Grid, address: string) {
  const ref = parseA1(address);
  const origin = parseA1(grid.origin);
  if (!ref || !origin) throw new Error(address);
  const r = ref.row - origin.row;
  const c = ref.col - origin.col;
  return {
    value: grid.values[r]?.[c] ?? "",
    valueType: grid.valueTypes[r]?.[c] ?? "Empty",
    formula: grid.formulas[r]?.[c] ?? "",
    numberFormat: grid.numberFormat[r]?.[c] ?? "General",
    text: grid.text[r]?.[c] ?? "",
  };
}

describe("renderPlan", () => {
  it("renders the template (64 rows) in one sync and reads back what the plan says", async () => {
    const plan = templateSheetPlan(doan2024, header);
    const fake = createFakeExcel();
    await fake.run((ctx) => renderPlan(ctx, plan, { support: fake }));
    expect(fake.syncCount).toBe(1);

    fake.resetSyncCount();
    const grid = await fake.run((ctx) => readSheetGrid(ctx, plan.name));
    expect(fake.syncCount).toBe(1);
    const expected = planToGrid(plan);
    for (const cell of plan.cells) {
      const got = at(grid, cell.address);
      const want = at(expected, cell.address);
      // planToGrid reads formulas as "" / String; the fake computes them (blank inputs give "" too).
      expect({ ...got, text: undefined }, cell.address).toEqual({ ...want, text: undefined });
      expect(got.text, cell.address).toBe(want.text);
    }
    expect(at(grid, "C5").value).toBe("Huyện đoàn Mai Sơn");
    expect(at(grid, "F6")).toMatchObject({ value: "doan-2024 v1", valueType: "String", numberFormat: "@" });
    expect(at(grid, "G11").formula).toBe('=IF(AND(ISNUMBER(E11),E11>0,ISNUMBER(F11)),F11/E11*100,"")');
    expect(fake.warnings).toEqual([]);
  });

  it("shows typed figures as planToGrid says Excel shows them (money without a trailing dot)", async () => {
    const plan = templateSheetPlan(doan2024, header);
    const fake = createFakeExcel();
    await fake.run((ctx) => renderPlan(ctx, plan, { support: fake }));
    const cellOf = (code: string, column: "target" | "actual") => templateCell(doan2024, code, column);
    const typed: Record<string, number> = {
      [cellOf("GD01", "actual")]: 120,
      [cellOf("GD02", "actual")]: 90,
      [cellOf("PT01", "actual")]: 92387,
      [cellOf("PT02", "target")]: 100,
      [cellOf("PT02", "actual")]: 125,
      [cellOf("PT03", "actual")]: 555,
      [cellOf("PT10", "actual")]: 1234567.125,
      [cellOf("KN03", "target")]: 1.125,
      [cellOf("KN03", "actual")]: 312.5,
      [cellOf("GD06", "target")]: 80,
    };
    for (const [address, value] of Object.entries(typed)) fake.user.type(plan.name, address, value);
    const grid = await fake.run((ctx) => readSheetGrid(ctx, plan.name));
    const expected = planToGrid(plan, typed);
    for (const address of [...Object.keys(typed), ...plan.cells.map((c) => c.address)]) {
      expect(at(grid, address).text, address).toBe(at(expected, address).text);
    }
    expect(at(grid, cellOf("PT03", "actual")).text).toBe("555.0");
    expect(at(grid, cellOf("KN03", "actual")).text).toBe("312.5");
    expect(at(grid, cellOf("KN03", "target")).text).toBe("1.125");
    expect(at(grid, cellOf("PT10", "actual")).text).toBe("1,234,567.125");
  });

  it("writes the layout: widths in points, merges, freeze, print, protection, validation, locks, properties", async () => {
    const plan = templateSheetPlan(doan2024, header);
    const fake = createFakeExcel();
    await fake.run((ctx) => renderPlan(ctx, plan, { support: fake }));
    const sheet = fake.sheet(plan.name);
    expect(sheet.active).toBe(true);
    expect(sheet.columnWidths).toEqual(
      Object.fromEntries(Object.entries(plan.columnWidths).map(([k, w]) => [k, charsToPoints(w)])),
    );
    expect(sheet.merges).toEqual(plan.merges);
    expect(sheet.freezeRows).toBe(9);
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: plan.print?.area,
      printTitleRows: "9:9",
    });
    expect(sheet.protection.protected).toBe(true);

    // Inputs unlocked, labels and formulas locked; grade list and count rule with their prompts.
    expect(fake.cell(plan.name, "F11")).toMatchObject({ locked: false, numberFormat: "#,##0" });
    expect(fake.cell(plan.name, "C11")).toMatchObject({ locked: true, numberFormat: "@", wrapText: true });
    expect(fake.cell(plan.name, "G11").locked).toBe(true);
    expect(fake.cell(plan.name, "A9")).toMatchObject({
      bold: true,
      fill: "#DDEBF7",
      horizontalAlignment: "Center",
    });
    expect(fake.cell(plan.name, "A9").borders).toEqual(["EdgeBottom", "EdgeLeft", "EdgeRight", "EdgeTop"]);
    for (const v of plan.validations) {
      const first = v.range.split(":")[0] ?? "";
      const dv = fake.cell(plan.name, first).validation;
      const rule =
        v.type === "list"
          ? { list: { inCellDropDown: true, source: v.source.join(",") } }
          : { [v.type]: { formula1: `=${v.min}`, operator: "GreaterThanOrEqualTo" } };
      expect(dv?.rule, v.range).toEqual(rule);
      expect(dv?.prompt, v.range).toEqual({ message: v.prompt, showPrompt: true, title: "" });
      expect(dv?.errorAlert.message, v.range).toBe(v.error);
    }

    expect(
      Object.fromEntries([...fake.state.customProperties.values()].map((p) => [p.key, p.value])),
    ).toEqual(plan.properties);
    expect(Object.fromEntries(fake.state.settings)).toEqual(plan.properties);
    expect(await fake.run((ctx) => readTemplateInfo(ctx))).toEqual({ id: "doan-2024", version: 1 });
  });

  it("replaces an existing sheet of that name, even when it is the workbook's only sheet", async () => {
    const plan = templateSheetPlan(doan2024, header);
    const fake = createFakeExcel({ sheets: [plan.name] });
    fake.user.type(plan.name, "Z99", "old data");
    await fake.run((ctx) => renderPlan(ctx, plan, { support: fake }));
    expect(fake.sheetNames()).toEqual([plan.name]);
    expect(fake.cell(plan.name, "Z99").value).toBe("");
    expect(fake.cell(plan.name, "B9").value).toBe("Mã chỉ tiêu");
    expect(fake.syncCount).toBe(1);
  });

  it("does not wake the add-in's own onChanged handler while rendering", async () => {
    const plan = templateSheetPlan(doan2024, header);
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async () => {});
      await ctx.sync();
    });
    await fake.run((ctx) => renderPlan(ctx, plan, { support: fake }));
    await fake.flushEvents();
    expect(fake.events).toEqual([]);
    expect(fake.state.enableEvents).toBe(true);
  });

  it("keeps text from other units as text: '=HYPERLINK(…)' in a unit's name is not a formula", async () => {
    const link = '=HYPERLINK("http://evil.example","Huyện đoàn Yên Châu")';
    const plan = consolidatedSheetPlan(
      {
        unit: "SL",
        name: "Tỉnh đoàn Sơn La",
        period: "2023",
        template: "doan-2024",
        indicators: [{ code: "PT01", kind: "count", target: 10, actual: 12, rate: 120 }],
        children: [{ unit: "SL.YC", name: link, indicators: [{ code: "PT01", kind: "count", actual: 12 }] }],
        reporting: {
          expected: 1,
          submitted: 0,
          late: 0,
          missing: ["SL.YC"],
          missingUnits: [{ code: "SL.YC", name: link }],
        },
      },
      doan2024,
    );
    const fake = createFakeExcel();
    await fake.run((ctx) => renderPlan(ctx, plan, { support: fake }));
    const grid = await fake.run((ctx) => readSheetGrid(ctx, plan.name));
    const cells = grid.values.flatMap((row, r) => row.map((v, c) => ({ v, t: grid.valueTypes[r]?.[c] })));
    const hit = cells.filter((x) => typeof x.v === "string" && x.v.includes("HYPERLINK"));
    expect(hit.length).toBeGreaterThan(0);
    // The missing list names the unit ("Chưa nộp: =HYPERLINK(…)"): text, never a formula.
    for (const x of hit) expect(x.t).toBe("String");
    expect(grid.formulas.flat().filter((f) => typeof f === "string" && f.startsWith("="))).toEqual([]);
  });

  it("a broken plan fails before anything is sent to Excel", async () => {
    const fake = createFakeExcel();
    const bad: SheetPlan = {
      name: "X",
      cells: [{ address: "A1", formula: "=1+1", numberFormat: "@" }],
      columnWidths: {},
      merges: [],
      validations: [],
      tables: [],
      properties: {},
    };
    await expect(fake.run((ctx) => renderPlan(ctx, bad, { support: fake }))).rejects.toBeInstanceOf(
      PlanError,
    );
    expect(fake.syncCount).toBe(0);
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  });

  it("a batch that fails in Excel switches events back on", async () => {
    const fake = createFakeExcel();
    const plan: SheetPlan = {
      name: "Y",
      cells: [{ address: "A1", value: 1 }],
      columnWidths: {},
      merges: [],
      validations: [{ range: "A1", type: "wholeNumber", min: 0, prompt: "x".repeat(300) }],
      tables: [],
      properties: {},
    };
    await expect(fake.run((ctx) => renderPlan(ctx, plan, { support: fake }))).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    expect(fake.state.enableEvents).toBe(true);
    expect(fake.syncCount).toBe(2);
  });

  it("on an ExcelApi 1.8 host (the manifest's minimum) renders everything but the print settings", async () => {
    const plan = templateSheetPlan(doan2024, header);
    const fake = createFakeExcel({ apiVersion: "1.8" });
    const result = await fake.run((ctx) => renderPlan(ctx, plan, { support: fake }));
    expect(result).toEqual({ skipped: ["print"] });
    expect(fake.syncCount).toBe(1);
    expect(fake.sheet(plan.name)).toMatchObject({ freezeRows: 9, protection: { protected: true } });
    expect(fake.sheet(plan.name).pageLayout.printArea).toBeNull();
    expect(fake.cell(plan.name, "F11").validation?.rule).toEqual({
      wholeNumber: { formula1: "=0", operator: "GreaterThanOrEqualTo" },
    });
  });

  it("converts column widths from characters to points (Calibri 11: 7 px per digit + 5 px, 0.75 pt per px)", () => {
    expect(charsToPoints(8.43)).toBe(48);
    expect(charsToPoints(60)).toBe(318.75);
  });
});
