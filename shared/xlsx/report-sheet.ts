// Which sheet of a workbook is the report, found by its content, never by its name (units rename the
// sheet, keep last year's copy beside this year's, or add working sheets). The CLI and the web page both
// choose with this: the candidates are the sheets in which the shared locator finds the report table;
// visible sheets come before hidden ones, then tab order decides; no candidate: the first visible sheet,
// so the check says "table not found" on it exactly as the add-in would.
import type { Workbook, Worksheet } from "exceljs";
import { locateReport } from "../grid/locate.ts";
import type { Grid } from "../grid/types.ts";
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

/** The report sheets of a workbook, the properties sheet left out. */
export function reportSheets(wb: Workbook): Worksheet[] {
  return wb.worksheets.filter((ws) => !isPropertiesSheet(ws.name));
}

/** The report sheet chosen by content; undefined when the workbook has no sheet but the properties one. */
export function findReportSheet(wb: Workbook): PickedSheet | undefined {
  const sheets = reportSheets(wb);
  const ordered = [...sheets.filter(visible), ...sheets.filter((s) => !visible(s))];
  const found: { sheet: Worksheet; grid: Grid }[] = [];
  for (const ws of ordered) {
    const grid = readGrid(ws);
    if (locateReport(grid).table) found.push({ sheet: ws, grid });
  }
  const first = found[0];
  if (first) {
    const others = found.slice(1).map((f) => f.sheet.name);
    return {
      ...first,
      reason:
        others.length === 0
          ? { vi: "trang tính duy nhất có bảng báo cáo", en: "the only sheet with the report table" }
          : {
              vi: "trang tính đầu tiên (theo thứ tự thẻ) có bảng báo cáo",
              en: "the first sheet (in tab order) with the report table",
            },
      others,
    };
  }
  const fallback = ordered[0];
  if (!fallback) return undefined;
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
