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

/**
 * The same states read from the reviewer's side, beside a submission status: a report sent and not yet
 * decided is "waiting for review" there (the submission column already says it was sent).
 */
export const REVIEW_LABEL: Record<ReviewState, { vi: string; en: string }> = {
  submitted: { vi: "Chờ duyệt", en: "Awaiting review" },
  returned: STATE_LABEL.returned,
  accepted: STATE_LABEL.accepted,
};

/** Sentences every client's review view says alike (with `{since}`, `{reviewer}`, `{at}` filled in). */
export const REVIEW_SENTENCE = {
  changesNone: { vi: "Không có thay đổi nào từ bản {since}.", en: "Nothing changed since revision {since}." },
  acceptedIntro: {
    vi: "Cấp trên ({reviewer}) đã duyệt báo cáo lúc {at}: số liệu đã chốt, không gửi lại được cho đến khi cấp trên mở lại.",
    en: "The level above ({reviewer}) accepted the report on {at}: the figures are final until it is reopened.",
  },
} as const;

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
