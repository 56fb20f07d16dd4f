// What Excel would give back when reading a sheet rendered from a plan (and then typed into): the test
// double for "Excel range → grid" used here and by the add-in and CLI tests.
//
// Fidelity notes:
// - The grid starts at A1 and spans the plan's cells and the filled cells.
// - `fill` is typing: a number becomes a Double, except in a "@" (text) cell where Excel keeps it as
//   text; a string becomes String, "" clears the cell, and "=…" in a cell that is not "@" becomes a
//   formula; a boolean becomes Boolean. Typing over a formula replaces it.
// - Formulas: the plan's percentage formula (`percentFormula`) is evaluated; any other formula reads
//   "" with valueType "String" (what a formula returning "" gives). A percentage that yields "" also
//   reads "" / "String".
// - `text` is rendered as an en-US Excel shows it ("92,387", "555.0", "100.0"); a vi-VN Excel swaps
//   the separators. Readers should rely on `values`, as parseCell does.
import { parseA1, toA1 } from "../grid/address.ts";
import type { CellScalar, Grid, ValueType } from "../grid/types.ts";
import type { SheetPlan } from "./types.ts";

interface SimCell {
  value: CellScalar;
  valueType: ValueType;
  formula?: string;
  numberFormat: string;
}

const PERCENT_RE =
  /^=IF\(AND\(ISNUMBER\(([A-Z]{1,3}\d+)\),\1>0,ISNUMBER\(([A-Z]{1,3}\d+)\)\),\2\/\1\*100,""\)$/;

export function planToGrid(plan: SheetPlan, fill: Record<string, string | number | boolean> = {}): Grid {
  const cells = new Map<string, SimCell>();
  let maxRow = 1;
  let maxCol = 1;
  const touch = (address: string): string => {
    const ref = parseA1(address);
    if (!ref) throw new RangeError(`not an A1 address: ${address}`);
    maxRow = Math.max(maxRow, ref.row);
    maxCol = Math.max(maxCol, ref.col);
    return toA1(ref);
  };

  for (const pc of plan.cells) {
    const key = touch(pc.address);
    const numberFormat = pc.numberFormat ?? "General";
    if (pc.formula !== undefined) {
      cells.set(key, { value: "", valueType: "String", formula: pc.formula, numberFormat });
    } else if (pc.value === undefined || pc.value === null || pc.value === "") {
      cells.set(key, { value: "", valueType: "Empty", numberFormat });
    } else if (typeof pc.value === "number") {
      cells.set(key, { value: pc.value, valueType: "Double", numberFormat });
    } else {
      cells.set(key, { value: pc.value, valueType: "String", numberFormat });
    }
  }

  for (const [address, typed] of Object.entries(fill)) {
    const key = touch(address);
    const numberFormat = cells.get(key)?.numberFormat ?? "General";
    cells.set(key, typedCell(typed, numberFormat));
  }

  evaluateFormulas(cells);

  const grid: Grid = {
    sheet: plan.name,
    origin: "A1",
    values: [],
    valueTypes: [],
    text: [],
    formulas: [],
    numberFormat: [],
  };
  for (let r = 1; r <= maxRow; r++) {
    const values: CellScalar[] = [];
    const types: ValueType[] = [];
    const text: string[] = [];
    const formulas: CellScalar[] = [];
    const formats: string[] = [];
    for (let c = 1; c <= maxCol; c++) {
      const cell = cells.get(toA1({ row: r, col: c }));
      values.push(cell?.value ?? "");
      types.push(cell?.valueType ?? "Empty");
      text.push(cell ? displayText(cell) : "");
      formulas.push(cell?.formula ?? cell?.value ?? "");
      formats.push(cell?.numberFormat ?? "General");
    }
    grid.values.push(values);
    grid.valueTypes.push(types);
    grid.text.push(text);
    grid.formulas.push(formulas);
    grid.numberFormat.push(formats);
  }
  return grid;
}

function typedCell(typed: string | number | boolean, numberFormat: string): SimCell {
  const isText = numberFormat === "@";
  if (typeof typed === "boolean") return { value: typed, valueType: "Boolean", numberFormat };
  if (typeof typed === "number") {
    return isText
      ? { value: String(typed), valueType: "String", numberFormat }
      : { value: typed, valueType: "Double", numberFormat };
  }
  if (typed === "") return { value: "", valueType: "Empty", numberFormat };
  if (!isText && typed.startsWith("="))
    return { value: "", valueType: "String", formula: typed, numberFormat };
  return { value: typed, valueType: "String", numberFormat };
}

function evaluateFormulas(cells: Map<string, SimCell>): void {
  const done = new Set<string>();
  const visiting = new Set<string>();
  const numberAt = (address: string): number | undefined => {
    const cell = cells.get(address);
    if (!cell) return undefined;
    if (cell.formula !== undefined) evaluate(address, cell);
    return cell.valueType === "Double" && typeof cell.value === "number" ? cell.value : undefined;
  };
  const evaluate = (address: string, cell: SimCell): void => {
    if (done.has(address) || visiting.has(address) || cell.formula === undefined) return;
    visiting.add(address);
    const m = PERCENT_RE.exec(cell.formula);
    let result: number | undefined;
    if (m) {
      const den = numberAt(m[1]!);
      const num = numberAt(m[2]!);
      if (den !== undefined && den > 0 && num !== undefined) result = (num / den) * 100;
    }
    cell.value = result ?? "";
    cell.valueType = result === undefined ? "String" : "Double";
    visiting.delete(address);
    done.add(address);
  };
  for (const [address, cell] of cells) evaluate(address, cell);
}

function displayText(cell: SimCell): string {
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  if (typeof cell.value === "string") return cell.value;
  return renderNumberFormat(cell.value, cell.numberFormat);
}

const PLACEHOLDERS = /^(#,##)?(0+)(?:\.(0*)(#*))?$/;

/**
 * Excel number-format rendering, like an en-US Excel, for the plans' formats: "#,##0", "#,##0.0##",
 * "0.0" (any `#,##0.00#` shape); anything else as String(n). Not a message formatter (that is
 * shared/messages/format-number.ts). addin/excel/fake/numfmt.ts is the fuller Excel simulation, kept
 * apart on purpose; addin/excel/render-plan.test.ts checks that the two agree on the plans.
 */
export function renderNumberFormat(n: number, format: string): string {
  const m = PLACEHOLDERS.exec(format);
  if (!m) return String(n);
  const [, grouping, ints = "0", fixed = "", optional = ""] = m;
  const [int = "0", frac = ""] = Math.abs(n)
    .toFixed(fixed.length + optional.length)
    .split(".");
  // Optional digits drop trailing zeros, required ones stay: 555 → "555.0" under "#,##0.0##".
  const shownFrac = frac.slice(0, fixed.length) + frac.slice(fixed.length).replace(/0+$/, "");
  const intPart = int.padStart(ints.length, "0");
  const body = grouping ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : intPart;
  const point = m[3] !== undefined || m[4] !== undefined ? `.${shownFrac}` : "";
  return `${n < 0 ? "-" : ""}${body}${point}`;
}
