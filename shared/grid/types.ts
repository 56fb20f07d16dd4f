// A sheet as Excel gives it to the add-in in one read batch (and as the CLI builds it from an xlsx):
// plain 2-D arrays indexed [row][col], all the same shape.

/** Excel.RangeValueType as strings: the one list (the add-in's reader checks what Excel sends against it). */
export const VALUE_TYPES = [
  "Empty",
  "String",
  "Double",
  "Integer",
  "Boolean",
  "Error",
  "Unknown",
  "RichValue",
] as const;

export type ValueType = (typeof VALUE_TYPES)[number];

export type CellScalar = string | number | boolean;

/** One cell, as `parseCell` sees it. */
export interface RawCell {
  value: CellScalar;
  valueType: ValueType;
  /** The displayed text (`Range.text`). */
  text: string;
  /** The formula as written (`=A1/B1`), or the value when there is none. */
  formula: CellScalar;
  numberFormat: string;
}

export interface Grid {
  sheet: string;
  /** A1 address of values[0][0], e.g. "A1" (used ranges need not start there). */
  origin: string;
  values: CellScalar[][];
  valueTypes: ValueType[][];
  text: string[][];
  formulas: CellScalar[][];
  numberFormat: string[][];
}
