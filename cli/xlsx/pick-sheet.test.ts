import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkSheet } from "../../shared/check.ts";
import { templateSheetPlan } from "../../shared/plans/template-sheet.ts";
import { renderPlan } from "../../shared/xlsx/render-plan.ts";
import { UsageError } from "../errors.ts";
import { at, CLEAN, fill, template, templateWorkbook } from "../testing/fixtures.ts";
import { pickSheet } from "./pick-sheet.ts";

async function reload(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

describe("pickSheet", () => {
  it("finds a renamed template sheet behind a sheet of the user's own", async () => {
    const { wb, ws } = await templateWorkbook();
    fill(ws, CLEAN);
    ws.name = "BC năm 2023";
    const notes = wb.addWorksheet("Ghi chép");
    notes.getCell("A1").value = "số liệu nháp";
    // The user's own sheet comes first in tab order (ExcelJS's typings omit orderNo).
    (notes as unknown as { orderNo: number }).orderNo = -1;
    const back = await reload(wb);
    expect(back.worksheets[0]?.name).toBe("Ghi chép");
    const picked = pickSheet(back);
    expect(picked.sheet.name).toBe("BC năm 2023");
    expect(picked.others).toEqual([]);
    expect(picked.reason.en).toBe("the only sheet with the report table");
    expect(checkSheet(picked.grid).issues).toEqual([]);
  });

  it("still locates every row after rows are inserted above and inside the table", async () => {
    const { wb, ws, plan } = await templateWorkbook();
    fill(ws, CLEAN);
    const pt01 = Number(at("PT01").slice(1));
    // A blank line in the table and two explanation lines above the header.
    ws.insertRow(pt01, ["", "", "dòng người dùng chèn thêm"]);
    ws.insertRow(8, ["Ghi chú: số liệu tính đến 15/12"]);
    ws.insertRow(8, [""]);
    const picked = pickSheet(await reload(wb));
    const check = checkSheet(picked.grid);
    expect(check.located.table?.headerRow).toBe(11);
    expect(check.located.rows.map((r) => r.code)).toEqual(template.indicators.map((i) => i.code));
    const moved = check.located.rows.find((r) => r.code === "PT01");
    expect(moved?.cells.actual).toBe(`F${pt01 + 3}`);
    expect(check.report?.rows.find((r) => r.code === "PT01")?.actual).toBe(92387);
    expect(check.issues).toEqual([]);
    expect(plan.name).toBe(picked.sheet.name);
  });

  it("with two copies of the template, checks the first visible one in tab order and names the other", async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = await renderPlan(wb, {
      ...templateSheetPlan(template, { unitCode: "SL.A", period: "2022" }),
      name: "Cũ",
    });
    hidden.sheet.state = "hidden";
    const first = await renderPlan(wb, {
      ...templateSheetPlan(template, { unitCode: "SL.B", period: "2023" }),
      name: "2023",
    });
    await renderPlan(wb, {
      ...templateSheetPlan(template, { unitCode: "SL.C", period: "2023" }),
      name: "2023 (2)",
    });
    fill(first.sheet, CLEAN);
    const picked = pickSheet(await reload(wb));
    expect(picked.sheet.name).toBe("2023");
    expect(picked.others).toEqual(["2023 (2)", "Cũ"]);
    expect(picked.reason.en).toBe("the first sheet (in tab order) with the report table");
  });

  it("--sheet chooses another copy, and an unknown name lists the sheets", async () => {
    const wb = new ExcelJS.Workbook();
    await renderPlan(wb, { ...templateSheetPlan(template, { unitCode: "SL.B", period: "2023" }), name: "A" });
    await renderPlan(wb, { ...templateSheetPlan(template, { unitCode: "SL.C", period: "2023" }), name: "B" });
    const back = await reload(wb);
    expect(checkSheet(pickSheet(back, { sheet: "B" }).grid).located.header.unitCode).toBe("SL.C");
    expect(() => pickSheet(back, { sheet: "Z" })).toThrow(UsageError);
    expect(() => pickSheet(back, { sheet: "Z" })).toThrow(/"A", "B"/);
  });

  it("without any template, checks the first visible sheet so the check says the table is missing", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Trang1").getCell("A1").value = "Báo cáo viết tay";
    wb.addWorksheet("Trang2").getCell("A1").value = 5;
    const picked = pickSheet(await reload(wb));
    expect(picked.sheet.name).toBe("Trang1");
    expect(checkSheet(picked.grid).issues.map((i) => i.code)).toContain("grid.table_not_found");
  });
});
