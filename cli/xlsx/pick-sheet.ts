// Which sheet of a workbook is the report (rule documented in `baocao validate --help`):
// 1. `--sheet NAME` wins when given (an unknown name is an error that lists the sheets).
// 2. Otherwise shared/xlsx/report-sheet.ts chooses by content, as the web page does.
import type { Workbook } from "exceljs";
import { readGrid } from "../../shared/xlsx/read-grid.ts";
import { findReportSheet, type PickedSheet, reportSheets } from "../../shared/xlsx/report-sheet.ts";
import { UsageError } from "../errors.ts";

export type { PickedSheet } from "../../shared/xlsx/report-sheet.ts";

export function pickSheet(wb: Workbook, opts: { sheet?: string } = {}): PickedSheet {
  if (opts.sheet !== undefined) {
    const sheets = reportSheets(wb);
    const ws = sheets.find((s) => s.name === opts.sheet);
    if (!ws) {
      const names = sheets.map((s) => `"${s.name}"`).join(", ");
      throw new UsageError(
        `Không có trang tính "${opts.sheet}". Các trang tính: ${names}. Sửa tên sau --sheet.`,
        `No sheet named "${opts.sheet}". Sheets: ${names}. Fix the name after --sheet.`,
      );
    }
    return {
      sheet: ws,
      grid: readGrid(ws),
      reason: { vi: "chọn bằng --sheet", en: "chosen with --sheet" },
      others: [],
    };
  }
  const picked = findReportSheet(wb);
  // loadWorkbook refuses workbooks without sheets; only the properties sheet can be left.
  if (!picked)
    throw new UsageError("Sổ tính không có trang tính báo cáo.", "The workbook has no report sheet.");
  return picked;
}
