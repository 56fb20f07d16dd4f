// An ExcelJS worksheet as the plain Grid the add-in reads from Office.js in one batch, so the shared
// locator, parser and rules see a file exactly as they would see the open sheet.
import type { Cell, CellValue, Worksheet } from "exceljs";
import type { CellScalar, Grid, ValueType } from "../grid/types.ts";
import { displayText } from "./display-text.ts";

/** A grid this big is not a report (a stray value far away); refuse it rather than allocate it. */
export const MAX_GRID_CELLS = 2_000_000;

export class SheetTooLargeError extends Error {
  readonly sheet: string;
  constructor(sheet: string, rows: number, cols: number) {
    super(
      `Trang tính "${sheet}" quá lớn (${rows} dòng × ${cols} cột): xóa các ô thừa ở xa bảng rồi thử lại / ` +
        `sheet "${sheet}" is too large (${rows} rows × ${cols} columns): delete stray cells far from the table and retry`,
    );
    this.name = "SheetTooLargeError";
    this.sheet = sheet;
  }
}

interface Scalar {
  value: CellScalar;
  valueType: ValueType;
}

const EMPTY: Scalar = { value: "", valueType: "Empty" };

/** ExcelJS turns numbers under a date format into Dates (UTC); Excel and Office.js keep the serial. */
export function dateToSerial(d: Date, date1904: boolean): number {
  const serial = 25569 + d.getTime() / 86_400_000 - (date1904 ? 1462 : 0);
  // Undo ExcelJS's millisecond rounding so a typed "1.5" read as a date comes back exactly.
  return Math.round(serial * 1e8) / 1e8;
}

function richText(v: { richText: { text: string }[] }): string {
  return v.richText.map((r) => r.text).join("");
}

/** The stored value (or cached formula result) as Office.js `values` / `valueTypes` give it. */
function scalar(v: CellValue | undefined, date1904: boolean): Scalar {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "number") return { value: v, valueType: "Double" };
  if (typeof v === "string") return v === "" ? EMPTY : { value: v, valueType: "String" };
  if (typeof v === "boolean") return { value: v, valueType: "Boolean" };
  if (v instanceof Date) return { value: dateToSerial(v, date1904), valueType: "Double" };
  if ("error" in v) return { value: String(v.error), valueType: "Error" };
  if ("richText" in v) return { value: richText(v), valueType: "String" };
  if ("hyperlink" in v) {
    const t: unknown = v.text;
    const text =
      typeof t === "string"
        ? t
        : t && typeof t === "object" && "richText" in t
          ? richText(t as { richText: { text: string }[] })
          : "";
    return text === "" ? EMPTY : { value: text, valueType: "String" };
  }
  if ("formula" in v || "sharedFormula" in v) {
    // The cached result; a file written without one (ExcelJS) reads as empty until Excel recalculates.
    return scalar(v.result as CellValue | undefined, date1904);
  }
  return EMPTY;
}

function textOf(s: Scalar, numFmt: string, date1904: boolean): string {
  switch (s.valueType) {
    case "Double":
      return displayText(s.value as number, numFmt, date1904);
    case "Boolean":
      return s.value ? "TRUE" : "FALSE";
    case "Empty":
      return "";
    default:
      return String(s.value);
  }
}

function isMergedTail(cell: Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

function formulaOf(cell: Cell, s: Scalar): CellScalar {
  const v = cell.value;
  if (v && typeof v === "object" && !(v instanceof Date) && ("formula" in v || "sharedFormula" in v)) {
    // cell.formula translates a shared formula from its master cell.
    const f = cell.formula;
    if (f) return `=${f}`;
  }
  return s.value;
}

/** Last row and column holding a value (formatting alone does not count; merged tails read as their master). */
function extent(ws: Worksheet): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.value === null || cell.value === undefined || cell.value === "") return;
      rows = Math.max(rows, r);
      cols = Math.max(cols, c);
    });
  });
  return { rows, cols };
}

/** The sheet from A1 to its last used cell, in Office.js's shape. */
export function readGrid(ws: Worksheet): Grid {
  const date1904 = ws.workbook?.properties?.date1904 === true;
  const { rows, cols } = extent(ws);
  if (rows * cols > MAX_GRID_CELLS) throw new SheetTooLargeError(ws.name, rows, cols);
  const grid: Grid = {
    sheet: ws.name,
    origin: "A1",
    values: [],
    valueTypes: [],
    text: [],
    formulas: [],
    numberFormat: [],
  };
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const values: CellScalar[] = [];
    const types: ValueType[] = [];
    const texts: string[] = [];
    const formulas: CellScalar[] = [];
    const formats: string[] = [];
    for (let c = 1; c <= cols; c++) {
      const cell = row.getCell(c);
      const numFmt = cell.numFmt || "General";
      // Office.js gives a merged area's value to its top-left cell only.
      const s = isMergedTail(cell) ? EMPTY : scalar(cell.value, date1904);
      values.push(s.value);
      types.push(s.valueType);
      texts.push(textOf(s, numFmt, date1904));
      formulas.push(isMergedTail(cell) ? "" : formulaOf(cell, s));
      formats.push(numFmt);
    }
    grid.values.push(values);
    grid.valueTypes.push(types);
    grid.text.push(texts);
    grid.formulas.push(formulas);
    grid.numberFormat.push(formats);
  }
  return grid;
}
