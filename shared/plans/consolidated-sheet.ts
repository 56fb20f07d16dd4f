// The consolidated sheet ("Tổng hợp") as a plan: header, reporting status, then one Excel table with a
// row per indicator (the unit's total, then a column block per child unit). The add-in and the CLI
// render it; neither decides layout.
//
// Layout decisions:
// - rows 1–7: title and header (unit, code, period, template, generated at, target summary);
//   rows 9–12: reporting status (submitted/expected, late and missing units by name);
//   row 14: the table header; one table row per template indicator, in template order, no section rows
//   (an Excel table must stay sortable and filterable);
// - grade rows show their counts as one text cell "XS: 5; T: 3; HT: 1; KHT: 0" in the actual column,
//   so the table keeps exactly one row per indicator;
// - ratio figures and rates are numbers in percent (80 means 80 %) with number format "0.0";
// - blank stays blank (no data is never written as 0);
// - every string is a `value` with number format "@" (text), never a formula: unit names such as
//   "=HYPERLINK(…)" or "+1" must not run. The plan has no formulas at all: the figures are the server's.
import type { Consolidation, IndicatorTotal } from "../api/schemas.ts";
import type { ComparedConsolidation } from "../api/units.ts";
import { summarizeTargets } from "../consolidation/targets.ts";
import { columnLetter } from "../grid/address.ts";
import { GRADES, type Indicator, type Template } from "../template/types.ts";
import { compareCells, compareHeaders } from "./compare-columns.ts";
import { NUMBER_FORMATS } from "./template-sheet.ts";
import type { PlanCell, SheetPlan } from "./types.ts";

export type PlanLang = "vi" | "en";

export interface ConsolidatedSheetOptions {
  /** Names of units by code, for the late and missing lists (codes are shown when a name is unknown). */
  unitNames?: Record<string, string>;
  lang?: PlanLang;
  /** Shown in the header as given (e.g. an ISO date-time). */
  generatedAt?: string;
}

const TEXT = "@";
/** Excel's limit on the text of one cell. */
const MAX_CELL_TEXT = 32_767;
/** Excel's limit on a sheet name. */
const MAX_SHEET_NAME = 31;

const L = {
  sheet: "Tổng hợp",
  title: { vi: "TỔNG HỢP", en: "CONSOLIDATED:" },
  unit: { vi: "Đơn vị", en: "Unit" },
  unitCode: { vi: "Mã đơn vị", en: "Unit code" },
  period: { vi: "Kỳ báo cáo", en: "Period" },
  template: { vi: "Mẫu báo cáo", en: "Template" },
  generatedAt: { vi: "Lập lúc", en: "Generated at" },
  targets: { vi: "Chỉ tiêu", en: "Targets" },
  reporting: { vi: "TÌNH HÌNH NỘP BÁO CÁO", en: "REPORTING STATUS" },
  submitted: { vi: "Đã nộp", en: "Submitted" },
  late: { vi: "Nộp muộn", en: "Late" },
  missing: { vi: "Chưa nộp", en: "Missing" },
  none: { vi: "không có", en: "none" },
  units: { vi: "đơn vị", en: "units" },
  code: { vi: "Mã chỉ tiêu", en: "Code" },
  label: { vi: "Nội dung chỉ tiêu", en: "Indicator" },
  measure: { vi: "ĐVT", en: "Unit of measure" },
  target: { vi: "Chỉ tiêu giao", en: "Target" },
  actual: { vi: "Kết quả thực hiện", en: "Actual" },
  rate: { vi: "Tỷ lệ đạt %", en: "Achieved %" },
  note: { vi: "Ghi chú", en: "Notes" },
  childTarget: { vi: "Chỉ tiêu", en: "Target" },
  childActual: { vi: "Kết quả", en: "Actual" },
  unitsMet: { vi: "Đơn vị đạt", en: "Units meeting it" },
  unitsWithTarget: { vi: "Đơn vị có chỉ tiêu", en: "Units with a target" },
  unitsWithActual: { vi: "có kết quả", en: "with a result" },
} as const;

/**
 * The rate divides summed actuals by summed targets, so it reads differently when not every unit gave
 * both (a province's own target against its communes' actuals, or one commune's target against all):
 * "Đơn vị có chỉ tiêu: 1, có kết quả: 3". Null when every unit with a figure gave both, or none a target.
 */
export function targetCoverageNote(total: IndicatorTotal, lang: PlanLang): string | null {
  const withTarget = total.unitsWithTarget ?? 0;
  const withActual = total.unitsWithActual ?? 0;
  if (withTarget === 0 || withTarget === withActual) return null;
  return `${L.unitsWithTarget[lang]}: ${withTarget}, ${L.unitsWithActual[lang]}: ${withActual}`;
}

/** Fixed rows of the layout (1-based). */
const ROW = {
  title: 1,
  unit: 2,
  unitCode: 3,
  period: 4,
  template: 5,
  generatedAt: 6,
  targets: 7,
  reporting: 9,
  submitted: 10,
  late: 11,
  missing: 12,
  header: 14,
} as const;

/** Main block: A..G; child blocks follow from column 8. */
const MAIN_COLUMNS = 7;
const COLUMNS_PER_CHILD = 2;

/** "Tổng hợp <unit> <period>" made a valid Excel sheet name: no []:*?/\, no edge apostrophes, ≤ 31. */
export function consolidatedSheetName(unit: string, period: string): string {
  const cleaned = `${L.sheet} ${unit} ${period}`.normalize("NFC").replace(/[[\]:*?/\\]/g, "");
  let name = "";
  for (const ch of cleaned) {
    if (name.length + ch.length > MAX_SHEET_NAME) break; // whole code points only
    name += ch;
  }
  name = name.replace(/^[\s']+|[\s']+$/g, "");
  return name === "" ? L.sheet : name;
}

/** A table name Excel accepts: letters, digits, underscores, starting with a letter. */
export function consolidatedTableName(unit: string, period: string): string {
  return `TongHop_${unit}_${period}`.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 250);
}

/** Names joined with "; ", cut to fit one cell, saying how many were left out. */
function joinNames(names: readonly string[], none: string): string {
  if (names.length === 0) return none;
  let text = "";
  for (let i = 0; i < names.length; i++) {
    const next = text === "" ? (names[i] ?? "") : `${text}; ${names[i] ?? ""}`;
    const rest = names.length - i;
    if (next.length > MAX_CELL_TEXT - 20) return `${text}; … (+${rest})`;
    text = next;
  }
  return text;
}

function gradeText(ind: IndicatorTotal | undefined): string | null {
  if (!ind?.grades) return null;
  return GRADES.map((g) => `${g}: ${ind.grades?.[g] ?? 0}`).join("; ");
}

function figureFormat(ind: Indicator): string {
  if (ind.kind === "ratio") return NUMBER_FORMATS.ratio;
  return ind.kind === "money" ? NUMBER_FORMATS.money : NUMBER_FORMATS.count;
}

export function consolidatedSheetPlan(
  c: Consolidation | ComparedConsolidation,
  template: Template,
  opts: ConsolidatedSheetOptions = {},
): SheetPlan {
  const lang = opts.lang ?? "vi";
  // With a compared period the main block gains "Cùng kỳ …" and "Tăng/giảm (%)" after its notes.
  const compared = "compare" in c ? c.compare?.period : undefined;
  const main = MAIN_COLUMNS + (compared === undefined ? 0 : 2);
  const cells: PlanCell[] = [];
  const text = (address: string, value: string | null, extra: Partial<PlanCell> = {}) =>
    cells.push({ address, value, numberFormat: TEXT, ...extra });
  const number = (address: string, value: number | undefined, numberFormat: string) =>
    cells.push({ address, value: value ?? null, numberFormat, horizontalAlignment: "Right", border: true });

  const childNames = new Map(c.children.map((ch) => [ch.unit, ch.name]));
  const nameOf = (code: string) =>
    (opts.unitNames && Object.hasOwn(opts.unitNames, code) ? opts.unitNames[code] : undefined) ??
    childNames.get(code) ??
    code;

  const lastColumn = columnLetter(main + COLUMNS_PER_CHILD * c.children.length);

  // Header block: labels in A, data in B.
  text(`A${ROW.title}`, `${L.title[lang]} ${template.title[lang]}`, { bold: true });
  const header: [number, string, string | null][] = [
    [ROW.unit, L.unit[lang], c.name ?? nameOf(c.unit)],
    [ROW.unitCode, L.unitCode[lang], c.unit],
    [ROW.period, L.period[lang], c.period],
    [ROW.template, L.template[lang], c.template],
    [ROW.generatedAt, L.generatedAt[lang], opts.generatedAt ?? null],
    [ROW.targets, L.targets[lang], (c.summary ?? summarizeTargets(c.indicators)).text[lang]],
  ];
  for (const [row, label, value] of header) {
    text(`A${row}`, label, { bold: true });
    text(`B${row}`, value);
  }

  // Reporting status: counts in the labels, names in B.
  const r = c.reporting;
  const lateUnits = r.lateUnits ?? [];
  text(`A${ROW.reporting}`, L.reporting[lang], { bold: true });
  text(`A${ROW.submitted}`, L.submitted[lang], { bold: true });
  text(`B${ROW.submitted}`, `${r.submitted}/${r.expected} ${L.units[lang]}`);
  text(`A${ROW.late}`, `${L.late[lang]} (${r.late})`, { bold: true });
  text(`B${ROW.late}`, joinNames(lateUnits.map(nameOf), L.none[lang]), { wrapText: true });
  text(`A${ROW.missing}`, `${L.missing[lang]} (${r.missing.length})`, { bold: true });
  text(`B${ROW.missing}`, joinNames(r.missing.map(nameOf), L.none[lang]), { wrapText: true });

  // Table header. Excel wants header names unique (ignoring case): a repeated child name gets its code.
  const used = new Set<string>();
  const unique = (wanted: string, code: string) => {
    let name = wanted;
    if (used.has(name.toLowerCase())) name = `${wanted} (${code})`;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${wanted} (${code}) ${k}`;
    used.add(name.toLowerCase());
    return name;
  };
  const headers = [L.code, L.label, L.measure, L.target, L.actual, L.rate, L.note].map((l) =>
    unique(l[lang], ""),
  );
  if (compared !== undefined) headers.push(...compareHeaders(compared, lang));
  for (const child of c.children) {
    const name = child.name.slice(0, 100);
    headers.push(unique(`${name} – ${L.childTarget[lang]}`, child.unit));
    headers.push(unique(`${name} – ${L.childActual[lang]}`, child.unit));
  }
  headers.forEach((h, i) => {
    text(`${columnLetter(i + 1)}${ROW.header}`, h, { bold: true, wrapText: true, border: true });
  });

  // One row per indicator, template order.
  const byCode = new Map(c.indicators.map((i) => [i.code, i]));
  const childTotals = c.children.map((ch) => new Map(ch.indicators.map((i) => [i.code, i])));
  template.indicators.forEach((ind, k) => {
    const row = ROW.header + 1 + k;
    const total = byCode.get(ind.code);
    const format = figureFormat(ind);
    text(`A${row}`, ind.code, { border: true });
    text(`B${row}`, ind.label[lang], { border: true, wrapText: true });
    text(`C${row}`, ind.unit[lang] === "" ? null : ind.unit[lang], { border: true });
    number(`D${row}`, total?.target, format);
    if (ind.kind === "grade") text(`E${row}`, gradeText(total), { border: true });
    else number(`E${row}`, total?.actual, format);
    number(`F${row}`, total?.rate, NUMBER_FORMATS.rate);
    const notes: string[] = [];
    if (ind.perUnitTarget !== undefined && total?.unitsMet !== undefined) {
      notes.push(
        `${L.unitsMet[lang]} (≥ ${ind.perUnitTarget}): ${total.unitsMet}/${total.unitsReported ?? 0}`,
      );
    }
    const coverage = total ? targetCoverageNote(total, lang) : null;
    if (coverage) notes.push(coverage);
    text(`G${row}`, notes.length > 0 ? notes.join("; ") : null, { border: true });
    if (compared !== undefined) {
      const { previous, change } = compareCells(ind, total);
      if (typeof previous === "string" || previous === null) text(`H${row}`, previous, { border: true });
      else number(`H${row}`, previous, format);
      number(`I${row}`, change ?? undefined, NUMBER_FORMATS.rate);
    }
    childTotals.forEach((totals, j) => {
      const first = main + 1 + COLUMNS_PER_CHILD * j;
      const t = totals.get(ind.code);
      number(`${columnLetter(first)}${row}`, t?.target, format);
      if (ind.kind === "grade") text(`${columnLetter(first + 1)}${row}`, gradeText(t), { border: true });
      else number(`${columnLetter(first + 1)}${row}`, t?.actual, format);
    });
  });

  const lastRow = ROW.header + template.indicators.length;
  const columnWidths: Record<string, number> = { A: 12, B: 60, C: 12, D: 14, E: 18, F: 12, G: 26 };
  if (compared !== undefined) Object.assign(columnWidths, { H: 16, I: 12 });
  for (let i = main + 1; i <= main + COLUMNS_PER_CHILD * c.children.length; i++) {
    columnWidths[columnLetter(i)] = 16;
  }

  const properties: Record<string, string> = {
    kind: "consolidated",
    unit: c.unit,
    period: c.period,
    template: c.template,
  };
  if (compared !== undefined) properties.compare = compared;
  if (opts.generatedAt) properties.generatedAt = opts.generatedAt;

  return {
    name: consolidatedSheetName(c.unit, c.period),
    cells,
    columnWidths,
    merges: [`A${ROW.title}:G${ROW.title}`],
    validations: [],
    tables: [
      {
        name: consolidatedTableName(c.unit, c.period),
        range: `A${ROW.header}:${lastColumn}${lastRow}`,
        style: "TableStyleMedium2",
      },
    ],
    freezeRows: ROW.header,
    print: {
      orientation: "Landscape",
      paperSize: "A4",
      titleRows: `$${ROW.header}:$${ROW.header}`,
      area: `A1:${lastColumn}${lastRow}`,
      // A few children fit one page across; more would print unreadably small, so they flow on.
      fitToWidth: c.children.length <= 4,
    },
    properties,
  };
}
