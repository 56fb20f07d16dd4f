// The two columns a consolidated sheet gains with a compared period ("so với cùng kỳ"): the compared
// period's figure restated onto this period's tree (the server's `previous`), and the change in per
// cent. Counts and money change as (now − then) / then; a rate or a grade count has no such change.
import type { ComparedIndicator } from "../api/units.ts";
import { GRADES, type Indicator } from "../template/types.ts";

export type CompareLang = "vi" | "en";

export function compareHeaders(period: string, lang: CompareLang): [string, string] {
  return lang === "vi" ? [`Cùng kỳ ${period}`, "Tăng/giảm (%)"] : [`Same period ${period}`, "Change (%)"];
}

/** The compared figure (a number, or the grade counts as text) and the change in %, one decimal. */
export function compareCells(
  ind: Indicator,
  total: ComparedIndicator | undefined,
): { previous: number | string | null; change: number | null } {
  const p = total?.previous;
  if (!p) return { previous: null, change: null };
  if (ind.kind === "grade") {
    const text = p.grades ? GRADES.map((g) => `${g}: ${p.grades?.[g] ?? 0}`).join("; ") : null;
    return { previous: text, change: null };
  }
  const previous = p.actual ?? null;
  const now = total?.actual;
  if (ind.kind === "ratio" || previous === null || previous === 0 || now === undefined) {
    return { previous, change: null };
  }
  return { previous, change: Math.round(((now - previous) / previous) * 1000) / 10 };
}
