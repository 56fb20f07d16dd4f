/// <reference types="office-js" />
// SheetPlan → a sheet, in one sync: the old sheet of that name (if any) is replaced, then number
// formats (before values, so "@" text stays text), values, formulas, formats, column widths, merges,
// data validation, tables, freeze panes, print settings, protection, and the plan's properties in the
// workbook's custom properties and settings. The plan decides everything; this only writes it.
import { columnIndex, parseA1, parseRange } from "../../shared/grid/address.ts";
import type { CellFormat, PlanCell, PlanValidation, SheetPlan } from "../../shared/plans/types.ts";
import { syncWithoutEvents } from "./events.ts";
import { coalesce } from "./rects.ts";
import { queueWorkbookProperties } from "./settings.ts";
import { type ApiSupport, excelApi, officeApiSupport } from "./support.ts";

/**
 * Column width: characters of the default font (Calibri 11: 7 px per digit, plus 5 px of padding)
 * to points (96 dpi: 0.75 pt per px). 8.43 characters, Excel's default, is 64 px = 48 pt.
 */
export function charsToPoints(chars: number): number {
  return Math.round(chars * 7 + 5) * 0.75;
}

type Scalar = string | number | boolean;

interface Prepared {
  origin: { row: number; col: number };
  numberFormat: (string | null)[][];
  values: (Scalar | null)[][];
  formulas: (string | null)[][];
  hasValues: boolean;
  hasFormulas: boolean;
  /** Format commands: range → what to set. */
  formats: { range: string; format: FormatKey; value: string | boolean }[];
}

type FormatKey =
  | "fill"
  | "bold"
  | "italic"
  | "fontColor"
  | "horizontalAlignment"
  | "wrapText"
  | "locked"
  | "border";

const FORMAT_KEYS: FormatKey[] = [
  "fill",
  "bold",
  "italic",
  "fontColor",
  "horizontalAlignment",
  "wrapText",
  "locked",
  "border",
];

/** Excel's defaults: what a fresh cell already has, so it needs no command. */
const DEFAULTS: Partial<Record<FormatKey, string | boolean>> = {
  bold: false,
  italic: false,
  wrapText: false,
  locked: true,
  border: false,
};

export class PlanError extends Error {}

/** Everything that can fail in the plan fails here, before a single command is queued. */
export function preparePlan(plan: SheetPlan): Prepared {
  if (plan.cells.length === 0) throw new PlanError(`plan ${plan.name} has no cells`);
  const refs = new Map<string, { cell: PlanCell; row: number; col: number }>();
  let minRow = Number.POSITIVE_INFINITY;
  let minCol = Number.POSITIVE_INFINITY;
  let maxRow = 0;
  let maxCol = 0;
  for (const cell of plan.cells) {
    const ref = parseA1(cell.address);
    if (!ref || cell.address.includes("!")) throw new PlanError(`not a cell address: ${cell.address}`);
    const key = `${ref.row}:${ref.col}`;
    if (refs.has(key)) throw new PlanError(`cell ${cell.address} appears twice in plan ${plan.name}`);
    if (cell.formula !== undefined && !cell.formula.startsWith("=")) {
      throw new PlanError(`formula of ${cell.address} does not start with "="`);
    }
    if (cell.formula !== undefined && cell.numberFormat === "@") {
      throw new PlanError(`formula of ${cell.address} would be stored as text in a "@" cell`);
    }
    refs.set(key, { cell, row: ref.row, col: ref.col });
    minRow = Math.min(minRow, ref.row);
    minCol = Math.min(minCol, ref.col);
    maxRow = Math.max(maxRow, ref.row);
    maxCol = Math.max(maxCol, ref.col);
  }
  const rows = maxRow - minRow + 1;
  const cols = maxCol - minCol + 1;
  const grid = <T>(): (T | null)[][] =>
    Array.from({ length: rows }, () => new Array<T | null>(cols).fill(null));
  const numberFormat = grid<string>();
  const values = grid<Scalar>();
  const formulas = grid<string>();
  let hasValues = false;
  let hasFormulas = false;
  const groups = new Map<
    string,
    { format: FormatKey; value: string | boolean; cells: { row: number; col: number }[] }
  >();

  for (const { cell, row, col } of refs.values()) {
    const r = row - minRow;
    const c = col - minCol;
    const valueRow = values[r] as (Scalar | null)[];
    const formatRow = numberFormat[r] as (string | null)[];
    const formulaRow = formulas[r] as (string | null)[];
    if (cell.formula !== undefined) {
      formulaRow[c] = cell.formula;
      hasFormulas = true;
      if (cell.numberFormat !== undefined) formatRow[c] = cell.numberFormat;
    } else if (typeof cell.value === "string") {
      // Strings are text: "@" first, so "=HYPERLINK(…)" from another unit is never parsed as typed.
      formatRow[c] = "@";
      valueRow[c] = cell.value;
      hasValues = true;
    } else {
      if (cell.numberFormat !== undefined) formatRow[c] = cell.numberFormat;
      if (typeof cell.value === "number") {
        if (!Number.isFinite(cell.value)) throw new PlanError(`value of ${cell.address} is not finite`);
        valueRow[c] = cell.value;
        hasValues = true;
      } else if (cell.value === null) {
        valueRow[c] = "";
        hasValues = true;
      }
    }
    for (const format of FORMAT_KEYS) {
      const value = cell[format as keyof CellFormat];
      if (value === undefined || value === DEFAULTS[format]) continue;
      if (typeof value !== "string" && typeof value !== "boolean") continue;
      const key = `${format}\u0000${String(value)}`;
      let group = groups.get(key);
      if (!group) {
        group = { format, value, cells: [] };
        groups.set(key, group);
      }
      group.cells.push({ row, col });
    }
  }

  const formats: Prepared["formats"] = [];
  for (const group of groups.values()) {
    for (const range of coalesce(group.cells))
      formats.push({ range, format: group.format, value: group.value });
  }
  for (const [letter, width] of Object.entries(plan.columnWidths)) {
    if (columnIndex(letter) === undefined) throw new PlanError(`not a column: ${letter}`);
    if (!(width > 0 && width <= 255))
      throw new PlanError(`column ${letter}: width ${width} is not 1–255 characters`);
  }
  for (const m of plan.merges) if (!parseRange(m)) throw new PlanError(`not a range: ${m}`);
  for (const v of plan.validations) {
    if (!parseRange(v.range)) throw new PlanError(`not a range: ${v.range}`);
    if (v.type === "list" && v.source.some((s) => s.includes(","))) {
      throw new PlanError(`list item with a comma in ${v.range}: Excel would split it`);
    }
  }
  return {
    origin: { row: minRow, col: minCol },
    numberFormat,
    values,
    formulas,
    hasValues,
    hasFormulas,
    formats,
  };
}

function ruleOf(v: PlanValidation): Excel.DataValidationRule {
  switch (v.type) {
    case "wholeNumber":
      return { wholeNumber: { formula1: v.min, operator: "GreaterThanOrEqualTo" } };
    case "decimal":
      return { decimal: { formula1: v.min, operator: "GreaterThanOrEqualTo" } };
    case "list":
      return { list: { inCellDropDown: true, source: v.source.join(",") } };
  }
}

function queueFormat(range: Excel.Range, address: string, format: FormatKey, value: string | boolean): void {
  switch (format) {
    case "fill":
      range.format.fill.color = String(value);
      return;
    case "bold":
      range.format.font.bold = value === true;
      return;
    case "italic":
      range.format.font.italic = value === true;
      return;
    case "fontColor":
      range.format.font.color = String(value);
      return;
    case "horizontalAlignment":
      range.format.horizontalAlignment = String(value) as Excel.HorizontalAlignment;
      return;
    case "wrapText":
      range.format.wrapText = value === true;
      return;
    case "locked":
      range.format.protection.locked = value === true;
      return;
    case "border":
      if (value === true) queueBorders(range, address);
      return;
  }
}

function queueBorders(range: Excel.Range, address: string): void {
  const r = parseRange(address);
  const edges: (
    | "EdgeTop"
    | "EdgeBottom"
    | "EdgeLeft"
    | "EdgeRight"
    | "InsideHorizontal"
    | "InsideVertical"
  )[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (r && r.end.row > r.start.row) edges.push("InsideHorizontal");
  if (r && r.end.col > r.start.col) edges.push("InsideVertical");
  for (const edge of edges) {
    const b = range.format.borders.getItem(edge);
    b.style = "Continuous";
    b.weight = "Thin";
  }
}

export interface RenderOptions {
  support?: ApiSupport;
  /** Activate the sheet once rendered (default true). */
  activate?: boolean;
}

/** A name no user sheet has, for the old sheet while the new one takes its name. */
function scratchName(): string {
  return `~bc${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`.slice(0, 31);
}

export interface RenderResult {
  /** Parts of the plan this host cannot render (the manifest asks for ExcelApi 1.8 only). */
  skipped: "print"[];
}

/**
 * Creates (or replaces) the plan's sheet and writes all of it in one sync. The existing sheet of that
 * name, if any, is renamed aside and deleted in the same batch (a null object ignores both).
 */
export async function renderPlan(
  ctx: Excel.RequestContext,
  plan: SheetPlan,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const support = options.support ?? officeApiSupport();
  const prepared = preparePlan(plan);
  // Page layout is ExcelApi 1.9: on a 1.8 host the batch would fail half-way, so it is left out.
  const print = plan.print && excelApi(support, "1.9") ? plan.print : undefined;
  const result: RenderResult = { skipped: plan.print && !print ? ["print"] : [] };
  await syncWithoutEvents(ctx, support, () => {
    const sheets = ctx.workbook.worksheets;
    const old = sheets.getItemOrNullObject(plan.name);
    old.name = scratchName();
    const sheet = sheets.add(plan.name);
    old.delete();

    const { origin } = prepared;
    const rows = prepared.numberFormat.length;
    const cols = prepared.numberFormat[0]?.length ?? 0;
    const block = sheet.getRangeByIndexes(origin.row - 1, origin.col - 1, rows, cols);
    block.numberFormat = prepared.numberFormat as string[][];
    if (prepared.hasValues) block.values = prepared.values as Scalar[][];
    if (prepared.hasFormulas) block.formulas = prepared.formulas as string[][];

    for (const { range, format, value } of prepared.formats) {
      queueFormat(sheet.getRange(range), range, format, value);
    }
    for (const [letter, width] of Object.entries(plan.columnWidths)) {
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(width);
    }
    for (const m of plan.merges) sheet.getRange(m).merge(false);
    for (const v of plan.validations) {
      const dv = sheet.getRange(v.range).dataValidation;
      dv.rule = ruleOf(v);
      if (v.prompt !== undefined) dv.prompt = { message: v.prompt, showPrompt: true, title: "" };
      if (v.error !== undefined) {
        dv.errorAlert = {
          message: v.error,
          showAlert: true,
          style: "Stop" as Excel.DataValidationAlertStyle,
          title: "",
        };
      }
    }
    for (const t of plan.tables) {
      const table = sheet.tables.add(t.range, true);
      table.name = t.name;
      if (t.style !== undefined) table.style = t.style;
    }
    if (plan.freezeRows !== undefined && plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
    if (print) {
      const layout = sheet.pageLayout;
      layout.orientation = print.orientation as Excel.PageOrientation;
      layout.paperSize = print.paperSize as Excel.PaperType;
      if (print.titleRows !== undefined) layout.setPrintTitleRows(print.titleRows);
      if (print.area !== undefined) layout.setPrintArea(print.area);
      // One page wide, as many pages tall as needed (verticalFitToPages 0 = automatic, ✘ unconfirmed).
      if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    }
    if (plan.protect) sheet.protection.protect();
    if (options.activate !== false) sheet.activate();
    queueWorkbookProperties(ctx, plan.properties);
  });
  return result;
}
