// One worksheet as the fake holds it: cells (value, formula, format, validation), sizes, merges, tables,
// notes, comments, protection and page layout, with the defaults Excel gives a new sheet. Workbook-wide
// rules (names, protection checks, calculation) live in state.ts.

import { formatRect, MAX_COLS, quoteSheet, type Rect, type Unbounded } from "./address.ts";
import type { Ast } from "./formula.ts";
import type { Scalar } from "./typed.ts";

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

export type BorderEdge =
  | "EdgeTop"
  | "EdgeBottom"
  | "EdgeLeft"
  | "EdgeRight"
  | "InsideHorizontal"
  | "InsideVertical"
  | "DiagonalDown"
  | "DiagonalUp";

export interface BorderState {
  style: string;
  color: string;
  weight: string;
}

export interface DvPrompt {
  message: string;
  showPrompt: boolean;
  title: string;
}

export interface DvErrorAlert {
  message: string;
  showAlert: boolean;
  style: string;
  title: string;
}

export interface DvState {
  /** The rule as it reads back: { wholeNumber: { formula1: "=0", operator } }, { list: {...} } … */
  rule: Record<string, Record<string, unknown>> | null;
  prompt: DvPrompt;
  errorAlert: DvErrorAlert;
  ignoreBlanks: boolean;
}

export interface CellState {
  v: Scalar | null;
  f: string | null;
  ast: Ast | null;
  quotePrefix: boolean;
  numberFormat: string;
  fill: string | null;
  tintAndShade: number | null;
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
  formulaHidden: boolean;
  borders: Partial<Record<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight", BorderState>>;
  dv: DvState | null;
}

function defaultCell(): CellState {
  return {
    v: null,
    f: null,
    ast: null,
    quotePrefix: false,
    numberFormat: "General",
    fill: null,
    tintAndShade: null,
    bold: false,
    italic: false,
    fontColor: "#000000",
    // Excel's default workbook font (the Normal style), ✘ in the fact sheet.
    fontName: "Calibri",
    fontSize: 11,
    underline: "None",
    horizontalAlignment: "General",
    verticalAlignment: "Bottom",
    wrapText: false,
    // Every cell starts locked (Excel's default; ✘ in the fact sheet, taken as Excel behaves).
    locked: true,
    formulaHidden: false,
    borders: {},
    dv: null,
  };
}

const DEFAULT_CELL: Readonly<CellState> = Object.freeze(defaultCell());

function isDefaultFormat(c: CellState): boolean {
  return (
    c.numberFormat === "General" &&
    c.fill === null &&
    !c.bold &&
    !c.italic &&
    c.fontColor === "#000000" &&
    c.fontName === "Calibri" &&
    c.fontSize === 11 &&
    c.underline === "None" &&
    c.horizontalAlignment === "General" &&
    !c.wrapText &&
    c.locked &&
    !c.formulaHidden &&
    Object.keys(c.borders).length === 0 &&
    c.dv === null
  );
}

export interface NoteState {
  content: string;
  authorName: string;
  visible: boolean;
  width: number;
  height: number;
}

export interface CommentState {
  id: string;
  content: string;
  authorName: string;
}

export interface TableState {
  id: string;
  name: string;
  rect: Rect;
  style: string;
  showHeaders: boolean;
}

export interface ProtectionState {
  protected: boolean;
  options: Record<string, boolean | string>;
  password: string | undefined;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: string | null;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  /** Points, as PageLayout's margins are written (1.9). */
  margins: { left: number; right: number; top: number; bottom: number };
  /** Header/footer texts of defaultForAllPages, by part (centerFooter …). */
  headersFooters: Record<string, string>;
}

/** A conditional format as added through `range.conditionalFormats.add` (1.6). */
export interface ConditionalFormatState {
  type: string;
  range: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  barColor: string | null;
}

export interface ChangedEvent {
  sheetId: string;
  address: string;
  triggerSource: "ThisLocalAddin" | "Unknown";
  details?: {
    valueBefore: unknown;
    valueAfter: unknown;
    valueTypeBefore: ValueType;
    valueTypeAfter: ValueType;
  };
}

export type ChangedHandler = (args: unknown) => unknown;

export const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11 = 64 px
export const DEFAULT_ROW_HEIGHT = 15;

const PROTECTION_DEFAULTS: Record<string, boolean | string> = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};

/** A cell's key in a sheet's maps (cells, notes, comments). */
export const cellKey = (r: number, c: number): number => r * MAX_COLS + c;

let idCounter = 0;
function newId(): string {
  idCounter++;
  const hex = idCounter.toString(16).toUpperCase().padStart(12, "0");
  return `{00000000-0001-0000-0000-${hex}}`;
}

export class SheetState {
  readonly id = newId();
  deleted = false;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly cells = new Map<number, CellState>();
  readonly columnWidths = new Map<number, number>();
  readonly merges: Rect[] = [];
  readonly tables: TableState[] = [];
  readonly notes = new Map<number, NoteState>();
  readonly comments = new Map<number, CommentState>();
  protection: ProtectionState = {
    protected: false,
    options: { ...PROTECTION_DEFAULTS },
    password: undefined,
  };
  freeze = { rows: 0, columns: 0 };
  /** Row heights set by the add-in, in points, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  /** The sheet's AutoFilter range (1.9), or null. */
  autoFilter: string | null = null;
  readonly conditionalFormats: ConditionalFormatState[] = [];
  pageLayout: PageLayoutState = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
    // Excel's "Normal" margins in points (0.7" sides, 0.75" top and bottom), ✘ in the fact sheet.
    margins: { left: 50.4, right: 50.4, top: 54, bottom: 54 },
    headersFooters: {},
  };
  readonly handlers = new Set<ChangedHandler>();

  constructor(public name: string) {}

  get(r: number, c: number): Readonly<CellState> {
    return this.cells.get(cellKey(r, c)) ?? DEFAULT_CELL;
  }

  edit(r: number, c: number): CellState {
    const k = cellKey(r, c);
    let cell = this.cells.get(k);
    if (!cell) {
      cell = defaultCell();
      this.cells.set(k, cell);
    }
    return cell;
  }

  columnWidth(c: number): number {
    return this.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH;
  }

  /** Bounding box of cells with content (valuesOnly) or with content or formatting. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Number.POSITIVE_INFINITY;
    let c0 = Number.POSITIVE_INFINITY;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of this.cells) {
      const used = cell.v !== null || cell.f !== null || (!valuesOnly && !isDefaultFormat(cell));
      if (!used) continue;
      const r = Math.floor(k / MAX_COLS);
      const c = k % MAX_COLS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    if (!valuesOnly) {
      for (const k of this.notes.keys()) {
        const r = Math.floor(k / MAX_COLS);
        const c = k % MAX_COLS;
        r0 = Math.min(r0, r);
        r1 = Math.max(r1, r);
        c0 = Math.min(c0, c);
        c1 = Math.max(c1, c);
      }
    }
    if (r1 < 0) return null;
    return { r0, c0, r1, c1 };
  }

  qualified(rect: Rect, unbounded: Unbounded = "none"): string {
    return `${quoteSheet(this.name)}!${formatRect(rect, unbounded)}`;
  }
}

/** A range on a sheet, as proxies resolve it at sync. */
export interface Target {
  sheet: SheetState;
  rect: Rect;
  unbounded: Unbounded;
}
