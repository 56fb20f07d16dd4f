// The page's own words, Vietnamese first. Messages about a report's cells are not here: they come from
// shared/messages, the same sentences the add-in and the CLI show.
import type { Lang } from "../shared/messages/types.ts";

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
} as const;

export type TextKey = keyof typeof TEXT;

export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
