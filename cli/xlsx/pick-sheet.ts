// Which sheet of a workbook is the report. Units rename the sheet, keep last year's copy beside this
// year's, or add their own working sheets, so the sheet is found by its content, never by its name.
//
// Rule (documented in `baocao validate --help`):
// 1. `--sheet NAME` wins when given (an unknown name is an error that lists the sheets).
// 2. Otherwise the candidates are the sheets in which the shared locator finds the report table;
//    visible sheets come before hidden ones, then tab order decides: the first one is validated and every
//    other candidate is named in a warning line (pass --sheet to choose it).
// 3. No sheet has the table: the first visible sheet is validated, so the check reports
//    "table not found" on it exactly as the add-in would.
import type { Workbook, Worksheet } from "exceljs";
import { locateReport } from "../../shared/grid/locate.ts";
import type { Grid } from "../../shared/grid/types.ts";
import { UsageError } from "../errors.ts";
import { isPropertiesSheet } from "./properties.ts";
import { readGrid } from "./read-grid.ts";

export interface PickedSheet {
  sheet: Worksheet;
  grid: Grid;
  /** Why this sheet, in vi and en. */
  reason: { vi: string; en: string };
  /** Other sheets that also hold the report table (a warning for the user). */
  others: string[];
}

function visible(ws: Worksheet): boolean {
  return ws.state !== "hidden" && ws.state !== "veryHidden";
}

export function pickSheet(wb: Workbook, opts: { sheet?: string } = {}): PickedSheet {
  const sheets = wb.worksheets.filter((ws) => !isPropertiesSheet(ws.name));
  if (opts.sheet !== undefined) {
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
  const ordered = [...sheets.filter(visible), ...sheets.filter((s) => !visible(s))];
  const found: { sheet: Worksheet; grid: Grid }[] = [];
  for (const ws of ordered) {
    const grid = readGrid(ws);
    if (locateReport(grid).table) found.push({ sheet: ws, grid });
  }
  const first = found[0];
  if (first) {
    const others = found.slice(1).map((f) => f.sheet.name);
    const only = others.length === 0;
    return {
      ...first,
      reason: only
        ? { vi: "trang tính duy nhất có bảng báo cáo", en: "the only sheet with the report table" }
        : {
            vi: "trang tính đầu tiên (theo thứ tự thẻ) có bảng báo cáo",
            en: "the first sheet (in tab order) with the report table",
          },
      others,
    };
  }
  const fallback = ordered[0];
  if (!fallback) {
    // loadWorkbook refuses workbooks without sheets; only the properties sheet can be left.
    throw new UsageError("Sổ tính không có trang tính báo cáo.", "The workbook has no report sheet.");
  }
  return {
    sheet: fallback,
    grid: readGrid(fallback),
    reason: {
      vi: "không trang tính nào có bảng báo cáo; kiểm tra trang tính đầu tiên",
      en: "no sheet has the report table; checking the first sheet",
    },
    others: [],
  };
}
