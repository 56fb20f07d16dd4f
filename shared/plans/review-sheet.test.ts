import { describe, expect, it } from "vitest";
import { checkSheet } from "../check.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { REVIEW_FILL, reviewMarks, withReviewMarks } from "./review-marks.ts";
import { CHANGED_FILL, indicatorAt, reviewSheetName, reviewSheetPlan } from "./review-sheet.ts";
import { templateCell } from "./template-sheet.ts";
import { planToGrid } from "./to-grid.ts";

const rows = [
  { code: "GD01", actual: 10 },
  { code: "GD04", actual: 120, note: "đã rà soát" },
  { code: "PT02", target: 5, actual: 3 },
];

describe("reviewSheetPlan", () => {
  const plan = reviewSheetPlan(doan2024, {
    unit: "SL.MAISON",
    unitName: "Huyện đoàn Mai Sơn",
    period: "2026",
    revision: 2,
    rows,
    changes: { since: 1, items: [{ code: "GD04", field: "actual", old: 100, new: 120 }] },
  });
  const cell = (a: string) => plan.cells.find((c) => c.address === a);

  it("puts the API's figures in the template's cells and reads back as the same report", () => {
    expect(cell(templateCell(doan2024, "GD04", "actual"))?.value).toBe(120);
    expect(cell(templateCell(doan2024, "PT02", "target"))?.value).toBe(5);
    const checked = checkSheet(planToGrid(plan));
    const back = checked.report?.rows.filter((r) => r.actual !== null || r.target !== null);
    expect(back?.map((r) => [r.code, r.target ?? null, r.actual])).toEqual([
      ["GD01", null, 10],
      ["GD04", null, 120],
      ["PT02", 5, 3],
    ]);
    expect(checked.report?.unit).toBe("SL.MAISON");
  });

  it("highlights only the changed cells, locks every cell and protects the sheet", () => {
    const changed = plan.cells.filter((c) => c.fill === CHANGED_FILL).map((c) => c.address);
    expect(changed).toEqual([templateCell(doan2024, "GD04", "actual")]);
    expect(plan.cells.every((c) => c.locked === true)).toBe(true);
    expect([plan.protect, plan.validations]).toEqual([true, []]);
    expect(plan.name).toBe("Duyệt SL.MAISON 2026");
  });

  it("names sheets within 31 characters and maps a cell back to its indicator", () => {
    expect(reviewSheetName("SL.MAISON.CHIENGMAI.XYZ.ABCDEFG", "2026-H1").length).toBeLessThanOrEqual(31);
    expect(indicatorAt(doan2024, templateCell(doan2024, "PT02", "actual"))).toBe("PT02");
    expect(indicatorAt(doan2024, "A1")).toBeUndefined();
  });
});

describe("reviewMarks", () => {
  it("puts each comment on its indicator's actual cell, joining a validation note on the same cell", () => {
    const located = checkSheet(
      planToGrid(reviewSheetPlan(doan2024, { unit: "U", unitName: "U", period: "2026", revision: 1, rows })),
    ).located;
    const marks = reviewMarks(
      [
        { code: "GD04", comment: "Kiểm tra lại" },
        { code: "ZZ99", comment: "không có dòng này" },
      ],
      located.rows,
      "Báo cáo",
      "SL",
      "vi",
    );
    const gd04 = templateCell(doan2024, "GD04", "actual");
    expect(marks).toEqual([
      {
        sheet: "Báo cáo",
        address: gd04,
        severity: "warning",
        fill: REVIEW_FILL,
        note: "Cấp trên (SL) trả lại: Kiểm tra lại",
      },
    ]);
    const issue = {
      sheet: "Báo cáo",
      address: gd04,
      severity: "error" as const,
      fill: "#FFC7CE",
      note: "Lỗi",
    };
    expect(withReviewMarks([issue], marks)).toEqual([
      { ...issue, note: "Lỗi\nCấp trên (SL) trả lại: Kiểm tra lại" },
    ]);
  });
});
