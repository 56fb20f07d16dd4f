// How review states and changes read to people, in Vietnamese then English: the add-in, the CLI and
// the Worker's messages all take them from here.
import type { FigureChange, ReviewState } from "../api/review-parts.ts";
import { formatNumber } from "../messages/format-number.ts";
import type { Lang } from "../messages/types.ts";

export type ListState = ReviewState | "missing";

export const STATE_LABEL: Record<ListState, { vi: string; en: string }> = {
  missing: { vi: "Chưa nộp", en: "Not submitted" },
  submitted: { vi: "Đã nộp", en: "Submitted" },
  returned: { vi: "Bị trả lại", en: "Returned" },
  accepted: { vi: "Đã duyệt", en: "Accepted" },
};

const FIELD_LABEL: Record<FigureChange["field"], { vi: string; en: string }> = {
  target: { vi: "chỉ tiêu", en: "target" },
  actual: { vi: "thực hiện", en: "actual" },
  note: { vi: "ghi chú", en: "note" },
};

const EMPTY = { vi: "(trống)", en: "(empty)" };

function show(v: FigureChange["old"], lang: Lang): string {
  if (v === null) return EMPTY[lang];
  return typeof v === "number" ? formatNumber(v, lang) : `'${v}'`;
}

/** "PT02 thực hiện: 12 → 15". */
export function describeChange(c: FigureChange, lang: Lang): string {
  return `${c.code} ${FIELD_LABEL[c.field][lang]}: ${show(c.old, lang)} → ${show(c.new, lang)}`;
}

/** A decision as a verb: "không thể duyệt" / "cannot be accepted". */
export const DECISION_LABEL: Record<"accept" | "return" | "reopen", { vi: string; en: string }> = {
  accept: { vi: "duyệt", en: "accepted" },
  return: { vi: "trả lại", en: "returned" },
  reopen: { vi: "mở lại", en: "reopened" },
};
