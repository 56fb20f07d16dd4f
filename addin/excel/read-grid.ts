/// <reference types="office-js" />
// Excel range → Grid, in one sync: the used range (values only) with values, value types, text,
// formulas and number formats. The queue/convert halves let other reads share the same sync.
import { parseRange, toA1 } from "../../shared/grid/address.ts";
import { type CellScalar, type Grid, VALUE_TYPES, type ValueType } from "../../shared/grid/types.ts";

export const GRID_PROPERTIES = "address,values,valueTypes,text,formulas,numberFormat";

const KNOWN_TYPES: ReadonlySet<string> = new Set<ValueType>(VALUE_TYPES);

export interface QueuedGrid {
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** The sheet by name, or the active sheet. */
export function sheetOf(ctx: Excel.RequestContext, sheetName?: string): Excel.Worksheet {
  return sheetName === undefined
    ? ctx.workbook.worksheets.getActiveWorksheet()
    : ctx.workbook.worksheets.getItem(sheetName);
}

/** Queues the loads of a sheet's grid; read the result with `gridFromQueued` after the sync. */
export function queueGridRead(ctx: Excel.RequestContext, sheetName?: string): QueuedGrid {
  const sheet = sheetOf(ctx, sheetName);
  sheet.load("id,name");
  // valuesOnly: cells that only carry formatting (our own marks, borders) do not widen the grid.
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(GRID_PROPERTIES);
  return { sheet, used };
}

function scalar(v: unknown): CellScalar {
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : "";
}

function rows<T>(grid: unknown, convert: (v: unknown) => T): T[][] {
  if (!Array.isArray(grid)) return [];
  return grid.map((row: unknown) => (Array.isArray(row) ? row.map(convert) : []));
}

/** "'Báo cáo'!$B$2:$H$60" → "B2". */
export function originOf(address: string): string {
  const range = parseRange(address);
  return range ? toA1(range.start) : "A1";
}

export function gridFromQueued({ sheet, used }: QueuedGrid): Grid {
  const name = sheet.name;
  if (used.isNullObject) {
    return {
      sheet: name,
      origin: "A1",
      values: [],
      valueTypes: [],
      text: [],
      formulas: [],
      numberFormat: [],
    };
  }
  return {
    sheet: name,
    origin: originOf(used.address),
    values: rows(used.values, scalar),
    valueTypes: rows(used.valueTypes, (v) =>
      typeof v === "string" && KNOWN_TYPES.has(v) ? (v as ValueType) : "Unknown",
    ),
    text: rows(used.text, (v) => (typeof v === "string" ? v : "")),
    formulas: rows(used.formulas, scalar),
    numberFormat: rows(used.numberFormat, (v) => (typeof v === "string" ? v : "General")),
  };
}

/** Reads a sheet (the active one when no name is given) in one sync. */
export async function readSheetGrid(ctx: Excel.RequestContext, sheetName?: string): Promise<Grid> {
  const queued = queueGridRead(ctx, sheetName);
  await ctx.sync();
  return gridFromQueued(queued);
}
