// A unit's own figures ("<name> (trực tiếp)") from what the consolidation gives: its subtree totals
// less its children's. Counts and money subtract exactly (money to the thousandth, as stored); grades
// by count. A ratio cannot be taken apart, and a difference of 0 cannot tell "reported 0" from "no
// report", so both stay blank: blank is never shown as 0.
import type { Consolidation, IndicatorTotal } from "../api/schemas.ts";
import { GRADES, type Template } from "../template/types.ts";

function rest(total: number | undefined, parts: (number | undefined)[]): number | undefined {
  if (total === undefined) return undefined;
  const sum = parts.reduce<number>((s, v) => s + (v ?? 0), 0);
  const own = Math.round((total - sum) * 1000) / 1000;
  return own === 0 ? undefined : own;
}

export function ownFigures(c: Consolidation, template: Template): IndicatorTotal[] {
  const totals = new Map(c.indicators.map((i) => [i.code, i]));
  const childTotals = c.children.map((ch) => new Map(ch.indicators.map((i) => [i.code, i])));
  const out: IndicatorTotal[] = [];
  for (const ind of template.indicators) {
    const t = totals.get(ind.code);
    const kids = childTotals.map((m) => m.get(ind.code));
    const own: IndicatorTotal = { code: ind.code, kind: ind.kind };
    if (ind.kind === "count" || ind.kind === "money") {
      const actual = rest(
        t?.actual,
        kids.map((k) => k?.actual),
      );
      const target = rest(
        t?.target,
        kids.map((k) => k?.target),
      );
      if (actual !== undefined) own.actual = actual;
      if (target !== undefined) own.target = target;
    } else if (ind.kind === "grade" && t?.grades) {
      const grades: Record<string, number> = {};
      for (const g of GRADES)
        grades[g] = (t.grades[g] ?? 0) - kids.reduce((s, k) => s + (k?.grades?.[g] ?? 0), 0);
      if (GRADES.some((g) => (grades[g] ?? 0) > 0)) own.grades = grades;
    }
    out.push(own);
  }
  return out;
}
