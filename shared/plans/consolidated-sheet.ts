// "Tổng hợp …": the consolidated figures of a unit as an official document that prints one page wide
// (landscape A4): the union header and date line, the title and period, the reporting summary, then one
// row per indicator under its section (I–V, STT restarting per section) with target, actual, % đạt,
// and with a compared period `Cùng kỳ …` and `Tăng/giảm (%)`; notes; the signature block.
//
// - No per-child columns (those are on "Theo đơn vị …"), so 170 children print as well as 1.
// - Blank stays blank (no data is never written as 0); ratios and rates are percent numbers ("0.0").
// - Every string is a "@" text value, never a formula: names such as "=HYPERLINK(…)" cannot run. The
//   figures are the server's: the plan has no formulas.
import type { Consolidation, IndicatorTotal } from "../api/schemas.ts";
import { summarizeTargets } from "../consolidation/targets.ts";
import { formatPeriodEn, formatPeriodVn } from "../format/vietnam-time.ts";
import { columnLetter } from "../grid/address.ts";
import type { Indicator, Template } from "../template/types.ts";
import { SheetBuilder } from "./builder.ts";
import { changePercent, compareCells, gradeText } from "./compare-columns.ts";

export { changePercent, gradeText };

import {
  markRequired,
  NARROW_MARGINS,
  OFFICIAL_FONT,
  PAGE_FOOTER,
  REQUIRED_LEGEND,
  writeOfficialHeader,
  writeSignatureBlock,
} from "./official.ts";
import { reportingSummaryLines } from "./reporting-summary.ts";
import type { ScoredGrades } from "./scored-grades.ts";
import { pullSheetName } from "./sheet-names.ts";
import { HEADER_FILL, NUMBER_FORMATS, SECTION_FILL } from "./template-sheet.ts";
import type { SheetPlan } from "./types.ts";

export type PlanLang = "vi" | "en";

export interface ConsolidatedSheetOptions {
  lang?: PlanLang;
  /** When the workbook is made: the date line shows it in Vietnam time (default: now). */
  at?: Date | string | number;
  /** Place of the date line (default: from the unit's name, "Tỉnh đoàn Sơn La" → "Sơn La"). */
  place?: string;
  /** The grade row counted from the scores (api §4, shared/plans/scored-grades.ts), with its note. */
  gradeRow?: ScoredGrades;
}

export const L = {
  sheet: { vi: "Tổng hợp", en: "Tổng hợp" },
  report: { vi: "BÁO CÁO TỔNG HỢP", en: "CONSOLIDATED REPORT" },
  period: { vi: "Kỳ báo cáo", en: "Period" },
  compared: { vi: "so sánh cùng kỳ", en: "compared with" },
  stt: { vi: "STT", en: "No." },
  code: { vi: "Mã chỉ tiêu", en: "Code" },
  label: { vi: "Nội dung chỉ tiêu", en: "Indicator" },
  measure: { vi: "ĐVT", en: "Unit" },
  target: { vi: "Chỉ tiêu giao", en: "Target" },
  actual: { vi: "Kết quả thực hiện", en: "Actual" },
  rate: { vi: "Tỷ lệ đạt %", en: "Achieved %" },
  previous: { vi: "Cùng kỳ", en: "Same period" },
  change: { vi: "Tăng/giảm (%)", en: "Change (%)" },
  note: { vi: "Ghi chú", en: "Notes" },
  unitsMet: { vi: "Đơn vị đạt", en: "Units meeting it" },
  unitsWithTarget: { vi: "Đơn vị có chỉ tiêu", en: "Units with a target" },
  unitsWithActual: { vi: "có kết quả", en: "with a result" },
  points: { vi: "tăng/giảm tính bằng điểm %", en: "change in percentage points" },
  required: REQUIRED_LEGEND,
} as const;

/** Where the columns of the table are; with a compared period two more sit before the notes. */
export function summaryColumns(compare: boolean) {
  return {
    stt: 1,
    code: 2,
    label: 3,
    measure: 4,
    target: 5,
    actual: 6,
    rate: 7,
    previous: 8,
    change: 9,
    note: compare ? 10 : 8,
  };
}

const WIDTHS = {
  stt: 5,
  code: 8,
  label: 46,
  measure: 9,
  target: 12,
  actual: 13,
  rate: 9,
  previous: 13,
  change: 10,
  note: 26,
};

/** Rows above the table. */
const ROW = { title: 4, templateTitle: 5, period: 6, reporting: 8, header: 12 } as const;

/** "Tổng hợp <unit> <period>", within 31 characters for any code. */
export function consolidatedSheetName(unit: string, period: string): string {
  return pullSheetName(L.sheet.vi, unit, period);
}

export const periodText = (period: string, lang: PlanLang) =>
  lang === "vi" ? formatPeriodVn(period) : formatPeriodEn(period);

/**
 * The rate divides summed actuals by summed targets, so it reads differently when not every unit gave
 * both: "Đơn vị có chỉ tiêu: 1, có kết quả: 3". Null when every unit with a figure gave both, or none.
 */
export function targetCoverageNote(total: IndicatorTotal, lang: PlanLang): string | null {
  const withTarget = total.unitsWithTarget ?? 0;
  const withActual = total.unitsWithActual ?? 0;
  if (withTarget === 0 || withTarget === withActual) return null;
  return `${L.unitsWithTarget[lang]}: ${withTarget}, ${L.unitsWithActual[lang]}: ${withActual}`;
}

/** Relative change in percent, one decimal; undefined without both figures or from zero. */

export function figureFormat(ind: Indicator): string {
  if (ind.kind === "ratio") return NUMBER_FORMATS.ratio;
  return ind.kind === "money" ? NUMBER_FORMATS.money : NUMBER_FORMATS.count;
}

export function indicatorLabel(ind: Indicator, lang: PlanLang): string {
  return markRequired(ind.label[lang], ind.required);
}

function writeTitle(
  b: SheetBuilder,
  c: Consolidation,
  template: Template,
  lang: PlanLang,
  last: number,
): void {
  const center = { horizontalAlignment: "Center" as const, bold: true };
  b.across(ROW.title, 1, last, L.report[lang], { ...center, fontSize: 14 });
  b.across(ROW.templateTitle, 1, last, template.title[lang], { ...center, wrapText: true });
  let period = `${L.period[lang]}: ${periodText(c.period, lang)}`;
  if (c.compare) period += ` (${L.compared[lang]} ${periodText(c.compare.period, lang)})`;
  b.across(ROW.period, 1, last, period, { horizontalAlignment: "Center", italic: true });
}

function writeHeaderRow(b: SheetBuilder, c: Consolidation, lang: PlanLang): void {
  const col = summaryColumns(c.compare !== undefined);
  const style = {
    bold: true,
    wrapText: true,
    border: true,
    fill: HEADER_FILL,
    horizontalAlignment: "Center" as const,
  };
  const heads: [number, string][] = [
    [col.stt, L.stt[lang]],
    [col.code, L.code[lang]],
    [col.label, L.label[lang]],
    [col.measure, L.measure[lang]],
    [col.target, L.target[lang]],
    [col.actual, L.actual[lang]],
    [col.rate, L.rate[lang]],
    [col.note, L.note[lang]],
  ];
  if (c.compare) {
    heads.push(
      [col.previous, `${L.previous[lang]} ${periodText(c.compare.period, lang)}`],
      [col.change, L.change[lang]],
    );
  }
  for (const [k, text] of heads) b.text(ROW.header, k, text, style);
}

function notesOf(
  ind: Indicator,
  total: IndicatorTotal | undefined,
  lang: PlanLang,
  compare: boolean,
): string | null {
  const notes: string[] = [];
  if (ind.perUnitTarget !== undefined && total?.unitsMet !== undefined) {
    notes.push(`${L.unitsMet[lang]} (≥ ${ind.perUnitTarget}): ${total.unitsMet}/${total.unitsReported ?? 0}`);
  }
  const coverage = total ? targetCoverageNote(total, lang) : null;
  if (coverage) notes.push(coverage);
  if (compare && ind.kind === "ratio" && total?.previous?.actual !== undefined) notes.push(L.points[lang]);
  return notes.length > 0 ? notes.join("; ") : null;
}

function writeIndicatorRow(
  b: SheetBuilder,
  row: number,
  stt: number,
  ind: Indicator,
  total: IndicatorTotal | undefined,
  c: Consolidation,
  lang: PlanLang,
  gradeRow?: ScoredGrades,
): void {
  const compare = c.compare !== undefined;
  const scored = ind.kind === "grade" ? gradeRow : undefined;
  const col = summaryColumns(compare);
  const cell = { border: true, verticalAlignment: "Center" as const };
  const format = figureFormat(ind);
  b.number(row, col.stt, stt, "0", { ...cell, horizontalAlignment: "Center" });
  b.text(row, col.code, ind.code, { ...cell, horizontalAlignment: "Center" });
  b.text(row, col.label, indicatorLabel(ind, lang), { ...cell, wrapText: true });
  b.text(row, col.measure, ind.unit[lang], { ...cell, horizontalAlignment: "Center" });
  b.number(row, col.target, total?.target, format, cell);
  const grades = scored?.grades ?? total?.grades;
  if (ind.kind === "grade") b.text(row, col.actual, gradeText(grades), { ...cell, wrapText: true });
  else b.number(row, col.actual, total?.actual, format, cell);
  b.number(row, col.rate, total?.rate, NUMBER_FORMATS.rate, cell);
  if (compare) {
    const prev = total?.previous;
    if (ind.kind === "grade") b.text(row, col.previous, gradeText(prev?.grades), { ...cell, wrapText: true });
    else b.number(row, col.previous, prev?.actual, format, cell);
    const change = compareCells(ind, total).change ?? undefined;
    b.number(row, col.change, change, NUMBER_FORMATS.rate, cell);
  }
  const note = scored?.note[lang] ?? notesOf(ind, total, lang, compare);
  b.text(row, col.note, note, { ...cell, wrapText: true });
}

/** Sections in template order, each followed by its indicators (STT from 1 in each); the last row. */
function writeBody(
  b: SheetBuilder,
  c: Consolidation,
  template: Template,
  lang: PlanLang,
  gradeRow?: ScoredGrades,
): number {
  const col = summaryColumns(c.compare !== undefined);
  const byCode = new Map(c.indicators.map((i) => [i.code, i]));
  let row = ROW.header;
  const section = { bold: true, border: true, fill: SECTION_FILL };
  const listed = new Set(template.sections.map((s) => s.id));
  const groups = [
    ...template.sections.map((s) => ({
      id: s.id,
      label: s.label[lang] as string | null,
      inds: template.indicators.filter((i) => i.section === s.id),
    })),
    { id: "", label: null, inds: template.indicators.filter((i) => !listed.has(i.section)) },
  ];
  for (const g of groups) {
    if (g.inds.length === 0) continue;
    if (g.label !== null) {
      row++;
      b.text(row, col.stt, g.id, { ...section, horizontalAlignment: "Center" });
      b.across(row, col.code, col.note, g.label, section);
    }
    for (const [k, ind] of g.inds.entries())
      writeIndicatorRow(b, ++row, k + 1, ind, byCode.get(ind.code), c, lang, gradeRow);
  }
  return row;
}

export function consolidatedSheetPlan(
  c: Consolidation,
  template: Template,
  opts: ConsolidatedSheetOptions = {},
): SheetPlan {
  const lang = opts.lang ?? "vi";
  const compare = c.compare !== undefined;
  const col = summaryColumns(compare);
  const b = new SheetBuilder();
  writeOfficialHeader(b, {
    unitName: c.name ?? c.unit,
    at: opts.at ?? Date.now(),
    left: [1, 3],
    right: [5, col.note],
    ...(opts.place !== undefined && { place: opts.place }),
  });
  writeTitle(b, c, template, lang, col.note);
  const summary = c.summary ?? summarizeTargets(c.indicators);
  reportingSummaryLines(c, lang, summary.text[lang]).forEach((text, i) => {
    b.across(ROW.reporting + i, 1, col.note, text, { wrapText: true, ...(i === 0 && { bold: true }) });
  });
  writeHeaderRow(b, c, lang);
  const lastRow = writeBody(b, c, template, lang, opts.gradeRow);
  b.across(lastRow + 1, 1, col.note, L.required[lang], { italic: true });
  const end = writeSignatureBlock(b, { row: lastRow + 3, left: [1, 3], right: [5, col.note], lang });

  const columnWidths: Record<string, number> = {};
  for (const [key, index] of Object.entries(col)) {
    if (!compare && (key === "previous" || key === "change")) continue;
    columnWidths[columnLetter(index)] = WIDTHS[key as keyof typeof WIDTHS];
  }
  return {
    name: consolidatedSheetName(c.unit, c.period),
    font: OFFICIAL_FONT,
    cells: b.cells,
    columnWidths,
    rowHeights: b.rowHeights(columnWidths, OFFICIAL_FONT.size),
    merges: b.merges,
    validations: [],
    tables: [],
    freezeRows: ROW.header,
    print: {
      orientation: "Landscape",
      paperSize: "A4",
      titleRows: `$${ROW.header}:$${ROW.header}`,
      area: `A1:${columnLetter(col.note)}${end}`,
      fitToWidth: true,
      footer: PAGE_FOOTER[lang],
      margins: NARROW_MARGINS,
    },
    properties: {},
  };
}
