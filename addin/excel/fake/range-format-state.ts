// Cell formats over a range as Excel applies them at sync: fill, lock, borders, column widths and row
// heights. Every write checks the sheet's protection; reads answer null when the cells differ (facts §3).

import { normalizeColor } from "./colors.ts";
import { richError, unsupported } from "./errors.ts";
import {
  type BorderEdge,
  type BorderState,
  type CellState,
  DEFAULT_ROW_HEIGHT,
  type Target,
} from "./sheet-state.ts";
import type { WorkbookState } from "./state.ts";

/** Applies a per-cell format change over a bounded range. */
export function formatCells(
  state: WorkbookState,
  t: Target,
  where: string,
  apply: (cell: CellState) => void,
): void {
  if (t.unbounded !== "none") throw unsupported("cell formats on unbounded ranges");
  state.assertFormatEditable(t, where);
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) apply(t.sheet.edit(r, c));
  }
}

export function setFill(state: WorkbookState, t: Target, color: unknown, where: string): void {
  const normalized = normalizeColor(color);
  if (normalized === null) {
    throw richError("InvalidArgument", `${JSON.stringify(color)} is not a valid fill colour`, where);
  }
  formatCells(state, t, where, (cell) => {
    cell.fill = normalized;
    cell.tintAndShade = 0;
  });
}

export function clearFill(state: WorkbookState, t: Target, where: string): void {
  formatCells(state, t, where, (cell) => {
    cell.fill = null;
    cell.tintAndShade = null;
  });
}

export function setColumnWidth(state: WorkbookState, t: Target, width: unknown, where: string): void {
  if (typeof width !== "number" || !Number.isFinite(width) || width < 0 || width > 1789.5) {
    throw richError("InvalidArgument", `${String(width)} is not a valid column width (points)`, where);
  }
  state.assertStructureEditable(t.sheet, where, "allowFormatColumns");
  for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, width);
}

export function columnWidthOf(t: Target): number | null {
  let value: number | null = null;
  for (let c = t.rect.c0; c <= t.rect.c1; c++) {
    const w = t.sheet.columnWidth(c);
    if (value === null) value = w;
    else if (value !== w) return null;
  }
  return value;
}

/** One height for the range's rows, or null when they differ (facts §3: sizes read null when mixed). */
export function rowHeightOf(t?: Target): number | null {
  if (!t) return DEFAULT_ROW_HEIGHT;
  let value: number | null = null;
  for (let r = t.rect.r0; r <= t.rect.r1 && r <= t.rect.r0 + 10_000; r++) {
    const h = t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT;
    if (value === null) value = h;
    else if (value !== h) return null;
  }
  return value;
}

/** Row heights are points, 0–409 (Excel's limit). */
export function setRowHeight(state: WorkbookState, t: Target, height: unknown, where: string): void {
  if (typeof height !== "number" || !Number.isFinite(height) || height < 0 || height > 409) {
    throw richError("InvalidArgument", `${String(height)} is not a valid row height (0–409 points)`, where);
  }
  if (t.unbounded === "columns") throw unsupported("row heights on whole columns");
  state.assertStructureEditable(t.sheet, where, "allowFormatRows");
  for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, height);
}

export function setLocked(state: WorkbookState, t: Target, locked: unknown, where: string): void {
  if (typeof locked !== "boolean") throw richError("InvalidArgument", "locked is a boolean", where);
  formatCells(state, t, where, (cell) => {
    cell.locked = locked;
  });
}

export function setBorder(
  state: WorkbookState,
  t: Target,
  edge: BorderEdge,
  prop: keyof BorderState,
  value: unknown,
  where: string,
): void {
  if (typeof value !== "string") throw richError("InvalidArgument", `border ${prop} is a string`, where);
  const v = prop === "color" ? normalizeColor(value) : value;
  if (v === null) throw richError("InvalidArgument", `${value} is not a colour`, where);
  state.assertFormatEditable(t, where);
  const { r0, c0, r1, c1 } = t.rect;
  const set = (r: number, c: number, e: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight") => {
    const cell = t.sheet.edit(r, c);
    const current = cell.borders[e] ?? { style: "None", color: "#000000", weight: "Thin" };
    const next = { ...current, [prop]: v };
    if (prop === "style" && v === "None") delete cell.borders[e];
    else cell.borders[e] = next;
  };
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      if (edge === "EdgeTop" && r === r0) set(r, c, "EdgeTop");
      if (edge === "EdgeBottom" && r === r1) set(r, c, "EdgeBottom");
      if (edge === "EdgeLeft" && c === c0) set(r, c, "EdgeLeft");
      if (edge === "EdgeRight" && c === c1) set(r, c, "EdgeRight");
      if (edge === "InsideHorizontal" && r < r1) set(r, c, "EdgeBottom");
      if (edge === "InsideVertical" && c < c1) set(r, c, "EdgeRight");
      if (edge === "DiagonalDown" || edge === "DiagonalUp") throw unsupported("diagonal borders");
    }
  }
}

export function readBorder(t: Target, edge: BorderEdge, prop: keyof BorderState): string | null {
  const { r0, c0, r1, c1 } = t.rect;
  const cells: [number, number, "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight"][] = [];
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      if (edge === "EdgeTop" && r === r0) cells.push([r, c, "EdgeTop"]);
      if (edge === "EdgeBottom" && r === r1) cells.push([r, c, "EdgeBottom"]);
      if (edge === "EdgeLeft" && c === c0) cells.push([r, c, "EdgeLeft"]);
      if (edge === "EdgeRight" && c === c1) cells.push([r, c, "EdgeRight"]);
      if (edge === "InsideHorizontal" && r < r1) cells.push([r, c, "EdgeBottom"]);
      if (edge === "InsideVertical" && c < c1) cells.push([r, c, "EdgeRight"]);
    }
  }
  let value: string | null = null;
  let first = true;
  for (const [r, c, e] of cells) {
    const b = t.sheet.get(r, c).borders[e];
    const v = b ? b[prop] : prop === "style" ? "None" : prop === "color" ? "#000000" : "Thin";
    if (first) {
      value = v;
      first = false;
    } else if (v !== value) return null;
  }
  return value;
}
