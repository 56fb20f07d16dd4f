// The reporting summary above the "Tổng hợp" table, and the names the three sheets show for units.
// Names come from the answer itself (reporting.units, missingUnits, lateUnitsNamed, children); an older
// server's answer without them shows codes, which is still right.
import type { Consolidation } from "../api/schemas.ts";
import { pullSheetName } from "./sheet-names.ts";

type Lang = "vi" | "en";

/** At most this many names in a summary line; the full list is on the "Tình hình nộp" sheet. */
export const SUMMARY_NAMES = 12;

export const STATUS_SHEET = "Tình hình nộp";

const S = {
  head: { vi: "TÌNH HÌNH NỘP BÁO CÁO", en: "REPORTING STATUS" },
  submitted: { vi: "đã nộp", en: "submitted" },
  units: { vi: "đơn vị", en: "units" },
  late: { vi: "nộp muộn", en: "late" },
  missing: { vi: "chưa nộp", en: "missing" },
  accepted: { vi: "đã duyệt", en: "accepted" },
  returned: { vi: "bị trả lại", en: "returned" },
  missingList: { vi: "Chưa nộp", en: "Missing" },
  lateList: { vi: "Nộp muộn", en: "Late" },
  none: { vi: "không có", en: "none" },
  more: { vi: "và {n} đơn vị khác, xem trang", en: "and {n} more, see sheet" },
  targets: { vi: "Chỉ tiêu", en: "Targets" },
} as const;

/** code → name from everything the answer says about units. */
export function unitNamesOf(c: Consolidation): Map<string, string> {
  const names = new Map<string, string>();
  for (const ch of c.children) names.set(ch.unit, ch.name);
  for (const u of c.reporting.units ?? []) names.set(u.code, u.name);
  for (const u of [...(c.reporting.missingUnits ?? []), ...(c.reporting.lateUnitsNamed ?? [])])
    names.set(u.code, u.name);
  if (c.name !== undefined) names.set(c.unit, c.name);
  return names;
}

function nameList(codes: readonly string[], names: Map<string, string>, lang: Lang, sheet: string): string {
  if (codes.length === 0) return S.none[lang];
  const shown = codes.slice(0, SUMMARY_NAMES).map((code) => names.get(code) ?? code);
  const rest = codes.length - shown.length;
  const tail = rest > 0 ? `; … ${S.more[lang].replace("{n}", String(rest))} «${sheet}»` : "";
  return `${shown.join("; ")}${tail}`;
}

/** Four lines: counts; missing units; late units; the targets summary. */
export function reportingSummaryLines(c: Consolidation, lang: Lang, targets: string): string[] {
  const r = c.reporting;
  const names = unitNamesOf(c);
  const sheet = pullSheetName(STATUS_SHEET, c.unit, c.period);
  let counts =
    `${S.head[lang]}: ${S.submitted[lang]} ${r.submitted}/${r.expected} ${S.units[lang]} ` +
    `(${S.late[lang]} ${r.late}); ${S.missing[lang]} ${r.missing.length}`;
  if (r.accepted !== undefined) counts += `; ${S.accepted[lang]} ${r.accepted}`;
  if (r.returned !== undefined) counts += `; ${S.returned[lang]} ${r.returned.length}`;
  return [
    `${counts}.`,
    `${S.missingList[lang]}: ${nameList(r.missing, names, lang, sheet)}`,
    `${S.lateList[lang]}: ${nameList(r.lateUnits ?? [], names, lang, sheet)}`,
    `${S.targets[lang]}: ${targets}`,
  ];
}
