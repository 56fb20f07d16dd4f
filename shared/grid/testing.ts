// Test helpers: seed figures and the edits users make to a sheet (insert, delete, sort, add columns),
// applied to a Grid as Excel would show them afterwards. Used by shared, add-in and CLI tests.
import fc from "fast-check";
import { templateCell } from "../plans/template-sheet.ts";
import type { Template } from "../template/types.ts";
import { a1, parseA1 } from "./address.ts";
import { cellAtIndex, EMPTY_CELL, gridOrigin, gridSize } from "./cells.ts";
import { type CellScalar, type Grid, type RawCell, VALUE_TYPES, type ValueType } from "./types.ts";

/**
 * Figures of the seed articles (domain.md), with invented but consistent totals for the rows the
 * articles do not give (GD01, GD04 …), so a sheet filled with them raises no issue at all.
 */
export const SEED_FIGURES: Record<string, { target?: number | string; actual?: number | string }> = {
  GD01: { actual: 120 },
  GD02: { actual: 120 },
  GD04: { actual: 5400 },
  GD05: { actual: 4500 },
  GD06: { target: 80 },
  GD07: { actual: 30000 },
  GD08: { actual: 24000 },
  GD09: { target: 80 },
  GD10: { actual: 225 },
  GD11: { actual: 1800 },
  GD12: { actual: 245 },
  GD13: { actual: 22180 },
  GD14: { actual: 65000 },
  GD15: { actual: 16379 },
  PT01: { actual: 92387 },
  PT02: { target: 30, actual: 125 },
  PT03: { actual: 555 },
  PT04: { target: 3, actual: 12 },
  PT05: { target: 2, actual: 2 },
  PT06: { target: 700, actual: 712 },
  PT07: { actual: 3 },
  PT08: { actual: 900 },
  PT09: { actual: 10000 },
  PT10: { actual: 400 },
  PT11: { target: 1, actual: 1 },
  CD01: { actual: 57 },
  CD02: { actual: 20000 },
  KN01: { actual: 1500 },
  KN02: { actual: 1758 },
  KN03: { actual: 312 },
  KN04: { actual: 878 },
  KN05: { actual: 4250 },
  KN06: { actual: 12 },
  KN09: { target: 80 },
  XD01: { actual: 745 },
  XD02: { actual: 1570 },
  TD01: { actual: "XS" },
  TD02: { actual: 23 },
  TD03: { actual: 24 },
};

/** A `planToGrid` fill writing SEED_FIGURES into a fresh template sheet. */
export function seedFill(template: Template): Record<string, string | number> {
  const fill: Record<string, string | number> = {};
  for (const [code, f] of Object.entries(SEED_FIGURES)) {
    if (!template.indicators.some((i) => i.code === code)) continue;
    if (f.target !== undefined) fill[templateCell(template, code, "target")] = f.target;
    if (f.actual !== undefined) fill[templateCell(template, code, "actual")] = f.actual;
  }
  return fill;
}

/** The grid as a rectangle of cells (ragged rows padded with empty cells). */
export function toCells(grid: Grid): RawCell[][] {
  const { rows, cols } = gridSize(grid);
  const out: RawCell[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: RawCell[] = [];
    for (let c = 0; c < cols; c++) row.push(cellAtIndex(grid, r, c));
    out.push(row);
  }
  return out;
}

export function fromCells(sheet: string, origin: string, cells: RawCell[][]): Grid {
  const cols = Math.max(0, ...cells.map((r) => r.length));
  const pad = (r: RawCell[]) => [...r, ...Array<RawCell>(cols - r.length).fill(EMPTY_CELL)];
  const rect = cells.map(pad);
  return {
    sheet,
    origin,
    values: rect.map((r) => r.map((c) => c.value)),
    valueTypes: rect.map((r) => r.map((c) => c.valueType)),
    text: rect.map((r) => r.map((c) => c.text)),
    formulas: rect.map((r) => r.map((c) => c.formula)),
    numberFormat: rect.map((r) => r.map((c) => c.numberFormat)),
  };
}

function edit(grid: Grid, f: (cells: RawCell[][], origin: { row: number; col: number }) => void): Grid {
  const cells = toCells(grid);
  const origin = gridOrigin(grid);
  f(cells, origin);
  return fromCells(grid.sheet, a1(origin.row, origin.col), cells);
}

/** A typed value as Excel stores it (number → Double, text → String, "" → empty). */
export function typed(value: CellScalar, numberFormat = "General"): RawCell {
  if (value === "") return { ...EMPTY_CELL, numberFormat };
  if (typeof value === "number") {
    return { value, valueType: "Double", text: String(value), formula: value, numberFormat };
  }
  if (typeof value === "boolean") {
    return { value, valueType: "Boolean", text: value ? "TRUE" : "FALSE", formula: value, numberFormat };
  }
  return { value, valueType: "String", text: value, formula: value, numberFormat };
}

/** Writes one cell (by sheet address), growing the grid when needed. */
export function setCell(grid: Grid, address: string, cell: RawCell | CellScalar): Grid {
  const ref = parseA1(address);
  if (!ref) throw new RangeError(`not an A1 address: ${address}`);
  return edit(grid, (cells, o) => {
    const r = ref.row - o.row;
    const c = ref.col - o.col;
    if (r < 0 || c < 0) throw new RangeError(`${address} is before the grid's origin`);
    while (cells.length <= r) cells.push([]);
    const row = cells[r]!;
    while (row.length <= c) row.push(EMPTY_CELL);
    const prev = row[c]!;
    row[c] = typeof cell === "object" ? cell : typed(cell, prev.numberFormat);
  });
}

/** Inserts `count` empty rows before sheet row `before`. */
export function insertRows(grid: Grid, before: number, count = 1): Grid {
  return edit(grid, (cells, o) => {
    const at = Math.max(0, before - o.row);
    cells.splice(at, 0, ...Array.from({ length: count }, () => [] as RawCell[]));
  });
}

export function deleteRows(grid: Grid, first: number, count = 1): Grid {
  return edit(grid, (cells, o) => {
    cells.splice(first - o.row, count);
  });
}

/** Inserts `count` empty columns before sheet column `before` (1-based). */
export function insertColumns(grid: Grid, before: number, count = 1): Grid {
  return edit(grid, (cells, o) => {
    const at = Math.max(0, before - o.col);
    for (const row of cells) {
      while (row.length < at) row.push(EMPTY_CELL);
      row.splice(at, 0, ...Array<RawCell>(count).fill(EMPTY_CELL));
    }
  });
}

/** Reorders sheet rows first..first+order.length-1: new row i holds old row first+order[i]. */
export function permuteRows(grid: Grid, first: number, order: number[]): Grid {
  return edit(grid, (cells, o) => {
    const start = first - o.row;
    const block = cells.slice(start, start + order.length);
    order.forEach((from, i) => {
      cells[start + i] = block[from] ?? [];
    });
  });
}

/** Copies sheet row `from` to sheet row `to` (overwriting it), like copy-paste of a whole row. */
export function copyRow(grid: Grid, from: number, to: number): Grid {
  return edit(grid, (cells, o) => {
    while (cells.length <= to - o.row) cells.push([]);
    cells[to - o.row] = [...(cells[from - o.row] ?? [])];
  });
}

/** Drops everything above and left of `origin`, as a used range that starts there reads. */
export function cropTo(grid: Grid, origin: string): Grid {
  const ref = parseA1(origin);
  const o = gridOrigin(grid);
  if (!ref || ref.row < o.row || ref.col < o.col) throw new RangeError(`cannot crop to ${origin}`);
  const cells = toCells(grid)
    .slice(ref.row - o.row)
    .map((r) => r.slice(ref.col - o.col));
  return fromCells(grid.sheet, origin, cells);
}

/** Random grids for property tests: ragged, mismatched arrays, any values, types and origins. */
const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "Mã chỉ tiêu",
    "Kết quả thực hiện",
    "Chỉ tiêu giao",
    "Ghi chú",
    "Mẫu:",
    "Kỳ báo cáo:",
    "Mã đơn vị:",
    "PT01",
    "GD01",
    "ZZ99",
    "doan-2024 v1",
    "doan-2099",
    "Quý 3/2023",
    "#DIV/0!",
    "=1/0",
    "",
  ),
  fc.double(),
  fc.integer(),
  fc.boolean(),
);
const valueType = fc.constantFrom<ValueType>(...VALUE_TYPES);
const matrix = <T>(arb: fc.Arbitrary<T>) => fc.array(fc.array(arb, { maxLength: 10 }), { maxLength: 14 });
export const randomGrid: fc.Arbitrary<Grid> = fc.record({
  sheet: fc.string({ maxLength: 8 }),
  origin: fc.oneof(
    fc.constant("A1"),
    fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 500 })).map(([r, c]) => a1(r, c)),
    fc.constantFrom("", "nope", "XFD1048576"),
  ),
  values: matrix(scalar),
  valueTypes: matrix(valueType),
  text: matrix(fc.string({ maxLength: 8 })),
  formulas: matrix(scalar),
  numberFormat: matrix(fc.constantFrom("General", "@", "#,##0", "0.0", "m/d/yyyy", "0%")),
});
