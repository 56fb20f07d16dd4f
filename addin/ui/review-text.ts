// The pane's words for the review (§3), Vietnamese first: kept apart from text.ts, which other features
// extend, so each table stays one feature's. State names come from shared/review/labels.ts.
import type { Lang } from "../../shared/messages/types.ts";
import { REVIEW_SENTENCE } from "../../shared/review/labels.ts";

export const REVIEW_TEXT = {
  deskTitle: { vi: "Duyệt báo cáo", en: "Review reports" },
  deskIntro: {
    vi: "Chọn đơn vị cấp trên và kỳ, rồi mở từng báo cáo để duyệt hoặc trả lại.",
    en: "Choose the unit above and the period, then open each report to accept or return it.",
  },
  unitAbove: { vi: "Đơn vị cấp trên (mã)", en: "Unit above (code)" },
  period: { vi: "Kỳ báo cáo", en: "Period" },
  deskLoad: { vi: "Xem danh sách", en: "List the reports" },
  deskOpen: { vi: "Mở", en: "Open" },
  deskEmpty: { vi: "Không có đơn vị nào bên dưới.", en: "No unit below." },
  openTitle: { vi: "Báo cáo {unit} · bản {revision}", en: "Report of {unit} · revision {revision}" },
  changesTitle: {
    vi: "Thay đổi từ bản {since} (ô tô vàng)",
    en: "Changes since revision {since} (yellow cells)",
  },
  changesNone: REVIEW_SENTENCE.changesNone,
  commentLabel: { vi: "Nhận xét", en: "Comment" },
  cellComment: { vi: "Nhận xét cho ô đang chọn", en: "Comment on the selected cell" },
  addCellComment: { vi: "Thêm cho ô đang chọn", en: "Add to the selected cell" },
  accept: { vi: "Duyệt", en: "Accept" },
  return: { vi: "Trả lại", en: "Return" },
  reopen: { vi: "Mở lại", en: "Reopen" },
  removeItem: { vi: "Bỏ", en: "Remove" },
  selectCell: {
    vi: "Chọn một ô trong bảng của trang {sheet} (dòng chỉ tiêu cần nhận xét) rồi bấm lại.",
    en: "Select a cell in the table of sheet {sheet} (the indicator's row), then press again.",
  },
  commentEmpty: { vi: "Nhập nhận xét trước.", en: "Type the comment first." },
  noReport: { vi: "Đơn vị này chưa có báo cáo kỳ này.", en: "This unit has no report for the period." },
  returnedTitle: { vi: "Bị trả lại", en: "Returned" },
  returnedIntro: {
    vi: "Cấp trên ({reviewer}) trả lại báo cáo lúc {at}. Sửa theo nhận xét rồi gửi lại; các ghi chú xanh trên ô sẽ tự xóa khi gửi.",
    en: "The level above ({reviewer}) returned the report on {at}. Fix it as commented and submit again; the blue notes leave the cells when you do.",
  },
  acceptedTitle: { vi: "Đã duyệt", en: "Accepted" },
  acceptedIntro: REVIEW_SENTENCE.acceptedIntro,
} as const;

export type ReviewTextKey = keyof typeof REVIEW_TEXT;

export function rt(key: ReviewTextKey, lang: Lang, params: Record<string, string | number> = {}): string {
  return REVIEW_TEXT[key][lang].replace(/\{(\w+)\}/g, (m, k: string) =>
    k in params ? String(params[k]) : m,
  );
}

/** Both languages, for a notice. */
export function rtBoth(
  key: ReviewTextKey,
  params: Record<string, string | number> = {},
): { vi: string; en: string } {
  return { vi: rt(key, "vi", params), en: rt(key, "en", params) };
}
