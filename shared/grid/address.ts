// A1 addresses. Everything here is 1-based like Excel (A = column 1, row 1 is the first row), so an
// address read off a screen and a number in code mean the same thing.

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384; // XFD

export interface CellRef {
  row: number;
  col: number;
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

/** "A" → 1, "Z" → 26, "AA" → 27; undefined for anything that is not a column of a sheet. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COL ? n : undefined;
}

/** 1 → "A", 27 → "AA". Throws outside 1..16384: a caller bug, not user input. */
export function columnLetter(index: number): string {
  if (!Number.isInteger(index) || index < 1 || index > MAX_COL) {
    throw new RangeError(`column index out of range: ${index}`);
  }
  let n = index;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "F14", "$F$14", "Sheet1!F14" → { row: 14, col: 6 }; undefined when not a single cell address. */
export function parseA1(address: string): CellRef | undefined {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(local.trim());
  if (!m) return undefined;
  const col = columnIndex(m[1]!);
  const row = Number(m[2]);
  if (col === undefined || row < 1 || row > MAX_ROW) return undefined;
  return { row, col };
}

export function toA1(ref: CellRef): string {
  return `${columnLetter(ref.col)}${ref.row}`;
}

export function a1(row: number, col: number): string {
  return toA1({ row, col });
}

/** The address `rows` down and `cols` right of `origin` ("C3" + (0, 0) is "C3"). */
export function offsetA1(origin: string, rows: number, cols: number): string {
  const o = parseA1(origin);
  if (!o) throw new RangeError(`not an A1 address: ${origin}`);
  return a1(o.row + rows, o.col + cols);
}

/** "A1:H60" (or a single cell "B2") → its corners, normalised so start is top-left. */
export function parseRange(range: string): RangeRef | undefined {
  const bang = range.lastIndexOf("!");
  const local = bang >= 0 ? range.slice(bang + 1) : range;
  const parts = local.split(":");
  if (parts.length > 2) return undefined;
  const a = parseA1(parts[0]!);
  const b = parts.length === 2 ? parseA1(parts[1]!) : a;
  if (!a || !b) return undefined;
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

export function rangeA1(start: CellRef, end: CellRef): string {
  const s = toA1(start);
  const e = toA1(end);
  return s === e ? s : `${s}:${e}`;
}

/** Orders addresses top to bottom, then left to right; unparsable ones first. */
export function compareA1(a: string | undefined, b: string | undefined): number {
  const ra = a === undefined ? undefined : parseA1(a);
  const rb = b === undefined ? undefined : parseA1(b);
  if (!ra || !rb) return (ra ? 1 : 0) - (rb ? 1 : 0);
  return ra.row - rb.row || ra.col - rb.col;
}
