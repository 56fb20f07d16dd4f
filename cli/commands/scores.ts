// baocao scores: the ranking of a unit's children (GET /v1/scores) in the terminal and, with --out, as
// the "Xếp loại" sheet; the unit's own score and what it misses. baocao scores set: manual points
// (PUT /v1/scores), checked with the same shared rules before anything is sent.
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { createApiClient } from "../../shared/api/client.ts";
import { PERIOD_RE, UNIT_CODE_RE } from "../../shared/api/schemas.ts";
import type { ScoresAnswer, ScoresPut } from "../../shared/api/scores.ts";
import type { Lang } from "../../shared/messages/types.ts";
import { clusterGroups, rankingSheetPlan } from "../../shared/plans/ranking-sheet.ts";
import { manualPointsIssues } from "../../shared/scoring/manual-points.ts";
import { DEFAULT_SCHEME_ID } from "../../shared/scoring/registry.ts";
import { describeShortfalls, shortfalls } from "../../shared/scoring/shortfall.ts";
import type { ScoringScheme } from "../../shared/scoring/types.ts";
import { DEFAULT_TEMPLATE_ID, getTemplate } from "../../shared/template/registry.ts";
import { renderPlan } from "../../shared/xlsx/render-plan.ts";
import { remoteFailure } from "../api-errors.ts";
import { langOption, parse, REMOTE_OPTIONS, remote, requireString } from "../args.ts";
import { CliError, EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { textTable } from "../text-table.ts";
import { writeWorkbook } from "../xlsx/write-workbook.ts";
import type { Command } from "./command.ts";
import { schemeCommand, serverScheme } from "./scores-scheme.ts";

const help = `baocao scores --unit MÃ --period KỲ [--out xep-loai.xlsx] [--lang vi|en] --server URL --token TOKEN
baocao scores set --unit MÃ --period KỲ --kind self|reviewed --item MỤC=ĐIỂM[:ghi chú] … --server URL --token TOKEN
baocao scores scheme get ID [--version N] [--out FILE.json]   in bộ tiêu chí / print a scoring scheme
baocao scores scheme publish FILE.json                         công bố bộ tiêu chí (admin) / publish one

Xếp loại thi đua các đơn vị trực thuộc (điểm theo tiêu chí, tổng điểm, xếp loại, thứ hạng) và điểm của
chính đơn vị, kèm chỗ còn thiếu điểm. --out ghi trang "Xếp loại" vào tệp .xlsx.
"scores set" chấm điểm các mục chấm tay: self = đơn vị tự chấm, reviewed = cấp trên thẩm định.
The emulation ranking of a unit's children (points per criterion, total, grade, rank) and the unit's
own score with where it lost points; --out writes the "Xếp loại" sheet. "scores set" gives points to
manual items: self = the unit's own score, reviewed = the level above's.

  --item TC4.4=40:"Đã kiểm tra hồ sơ"   mục TC4.4, 40 điểm, ghi chú / item, points, note

Exit: 0 ok, 1 points refused, 3 server unreachable or refused, 64 wrong arguments, 73 cannot write.`;

const T = {
  rank: { vi: "Hạng", en: "Rank" },
  unit: { vi: "Đơn vị", en: "Unit" },
  total: { vi: "Tổng", en: "Total" },
  grade: { vi: "Xếp loại", en: "Grade" },
  typed: { vi: "tự xếp", en: "typed" },
  counted: { vi: "Xếp loại theo điểm (TD01 đếm theo đây)", en: "Grades from the scores (what TD01 counts)" },
  disagree: {
    vi: "Cảnh báo: {n} đơn vị tự xếp loại (TD01) khác với điểm; điểm được tính.",
    en: "Warning: {n} units typed a grade (TD01) their score does not give; the score counts.",
  },
} as const;

function unitAndPeriod(values: { unit?: string; period?: string }): { unit: string; period: string } {
  const unit = requireString("scores", "unit", values.unit, "SL").toUpperCase();
  const period = requireString("scores", "period", values.period, "2026");
  if (!UNIT_CODE_RE.test(unit) || !PERIOD_RE.test(period))
    throw new UsageError(
      `Mã đơn vị "${unit}" hoặc kỳ "${period}" không hợp lệ (ví dụ --unit SL --period 2026).`,
      `Unit "${unit}" or period "${period}" is not valid (e.g. --unit SL --period 2026).`,
    );
  return { unit, period };
}

function rankingTable(units: ScoresAnswer["units"], lang: Lang): string {
  const criteria = units[0]?.criteria.map((c) => c.code) ?? [];
  const rows = units.map((u) => [
    String(u.rank),
    `${u.unit} ${u.name}`,
    ...u.criteria.map((c) => String(c.points)),
    String(u.total),
    u.typedGrade === undefined ? u.grade : `${u.grade} (${T.typed[lang]} ${u.typedGrade})`,
  ]);
  return textTable([T.rank[lang], T.unit[lang], ...criteria, T.total[lang], T.grade[lang]], rows, [
    "right",
    "left",
    ...criteria.map(() => "right" as const),
    "right",
    "left",
  ]);
}

/** The ranking, one table per cụm thi đua when units have one (the same groups as the sheet). */
function printRanking(io: Io, answer: ScoresAnswer, lang: Lang): void {
  for (const group of clusterGroups(answer, lang)) {
    if (group.label !== undefined) line(io.stdout, `\n${group.label}`);
    line(io.stdout, rankingTable(group.units, lang));
  }
  const grades = answer.grades;
  if (grades) {
    const counts = Object.entries(grades)
      .map(([g, n]) => `${g} ${n}`)
      .join(", ");
    line(io.stdout, `\n${T.counted[lang]}: ${counts}`);
  }
  const disagree = answer.units.filter((u) => u.typedGrade !== undefined);
  if (disagree.length > 0) line(io.stdout, T.disagree[lang].replace("{n}", String(disagree.length)));
}

function printOwn(io: Io, answer: ScoresAnswer, scheme: ScoringScheme, lang: Lang): void {
  const own = answer.own;
  if (!own) return;
  line(io.stdout, `${own.unit} ${own.name}: ${own.total}/${answer.scheme.max} · ${own.grade}`);
  for (const text of describeShortfalls(shortfalls(scheme, own.criteria), lang)) line(io.stdout, `  ${text}`);
}

async function show(argv: string[], io: Io): Promise<number> {
  const { values } = parse("scores", argv, {
    ...REMOTE_OPTIONS,
    unit: { type: "string" },
    period: { type: "string" },
    out: { type: "string" },
    lang: { type: "string" },
  });
  const { unit, period } = unitAndPeriod(values);
  const lang = langOption("scores", values.lang);
  const { server, token } = remote("scores", values, io);
  const client = createApiClient({
    baseUrl: server,
    token,
    ...(io.fetch !== undefined && { fetch: io.fetch }),
  });
  let answer: ScoresAnswer;
  try {
    answer = await client.scores(unit, period);
  } catch (e) {
    throw remoteFailure(e);
  }
  const scheme = await serverScheme(client, answer.scheme.id, answer.scheme.version);
  if (answer.units.length > 0) printRanking(io, answer, lang);
  printOwn(io, answer, scheme, lang);
  if (values.out !== undefined) {
    const template = getTemplate(DEFAULT_TEMPLATE_ID);
    if (!template) throw new CliError("Thiếu mẫu báo cáo dựng sẵn", "No built-in template", EXIT.internal);
    const wb = new ExcelJS.Workbook();
    wb.creator = "baocao";
    await renderPlan(
      wb,
      rankingSheetPlan(answer, scheme, template, { unitName: answer.own?.name ?? unit, lang }),
    );
    const out = resolve(io.cwd, values.out);
    await writeWorkbook(wb, out);
    line(io.stdout, `Đã ghi / Written: ${out}`);
  }
  return EXIT.ok;
}

/** "TC4.4=40" or "TC4.4=40:ghi chú"; decimal comma accepted ("12,5"). */
export function parseItem(text: string): ScoresPut["items"][number] {
  const match = /^([A-Za-z0-9.]+)=([0-9]+(?:[.,][0-9]+)?)(?::(.*))?$/s.exec(text.trim());
  if (!match)
    throw new UsageError(
      `--item "${text}" không đúng dạng MỤC=ĐIỂM[:ghi chú], ví dụ --item TC4.4=40:"Đã kiểm tra".`,
      `--item "${text}" is not ITEM=POINTS[:note], e.g. --item TC4.4=40:"Checked".`,
    );
  const [, code = "", points = "0", note] = match;
  return { code: code.toUpperCase(), points: Number(points.replace(",", ".")), ...(note ? { note } : {}) };
}

async function set(argv: string[], io: Io): Promise<number> {
  const { values } = parse("scores", argv, {
    ...REMOTE_OPTIONS,
    unit: { type: "string" },
    period: { type: "string" },
    kind: { type: "string" },
    item: { type: "string", multiple: true },
  });
  const { unit, period } = unitAndPeriod(values);
  if (values.kind !== "self" && values.kind !== "reviewed")
    throw new UsageError("--kind phải là self hoặc reviewed.", "--kind must be self or reviewed.");
  const items = (values.item ?? []).map(parseItem);
  if (items.length === 0) throw new UsageError("Cần ít nhất một --item.", "At least one --item is needed.");
  const { server, token } = remote("scores", values, io);
  const client = createApiClient({
    baseUrl: server,
    token,
    ...(io.fetch !== undefined && { fetch: io.fetch }),
  });
  // Checked with the version the server scores with (a published one may move an item's maximum).
  const problems = manualPointsIssues(await serverScheme(client, DEFAULT_SCHEME_ID), items);
  for (const p of problems)
    line(io.stderr, `✗ --item ${Number(p.field.split(".")[1]) + 1}: ${p.message.vi} / ${p.message.en}`);
  if (problems.length > 0) return EXIT.invalid;
  try {
    await client.putScores({ unit, period, kind: values.kind, items });
  } catch (e) {
    throw remoteFailure(e);
  }
  line(
    io.stdout,
    `Đã lưu ${items.length} mục điểm (${values.kind}) cho ${unit} ${period} / Saved ${items.length} item(s).`,
  );
  return EXIT.ok;
}

async function run(argv: string[], io: Io): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    line(io.stdout, help);
    return EXIT.ok;
  }
  if (argv[0] === "scheme") return schemeCommand(argv.slice(1), io);
  return argv[0] === "set" ? set(argv.slice(1), io) : show(argv, io);
}

export const scoresCommand: Command = {
  name: "scores",
  summary: "xếp loại thi đua, chấm điểm / emulation scores and ranking",
  help,
  run,
};
