// What a unit misses, criterion by criterion: "thiếu 12 điểm ở Tiêu chí 3: …". Shown to the unit in the
// add-in's pane and by `baocao scores`, so it knows where its points went.
import type { Label } from "../template/types.ts";
import type { CriterionScore, ScoringScheme } from "./types.ts";

export interface Shortfall {
  criterion: string;
  label: Label;
  missing: number;
  /** The items that lost points, most first. */
  items: { code: string; label: Label; missing: number }[];
}

function trim(n: number): number {
  return Math.round(n * 100) / 100;
}

export function shortfalls(scheme: ScoringScheme, criteria: readonly CriterionScore[]): Shortfall[] {
  return criteria.flatMap((score) => {
    const criterion = scheme.criteria.find((c) => c.code === score.code);
    const missing = trim(score.max - score.points);
    if (!criterion || criterion.bonus || missing <= 0) return [];
    const items = score.items
      .map((item) => ({
        code: item.code,
        label: criterion.items.find((i) => i.code === item.code)?.label ?? { vi: item.code, en: item.code },
        missing: trim(item.max - item.points),
      }))
      .filter((item) => item.missing > 0)
      .sort((a, b) => b.missing - a.missing);
    return [{ criterion: score.code, label: criterion.label, missing, items }];
  });
}

function points(n: number, lang: "vi" | "en"): string {
  return lang === "vi" ? String(n).replace(".", ",") : String(n);
}

/** One line per criterion that lost points, in the reader's language. */
export function describeShortfalls(list: readonly Shortfall[], lang: "vi" | "en"): string[] {
  return list.map((s) => {
    const items = s.items.map((i) => `${i.code} ${i.label[lang]} (${points(i.missing, lang)})`).join("; ");
    return lang === "vi"
      ? `Thiếu ${points(s.missing, "vi")} điểm ở ${s.criterion} – ${s.label.vi}: ${items}`
      : `${points(s.missing, "en")} points short in ${s.criterion} – ${s.label.en}: ${items}`;
  });
}
