// The ranking sheet ("Xếp loại …") as a plan: the children's scores, criteria points, totals and grades,
// grouped by cụm thi đua where units have one, ranked as the API ranked them. The add-in and the CLI
// render it. Every string is a text value (never a formula), so a unit's name cannot run as one.
import type { ScoresAnswer } from "../api/scores.ts";
import { formatPeriodEn, formatPeriodVn } from "../format/vietnam-time.ts";
import { columnLetter } from "../grid/address.ts";
import type { ScoringScheme } from "../scoring/types.ts";
import type { Grade, Template } from "../template/types.ts";
import { OFFICIAL_FONT, PAGE_FOOTER } from "./official.ts";
import type { PlanCell, SheetPlan } from "./types.ts";

type Lang = "vi" | "en";

const L = {
  sheet: "Xếp loại",
  union: { vi: "ĐOÀN TNCS HỒ CHÍ MINH", en: "HO CHI MINH COMMUNIST YOUTH UNION" },
  title: { vi: "BẢNG XẾP LOẠI THI ĐUA", en: "EMULATION RANKING" },
  max: { vi: "tối đa", en: "at most" },
  points: { vi: "điểm", en: "points" },
  rank: { vi: "Hạng", en: "Rank" },
  code: { vi: "Mã đơn vị", en: "Unit code" },
  name: { vi: "Tên đơn vị", en: "Unit" },
  self: { vi: "Tự chấm", en: "Self score" },
  reviewed: { vi: "Sau thẩm định", en: "Reviewed" },
  total: { vi: "Tổng điểm", en: "Total" },
  grade: { vi: "Xếp loại", en: "Grade" },
  cluster: { vi: "Cụm thi đua", en: "Emulation cluster" },
  noCluster: { vi: "Chưa xếp cụm", en: "No cluster" },
  typed: { vi: "đơn vị tự xếp", en: "typed by the unit" },
} as const;

const HEADER_ROW = 7;
const TEXT = "@";
const POINTS = "0.##";
const MAX_SHEET_NAME = 31;

export function rankingSheetName(unit: string, period: string): string {
  const cleaned = `${L.sheet} ${unit} ${period}`.normalize("NFC").replace(/[[\]:*?/\\]/g, "");
  let name = "";
  for (const ch of cleaned) {
    if (name.length + ch.length > MAX_SHEET_NAME) break; // whole code points only
    name += ch;
  }
  return name.replace(/^[\s']+|[\s']+$/g, "") || L.sheet;
}

function text(address: string, value: string, extra: Partial<PlanCell> = {}): PlanCell {
  return { address, value, numberFormat: TEXT, ...extra };
}

function gradeLabel(template: Template, grade: Grade, lang: Lang): string {
  return template.grades.find((g) => g.code === grade)?.label[lang] ?? grade;
}

/** The scored grade, and the unit's own typed grade beside it when the two disagree. */
function gradeText(template: Template, unit: ScoresAnswer["units"][number], lang: Lang): string {
  const scored = gradeLabel(template, unit.grade, lang);
  if (unit.typedGrade === undefined) return scored;
  return `${scored} (${L.typed[lang]}: ${gradeLabel(template, unit.typedGrade, lang)})`;
}

interface Columns {
  criteria: string[];
  all: string[];
}

function columnsOf(scheme: ScoringScheme): Columns {
  const criteria = scheme.criteria.map((c) => c.code);
  return { criteria, all: ["rank", "code", "name", ...criteria, "self", "reviewed", "total", "grade"] };
}

function headerCells(scheme: ScoringScheme, cols: Columns, lang: Lang): PlanCell[] {
  return cols.all.map((key, i) => {
    const criterion = scheme.criteria.find((c) => c.code === key);
    const max = criterion ? criterion.items.reduce((n, item) => n + item.max, 0) : 0;
    const label = criterion
      ? `${key} (${max})`
      : L[key as "rank" | "code" | "name" | "self" | "reviewed" | "total" | "grade"][lang];
    return text(`${columnLetter(i + 1)}${HEADER_ROW}`, label, {
      bold: true,
      wrapText: true,
      border: true,
      fill: "#D9E1F2",
      horizontalAlignment: "Center",
    });
  });
}

function unitCells(
  unit: ScoresAnswer["units"][number],
  row: number,
  cols: Columns,
  template: Template,
  lang: Lang,
): PlanCell[] {
  const at = (key: string) => `${columnLetter(cols.all.indexOf(key) + 1)}${row}`;
  const num = (key: string, value: number | undefined): PlanCell =>
    value === undefined
      ? { address: at(key), value: null, border: true }
      : { address: at(key), value, numberFormat: POINTS, border: true };
  return [
    { address: at("rank"), value: unit.rank, border: true, horizontalAlignment: "Center" },
    text(at("code"), unit.unit, { border: true }),
    text(at("name"), unit.name, { border: true, wrapText: true }),
    ...cols.criteria.map((code) => num(code, unit.criteria.find((c) => c.code === code)?.points)),
    num("self", unit.self),
    num("reviewed", unit.reviewed),
    { ...num("total", unit.total), bold: true },
    text(at("grade"), gradeText(template, unit, lang), { border: true, wrapText: true }),
  ];
}

/** Units by cluster (clusters in name order, units without one last), each in rank order. */
export function clusterGroups(
  answer: ScoresAnswer,
  lang: Lang,
): { label?: string; units: ScoresAnswer["units"] }[] {
  if (!answer.units.some((u) => u.cluster !== undefined)) return [{ units: answer.units }];
  const names = [
    ...new Set(answer.units.flatMap((u) => (u.cluster === undefined ? [] : [u.cluster]))),
  ].sort();
  const list = names.map((name) => ({
    label: `${L.cluster[lang]}: ${name}`,
    units: answer.units.filter((u) => u.cluster === name),
  }));
  const rest = answer.units.filter((u) => u.cluster === undefined);
  return rest.length > 0 ? [...list, { label: L.noCluster[lang], units: rest }] : list;
}

export interface RankingSheetOptions {
  unitName: string;
  lang?: Lang;
}

export function rankingSheetPlan(
  answer: ScoresAnswer,
  scheme: ScoringScheme,
  template: Template,
  options: RankingSheetOptions,
): SheetPlan {
  const lang = options.lang ?? "vi";
  const cols = columnsOf(scheme);
  const last = columnLetter(cols.all.length);
  const period = lang === "vi" ? formatPeriodVn(answer.period) : formatPeriodEn(answer.period);
  const cells: PlanCell[] = [
    text("A1", L.union[lang], { bold: true }),
    text("A2", options.unitName.toUpperCase(), { bold: true }),
    text("A4", `${L.title[lang]} – ${period.toUpperCase()}`, { bold: true, horizontalAlignment: "Center" }),
    text("A5", `${scheme.title[lang]} (${L.max[lang]} ${answer.scheme.max} ${L.points[lang]})`, {
      italic: true,
      horizontalAlignment: "Center",
    }),
    ...headerCells(scheme, cols, lang),
  ];
  const merges = [`A4:${last}4`, `A5:${last}5`];
  let row = HEADER_ROW + 1;
  for (const group of clusterGroups(answer, lang)) {
    if (group.label !== undefined) {
      cells.push(text(`A${row}`, group.label, { bold: true, fill: "#F2F2F2" }));
      merges.push(`A${row}:${last}${row}`);
      row++;
    }
    for (const unit of group.units) cells.push(...unitCells(unit, row++, cols, template, lang));
  }
  const widths: Record<string, number> = { A: 6, B: 22, C: 34 };
  cols.all.slice(3).forEach((_, i) => {
    widths[columnLetter(i + 4)] = 11;
  });
  widths[last] = 26;
  return {
    name: rankingSheetName(answer.unit, answer.period),
    font: OFFICIAL_FONT,
    cells,
    columnWidths: widths,
    merges,
    validations: [],
    tables: [],
    freezeRows: HEADER_ROW,
    print: {
      orientation: "Landscape",
      paperSize: "A4",
      titleRows: `$${HEADER_ROW}:$${HEADER_ROW}`,
      fitToWidth: true,
      footer: PAGE_FOOTER[lang],
    },
    // Workbook properties describe the report a workbook holds; a ranking sheet beside it adds none.
    properties: {},
  };
}
