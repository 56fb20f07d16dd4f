/// <reference types="office-js" />
// SheetPlan → a sheet, in one sync: the old sheet of that name (if any) is replaced, then number
// formats (before values, so "@" text stays text), values, formulas, formats, column widths, merges,
// data validation, tables, freeze panes, print settings, protection, and the plan's properties in the
// workbook's custom properties and settings. The plan decides everything; this only writes it.
import {
  columnIndex,
  columnLetter as columnLetterOf,
  parseA1,
  parseRange,
} from "../../shared/grid/address.ts";
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
  formats: { range: string; format: FormatKey; value: string | boolean | number }[];
}

type FormatKey =
  | "fill"
  | "bold"
  | "italic"
  | "fontColor"
  | "fontSize"
  | "underline"
  | "horizontalAlignment"
  | "verticalAlignment"
  | "wrapText"
  | "locked"
  | "border";

const FORMAT_KEYS: FormatKey[] = [
  "fill",
  "bold",
  "italic",
  "fontColor",
  "fontSize",
  "underline",
  "horizontalAlignment",
  "verticalAlignment",
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
  underline: false,
};

export class PlanError extends Error {}

interface PlacedCell {
  cell: PlanCell;
  row: number;
  col: number;
}

type FormatGroup = {
  format: FormatKey;
  value: string | boolean | number;
  cells: { row: number; col: number }[];
};

/** Every cell at its place, each checked, and the block they span. */
function placeCells(plan: SheetPlan): {
  placed: PlacedCell[];
  min: { row: number; col: number };
  rows: number;
  cols: number;
} {
  const refs = new Map<string, PlacedCell>();
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
  return {
    placed: [...refs.values()],
    min: { row: minRow, col: minCol },
    rows: maxRow - minRow + 1,
    cols: maxCol - minCol + 1,
  };
}

/** Column widths, merges and validations: the sheet-wide parts of a plan. */
function checkSheetSettings(plan: SheetPlan): void {
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
}

/** Cells that share a format value, so each value is set once per rectangle rather than per cell. */
function groupFormats(placed: readonly PlacedCell[]): Prepared["formats"] {
  const groups = new Map<string, FormatGroup>();
  for (const { cell, row, col } of placed) {
    for (const format of FORMAT_KEYS) {
      const value = cell[format as keyof CellFormat];
      if (value === undefined || value === DEFAULTS[format]) continue;
      if (typeof value !== "string" && typeof value !== "boolean" && typeof value !== "number") continue;
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
  return formats;
}

/** Everything that can fail in the plan fails here, before a single command is queued. */
export function preparePlan(plan: SheetPlan): Prepared {
  if (plan.cells.length === 0) throw new PlanError(`plan ${plan.name} has no cells`);
  const { placed, min, rows, cols } = placeCells(plan);
  const grid = <T>(): (T | null)[][] =>
    Array.from({ length: rows }, () => new Array<T | null>(cols).fill(null));
  const numberFormat = grid<string>();
  const values = grid<Scalar>();
  const formulas = grid<string>();
  let hasValues = false;
  let hasFormulas = false;
  for (const { cell, row, col } of placed) {
    const r = row - min.row;
    const c = col - min.col;
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
  }
  const formats = groupFormats(placed);
  checkSheetSettings(plan);
  return { origin: min, numberFormat, values, formulas, hasValues, hasFormulas, formats };
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

function queueFormat(
  range: Excel.Range,
  address: string,
  format: FormatKey,
  value: string | boolean | number,
): void {
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
    case "fontSize":
      range.format.font.size = Number(value);
      return;
    case "underline":
      range.format.font.underline = (value === true ? "Single" : "None") as Excel.RangeUnderlineStyle;
      return;
    case "verticalAlignment":
      range.format.verticalAlignment = String(value) as Excel.VerticalAlignment;
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
  skipped: ("print" | "autoFilter" | "conditionalFormats")[];
}

interface Queued {
  plan: SheetPlan;
  prepared: Prepared;
  print: SheetPlan["print"];
  autoFilter: boolean;
  conditionalFormats: boolean;
}

/** What this host can render of the plan; everything that can fail in the plan fails here. */
function admit(plan: SheetPlan, support: ApiSupport): { queued: Queued; result: RenderResult } {
  const prepared = preparePlan(plan);
  // Page layout and AutoFilter are ExcelApi 1.9, conditional formats 1.6: on an older host the batch
  // would fail half-way, so those parts are left out and said.
  const print = plan.print && excelApi(support, "1.9") ? plan.print : undefined;
  const autoFilter = plan.autoFilter !== undefined && excelApi(support, "1.9");
  const conditionalFormats = (plan.conditionalFormats?.length ?? 0) > 0 && excelApi(support, "1.6");
  const skipped: RenderResult["skipped"] = [];
  if (plan.print && !print) skipped.push("print");
  if (plan.autoFilter !== undefined && !autoFilter) skipped.push("autoFilter");
  if ((plan.conditionalFormats?.length ?? 0) > 0 && !conditionalFormats) skipped.push("conditionalFormats");
  return { queued: { plan, prepared, print, autoFilter, conditionalFormats }, result: { skipped } };
}

function queueContent(sheet: Excel.Worksheet, q: Queued): void {
  const { prepared, plan } = q;
  const { origin } = prepared;
  const rows = prepared.numberFormat.length;
  const cols = prepared.numberFormat[0]?.length ?? 0;
  const block = sheet.getRangeByIndexes(origin.row - 1, origin.col - 1, rows, cols);
  block.numberFormat = prepared.numberFormat as string[][];
  if (prepared.hasValues) block.values = prepared.values as Scalar[][];
  if (prepared.hasFormulas) block.formulas = prepared.formulas as string[][];
  // The font is named on every cell of the block (the per-cell sizes below override it).
  if (plan.font) {
    block.format.font.name = plan.font.name;
    block.format.font.size = plan.font.size;
  }
  for (const { range, format, value } of prepared.formats) {
    queueFormat(sheet.getRange(range), range, format, value);
  }
  for (const [letter, width] of Object.entries(plan.columnWidths)) {
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(width);
  }
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) {
    sheet.getRange(`A${row}`).format.rowHeight = height;
  }
  for (const m of plan.merges) sheet.getRange(m).merge(false);
}

function queueValidations(sheet: Excel.Worksheet, plan: SheetPlan): void {
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
}

function queueConditionalFormats(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const cf of plan.conditionalFormats ?? []) {
    const range = sheet.getRange(cf.range);
    if (cf.type === "dataBar") {
      const bar = range.conditionalFormats.add("DataBar" as Excel.ConditionalFormatType).dataBar;
      bar.positiveFormat.fillColor = cf.color;
      bar.positiveFormat.gradientFill = false;
    } else {
      const custom = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType).custom;
      custom.rule.formula = cf.formula;
      custom.format.fill.color = cf.fill;
      if (cf.fontColor !== undefined) custom.format.font.color = cf.fontColor;
    }
  }
}

function queuePrint(sheet: Excel.Worksheet, print: NonNullable<SheetPlan["print"]>): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation as Excel.PageOrientation;
  layout.paperSize = print.paperSize as Excel.PaperType;
  if (print.titleRows !== undefined) layout.setPrintTitleRows(print.titleRows);
  if (print.titleColumns !== undefined) layout.setPrintTitleColumns(print.titleColumns);
  if (print.area !== undefined) layout.setPrintArea(print.area);
  // One page wide, as many pages tall as needed (verticalFitToPages 0 = automatic, ✘ unconfirmed).
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (print.margins) {
    // The plan says inches; PageLayout's margins are points.
    layout.leftMargin = print.margins.left * 72;
    layout.rightMargin = print.margins.right * 72;
    layout.topMargin = print.margins.top * 72;
    layout.bottomMargin = print.margins.bottom * 72;
  }
  if (print.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
}

/** Queues one plan's sheet (no sync): the old sheet of that name is renamed aside and deleted. */
function queuePlan(ctx: Excel.RequestContext, q: Queued): Excel.Worksheet {
  const { plan } = q;
  const sheets = ctx.workbook.worksheets;
  const old = sheets.getItemOrNullObject(plan.name);
  old.name = scratchName();
  const sheet = sheets.add(plan.name);
  old.delete();
  queueContent(sheet, q);
  queueValidations(sheet, plan);
  for (const t of plan.tables) {
    const table = sheet.tables.add(t.range, true);
    table.name = t.name;
    if (t.style !== undefined) table.style = t.style;
  }
  const rows = plan.freezeRows ?? 0;
  const columns = plan.freezeColumns ?? 0;
  if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(`A1:${columnLetterOf(columns)}${rows}`);
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
  if (q.autoFilter && plan.autoFilter !== undefined) sheet.autoFilter.apply(plan.autoFilter);
  if (q.conditionalFormats) queueConditionalFormats(sheet, plan);
  if (q.print) queuePrint(sheet, q.print);
  if (plan.protect) sheet.protection.protect();
  queueWorkbookProperties(ctx, plan.properties);
  return sheet;
}

/**
 * Creates (or replaces) the plan's sheet and writes all of it in one sync.
 */
export async function renderPlan(
  ctx: Excel.RequestContext,
  plan: SheetPlan,
  options: RenderOptions = {},
): Promise<RenderResult> {
  const [result] = await renderPlans(ctx, [plan], options);
  return result as RenderResult;
}

/**
 * Several plans' sheets in ONE write batch and one sync (the consolidated workbook's three sheets);
 * the first is activated. Nothing is queued when any plan is invalid.
 */
export async function renderPlans(
  ctx: Excel.RequestContext,
  plans: readonly SheetPlan[],
  options: RenderOptions = {},
): Promise<RenderResult[]> {
  const support = options.support ?? officeApiSupport();
  const admitted = plans.map((plan) => admit(plan, support));
  await syncWithoutEvents(ctx, support, () => {
    const sheets = admitted.map(({ queued }) => queuePlan(ctx, queued));
    if (options.activate !== false) sheets[0]?.activate();
  });
  return admitted.map(({ result }) => result);
}
