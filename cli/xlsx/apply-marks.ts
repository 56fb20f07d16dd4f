// Writes validation marks (shared marksPlan) into a workbook: the cell's fill and a note, like the
// add-in does on the open sheet. The annotated file is a copy; the user's own file is never touched.
import type { Workbook } from "exceljs";
import type { CellMark } from "../../shared/plans/types.ts";
import { argb } from "../../shared/xlsx/render-plan.ts";

/** Marks the cells; marks without a sheet go to `defaultSheet`. Returns how many cells were marked. */
export function applyMarks(wb: Workbook, marks: CellMark[], defaultSheet: string): number {
  let n = 0;
  for (const m of marks) {
    const ws = wb.getWorksheet(m.sheet ?? defaultSheet);
    if (!ws) continue;
    const cell = ws.getCell(m.address);
    // ExcelJS gives every cell of one loaded style the same style object: setting `cell.fill` would
    // paint them all. A copy of the style per marked cell changes that cell only.
    cell.style = {
      ...cell.style,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(m.fill) } },
    };
    cell.note = m.note;
    n++;
  }
  return n;
}
