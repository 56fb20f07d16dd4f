/// <reference types="office-js" />
import { describe, expect, it } from "vitest";
import { SEED_FIGURES } from "../../shared/grid/testing.ts";
import { templateCell, templateSheetPlan } from "../../shared/plans/template-sheet.ts";
import { doan2024 } from "../../shared/template/doan-2024.ts";
import { createFakeExcel } from "./fake/index.ts";
import { createExcelPort } from "./port.ts";
import { check, fixesOf, HEADER } from "./testing.ts";

describe("the pane's ExcelPort on the fake", () => {
  it("full loop: Tạo mẫu → fill → Kiểm tra → Sửa tất cả → Kiểm tra gives zero issues", async () => {
    const fake = createFakeExcel();
    const port = createExcelPort(fake.run, { support: fake });
    const at = (code: string, column: "target" | "actual" = "actual") => templateCell(doan2024, code, column);

    // Tạo mẫu
    const sheet = await port.render(templateSheetPlan(doan2024, HEADER));
    expect(fake.syncCount).toBe(1);

    // A unit fills it in, with the usual slips: text-typed numbers, units, a spelled-out grade.
    for (const [code, f] of Object.entries(SEED_FIGURES)) {
      if (f.target !== undefined) fake.user.type(sheet, at(code, "target"), f.target);
      if (f.actual !== undefined) fake.user.type(sheet, at(code, "actual"), f.actual);
    }
    fake.user.type(sheet, at("PT01"), "'92.387");
    fake.user.type(sheet, at("KN02"), "'1.758");
    fake.user.type(sheet, at("GD05"), "4.500 người");
    fake.user.type(sheet, at("TD01"), "Hoàn thành xuất sắc nhiệm vụ");

    // Kiểm tra
    fake.resetSyncCount();
    const first = await port.validate(sheet, (grid) => {
      const c = check(grid);
      return { marks: c.marks, result: c.issues };
    });
    expect(fake.syncCount).toBe(3);
    expect(first.map((i) => [i.code, i.cell])).toEqual([
      ["cell.number_with_unit", at("GD05")],
      ["cell.text_number", at("PT01")],
      ["cell.text_number", at("KN02")],
      ["cell.grade_spelled", at("TD01")],
    ]);
    expect(Object.keys(fake.sheet(sheet).notes)).toHaveLength(4);

    // Sửa tất cả
    fake.resetSyncCount();
    await port.applyFixes(sheet, fixesOf(first));
    expect(fake.syncCount).toBe(2);
    expect(fake.cell(sheet, at("PT01"))).toMatchObject({ value: 92387, valueType: "Double" });
    expect(fake.cell(sheet, at("TD01"))).toMatchObject({ value: "XS", valueType: "String" });

    // Kiểm tra again: nothing left, and no trace of our marks.
    const second = await port.validate(sheet, (grid) => {
      const c = check(grid);
      return { marks: c.marks, result: c.issues };
    });
    expect(second).toEqual([]);
    expect(fake.sheet(sheet).notes).toEqual({});
    for (const code of ["PT01", "KN02", "GD05", "TD01"]) expect(fake.cell(sheet, at(code)).fill).toBeNull();
    expect(fake.sheet(sheet).protection.protected).toBe(true);
  });

  it("sheetNames lists the workbook's sheets in order, in one sync", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "Báo cáo", "Tổng hợp SL 2023"] });
    const port = createExcelPort(fake.run, { support: fake });
    fake.resetSyncCount();
    expect(await port.sheetNames?.()).toEqual(["Sheet1", "Báo cáo", "Tổng hợp SL 2023"]);
    expect(fake.syncCount).toBe(1);
  });

  it("select activates the sheet and selects the cell", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "Data"] });
    const port = createExcelPort(fake.run, { support: fake });
    await port.select("Data", "C4");
    expect(fake.state.selection.rects).toEqual([{ r0: 3, c0: 2, r1: 3, c1: 2 }]);
    expect(fake.sheet("Data").active).toBe(true);
  });

  it("onChanged reports users' edits by sheet name, never the add-in's own writes, until unsubscribed", async () => {
    const fake = createFakeExcel();
    const port = createExcelPort(fake.run, { support: fake, runIn: fake.run });
    const sheet = await port.render(templateSheetPlan(doan2024, HEADER));
    const changed: string[] = [];
    const off = await port.onChanged((name) => changed.push(name));

    fake.user.type(sheet, templateCell(doan2024, "PT01", "actual"), "'92.387");
    await fake.flushEvents();
    expect(changed).toEqual([sheet]);

    await port.validate(sheet, (grid) => ({ marks: check(grid).marks, result: null }));
    await port.applyFixes(sheet, [{ address: templateCell(doan2024, "PT01", "actual"), value: 92387 }]);
    await fake.flushEvents();
    expect(changed).toEqual([sheet]);

    await off();
    expect(fake.state.workbookHandlers.size).toBe(0);
    fake.user.type(sheet, templateCell(doan2024, "PT02", "actual"), 1);
    await fake.flushEvents();
    expect(changed).toEqual([sheet]);
  });

  it("without ExcelApi 1.9 there is no workbook-wide change event: onChanged is a no-op", async () => {
    const fake = createFakeExcel({ apiVersion: "1.8" });
    const port = createExcelPort(fake.run, { support: fake });
    const off = await port.onChanged(() => {});
    await off();
    expect(fake.syncCount).toBe(0);
  });
});
