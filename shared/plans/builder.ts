// A small helper the consolidated plans share: cells by (row, column), merges across a row, and row
// heights worked out from the wrapped text at the end, so every block of a plan stays a short function.
import { a1, columnLetter, parseA1 } from "../grid/address.ts";
import type { PlanCell } from "./types.ts";

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
const TEXT = "@";

export class SheetBuilder {
  readonly cells: PlanCell[] = [];
  readonly merges: string[] = [];
  private readonly byAddress = new Map<string, PlanCell>();

  /** Text is always a value in a "@" cell: never parsed, so "=HYPERLINK(…)" or "+1" stays text. */
  text(row: number, col: number, value: string | null, extra: Partial<PlanCell> = {}): void {
    const v = value === null || value === "" ? null : value.slice(0, MAX_CELL_TEXT);
    this.put({ address: a1(row, col), value: v, numberFormat: TEXT, ...extra });
  }

  number(
    row: number,
    col: number,
    value: number | undefined,
    numberFormat: string,
    extra: Partial<PlanCell> = {},
  ): void {
    this.put({
      address: a1(row, col),
      value: value ?? null,
      numberFormat,
      horizontalAlignment: "Right",
      ...extra,
    });
  }

  /** Text across columns `from`–`to` of one row (merged when wider than one column). */
  across(row: number, from: number, to: number, value: string | null, extra: Partial<PlanCell> = {}): void {
    this.text(row, from, value, extra);
    if (to > from) this.merges.push(`${a1(row, from)}:${a1(row, to)}`);
  }

  /** A cell as it is (address and format); each address once. */
  put(cell: PlanCell): void {
    if (this.byAddress.has(cell.address)) throw new Error(`plan cell ${cell.address} written twice`);
    this.byAddress.set(cell.address, cell);
    this.cells.push(cell);
  }

  /**
   * Heights for rows whose wrapped text needs more than one line: the text's length against the width
   * of its cell (merged width for a merged cell), at about 1.1 characters of the column width per
   * character of Times New Roman, 1.3 × the font size per line. Generous on purpose: a cut line is worse.
   */
  rowHeights(columnWidths: Record<string, number>, fontSize: number): Record<number, number> {
    const spans = new Map<string, number>();
    for (const m of this.merges) {
      const [start = "", end = ""] = m.split(":");
      const from = columnIndexOf(start);
      const to = columnIndexOf(end);
      let width = 0;
      for (let c = from; c <= to; c++) width += columnWidths[columnLetter(c)] ?? 8.43;
      spans.set(start, width);
    }
    const line = Math.ceil(fontSize * 1.3 * 4) / 4;
    const heights: Record<number, number> = {};
    for (const cell of this.cells) {
      if (!cell.wrapText || typeof cell.value !== "string") continue;
      const col = columnIndexOf(cell.address);
      const width = spans.get(cell.address) ?? columnWidths[columnLetter(col)] ?? 8.43;
      const size = cell.fontSize ?? fontSize;
      const perLine = Math.max(1, Math.floor((width * 1.1 * 12) / size) - 1);
      const lines = cell.value
        .split("\n")
        .reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
      if (lines < 2) continue;
      const row = Number(/\d+$/.exec(cell.address)?.[0]);
      const h = Math.min(409, Math.ceil(lines * line * (size / fontSize) + 3));
      heights[row] = Math.max(heights[row] ?? 0, h);
    }
    return heights;
  }
}

function columnIndexOf(address: string): number {
  return parseA1(address)?.col ?? 1;
}
