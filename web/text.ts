// The page's own words, Vietnamese first. Messages about a report's cells are not here: they come from
// shared/messages, the same sentences the add-in and the CLI show.
import type { Lang } from "../shared/messages/types.ts";
import { REVIEW_SENTENCE } from "../shared/review/labels.ts";

export const TEXT = {
  title: { vi: "Báo cáo Đoàn", en: "Youth Union Reports" },
  tagline: {
    vi: "Kiểm tra và nộp báo cáo số liệu công tác Đoàn, theo dõi tình hình nộp, tải số liệu tổng hợp.",
    en: "Check and submit Youth Union reports, follow who has reported, download the consolidated figures.",
  },
  switchLang: { vi: "English", en: "Tiếng Việt" },
  switchLangLabel: { vi: "Switch to English", en: "Chuyển sang tiếng Việt" },
  signInTitle: { vi: "Đăng nhập", en: "Sign in" },
  tokenLabel: { vi: "Mã truy cập", en: "Access token" },
  tokenHelp: {
    vi: "Mã do tỉnh đoàn cấp cho đơn vị. Mã chỉ được giữ trong thẻ trình duyệt này; đóng thẻ hoặc bấm Đăng xuất là xóa.",
    en: "The token your province gave your unit. It is kept in this browser tab only; closing the tab or signing out forgets it.",
  },
  signIn: { vi: "Đăng nhập", en: "Sign in" },
  signingIn: { vi: "Đang kiểm tra mã…", en: "Checking the token…" },
  signOut: { vi: "Đăng xuất", en: "Sign out" },
  signedIn: { vi: "Đang làm việc cho: {units}", en: "Working for: {units}" },
  badToken: {
    vi: "Mã truy cập không đúng hoặc đã bị thu hồi: kiểm tra lại mã tỉnh đoàn gửi.",
    en: "The access token is wrong or was revoked: check the token your province sent.",
  },
  emptyToken: { vi: "Nhập mã truy cập rồi bấm Đăng nhập.", en: "Type the access token, then Sign in." },
  submitTitle: { vi: "Nộp báo cáo", en: "Submit a report" },
  fileLabel: {
    vi: "Chọn tệp báo cáo .xlsx (một hoặc nhiều tệp)",
    en: "Choose report files (.xlsx, one or more)",
  },
  dropHint: { vi: "hoặc kéo thả tệp vào khung này", en: "or drop the files on this box" },
  privacy: {
    vi: "Tệp được kiểm tra ngay trên máy này và không được tải lên; chỉ số liệu báo cáo được gửi khi bấm Gửi.",
    en: "Files are checked on this device and never uploaded; only the report's figures are sent, when you press Submit.",
  },
  checking: { vi: "Đang kiểm tra {file}…", en: "Checking {file}…" },
  notXlsx: {
    vi: "{file}: không phải tệp .xlsx. Mở bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng Excel Workbook (.xlsx).",
    en: "{file}: not an .xlsx file. Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).",
  },
  unreadable: {
    vi: "{file}: không đọc được tệp ({why}). Mở bằng Excel hoặc LibreOffice rồi lưu lại dưới dạng Excel Workbook (.xlsx).",
    en: "{file}: cannot read the file ({why}). Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx).",
  },
  reportOf: { vi: "Đơn vị {unit}, kỳ {period}", en: "Unit {unit}, period {period}" },
  noReport: { vi: "Không tìm thấy bảng báo cáo", en: "No report table found" },
  sheetUsed: { vi: "Trang tính: {sheet}", en: "Sheet: {sheet}" },
  counts: { vi: "{errors} lỗi, {warnings} cảnh báo", en: "{errors} errors, {warnings} warnings" },
  clean: { vi: "Không có lỗi nào. Có thể gửi.", en: "No issues. Ready to submit." },
  error: { vi: "Lỗi", en: "Error" },
  warning: { vi: "Cảnh báo", en: "Warning" },
  fixTo: { vi: "Đề xuất sửa thành: {value}", en: "Proposed fix: {value}" },
  blank: { vi: "(để trống)", en: "(blank)" },
  downloadFixed: { vi: "Tải bản đã sửa", en: "Download the fixed copy" },
  downloadFixedOf: { vi: "Tải bản đã sửa của {file}", en: "Download the fixed copy of {file}" },
  fixedSaved: {
    vi: "Đã sửa {count} ô trong {file}. Mở tệp, xem lại rồi chọn lại tệp để kiểm tra và gửi.",
    en: "Fixed {count} cells in {file}. Open it, look it over, then choose it again to check and submit.",
  },
  send: { vi: "Gửi", en: "Submit" },
  sendOf: { vi: "Gửi báo cáo {file}", en: "Submit the report {file}" },
  sending: { vi: "Đang gửi…", en: "Sending…" },
  fixFirst: {
    vi: "Sửa các lỗi trong tệp trước khi gửi.",
    en: "Fix the errors in the file before submitting.",
  },
  sent: {
    vi: "Đã nhận báo cáo {unit} kỳ {period} (lần nộp {revision}) lúc {time}.",
    en: "Report {unit} for {period} received (revision {revision}) at {time}.",
  },
  queued: {
    vi: "Chưa gửi được vì không kết nối được máy chủ. Báo cáo được giữ trên máy này và tự gửi lại khi có mạng (tải lại trang cũng không mất).",
    en: "Not sent: the server could not be reached. The report is kept on this device and sent again when the network is back (a reload keeps it).",
  },
  refused: {
    vi: "Máy chủ không nhận báo cáo: {message}",
    en: "The server did not accept the report: {message}",
  },
  queueTitle: { vi: "Báo cáo chờ gửi", en: "Reports waiting to be sent" },
  queueEmpty: { vi: "Không có báo cáo nào chờ gửi.", en: "No report is waiting to be sent." },
  queueItem: {
    vi: "{unit} kỳ {period}: chờ gửi từ {time}, đã thử {attempts} lần",
    en: "{unit} for {period}: waiting since {time}, {attempts} tries",
  },
  retry: { vi: "Gửi lại ngay", en: "Send again now" },
  statusTitle: { vi: "Tình hình nộp", en: "Reporting status" },
  unitLabel: { vi: "Đơn vị", en: "Unit" },
  periodLabel: { vi: "Kỳ báo cáo (ví dụ 2023, 2024-06)", en: "Period (e.g. 2023, 2024-06)" },
  show: { vi: "Xem tình hình nộp", en: "Show the status" },
  loading: { vi: "Đang tải…", en: "Loading…" },
  badPeriod: {
    vi: "Kỳ báo cáo phải có dạng 2023, 2023-06 hoặc 2023-Q2.",
    en: "The period must look like 2023, 2023-06 or 2023-Q2.",
  },
  overview: {
    vi: "{name}, kỳ {period}: đã nộp {submitted}/{expected} đơn vị, {late} nộp muộn",
    en: "{name}, period {period}: {submitted} of {expected} units reported, {late} late",
  },
  colUnit: { vi: "Đơn vị", en: "Unit" },
  colStatus: { vi: "Trạng thái", en: "Status" },
  colReported: { vi: "Chỉ tiêu đã báo cáo", en: "Indicators reported" },
  colReporter: { vi: "Người báo cáo", en: "Reporter" },
  colPhone: { vi: "Điện thoại", en: "Phone" },
  colReview: { vi: "Duyệt", en: "Review" },
  st_submitted: { vi: "Đã nộp", en: "Submitted" },
  st_late: { vi: "Nộp muộn", en: "Late" },
  st_missing: { vi: "Chưa nộp", en: "Missing" },
  reportedOf: { vi: "{reported}/{indicators} chỉ tiêu", en: "{reported} of {indicators} indicators" },
  noChildren: { vi: "Đơn vị này không có đơn vị trực thuộc.", en: "This unit has no units below it." },
  unknown: { vi: "chưa có", en: "not given" },
  pull: { vi: "Tải tổng hợp", en: "Download the consolidated workbook" },
  pulled: { vi: "Đã tải {file}.", en: "Downloaded {file}." },
  unknownTemplate: {
    vi: "Máy chủ dùng mẫu {template} mà trang này chưa biết: tải lại trang.",
    en: "The server uses template {template}, unknown to this page: reload the page.",
  },
  offline: {
    vi: "Không kết nối được máy chủ: kiểm tra mạng rồi thử lại.",
    en: "Cannot reach the server: check the network and try again.",
  },
  forbidden: {
    vi: "Mã truy cập này không được xem đơn vị đó: chọn đơn vị của mình hoặc dùng mã của người duyệt.",
    en: "This token may not see that unit: choose your own unit or use a reviewer's token.",
  },
  // Review (api §3): the reviewer's cell and panel in "Tình hình nộp", the reporter's card.
  reviewCounts: {
    vi: "đã duyệt {accepted}, bị trả lại {returned}",
    en: "{accepted} accepted, {returned} returned",
  },
  reviewNone: { vi: "Chưa có báo cáo để duyệt", en: "No report to review yet" },
  reviewWaiting: { vi: "bản {revision}, nhận lúc {at}", en: "revision {revision}, received {at}" },
  reviewBy: { vi: "{reviewer}, lúc {at}", en: "{reviewer}, on {at}" },
  reviewOpen: { vi: "Mở", en: "Open" },
  reviewOpenOf: { vi: "Mở báo cáo {name} để duyệt", en: "Open the report of {name} to review it" },
  reviewTitle: {
    vi: "Duyệt báo cáo {name} ({unit}), kỳ {period}, bản {revision}",
    en: "Review: {name} ({unit}), period {period}, revision {revision}",
  },
  reviewStateLine: { vi: "Trạng thái: {state}", en: "State: {state}" },
  reviewCommentShown: { vi: "Nhận xét: {comment}", en: "Comment: {comment}" },
  reviewChanges: { vi: "Thay đổi từ bản {since}", en: "Changes since revision {since}" },
  reviewNoChanges: REVIEW_SENTENCE.changesNone,
  reviewFigures: { vi: "Số liệu của bản {revision}", en: "Figures of revision {revision}" },
  figCode: { vi: "Mã", en: "Code" },
  figLabel: { vi: "Chỉ tiêu", en: "Indicator" },
  figTarget: { vi: "Chỉ tiêu giao", en: "Target" },
  figActual: { vi: "Thực hiện", en: "Actual" },
  figNote: { vi: "Ghi chú", en: "Note" },
  reviewBlank: {
    vi: "{count} chỉ tiêu khác của mẫu để trống.",
    en: "{count} other indicators of the template are blank.",
  },
  figChanged: { vi: "(đã sửa)", en: "(changed)" },
  reviewChecks: { vi: "Kiểm tra theo quy tắc của mẫu", en: "Checks by the template's rules" },
  reviewChecksClean: {
    vi: "Không có lỗi hay cảnh báo nào theo quy tắc của mẫu.",
    en: "No errors or warnings by the template's rules.",
  },
  reviewHistory: { vi: "Các lần duyệt trước", en: "Earlier reviews" },
  reviewHistoryItem: {
    vi: "{at} · {reviewer}: {decision} bản {revision}",
    en: "{at} · {reviewer}: {decision} revision {revision}",
  },
  reviewCommentLabel: {
    vi: "Nhận xét (bắt buộc khi trả lại)",
    en: "Comment (required to return the report)",
  },
  reviewAccept: { vi: "Duyệt", en: "Accept" },
  reviewReturn: { vi: "Trả lại", en: "Return" },
  reviewReopen: { vi: "Mở lại", en: "Reopen" },
  reviewClose: { vi: "Đóng", en: "Close" },
  reviewSending: { vi: "Đang gửi quyết định…", en: "Sending the decision…" },
  reviewReasonMissing: {
    vi: "Ô “Nhận xét” đang trống: trả lại báo cáo cần nêu lý do. Ghi nhận xét rồi bấm Trả lại.",
    en: "The “Comment” field is empty: a return needs a reason. Write a comment, then press Return.",
  },
  reviewDone: { vi: "Báo cáo {name} kỳ {period}: {state}.", en: "Report of {name} for {period}: {state}." },
  reviewStale: {
    vi: "{name} vừa gửi bản {revision} sau khi anh/chị mở báo cáo: đã mở bản mới nhất, xem lại rồi quyết định.",
    en: "{name} sent revision {revision} after you opened the report: the latest one is open now, look it over, then decide.",
  },
  reviewForbidden: {
    vi: "Mã truy cập này không được duyệt báo cáo của đơn vị đó: dùng mã của người duyệt cấp trên.",
    en: "This token may not review that unit's report: use the token of a reviewer above it.",
  },
  ownReturnedTitle: {
    vi: "Báo cáo {unit} kỳ {period} bị trả lại",
    en: "The report of {unit} for {period} was returned",
  },
  ownReturnedIntro: {
    vi: "Cấp trên ({reviewer}) trả lại báo cáo lúc {at}. Sửa theo nhận xét rồi chọn lại tệp để gửi.",
    en: "The level above ({reviewer}) returned the report on {at}. Fix it as commented, then choose the file again to submit.",
  },
  ownAcceptedTitle: {
    vi: "Báo cáo {unit} kỳ {period} đã được duyệt",
    en: "The report of {unit} for {period} was accepted",
  },
  ownAcceptedIntro: REVIEW_SENTENCE.acceptedIntro,
} as const;

export type TextKey = keyof typeof TEXT;

export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
