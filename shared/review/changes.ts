// What changed between two revisions of a report, field by field, so a reviewer reads only that.
import type { FigureChange } from "../api/review-parts.ts";
import type { ReportRow } from "../template/types.ts";

const FIELDS = ["target", "actual", "note"] as const;

type Value = number | string | null;

function fieldValue(row: ReportRow | undefined, field: (typeof FIELDS)[number]): Value {
  const v = row?.[field];
  if (v === undefined || v === null || v === "") return null;
  return v;
}

/**
 * Every (indicator, field) whose value differs, in the order the codes first appear in `after`, then
 * those only in `before` (rows removed). A missing row, a missing field, null and "" are all "no
 * value", so a blank cell sent differently is not a change.
 */
export function changesBetween(before: readonly ReportRow[], after: readonly ReportRow[]): FigureChange[] {
  const old = new Map(before.map((r) => [r.code, r]));
  const now = new Map(after.map((r) => [r.code, r]));
  const codes = [...new Set([...after.map((r) => r.code), ...before.map((r) => r.code)])];
  const out: FigureChange[] = [];
  for (const code of codes) {
    for (const field of FIELDS) {
      const o = fieldValue(old.get(code), field);
      const n = fieldValue(now.get(code), field);
      if (o !== n) out.push({ code, field, old: o, new: n });
    }
  }
  return out;
}
