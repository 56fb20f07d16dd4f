// Safe reads of a Grid by sheet address. Grids come from Excel, ExcelJS and tests; arrays may be ragged
// or hold nulls (Excel reads mixed formats as null), so every read falls back to an empty cell.
import { a1, MAX_COL, MAX_ROW, parseA1 } from "./address.ts";
import type { CellScalar, Grid, RawCell, ValueType } from "./types.ts";

export const EMPTY_CELL: RawCell = {
  value: "",
  valueType: "Empty",
  text: "",
  formula: "",
  numberFormat: "General",
};

/** Sheet row/column of values[0][0]; A1 when the origin is not a valid address. */
export function gridOrigin(grid: Grid): { row: number; col: number } {
  return (typeof grid.origin === "string" ? parseA1(grid.origin) : undefined) ?? { row: 1, col: 1 };
}

/** Rows and columns covered by the grid (the widest row counts). */
/** Rows and columns of the grid, clipped to the sheet: nothing lies past column XFD or row 1,048,576. */
export function gridSize(grid: Grid): { rows: number; cols: number } {
  const values = Array.isArray(grid.values) ? grid.values : [];
  let cols = 0;
  for (const r of values) if (Array.isArray(r) && r.length > cols) cols = r.length;
  const o = gridOrigin(grid);
  return { rows: Math.min(values.length, MAX_ROW - o.row + 1), cols: Math.min(cols, MAX_COL - o.col + 1) };
}

function at<T>(arr: unknown, r: number, c: number): T | undefined {
  if (!Array.isArray(arr)) return undefined;
  const row: unknown = arr[r];
  if (!Array.isArray(row)) return undefined;
  const v: unknown = row[c];
  return v === null || v === undefined ? undefined : (v as T);
}

function scalar(v: unknown): CellScalar | undefined {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : undefined;
}

/** The cell at 0-based grid indexes. */
export function cellAtIndex(grid: Grid, r: number, c: number): RawCell {
  const value = scalar(at(grid.values, r, c)) ?? "";
  const vt = at<unknown>(grid.valueTypes, r, c);
  const text = at<unknown>(grid.text, r, c);
  const nf = at<unknown>(grid.numberFormat, r, c);
  return {
    value,
    valueType: typeof vt === "string" ? (vt as ValueType) : value === "" ? "Empty" : guessType(value),
    text: typeof text === "string" ? text : String(value),
    formula: scalar(at(grid.formulas, r, c)) ?? value,
    numberFormat: typeof nf === "string" ? nf : "General",
  };
}

function guessType(v: CellScalar): ValueType {
  return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
}

/** The cell at a 1-based sheet position (outside the grid: empty). */
export function cellAt(grid: Grid, row: number, col: number): RawCell {
  const o = gridOrigin(grid);
  const r = row - o.row;
  const c = col - o.col;
  if (r < 0 || c < 0) return EMPTY_CELL;
  return cellAtIndex(grid, r, c);
}

export function cellAtA1(grid: Grid, address: string): RawCell {
  const ref = parseA1(address);
  return ref ? cellAt(grid, ref.row, ref.col) : EMPTY_CELL;
}

/** A1 address of 0-based grid indexes. */
export function addressOf(grid: Grid, r: number, c: number): string {
  const o = gridOrigin(grid);
  // Clamped: a grid hanging past the sheet's edge is malformed input, not a reason to throw.
  return a1(Math.min(MAX_ROW, Math.max(1, o.row + r)), Math.min(MAX_COL, Math.max(1, o.col + c)));
}

export function isBlank(cell: RawCell): boolean {
  return cell.valueType === "Empty" || (typeof cell.value === "string" && cell.value.trim() === "");
}

/** What a cell says, as a trimmed string: the value for text and numbers, the displayed text otherwise. */
export function cellString(cell: RawCell): string {
  if (typeof cell.value === "string") return cell.value.trim();
  if (typeof cell.value === "number") return String(cell.value);
  return cell.text.trim();
}
