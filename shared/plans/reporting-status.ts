// "Tình hình nộp …": every expected unit of the subtree with its state, revision, last received time
// (dd/mm/yyyy hh:mm, Vietnam time), reporter and phone; missing units first, a count line on top. Names,
// parents, reporters and phones are other people's text: "@" cells only.
import type { ReportingUnit } from "../api/reporting-units.ts";
import type { Consolidation } from "../api/schemas.ts";
import { formatDateTimeVn } from "../format/vietnam-time.ts";
import { columnLetter } from "../grid/address.ts";
import { SheetBuilder } from "./builder.ts";
import { type ConsolidatedSheetOptions, type PlanLang, periodText } from "./consolidated-sheet.ts";
import {
  NARROW_MARGINS,
  OFFICIAL_FONT,
  PAGE_FOOTER,
  writeOfficialHeader,
  writeSignatureBlock,
} from "./official.ts";
import { reportingSummaryLines, STATUS_SHEET, unitNamesOf } from "./reporting-summary.ts";
import { pullSheetName } from "./sheet-names.ts";
import { HEADER_FILL } from "./template-sheet.ts";
import type { SheetPlan } from "./types.ts";
import { STATUS_ORDER, STATUS_TEXT, unitStates } from "./unit-status.ts";

const R = {
  title: { vi: "TÌNH HÌNH NỘP BÁO CÁO", en: "REPORTING STATUS" },
  heads: {
    vi: [
      "STT",
      "Mã đơn vị",
      "Tên đơn vị",
      "Đơn vị cấp trên",
      "Tình trạng",
      "Lần nộp",
      "Nộp lần cuối",
      "Người báo cáo",
      "Điện thoại",
    ],
    en: [
      "No.",
      "Unit code",
      "Unit",
      "Parent unit",
      "Status",
      "Revision",
      "Last received",
      "Reporter",
      "Phone",
    ],
  },
} as const;

const HEADER_ROW = 9;
const LAST_COL = 9;
const WIDTHS = [5, 18, 32, 26, 12, 8, 17, 24, 14];
const MISSING_FILL = "#FCE4D6";

export function reportingStatusSheetName(unit: string, period: string): string {
  return pullSheetName(STATUS_SHEET, unit, period);
}

/** The detail from the answer, or (older servers) what the lists say about the children. */
export function statusLines(c: Consolidation): ReportingUnit[] {
  const states = unitStates(c);
  const lines: ReportingUnit[] =
    c.reporting.units ??
    [
      ...c.children.map((ch) => ch.unit),
      ...c.reporting.missing.filter((code) => !c.children.some((ch) => ch.unit === code)),
    ].map((code) => ({
      code,
      name: unitNamesOf(c).get(code) ?? code,
      parent: null,
      status: "missing" as const,
    }));
  const rank = (u: ReportingUnit) => STATUS_ORDER.indexOf(states.get(u.code) ?? u.status);
  return lines
    .map((u) => ({ ...u, status: states.get(u.code) ?? u.status }))
    .sort((a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function writeLine(
  b: SheetBuilder,
  row: number,
  stt: number,
  u: ReportingUnit,
  names: Map<string, string>,
  lang: PlanLang,
): void {
  // Centred vertically: a row made taller by a wrapped name keeps its code and status beside the name.
  const cell = { border: true, verticalAlignment: "Center" as const };
  b.number(row, 1, stt, "0", { ...cell, horizontalAlignment: "Center" });
  b.text(row, 2, u.code, cell);
  b.text(row, 3, u.name, { ...cell, wrapText: true });
  b.text(row, 4, u.parent === null ? null : (names.get(u.parent) ?? u.parent), { ...cell, wrapText: true });
  b.text(row, 5, STATUS_TEXT[u.status][lang], cell);
  b.number(row, 6, u.revision, "0", { ...cell, horizontalAlignment: "Center" });
  b.text(row, 7, u.lastReceivedAt === undefined ? null : formatDateTimeVn(u.lastReceivedAt), cell);
  b.text(row, 8, u.reporter?.name ?? null, { ...cell, wrapText: true });
  b.text(row, 9, u.reporter?.phone ?? null, cell);
}

export function reportingStatusSheetPlan(c: Consolidation, opts: ConsolidatedSheetOptions = {}): SheetPlan {
  const lang = opts.lang ?? "vi";
  const b = new SheetBuilder();
  writeOfficialHeader(b, {
    unitName: c.name ?? c.unit,
    at: opts.at ?? Date.now(),
    left: [1, 3],
    right: [5, LAST_COL],
    ...(opts.place !== undefined && { place: opts.place }),
  });
  b.across(4, 1, LAST_COL, R.title[lang], { bold: true, fontSize: 14, horizontalAlignment: "Center" });
  b.across(5, 1, LAST_COL, `${c.name ?? c.unit} – ${periodText(c.period, lang)}`, {
    italic: true,
    horizontalAlignment: "Center",
  });
  const [counts = "", missing = "", late = ""] = reportingSummaryLines(c, lang, "");
  for (const [i, text] of [counts, missing, late].entries()) {
    b.across(6 + i, 1, LAST_COL, text, { wrapText: true, bold: i === 0 });
  }
  for (const [i, h] of R.heads[lang].entries()) {
    b.text(HEADER_ROW, i + 1, h, {
      bold: true,
      wrapText: true,
      border: true,
      fill: HEADER_FILL,
      horizontalAlignment: "Center",
    });
  }
  const names = unitNamesOf(c);
  const lines = statusLines(c);
  for (const [i, u] of lines.entries()) writeLine(b, HEADER_ROW + 1 + i, i + 1, u, names, lang);
  const lastRow = HEADER_ROW + Math.max(1, lines.length);
  const end = writeSignatureBlock(b, { row: lastRow + 2, left: [1, 3], right: [5, LAST_COL], lang });
  const last = columnLetter(LAST_COL);
  const columnWidths = Object.fromEntries(WIDTHS.map((w, i) => [columnLetter(i + 1), w]));
  return {
    name: reportingStatusSheetName(c.unit, c.period),
    font: OFFICIAL_FONT,
    cells: b.cells,
    columnWidths,
    rowHeights: b.rowHeights(columnWidths, OFFICIAL_FONT.size),
    merges: b.merges,
    validations: [],
    tables: [],
    freezeRows: HEADER_ROW,
    autoFilter: `A${HEADER_ROW}:${last}${lastRow}`,
    conditionalFormats: [
      {
        range: `A${HEADER_ROW + 1}:${last}${lastRow}`,
        type: "formula",
        formula: `=$E${HEADER_ROW + 1}="${STATUS_TEXT.missing[lang]}"`,
        fill: MISSING_FILL,
      },
    ],
    print: {
      orientation: "Landscape",
      paperSize: "A4",
      titleRows: `$${HEADER_ROW}:$${HEADER_ROW}`,
      area: `A1:${last}${end}`,
      fitToWidth: true,
      footer: PAGE_FOOTER[lang],
      margins: NARROW_MARGINS,
    },
    properties: {},
  };
}
