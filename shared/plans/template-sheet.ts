// The official template sheet as a plan: one layout for the add-in (Tạo mẫu) and the CLI (`baocao
// template`). It looks like the printed form: the unit and "***" top left, "ĐOÀN TNCS HỒ CHÍ MINH" and
// the place-and-date line top right, the title, the header fields, the table (sections I–V, STT per
// section, required rows marked "(*)"), the legend and the signature block. The locator reads the
// header fields above the table only, so nothing of the official header or the signature is data.
import { formatPeriodVn } from "../format/vietnam-time.ts";
import { columnIndex } from "../grid/address.ts";
import type { Template } from "../template/types.ts";
import { SheetBuilder } from "./builder.ts";
import {
  markRequired,
  NARROW_MARGINS,
  OFFICIAL_FONT,
  PAGE_FOOTER,
  REQUIRED_LEGEND,
  writeOfficialHeader,
  writeSignatureBlock,
} from "./official.ts";
import { compressValidations, valueCells } from "./template-inputs.ts";
import {
  COLUMN_LABELS,
  HEADER_FILL,
  HEADER_LABELS,
  NUMBER_FORMATS,
  SECTION_FILL,
  TEMPLATE_LAYOUT,
  TEMPLATE_WIDTHS,
  type TemplateRows,
  templateRows,
  templateStamp,
} from "./template-layout.ts";
import type { PlanCell, PlanValidation, SheetPlan } from "./types.ts";

export { percentFormula } from "./template-inputs.ts";
// The layout and its helpers, for everything that imported them from here.
export * from "./template-layout.ts";

export interface TemplateSheetOptions {
  unitName?: string;
  unitCode?: string;
  /** The period code (2023-Q3), what "Kỳ báo cáo:" holds; under the title as people write it. */
  period?: string;
  reporter?: string;
  phone?: string;
  lang?: "vi";
  /** When the template is made: the year of its date line, in Vietnam time (default: now). */
  at?: Date | string | number;
}

const L = TEMPLATE_LAYOUT;
const C = L.columns;
const col = (letter: string): number => columnIndex(letter) ?? 1;
const LAST = col(L.lastColumn);

/** A text cell ("@", never parsed), locked unless said; no value when there is nothing to show. */
function text(address: string, value: string | undefined, extra: Partial<PlanCell> = {}): PlanCell {
  return {
    address,
    ...(value !== undefined && value !== "" ? { value } : {}),
    numberFormat: NUMBER_FORMATS.text,
    locked: true,
    ...extra,
  };
}

/**
 * Rows 1–4: the official header (the date line to fill in on the day it is signed), the title and the
 * period as people write it ("Quý III năm 2023"). "Kỳ báo cáo:" keeps the code the locator reads.
 */
function writeHeading(b: SheetBuilder, template: Template, opts: TemplateSheetOptions): void {
  writeOfficialHeader(b, {
    unitName: opts.unitName,
    at: opts.at ?? Date.now(),
    left: [1, col(C.label)],
    right: [col(C.target), LAST],
    toFill: true,
  });
  b.across(L.titleRows.title, 1, LAST, template.title.vi, {
    bold: true,
    horizontalAlignment: "Center",
    wrapText: true,
    locked: true,
  });
  if (opts.period !== undefined && opts.period !== "") {
    const period = formatPeriodVn(opts.period);
    b.across(L.titleRows.period, 1, LAST, period, {
      italic: true,
      horizontalAlignment: "Center",
      locked: true,
    });
  }
}

/** Label/input pairs. Every input is "@" so a period like 2023-11 is not turned into a date. */
function writeHeaderFields(b: SheetBuilder, template: Template, opts: TemplateSheetOptions): void {
  const values: Record<keyof typeof HEADER_LABELS, string | undefined> = {
    unitName: opts.unitName,
    unitCode: opts.unitCode,
    period: opts.period,
    template: templateStamp(template),
    reporter: opts.reporter,
    phone: opts.phone,
  };
  for (const key of Object.keys(HEADER_LABELS) as (keyof typeof HEADER_LABELS)[]) {
    const at = L.header[key];
    b.put(text(at.label, HEADER_LABELS[key], { bold: true }));
    b.put(text(at.input, values[key], { locked: key === "template" }));
  }
}

function writeColumnHeads(b: SheetBuilder): void {
  const style: Partial<PlanCell> = {
    bold: true,
    fill: HEADER_FILL,
    horizontalAlignment: "Center",
    wrapText: true,
    border: true,
  };
  for (const key of Object.keys(COLUMN_LABELS) as (keyof typeof COLUMN_LABELS)[]) {
    b.put(text(`${C[key]}${L.headerRow}`, COLUMN_LABELS[key], style));
  }
}

/** Sections: roman numeral and title, filled across the table. */
function writeSections(b: SheetBuilder, template: Template, rows: TemplateRows): void {
  const common = { bold: true, fill: SECTION_FILL, border: true };
  for (const section of template.sections) {
    const r = rows.sections.get(section.id)!;
    for (const key of Object.keys(C) as (keyof typeof C)[]) {
      const value = key === "stt" ? section.id : key === "label" ? section.label.vi : undefined;
      const center = key === "stt" ? { horizontalAlignment: "Center" as const } : {};
      b.put(text(`${C[key]}${r}`, value, { ...common, ...center }));
    }
  }
}

/** Indicator rows; STT restarts at 1 in each section, like the printed forms. */
function writeIndicators(
  b: SheetBuilder,
  template: Template,
  rows: TemplateRows,
  validations: PlanValidation[],
): void {
  const stt = new Map<string, number>();
  const center = { border: true, horizontalAlignment: "Center" as const };
  for (const ind of template.indicators) {
    const r = rows.indicators.get(ind.code)!;
    const n = (stt.get(ind.section) ?? 0) + 1;
    stt.set(ind.section, n);
    b.put({ address: `${C.stt}${r}`, value: n, locked: true, ...center });
    b.put(text(`${C.code}${r}`, ind.code, center));
    b.put(text(`${C.label}${r}`, markRequired(ind.label.vi, ind.required), { border: true, wrapText: true }));
    b.put(text(`${C.unit}${r}`, ind.unit.vi, center));
    for (const cell of valueCells(ind, r, rows, template, validations)) b.put(cell);
    b.put(text(`${C.note}${r}`, undefined, { border: true, locked: false, wrapText: true }));
  }
}

/**
 * Under the table, after a blank row (the row right under the table stays free: a row typed there is
 * still read as the table's), the "(*)" legend, a blank row, the signature block. Returns the last row.
 */
function writeFoot(b: SheetBuilder, lastRow: number): number {
  b.across(lastRow + 2, 1, LAST, REQUIRED_LEGEND.vi, { italic: true, locked: true });
  const left: [number, number] = [1, col(C.label)];
  return writeSignatureBlock(b, { row: lastRow + 4, left, right: [col(C.target), LAST], lang: "vi" });
}

export function templateSheetPlan(template: Template, opts: TemplateSheetOptions = {}): SheetPlan {
  const rows = templateRows(template);
  const b = new SheetBuilder();
  const validations: PlanValidation[] = [];
  writeHeading(b, template, opts);
  writeHeaderFields(b, template, opts);
  writeColumnHeads(b);
  writeSections(b, template, rows);
  writeIndicators(b, template, rows, validations);
  const end = writeFoot(b, rows.lastRow);
  const columnWidths = { ...TEMPLATE_WIDTHS };
  return {
    name: "Báo cáo",
    // The official font, named in every cell (LibreOffice draws an unnamed bold font in a fallback).
    font: OFFICIAL_FONT,
    cells: b.cells,
    columnWidths,
    rowHeights: b.rowHeights(columnWidths, OFFICIAL_FONT.size),
    merges: b.merges,
    validations: compressValidations(validations),
    tables: [],
    freezeRows: L.headerRow,
    print: {
      orientation: "Landscape",
      paperSize: "A4",
      titleRows: `$${L.headerRow}:$${L.headerRow}`,
      area: `A1:${L.lastColumn}${end}`,
      fitToWidth: true,
      footer: PAGE_FOOTER.vi,
      margins: NARROW_MARGINS,
    },
    protect: true,
    properties: { "baocao.template": template.id, "baocao.version": String(template.version) },
  };
}
