// A1 addresses for the fake. Deliberately separate from shared/grid/address.ts, which the adapter uses:
// a bug there is not silently agreed with here, and Excel's forms (A:B, 2:3, 'Sheet'!A1, 0-based rects)
// are the fake's own business.

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A rectangle of cells, 0-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export type Unbounded = "none" | "columns" | "rows";

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
  /** "columns" for A:B (all rows), "rows" for 2:3 (all columns). */
  unbounded: Unbounded;
}

export function colToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

export function indexToCol(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function cellName(r: number, c: number): string {
  return `${indexToCol(c)}${r + 1}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parseCell(s: string): { r: number; c: number } | null {
  const m = CELL.exec(s);
  if (!m) return null;
  const c = colToIndex(m[1] ?? "");
  const r = Number(m[2]) - 1;
  if (c < 0 || c >= MAX_COLS || r < 0 || r >= MAX_ROWS) return null;
  return { r, c };
}

/** Splits "Sheet1!A1" / "'Báo cáo'!A1:B2" into sheet and local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, local: address.slice(bang + 1) };
}

/** Parses an A1 address (single cell, range, whole columns or whole rows), optionally sheet-qualified. */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheet, local } = splitSheet(address.trim());
  const parts = local.split(":");
  if (parts.length === 1) {
    const cell = parseCell(parts[0] ?? "");
    if (!cell) return null;
    return { sheet, rect: { r0: cell.r, c0: cell.c, r1: cell.r, c1: cell.c }, unbounded: "none" };
  }
  if (parts.length !== 2) return null;
  const [a = "", b = ""] = parts;
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) {
    return {
      sheet,
      rect: {
        r0: Math.min(ca.r, cb.r),
        c0: Math.min(ca.c, cb.c),
        r1: Math.max(ca.r, cb.r),
        c1: Math.max(ca.c, cb.c),
      },
      unbounded: "none",
    };
  }
  const cola = COL.exec(a);
  const colb = COL.exec(b);
  if (cola && colb) {
    const x = colToIndex(cola[1] ?? "");
    const y = colToIndex(colb[1] ?? "");
    if (x < 0 || y < 0 || x >= MAX_COLS || y >= MAX_COLS) return null;
    return {
      sheet,
      rect: { r0: 0, c0: Math.min(x, y), r1: MAX_ROWS - 1, c1: Math.max(x, y) },
      unbounded: "columns",
    };
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (rowa && rowb) {
    const x = Number(rowa[1]) - 1;
    const y = Number(rowb[1]) - 1;
    if (x < 0 || y < 0 || x >= MAX_ROWS || y >= MAX_ROWS) return null;
    return {
      sheet,
      rect: { r0: Math.min(x, y), c0: 0, r1: Math.max(x, y), c1: MAX_COLS - 1 },
      unbounded: "rows",
    };
  }
  return null;
}

export function formatRect(rect: Rect, unbounded: Unbounded = "none"): string {
  if (unbounded === "columns") return `${indexToCol(rect.c0)}:${indexToCol(rect.c1)}`;
  if (unbounded === "rows") return `${rect.r0 + 1}:${rect.r1 + 1}`;
  const a = cellName(rect.r0, rect.c0);
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return a;
  return `${a}:${cellName(rect.r1, rect.c1)}`;
}

/** Sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, _ and . */
export function quoteSheet(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function rectContains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function rectRows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function rectCols(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}
