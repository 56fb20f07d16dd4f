// Every word the pane and the ribbon commands show, Vietnamese first, English second. `{name}` marks a
// value filled in by `t`. Issue messages themselves come from shared/messages (the same ones the Worker
// and the CLI use); this module holds only the pane's own words.
import type { Lang } from "../../shared/messages/types.ts";

export type { Lang };

export const TEXT = {
  appTitle: { vi: "Báo cáo Đoàn", en: "Youth Union Reports" },
  appSubtitle: { vi: "Mẫu báo cáo số liệu công tác Đoàn", en: "Youth Union periodic report" },

  // Actions (the ribbon's buttons, the pane's toolbar).
  actionCreate: { vi: "Tạo mẫu", en: "New template" },
  actionValidate: { vi: "Kiểm tra", en: "Check" },
  actionSubmit: { vi: "Gửi báo cáo", en: "Submit" },
  actionPull: { vi: "Lấy tổng hợp", en: "Consolidate" },
  actionSettings: { vi: "Cài đặt", en: "Settings" },
  actionBack: { vi: "Quay lại", en: "Back" },
  actionFix: { vi: "Sửa", en: "Fix" },
  actionFixAll: { vi: "Sửa tất cả ({n})", en: "Fix all ({n})" },
  actionRetry: { vi: "Gửi lại", en: "Retry now" },
  actionResend: { vi: "Gửi lại trên bản {revision}", en: "Resend on revision {revision}" },
  actionCancel: { vi: "Hủy", en: "Cancel" },
  actionConfirmSend: { vi: "Vẫn gửi", en: "Submit anyway" },
  actionSave: { vi: "Lưu", en: "Save" },
  actionCreateSheet: { vi: "Tạo trang mẫu", en: "Create the sheet" },
  actionPullSheet: { vi: "Lấy số liệu", en: "Get the figures" },
  actionReloadUnits: { vi: "Tải lại danh sách", en: "Reload the list" },
  actionDismiss: { vi: "Đóng", en: "Dismiss" },

  // Status line.
  statusReady: { vi: "Sẵn sàng", en: "Ready" },
  statusQueued: { vi: "Đang chờ gửi ({n})", en: "Waiting to send ({n})" },
  statusQueueEmpty: { vi: "Không có báo cáo chờ gửi", en: "Nothing waiting to send" },
  statusNoToken: {
    vi: "Chưa có mã truy cập: mở Cài đặt để nhập.",
    en: "No access token yet: open Settings to enter one.",
  },
  statusLastNetwork: {
    vi: "Lần thử gần nhất: không kết nối được máy chủ",
    en: "Last attempt: the server could not be reached",
  },
  statusLastServer: {
    vi: "Lần thử gần nhất: máy chủ đang lỗi hoặc quá tải; sẽ thử lại",
    en: "Last attempt: the server failed or was busy; it will be tried again",
  },

  // Progress messages.
  busyCreating: { vi: "Đang tạo trang mẫu…", en: "Creating the template sheet…" },
  busyValidating: { vi: "Đang kiểm tra số liệu…", en: "Checking the figures…" },
  busyFixing: { vi: "Đang sửa các ô…", en: "Fixing cells…" },
  busySubmitting: { vi: "Đang gửi báo cáo…", en: "Submitting the report…" },
  busyRetrying: { vi: "Đang gửi lại các báo cáo chờ…", en: "Sending the waiting reports…" },
  busyLoadingUnits: { vi: "Đang tải danh sách đơn vị…", en: "Loading the units…" },
  busyPulling: { vi: "Đang lấy số liệu tổng hợp…", en: "Getting the consolidated figures…" },
  busyPullWriting: {
    vi: "Đang ghi 3 trang tính (Tổng hợp, Theo đơn vị, Tình hình nộp)…",
    en: "Writing 3 sheets (summary, by unit, reporting status)…",
  },
  busyConflict: { vi: "Đang xem bản mới trên máy chủ…", en: "Looking at the server's revision…" },

  // Issues panel.
  issuesTitle: { vi: "Kết quả kiểm tra", en: "Check results" },
  issuesNone: {
    vi: "Không có lỗi hay cảnh báo. Báo cáo sẵn sàng để gửi.",
    en: "No errors or warnings. The report is ready to submit.",
  },
  issuesNotChecked: {
    vi: "Bấm Kiểm tra để rà soát số liệu trên trang báo cáo.",
    en: "Press Check to review the figures on the report sheet.",
  },
  issuesSheet: { vi: "Trang “{sheet}”, kiểm tra lúc {time}", en: "Sheet “{sheet}”, checked at {time}" },
  groupErrors: { vi: "Lỗi", en: "Errors" },
  groupWarnings: { vi: "Cảnh báo", en: "Warnings" },
  countErrors: { vi: "Lỗi {n}", en: "Errors {n}" },
  countWarnings: { vi: "Cảnh báo {n}", en: "Warnings {n}" },
  issueGoTo: { vi: "Chọn ô {cell}", en: "Select cell {cell}" },
  issueFixTo: { vi: "Sửa thành {value}", en: "Change to {value}" },
  issueFixClear: { vi: "Sửa: để trống ô này", en: "Fix: empty this cell" },
  fixedCount: { vi: "Đã sửa {n} ô.", en: "Fixed {n} cells." },
  fixNothing: { vi: "Không có lỗi nào sửa tự động được.", en: "Nothing can be fixed automatically." },

  // Submit.
  submitBlocked: {
    vi: "Chưa gửi được: còn {n} lỗi. Hãy sửa hết các lỗi (ô tô đỏ) rồi gửi lại.",
    en: "Not submitted: {n} errors remain. Fix every error (cells in red), then submit again.",
  },
  submitNoReport: {
    vi: "Không tìm thấy bảng báo cáo trên trang này. Hãy Tạo mẫu hoặc mở trang báo cáo.",
    en: "No report table on this sheet. Create the template or open the report sheet.",
  },
  confirmTitle: { vi: "Gửi khi còn cảnh báo?", en: "Submit with warnings?" },
  confirmBody: {
    vi: "Báo cáo còn {n} cảnh báo. Cảnh báo không chặn việc gửi, nhưng hãy chắc chắn số liệu đúng (ghi rõ lý do ở cột Ghi chú).",
    en: "The report has {n} warnings. Warnings do not block submission, but make sure the figures are right (explain in the Note column).",
  },
  receiptTitle: { vi: "Đã gửi báo cáo", en: "Report submitted" },
  receiptReplayed: {
    vi: "Máy chủ đã nhận báo cáo này từ trước (không tính hai lần).",
    en: "The server already had this report (not counted twice).",
  },
  receiptFromQueue: { vi: "Gửi từ hàng chờ", en: "Sent from the queue" },
  receiptRevision: { vi: "Bản số", en: "Revision" },
  receiptUnit: { vi: "Đơn vị", en: "Unit" },
  receiptPeriod: { vi: "Kỳ", en: "Period" },
  receiptTime: { vi: "Thời điểm nhận", en: "Received at" },
  receiptSummary: { vi: "Chỉ tiêu", en: "Targets" },
  receiptWarnings: { vi: "Cảnh báo từ máy chủ ({n})", en: "Server warnings ({n})" },
  queuedTitle: { vi: "Chưa gửi được, đã đưa vào hàng chờ", en: "Not sent yet: queued" },
  queuedBody: {
    vi: "Báo cáo được lưu và sẽ tự gửi lại khi có mạng (cùng mã gửi, không bị tính hai lần). Số liệu trên trang vẫn giữ nguyên.",
    en: "The report is saved and will be sent again automatically when the network is back (same key, never counted twice). The sheet keeps its figures.",
  },
  refusedTitle: { vi: "Máy chủ từ chối báo cáo", en: "The server refused the report" },
  refusedBody: {
    vi: "Số liệu trên trang vẫn giữ nguyên; sửa theo thông báo rồi gửi lại.",
    en: "The sheet keeps its figures; fix what is said and submit again.",
  },

  // Conflict.
  conflictTitle: { vi: "Đã có bản báo cáo mới hơn trên máy chủ", en: "A newer revision is on the server" },
  conflictBody: {
    vi: "Bạn gửi trên bản {ours}, nhưng máy chủ đang có bản {current} (nhận lúc {time}). Khác biệt so với trang của bạn:",
    en: "You submitted on revision {ours}, but the server holds revision {current} (received {time}). What differs from your sheet:",
  },
  conflictNone: {
    vi: "Không có khác biệt về số liệu.",
    en: "No difference in the figures.",
  },
  conflictNever: { vi: "chưa có", en: "none" },
  conflictColCode: { vi: "Mã", en: "Code" },
  conflictColField: { vi: "Cột", en: "Column" },
  conflictColServer: { vi: "Máy chủ", en: "Server" },
  conflictColSheet: { vi: "Trang này", en: "This sheet" },
  fieldTarget: { vi: "Chỉ tiêu giao", en: "Target" },
  fieldActual: { vi: "Kết quả", en: "Actual" },
  fieldNote: { vi: "Ghi chú", en: "Note" },

  // Create.
  createTitle: { vi: "Tạo trang mẫu báo cáo", en: "Create the report sheet" },
  createHint: {
    vi: "Trang mới theo mẫu kỳ báo cáo đang dùng: điền số liệu vào cột Chỉ tiêu giao và Kết quả thực hiện.",
    en: "A new sheet from the template the period uses: fill in the Target and Actual columns.",
  },
  createDone: { vi: "Đã tạo trang “{sheet}”.", en: "Created sheet “{sheet}”." },
  fieldUnit: { vi: "Đơn vị", en: "Unit" },
  fieldUnitCode: { vi: "Mã đơn vị", en: "Unit code" },
  fieldUnitName: { vi: "Tên đơn vị", en: "Unit name" },
  fieldPeriod: { vi: "Kỳ báo cáo", en: "Period" },
  fieldPeriodHint: {
    vi: "Năm (2023), nửa năm (2023-H1), quý (2023-Q3) hoặc tháng (2023-11)",
    en: "Year (2023), half (2023-H1), quarter (2023-Q3) or month (2023-11)",
  },
  fieldReporter: { vi: "Người lập", en: "Prepared by" },
  fieldPhone: { vi: "Điện thoại", en: "Phone" },

  // Pull.
  pullTitle: { vi: "Lấy số liệu tổng hợp", en: "Get consolidated figures" },
  pullHint: {
    vi: "Chọn đơn vị (trong phạm vi mã truy cập của bạn) và kỳ; số liệu được ghi vào ba trang “Tổng hợp”, “Theo đơn vị” và “Tình hình nộp” <đơn vị> <kỳ>.",
    en: "Pick a unit (within your token's reach) and a period; the figures go to three sheets, “Tổng hợp”, “Theo đơn vị” and “Tình hình nộp” <unit> <period>.",
  },
  pullDone: {
    vi: "Đã ghi trang “{sheet}”: {submitted}/{expected} đơn vị đã nộp.",
    en: "Wrote sheet “{sheet}”: {submitted}/{expected} units reported.",
  },
  pulledTitle: { vi: "Đã lấy số liệu tổng hợp", en: "Consolidated figures written" },
  pulledSheet: { vi: "Trang", en: "Sheet" },
  pulledSheets: { vi: "Các trang", en: "Sheets" },
  pulledBar: {
    vi: "Đúng hạn {onTime}, nộp muộn {late}, chưa nộp {missing} (trên {expected} đơn vị)",
    en: "On time {onTime}, late {late}, missing {missing} (of {expected} units)",
  },
  pullReplaceTitle: { vi: "Thay thế lần lấy trước?", en: "Replace the earlier pull?" },
  pullReplaceBody: {
    vi: "Sổ tính đã có các trang của lần lấy trước cho cùng đơn vị và kỳ: {sheets}. Thay bằng số liệu mới?",
    en: "The workbook already has the sheets of an earlier pull of this unit and period: {sheets}. Replace them with the new figures?",
  },
  actionReplace: { vi: "Thay thế", en: "Replace" },
  pulledUnit: { vi: "Đơn vị", en: "Unit" },
  pulledSubmitted: { vi: "Đã nộp", en: "Reported" },
  pulledSubmittedValue: { vi: "{submitted}/{expected} đơn vị", en: "{submitted}/{expected} units" },
  pulledLate: { vi: "Nộp muộn", en: "Late" },
  pulledMissing: { vi: "Chưa nộp", en: "Missing" },
  pulledNone: { vi: "không có", en: "none" },
  pulledTargets: { vi: "Chỉ tiêu", en: "Targets" },
  pullNoUnits: { vi: "Chưa tải được danh sách đơn vị.", en: "The unit list is not loaded." },
  pullBadPeriod: {
    vi: "Kỳ báo cáo không hợp lệ: dùng 2023, 2023-H1, 2023-Q3 hoặc 2023-11.",
    en: "Invalid period: use 2023, 2023-H1, 2023-Q3 or 2023-11.",
  },
  pullBadCompare: {
    vi: "Kỳ so sánh không hợp lệ: dùng 2025, 2025-H1, 2025-Q3 hoặc 2025-11, hoặc để trống để không so sánh.",
    en: "Invalid period to compare with: use 2025, 2025-H1, 2025-Q3 or 2025-11, or leave it blank for none.",
  },
  fieldCompare: { vi: "So sánh với", en: "Compare with" },
  fieldCompareHint: {
    vi: "Mặc định cùng kỳ năm trước; số liệu kỳ đó được quy đổi theo cây đơn vị của kỳ đã chọn. Để trống: không so sánh.",
    en: "By default the same period a year earlier, restated onto the chosen period's units. Blank: no comparison.",
  },
  pulledCompare: { vi: "So sánh với", en: "Compared with" },
  pullUnknownTemplate: {
    vi: "Máy chủ trả về mẫu {template} mà bản add-in này chưa biết.",
    en: "The server answered with template {template}, unknown to this add-in.",
  },

  // Settings.
  settingsTitle: { vi: "Cài đặt", en: "Settings" },
  settingsServer: { vi: "Địa chỉ máy chủ", en: "Server URL" },
  settingsToken: { vi: "Mã truy cập", en: "Access token" },
  settingsTokenHint: {
    vi: "Do cấp trên cấp; chỉ lưu trên máy này.",
    en: "Issued by your upper level; stored on this computer only.",
  },
  settingsLanguage: { vi: "Ngôn ngữ", en: "Language" },
  settingsSaved: { vi: "Đã lưu cài đặt.", en: "Settings saved." },
  settingsBadUrl: {
    vi: "Địa chỉ máy chủ phải bắt đầu bằng https:// (hoặc http:// khi thử trên máy).",
    en: "The server URL must start with https:// (or http:// for local testing).",
  },
  langVi: { vi: "Tiếng Việt", en: "Tiếng Việt (Vietnamese)" },
  langEn: { vi: "English (Tiếng Anh)", en: "English" },

  // Errors.
  errorNetwork: {
    vi: "Không kết nối được máy chủ. Kiểm tra mạng hoặc địa chỉ máy chủ trong Cài đặt.",
    en: "Cannot reach the server. Check the network or the server URL in Settings.",
  },
  errorUnexpected: { vi: "Có lỗi không mong muốn: {message}", en: "Unexpected error: {message}" },
} as const satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof TEXT;
export type TextParams = Record<string, string | number>;

/** The text of `key` in `lang` with `{name}` filled from `params` (unknown names stay as written). */
export function t(key: TextKey, lang: Lang, params: TextParams = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
