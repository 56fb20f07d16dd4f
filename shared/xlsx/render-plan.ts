// Renders a shared SheetPlan into an ExcelJS workbook: the CLI's counterpart of addin/excel's renderer.
// Every layout decision is in the plan; this file only translates it to ExcelJS's model.
import type {
  Borders,
  Cell,
  ConditionalFormattingRule,
  DataValidation,
  TableStyleProperties,
  Workbook,
  Worksheet,
} from "exceljs";
import { parseRange, type RangeRef } from "../grid/address.ts";
import type {
  PlanCell,
  PlanConditionalFormat,
  PlanTable,
  PlanValidation,
  SheetPlan,
} from "../plans/types.ts";
import { writeProperties } from "./properties.ts";

export interface RenderResult {
  sheet: Worksheet;
  /** Tables drawn as styled ranges instead of Excel tables, with the reason (shown by the commands). */
  tableFallbacks: string[];
}

const PAPER_A4 = 9;
const THIN = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const ALL_BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function area(range: string): RangeRef {
  const r = parseRange(range.replace(/\$/g, ""));
  if (!r) throw new RangeError(`not an A1 range in the sheet plan: ${range}`);
  return r;
}

function overlap(a: RangeRef, b: RangeRef): boolean {
  return (
    a.start.col <= b.end.col &&
    b.start.col <= a.end.col &&
    a.start.row <= b.end.row &&
    b.start.row <= a.end.row
  );
}

/** "#RRGGBB" → ExcelJS's "FFRRGGBB". */
export function argb(color: string): string {
  return `FF${color.replace(/^#/, "").toUpperCase()}`;
}

function writeCell(cell: Cell, pc: PlanCell, font?: SheetPlan["font"]): void {
  if (pc.formula !== undefined) {
    cell.value = { formula: pc.formula.replace(/^=/, "") };
  } else if (typeof pc.value === "string") {
    // A string cell in xlsx is text, never a formula; "@" keeps Excel from re-parsing it on edit.
    cell.value = pc.value;
    cell.numFmt = "@";
  } else if (pc.value !== undefined) {
    cell.value = pc.value;
  }
  if (pc.numberFormat !== undefined && typeof pc.value !== "string") cell.numFmt = pc.numberFormat;
  if (font || pc.bold !== undefined || pc.italic !== undefined || pc.fontColor !== undefined) {
    // The font is named in every cell's style: LibreOffice draws an unnamed bold font in a fallback.
    cell.font = {
      ...cell.font,
      ...(font && { name: font.name, size: pc.fontSize ?? font.size }),
      ...(pc.underline && { underline: true }),
      ...(pc.bold !== undefined && { bold: pc.bold }),
      ...(pc.italic !== undefined && { italic: pc.italic }),
      ...(pc.fontColor !== undefined && { color: { argb: argb(pc.fontColor) } }),
    };
  }
  if (pc.fill !== undefined) {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(pc.fill) } };
  }
  if (
    pc.horizontalAlignment !== undefined ||
    pc.wrapText !== undefined ||
    pc.verticalAlignment !== undefined
  ) {
    cell.alignment = {
      ...cell.alignment,
      vertical:
        pc.verticalAlignment === "Top" ? "top" : pc.verticalAlignment === "Bottom" ? "bottom" : "middle",
      ...(pc.horizontalAlignment !== undefined && {
        horizontal: pc.horizontalAlignment.toLowerCase() as "left" | "center" | "right",
      }),
      ...(pc.wrapText !== undefined && { wrapText: pc.wrapText }),
    };
  }
  if (pc.border) cell.border = ALL_BORDERS;
  if (pc.locked !== undefined) cell.protection = { locked: pc.locked };
}

function toValidation(v: PlanValidation): DataValidation {
  const messages = {
    ...(v.prompt !== undefined && { showInputMessage: true, prompt: v.prompt }),
    showErrorMessage: true,
    errorStyle: "stop",
    ...(v.error !== undefined && { error: v.error }),
  };
  if (v.type === "list") {
    // Inline list source: Excel wants one quoted, comma-separated string.
    return { type: "list", allowBlank: true, formulae: [`"${v.source.join(",")}"`], ...messages };
  }
  return {
    type: v.type === "wholeNumber" ? "whole" : "decimal",
    operator: "greaterThanOrEqual",
    allowBlank: true,
    formulae: [v.min],
    ...messages,
  };
}

/**
 * Excel tables cannot hold merged cells and need unique, non-empty header names; ExcelJS would write such
 * a table and Excel would "repair" the file. Those ranges stay styled ranges (the plan's own borders and
 * fills) with an autofilter instead, and the reason is returned.
 */
function addTable(ws: Worksheet, t: PlanTable, merges: string[]): string | undefined {
  const r = area(t.range);
  const merged = merges.find((m) => overlap(area(m), r));
  const names: string[] = [];
  for (let c = r.start.col; c <= r.end.col; c++) {
    const v = ws.getCell(r.start.row, c).value;
    names.push(typeof v === "string" ? v.trim() : v === null || v === undefined ? "" : String(v));
  }
  const badHeader = names.some((n) => n === "") || new Set(names).size !== names.length;
  if (merged || badHeader || r.end.row === r.start.row) {
    ws.autoFilter = t.range;
    const why = merged
      ? `merged cells ${merged}`
      : badHeader
        ? "empty or repeated header names"
        : "no data rows";
    return `${t.name} (${t.range}): ${why}`;
  }
  const rows: Cell["value"][][] = [];
  for (let row = r.start.row + 1; row <= r.end.row; row++) {
    const values: Cell["value"][] = [];
    for (let c = r.start.col; c <= r.end.col; c++) values.push(ws.getCell(row, c).value);
    rows.push(values);
  }
  ws.addTable({
    name: t.name,
    ref: ws.getCell(r.start.row, r.start.col).address,
    headerRow: true,
    style: { theme: (t.style ?? "TableStyleLight1") as TableStyleProperties["theme"], showRowStripes: false },
    columns: names.map((name) => ({ name, filterButton: true })),
    rows,
  });
  return undefined;
}

/** A data bar from the column's smallest to its largest value, or a fill where our formula holds. */
function addConditionalFormat(ws: Worksheet, cf: PlanConditionalFormat): void {
  if (cf.type === "dataBar") {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "dataBar",
          priority: 1,
          gradient: false,
          cfvo: [{ type: "min" }, { type: "max" }],
          color: { argb: argb(cf.color) },
        } as ConditionalFormattingRule,
      ],
    });
    return;
  }
  ws.addConditionalFormatting({
    ref: cf.range,
    rules: [
      {
        type: "expression",
        priority: 2,
        formulae: [cf.formula.replace(/^=/, "")],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
          ...(cf.fontColor !== undefined && { font: { color: { argb: argb(cf.fontColor) } } }),
        },
      },
    ],
  });
}

/** Adds a worksheet rendered from the plan; the plan's properties go to the workbook (see properties.ts). */
export async function renderPlan(wb: Workbook, plan: SheetPlan): Promise<RenderResult> {
  const ws = wb.addWorksheet(plan.name);
  for (const pc of plan.cells) writeCell(ws.getCell(pc.address), pc, plan.font);
  for (const [row, height] of Object.entries(plan.rowHeights ?? {})) ws.getRow(Number(row)).height = height;
  for (const [letter, width] of Object.entries(plan.columnWidths)) ws.getColumn(letter).width = width;
  for (const m of plan.merges) ws.mergeCells(m);
  for (const v of plan.validations) {
    // A range may list several areas ("E10:F20 E22:F30" or with commas).
    for (const part of v.range.split(/[\s,]+/).filter(Boolean)) {
      // Per cell: ExcelJS squeezes equal neighbours back into one range when it writes.
      const a = area(part);
      for (let r = a.start.row; r <= a.end.row; r++) {
        for (let c = a.start.col; c <= a.end.col; c++) ws.getCell(r, c).dataValidation = toValidation(v);
      }
    }
  }
  const tableFallbacks: string[] = [];
  for (const t of plan.tables) {
    const why = addTable(ws, t, plan.merges);
    if (why) tableFallbacks.push(why);
  }
  if (plan.freezeRows || plan.freezeColumns) {
    ws.views = [{ state: "frozen", ySplit: plan.freezeRows ?? 0, xSplit: plan.freezeColumns ?? 0 }];
  }
  if (plan.autoFilter !== undefined) ws.autoFilter = plan.autoFilter;
  for (const cf of plan.conditionalFormats ?? []) addConditionalFormat(ws, cf);
  if (plan.print) {
    const p = plan.print;
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: PAPER_A4,
      orientation: p.orientation === "Landscape" ? "landscape" : "portrait",
      ...(p.titleRows !== undefined && { printTitlesRow: p.titleRows.replace(/\$/g, "") }),
      ...(p.titleColumns !== undefined && { printTitlesColumn: p.titleColumns.replace(/\$/g, "") }),
      ...(p.area !== undefined && { printArea: p.area.replace(/\$/g, "") }),
      ...(p.fitToWidth && { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      ...(p.margins && { margins: { ...p.margins, header: 0.3, footer: 0.3 } }),
    };
    if (p.footer !== undefined) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.footer}` };
  }
  if (plan.protect) {
    // A guard rail, not security: no password; users may still insert/delete rows, sort and format.
    await ws.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      deleteRows: true,
      sort: true,
      autoFilter: true,
    });
  }
  writeProperties(wb, plan.properties);
  // Formulas are written without results: have Excel compute them all when the file opens.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  return { sheet: ws, tableFallbacks };
}
