// The two columns a consolidated sheet gains with a compared period ("so với cùng kỳ"): the compared
// period's figure restated onto this period's tree (the server's `previous`), and the change. Counts and
// money change in per cent, (now − then) / then; a rate changes in percentage points (now − then); a
// grade count has no change. The Tổng hợp sheet and `baocao pull --print` both read it from here.
import type { ComparedIndicator } from "../api/units.ts";
import { GRADES, type Indicator } from "../template/types.ts";

export type CompareLang = "vi" | "en";

export function compareHeaders(period: string, lang: CompareLang): [string, string] {
  return lang === "vi" ? [`Cùng kỳ ${period}`, "Tăng/giảm (%)"] : [`Same period ${period}`, "Change (%)"];
}

/** (now − then) / then in %, one decimal; blank from zero or without both figures. */
export function changePercent(current: number | undefined, previous: number | undefined): number | undefined {
  if (current === undefined || previous === undefined || previous === 0) return undefined;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

/** "XS: 5; T: 3; HT: 1; KHT: 0" */
export function gradeText(grades: Record<string, number> | undefined): string | null {
  if (!grades) return null;
  return GRADES.map((g) => `${g}: ${grades[g] ?? 0}`).join("; ");
}

/** The compared figure (a number, or the grade counts as text) and its change, one decimal. */
export function compareCells(
  ind: Indicator,
  total: ComparedIndicator | undefined,
): { previous: number | string | null; change: number | null } {
  const p = total?.previous;
  if (!p) return { previous: null, change: null };
  if (ind.kind === "grade") return { previous: gradeText(p.grades), change: null };
  const previous = p.actual ?? null;
  const now = total?.actual;
  if (ind.kind === "ratio") {
    const points = now !== undefined && previous !== null ? Math.round((now - previous) * 10) / 10 : null;
    return { previous, change: points };
  }
  return { previous, change: changePercent(now, previous ?? undefined) ?? null };
}
