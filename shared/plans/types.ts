// A declarative description of a sheet. addin/excel renders it through Office.js in one batch, cli/
// through ExcelJS, so both produce the same layout and neither re-implements it.

export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string; // #RRGGBB
  fill?: string; // #RRGGBB
  horizontalAlignment?: "Left" | "Center" | "Right";
  wrapText?: boolean;
  /** Locked cells are protected once the sheet is protected; input cells are unlocked. */
  locked?: boolean;
  border?: boolean;
  underline?: boolean;
  /** Points; the plan's `font.size` when absent. */
  fontSize?: number;
  verticalAlignment?: "Top" | "Center" | "Bottom";
}

export interface PlanCell extends CellFormat {
  /** A1 address on the plan's sheet. */
  address: string;
  /** A literal value. Strings are written as text (number format "@"), never parsed as formulas. */
  value?: string | number | null;
  /** A formula, starting with "=". */
  formula?: string;
}

/** Excel data validation on a range (Excel's own validation: a help, not the gate). */
export type PlanValidation =
  | { range: string; type: "wholeNumber"; min: number; prompt?: string; error?: string }
  | { range: string; type: "decimal"; min: number; prompt?: string; error?: string }
  | { range: string; type: "list"; source: string[]; prompt?: string; error?: string };

export interface PlanTable {
  name: string;
  /** Range including the header row. */
  range: string;
  style?: string;
}

/**
 * Conditional formats people read at a glance: a data bar over a column of figures, or a fill where a
 * formula (ours, never user text) is true for the range's top-left cell, relative like Excel's own.
 */
export type PlanConditionalFormat =
  | { range: string; type: "dataBar"; color: string }
  | { range: string; type: "formula"; formula: string; fill: string; fontColor?: string };

export interface SheetPlan {
  name: string;
  /** The font of every cell the plan writes (Times New Roman in official documents). */
  font?: { name: string; size: number };
  /** Row heights in points, by 1-based row: wrapped rows tall enough to show their text. */
  rowHeights?: Record<number, number>;
  /** Columns kept in view when scrolling right (with `freezeRows`, both are frozen at once). */
  freezeColumns?: number;
  /** A filter on a header row and the rows below it (for ranges that are not an Excel table). */
  autoFilter?: string;
  conditionalFormats?: PlanConditionalFormat[];
  cells: PlanCell[];
  /** Column widths in characters, by column letter. */
  columnWidths: Record<string, number>;
  merges: string[];
  validations: PlanValidation[];
  tables: PlanTable[];
  freezeRows?: number;
  print?: {
    orientation: "Portrait" | "Landscape";
    paperSize: "A4";
    /** Rows repeated on every printed page, e.g. "$9:$9". */
    titleRows?: string;
    /** Columns repeated on every printed page, e.g. "$A:$C". */
    titleColumns?: string;
    area?: string;
    fitToWidth?: boolean;
    /** Centre footer in Excel's header/footer codes, e.g. "Trang &P/&N" (page numbers). */
    footer?: string;
    /** Margins in inches (left, right, top, bottom). */
    margins?: { left: number; right: number; top: number; bottom: number };
  };
  /** Protect the sheet so locked label cells cannot be typed over (no password: it is a guard rail). */
  protect?: boolean;
  /** Stored in the workbook (custom properties / settings) so the file remembers what it is. */
  properties: Record<string, string>;
}

/** Marks for validation issues: a fill and a note per problem cell. */
export interface CellMark {
  sheet?: string;
  address: string;
  severity: "error" | "warning";
  fill: string;
  note: string;
}
