// A return must say why: a general comment or a comment on an indicator. Decided once, for the Worker
// (422 on field `comment`) and for the web page, which says it before sending.
import type { ReviewDecision, ReviewItem } from "../api/review-parts.ts";

export const REASON_MISSING = {
  code: "review.reason_missing",
  field: "comment",
  vi: "trả lại báo cáo cần nêu lý do: ghi nhận xét chung hoặc nhận xét từng chỉ tiêu",
  en: "a return needs a reason: write a comment or a comment per indicator",
} as const;

/** True when `decision` is a return with neither a comment (after trimming) nor an indicator comment. */
export function reasonMissing(
  decision: ReviewDecision,
  comment: string | undefined,
  items: readonly ReviewItem[] | undefined,
): boolean {
  return decision === "return" && (comment ?? "").trim() === "" && (items ?? []).length === 0;
}
