// Where a sheet's signature block starts: the first row holding "T/M BAN THƯỜNG VỤ" (thay mặt, "on
// behalf of": "TM. Ban Chấp hành" too). Its "NGƯỜI LẬP BIỂU" is a heading, not the reporter field
// "Người lập:", so the locator reads header labels only above it when it finds no table to stop at.
import { cellAtIndex, gridOrigin, gridSize } from "./cells.ts";
import { foldWords } from "./text.ts";
import type { Grid } from "./types.ts";

const ON_BEHALF_RE = /^t ?m ban\b/;

/** 1-based sheet row of the signature block, or undefined when the sheet has none. */
export function signatureRow(grid: Grid): number | undefined {
  const { rows, cols } = gridSize(grid);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = cellAtIndex(grid, r, c);
      if (typeof cell.value === "string" && ON_BEHALF_RE.test(foldWords(cell.value))) {
        return gridOrigin(grid).row + r;
      }
    }
  }
  return undefined;
}
