// "Theo đơn vị …": one row per child unit (the unit's own figures first, as "<name> (trực tiếp)"), a
// column per indicator (its actual; its target too where the row has targets) headed by the indicator's
// code, and a last "Tổng cộng" row equal to the unit's totals. Header row and the code and name columns
// frozen, a filter on the header, the header repeated on printed pages; a fill on units that have not
// reported and a data bar on each unit's share of targets met ("đạt X/Y, vượt Z").
import type { Consolidation, IndicatorTotal } from "../api/schemas.ts";
import { summarizeTargets } from "../consolidation/targets.ts";
import { columnLetter } from "../grid/address.ts";
import type { Indicator, Template } from "../template/types.ts";
import { SheetBuilder } from "./builder.ts";
import {
  type ConsolidatedSheetOptions,
  figureFormat,
  gradeText,
  type PlanLang,
  periodText,
} from "./consolidated-sheet.ts";
import { OFFICIAL_FONT, PAGE_FOOTER, writeOfficialHeader, writeSignatureBlock } from "./official.ts";
import { ownFigures } from "./own-figures.ts";
import { pullSheetName } from "./sheet-names.ts";
import { HEADER_FILL, NUMBER_FORMATS, SECTION_FILL } from "./template-sheet.ts";
import type { SheetPlan } from "./types.ts";
import { STATUS_TEXT, unitStates } from "./unit-status.ts";

const B = {
  sheet: "Theo đơn vị",
  title: { vi: "TỔNG HỢP THEO ĐƠN VỊ", en: "FIGURES BY UNIT" },
  legend: {
    vi: "CT: chỉ tiêu giao; KQ: kết quả thực hiện; nội dung của từng mã chỉ tiêu: xem trang «{sheet}».",
    en: "CT: target; KQ: actual; what each indicator code means: see sheet «{sheet}».",
  },
  stt: { vi: "STT", en: "No." },
  code: { vi: "Mã đơn vị", en: "Unit code" },
  name: { vi: "Tên đơn vị", en: "Unit" },
  status: { vi: "Tình trạng", en: "Status" },
  met: { vi: "Đạt chỉ tiêu", en: "Targets met" },
  metPct: { vi: "% chỉ tiêu đạt", en: "% of targets met" },
  own: { vi: "trực tiếp", en: "own figures" },
  total: { vi: "Tổng cộng", en: "Total" },
} as const;

/** Fixed columns before the indicators. */
const FIXED = { stt: 1, code: 2, name: 3, status: 4, met: 5, metPct: 6 } as const;
const HEADER_ROW = 7;
const MISSING_FILL = "#FCE4D6";
const BAR_COLOR = "#5B9BD5";

export function byUnitSheetName(unit: string, period: string): string {
  return pullSheetName(B.sheet, unit, period);
}

interface Column {
  ind: Indicator;
  field: "target" | "actual";
  col: number;
}

/** A target column for count, money and ratio rows where some unit has a target; then the actual. */
function indicatorColumns(c: Consolidation, template: Template): Column[] {
  const hasTarget = (code: string) =>
    [c.indicators, ...c.children.map((ch) => ch.indicators)].some((list) =>
      list.some((i) => i.code === code && i.target !== undefined),
    );
  const out: Column[] = [];
  let col = FIXED.metPct + 1;
  for (const ind of template.indicators) {
    if (ind.kind !== "grade" && hasTarget(ind.code)) out.push({ ind, field: "target", col: col++ });
    out.push({ ind, field: "actual", col: col++ });
  }
  return out;
}

function writeHeader(b: SheetBuilder, cols: readonly Column[], lang: PlanLang): void {
  const style = {
    bold: true,
    wrapText: true,
    border: true,
    fill: HEADER_FILL,
    horizontalAlignment: "Center" as const,
  };
  for (const [key, col] of Object.entries(FIXED))
    b.text(HEADER_ROW, col, B[key as keyof typeof FIXED][lang], style);
  const withTarget = new Set(cols.filter((k) => k.field === "target").map((k) => k.ind.code));
  for (const k of cols) {
    const suffix = withTarget.has(k.ind.code) ? (k.field === "target" ? " CT" : " KQ") : "";
    b.text(HEADER_ROW, k.col, `${k.ind.code}${suffix}`, style);
  }
}

interface UnitLine {
  code: string;
  name: string;
  status: string | null;
  indicators: readonly IndicatorTotal[];
  style?: { bold?: boolean; fill?: string };
}

function writeLine(
  b: SheetBuilder,
  row: number,
  stt: number | null,
  line: UnitLine,
  cols: readonly Column[],
  lang: PlanLang,
): void {
  // Centred vertically: a row made taller by wrapped text keeps its code and figures beside the name.
  const cell = { border: true, verticalAlignment: "Center" as const, ...line.style };
  if (stt === null) b.text(row, FIXED.stt, null, cell);
  else b.number(row, FIXED.stt, stt, "0", { ...cell, horizontalAlignment: "Center" });
  b.text(row, FIXED.code, line.code, cell);
  b.text(row, FIXED.name, line.name, { ...cell, wrapText: true });
  b.text(row, FIXED.status, line.status, cell);
  const summary = summarizeTargets(line.indicators);
  b.text(row, FIXED.met, summary.withTarget > 0 ? summary.text[lang] : null, { ...cell, wrapText: true });
  const pct =
    summary.withTarget > 0 ? Math.round((summary.achieved / summary.withTarget) * 1000) / 10 : undefined;
  b.number(row, FIXED.metPct, pct, NUMBER_FORMATS.rate, cell);
  const byCode = new Map(line.indicators.map((i) => [i.code, i]));
  for (const k of cols) {
    const t = byCode.get(k.ind.code);
    if (k.ind.kind === "grade") b.text(row, k.col, gradeText(t?.grades), cell);
    else b.number(row, k.col, t?.[k.field], figureFormat(k.ind), cell);
  }
}

function unitLines(c: Consolidation, template: Template, lang: PlanLang): UnitLine[] {
  const states = unitStates(c);
  const own: UnitLine = {
    code: c.unit,
    name: `${c.name ?? c.unit} (${B.own[lang]})`,
    status: null,
    indicators: ownFigures(c, template),
  };
  return [
    own,
    ...c.children.map((ch) => {
      const state = states.get(ch.unit);
      return {
        code: ch.unit,
        name: ch.name,
        status: state ? STATUS_TEXT[state][lang] : null,
        indicators: ch.indicators,
      };
    }),
  ];
}

function writeTitle(b: SheetBuilder, c: Consolidation, lang: PlanLang, last: number): void {
  b.across(4, 1, last, B.title[lang], { bold: true, fontSize: 14 });
  b.across(5, 1, last, `${c.name ?? c.unit} – ${periodText(c.period, lang)}`, { italic: true });
  const summarySheet = pullSheetName("Tổng hợp", c.unit, c.period);
  b.across(6, 1, last, B.legend[lang].replace("{sheet}", summarySheet), { italic: true });
}

export function byUnitSheetPlan(
  c: Consolidation,
  template: Template,
  opts: ConsolidatedSheetOptions = {},
): SheetPlan {
  const lang = opts.lang ?? "vi";
  const cols = indicatorColumns(c, template);
  const lastCol = cols[cols.length - 1]?.col ?? FIXED.metPct;
  const b = new SheetBuilder();
  writeOfficialHeader(b, {
    unitName: c.name ?? c.unit,
    at: opts.at ?? Date.now(),
    left: [1, 3],
    right: [4, 8],
    ...(opts.place !== undefined && { place: opts.place }),
  });
  writeTitle(b, c, lang, Math.min(lastCol, 12));
  writeHeader(b, cols, lang);
  const lines = unitLines(c, template, lang);
  for (const [i, line] of lines.entries())
    writeLine(b, HEADER_ROW + 1 + i, i === 0 ? null : i, line, cols, lang);
  const firstRow = HEADER_ROW + 1;
  const lastUnitRow = HEADER_ROW + lines.length;
  const totalRow = lastUnitRow + 1;
  const total: UnitLine = {
    code: c.unit,
    name: B.total[lang],
    status: null,
    indicators: c.indicators,
    style: { bold: true, fill: SECTION_FILL },
  };
  writeLine(b, totalRow, null, total, cols, lang);
  const end = writeSignatureBlock(b, { row: totalRow + 2, left: [1, 3], right: [4, 8], lang });

  const L = columnLetter;
  const columnWidths: Record<string, number> = { A: 5, B: 16, C: 30, D: 11, E: 22, F: 9 };
  for (const k of cols) columnWidths[L(k.col)] = 11;
  const missing = `=$${L(FIXED.status)}${firstRow}="${STATUS_TEXT.missing[lang]}"`;
  return {
    name: byUnitSheetName(c.unit, c.period),
    font: OFFICIAL_FONT,
    cells: b.cells,
    columnWidths,
    rowHeights: b.rowHeights(columnWidths, OFFICIAL_FONT.size),
    merges: b.merges,
    validations: [],
    tables: [],
    freezeRows: HEADER_ROW,
    freezeColumns: FIXED.name,
    autoFilter: `A${HEADER_ROW}:${L(lastCol)}${lastUnitRow}`,
    conditionalFormats: [
      {
        range: `A${firstRow}:${L(lastCol)}${lastUnitRow}`,
        type: "formula",
        formula: missing,
        fill: MISSING_FILL,
      },
      {
        range: `${L(FIXED.metPct)}${firstRow}:${L(FIXED.metPct)}${lastUnitRow}`,
        type: "dataBar",
        color: BAR_COLOR,
      },
    ],
    print: {
      orientation: "Landscape",
      paperSize: "A4",
      titleRows: `$${HEADER_ROW}:$${HEADER_ROW}`,
      // Every printed page across keeps the unit's code and name.
      titleColumns: `$A:$${L(FIXED.name)}`,
      area: `A1:${L(lastCol)}${end}`,
      footer: PAGE_FOOTER[lang],
    },
    properties: {},
  };
}
