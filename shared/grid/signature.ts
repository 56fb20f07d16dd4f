// Where a sheet's signature block starts: the first row holding "T/M BAN THƯỜNG VỤ" (thay mặt, "on
// behalf of": "TM. Ban Chấp hành" too). Its "NGƯỜI LẬP BIỂU" is a heading, not the reporter field
// "Người lập:", so the locator reads header labels only above it when it finds no table to stop at.
import { cellAtIndex, gridOrigin, gridSize } from "./cells.ts";
import { foldWords } from "./text.ts";
import type { Grid } from "./types.ts";

const ON_BEHALF_RE = /^t ?m ban\b/;

/** 1-based sheet row of the signature block at or below `from`, or undefined when there is none. */
export function signatureRow(grid: Grid, from = 1): number | undefined {
  const { rows, cols } = gridSize(grid);
  const origin = gridOrigin(grid).row;
  for (let r = Math.max(0, from - origin); r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = cellAtIndex(grid, r, c).value;
      // "T…" first: a cheap test, so a 5,000-row sheet folds only the few cells that could match.
      if (typeof v === "string" && /^\s*t/i.test(v) && ON_BEHALF_RE.test(foldWords(v))) return origin + r;
    }
  }
  return undefined;
}
