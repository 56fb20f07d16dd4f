// What a test reads of the fake workbook directly, outside any batch: one cell's value and formats, one
// sheet's layout, notes and handlers, as plain data to compare with toEqual.

import { cellName, parseAddress } from "./address.ts";
import { type ConditionalFormatState, cellKey, type DvState, type ValueType } from "./sheet-state.ts";
import type { WorkbookState } from "./state.ts";
import type { Scalar } from "./typed.ts";

export interface CellSnapshot {
  value: Scalar;
  valueType: ValueType;
  text: string;
  formula: Scalar;
  numberFormat: string;
  /** null for No Fill (unlike the API, which reads "#FFFFFF" for both). */
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fontName: string;
  fontSize: number;
  underline: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  locked: boolean;
  note: string | null;
  comment: string | null;
  validation: DvState | null;
  borders: string[];
}

export interface SheetSnapshot {
  id: string;
  name: string;
  active: boolean;
  /** Column widths in points, by column letter, for columns that were set. */
  columnWidths: Record<string, number>;
  merges: string[];
  tables: { name: string; address: string; style: string }[];
  freezeRows: number;
  freezeColumns: number;
  pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: Record<string, number>;
    printArea: string | null;
    printTitleRows: string | null;
    printTitleColumns: string | null;
    margins: { left: number; right: number; top: number; bottom: number };
    headersFooters: Record<string, string>;
  };
  /** Row heights set by the add-in, by 1-based row number. */
  rowHeights: Record<number, number>;
  autoFilter: string | null;
  conditionalFormats: ConditionalFormatState[];
  protection: { protected: boolean; options: Record<string, boolean | string> };
  notes: Record<string, string>;
  comments: Record<string, string>;
  handlers: number;
}

export function cellSnapshot(state: WorkbookState, sheet: string, address: string): CellSnapshot {
  const s = state.testSheet(sheet);
  const p = parseAddress(address);
  if (!p || p.rect.r0 !== p.rect.r1 || p.rect.c0 !== p.rect.c1)
    throw new Error(`fake: ${address} is not one cell`);
  const { r0: r, c0: c } = p.rect;
  const cell = s.get(r, c);
  const { value, type } = state.readValue(s, r, c);
  const k = cellKey(r, c);
  return {
    value,
    valueType: type,
    text: state.readText(s, r, c),
    formula: state.readFormula(s, r, c),
    numberFormat: cell.numberFormat,
    fill: cell.fill,
    bold: cell.bold,
    italic: cell.italic,
    fontColor: cell.fontColor,
    fontName: cell.fontName,
    fontSize: cell.fontSize,
    underline: cell.underline,
    horizontalAlignment: cell.horizontalAlignment,
    verticalAlignment: cell.verticalAlignment,
    wrapText: cell.wrapText,
    locked: cell.locked,
    note: s.notes.get(k)?.content ?? null,
    comment: s.comments.get(k)?.content ?? null,
    validation: cell.dv ? structuredClone(cell.dv) : null,
    borders: Object.keys(cell.borders).sort(),
  };
}

export function sheetSnapshot(state: WorkbookState, name: string): SheetSnapshot {
  const s = state.testSheet(name);
  const widths: Record<string, number> = {};
  for (const [c, w] of [...s.columnWidths.entries()].sort(([a], [b]) => a - b)) {
    widths[cellName(0, c).replace(/\d+$/, "")] = w;
  }
  const at = (k: number) => cellName(Math.floor(k / 16_384), k % 16_384);
  return {
    id: s.id,
    name: s.name,
    active: state.activeSheetId === s.id,
    columnWidths: widths,
    merges: s.merges.map((m) => s.qualified(m).split("!")[1] ?? ""),
    tables: s.tables.map((t) => ({
      name: t.name,
      address: s.qualified(t.rect).split("!")[1] ?? "",
      style: t.style,
    })),
    freezeRows: s.freeze.rows,
    freezeColumns: s.freeze.columns,
    pageLayout: {
      orientation: s.pageLayout.orientation,
      paperSize: s.pageLayout.paperSize,
      zoom: { ...s.pageLayout.zoom } as Record<string, number>,
      printArea: s.pageLayout.printArea,
      printTitleRows: s.pageLayout.printTitleRows,
      printTitleColumns: s.pageLayout.printTitleColumns,
      margins: { ...s.pageLayout.margins },
      headersFooters: { ...s.pageLayout.headersFooters },
    },
    rowHeights: Object.fromEntries([...s.rowHeights.entries()].map(([r, h]) => [r + 1, h])),
    autoFilter: s.autoFilter,
    conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf })),
    protection: { protected: s.protection.protected, options: { ...s.protection.options } },
    notes: Object.fromEntries([...s.notes.entries()].map(([k, n]) => [at(k), n.content])),
    comments: Object.fromEntries([...s.comments.entries()].map(([k, n]) => [at(k), n.content])),
    handlers: s.handlers.size,
  };
}
