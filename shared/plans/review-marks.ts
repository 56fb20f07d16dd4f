// A returned report's per-indicator comments as cell marks on the reporter's sheet: a note on the
// indicator's actual cell. They travel with the validation marks, so they are written, kept and cleared
// (the user's own fill and note restored) exactly like them; a resubmission drops them.
import type { ReviewItem } from "../api/review-parts.ts";
import type { LocatedRow } from "../grid/locate.ts";
import type { Lang } from "../messages/types.ts";
import type { CellMark } from "./types.ts";

/** Excel's light blue ("20% Accent1"): not a problem colour, a remark to read. */
export const REVIEW_FILL = "#DDEBF7";

const PREFIX: Record<Lang, (by: string) => string> = {
  vi: (by) => `Cấp trên (${by}) trả lại: `,
  en: (by) => `Returned by ${by}: `,
};

/** One mark per commented indicator found on the sheet; comments on rows not on the sheet are skipped. */
export function reviewMarks(
  items: readonly ReviewItem[],
  rows: readonly LocatedRow[],
  sheet: string,
  reviewer: string,
  lang: Lang,
): CellMark[] {
  const at = new Map(rows.map((r) => [r.code, r.cells.actual]));
  return items.flatMap((item) => {
    const address = at.get(item.code);
    if (!address) return [];
    const note = `${PREFIX[lang](reviewer)}${item.comment}`;
    return [{ sheet, address, severity: "warning" as const, fill: REVIEW_FILL, note }];
  });
}

/** Validation marks first; a review note on a cell that already has one joins its note (one per cell). */
export function withReviewMarks(marks: readonly CellMark[], review: readonly CellMark[]): CellMark[] {
  const out = marks.map((m) => ({ ...m }));
  for (const r of review) {
    const same = out.find((m) => m.address === r.address && (m.sheet ?? r.sheet) === r.sheet);
    if (same) same.note = `${same.note}\n${r.note}`;
    else out.push(r);
  }
  return out;
}
