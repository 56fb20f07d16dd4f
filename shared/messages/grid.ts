// Sentences for the grid.* issues of locateReport: the sheet's shape and its header block. The
// "Ô B9 (GD01 – …): " prefix is added by formatIssue. Params: see shared/grid/locate.ts.
import { fixAction } from "./fix-action.ts";
import { formatParam } from "./format-number.ts";
import type { GridIssueCode, MessageParams, MessageTable } from "./types.ts";

// Grid params are codes, addresses and version numbers: written as they are, never grouped.
const textVi = (v: MessageParams[string] | undefined): string => formatParam(v, "vi", { group: false });
const textEn = (v: MessageParams[string] | undefined): string => formatParam(v, "en", { group: false });

/** " ('Hoạt động khác: …')" after a row number, when the row has a label. */
const quoted = (label: MessageParams[string] | undefined): string =>
  typeof label === "string" && label !== "" ? ` ('${label}')` : "";

const PERIOD_FORMS_VI = "2023 (cả năm), 2023-H1 (6 tháng đầu năm), 2023-Q3 (quý 3) hoặc 2023-11 (tháng 11)";
const PERIOD_FORMS_EN = "2023 (year), 2023-H1 (first half), 2023-Q3 (third quarter) or 2023-11 (November)";

const FIELD_VI: Record<string, string> = { unitCode: "Mã đơn vị", period: "Kỳ báo cáo", template: "Mẫu" };
const FIELD_EN: Record<string, string> = {
  unitCode: "unit code (Mã đơn vị)",
  period: "reporting period (Kỳ báo cáo)",
  template: "template (Mẫu)",
};

function headerMissingVi(p: MessageParams): string {
  switch (p.field) {
    case "unitCode":
      return "Chưa có mã đơn vị. Nhập mã đơn vị được cấp (ví dụ SL.MAISON) vào ô bên phải nhãn 'Mã đơn vị:'.";
    case "period":
      return `Chưa có kỳ báo cáo. Nhập kỳ vào ô bên phải nhãn 'Kỳ báo cáo:', theo dạng ${PERIOD_FORMS_VI}.`;
    case "template":
      return p.assumed
        ? `Không thấy ô 'Mẫu:'; theo các mã chỉ tiêu, bảng này được hiểu là mẫu ${textVi(p.assumed)}. Ghi '${textVi(p.assumed)}' vào ô bên phải nhãn 'Mẫu:' để khỏi nhầm.`
        : "Không xác định được mẫu báo cáo: thiếu ô 'Mẫu:' và các mã chỉ tiêu không khớp mẫu nào. Hãy chép số liệu vào mẫu báo cáo mới.";
    default:
      return `Thiếu thông tin '${FIELD_VI[textVi(p.field)] ?? textVi(p.field)}' ở phần đầu báo cáo. Hãy nhập vào ô bên phải nhãn.`;
  }
}

function headerMissingEn(p: MessageParams): string {
  switch (p.field) {
    case "unitCode":
      return "The unit code is missing. Enter your unit's code (e.g. SL.MAISON) in the cell right of the 'Mã đơn vị:' label.";
    case "period":
      return `The reporting period is missing. Enter it in the cell right of the 'Kỳ báo cáo:' label, as ${PERIOD_FORMS_EN}.`;
    case "template":
      return p.assumed
        ? `No 'Mẫu:' cell was found; from its indicator codes this table was read as template ${textEn(p.assumed)}. Write '${textEn(p.assumed)}' in the cell right of the 'Mẫu:' label to make it explicit.`
        : "The report template cannot be identified: the 'Mẫu:' cell is missing and the indicator codes match no template. Copy the figures into a fresh template.";
    default:
      return `The header field ${FIELD_EN[textEn(p.field)] ?? textEn(p.field)} is missing. Enter it in the cell right of its label.`;
  }
}

function headerMalformedVi(p: MessageParams): string {
  const value = `'${textVi(p.value)}'`;
  const expected = textVi(p.expected);
  if (p.field === "unitCode") {
    return expected !== ""
      ? `Mã đơn vị ${value} phải viết in hoa: ${expected}. Sửa lại thành ${expected}.`
      : `Mã đơn vị ${value} không hợp lệ: chỉ gồm chữ in hoa không dấu, chữ số và các dấu '.', '_', '-' (tối đa 64 ký tự), ví dụ SL.MAISON. Nhập đúng mã đơn vị được cấp.`;
  }
  if (p.field === "period") {
    return expected !== ""
      ? `Kỳ báo cáo ${value} được hiểu là ${expected}. Ghi theo mã chuẩn ${expected} để gửi báo cáo.`
      : `Không hiểu kỳ báo cáo ${value}. Ghi kỳ theo dạng ${PERIOD_FORMS_VI}.`;
  }
  return `Giá trị ${value} ở phần đầu báo cáo không hợp lệ. Kiểm tra lại.`;
}

function headerMalformedEn(p: MessageParams): string {
  const value = `'${textEn(p.value)}'`;
  const expected = textEn(p.expected);
  if (p.field === "unitCode") {
    return expected !== ""
      ? `Unit code ${value} must be in capitals: ${expected}. Change it to ${expected}.`
      : `Unit code ${value} is not valid: use capital letters without accents, digits and '.', '_', '-' (at most 64 characters), e.g. SL.MAISON. Enter the code your unit was given.`;
  }
  if (p.field === "period") {
    return expected !== ""
      ? `Reporting period ${value} was read as ${expected}. Write the standard code ${expected} to submit.`
      : `Reporting period ${value} is not understood. Write it as ${PERIOD_FORMS_EN}.`;
  }
  return `The header value ${value} is not valid. Check it.`;
}

export const gridMessages: MessageTable<GridIssueCode> = {
  "grid.table_not_found": {
    vi: () =>
      "Không tìm thấy bảng số liệu: trang tính cần một dòng tiêu đề có các cột 'Mã chỉ tiêu', 'Chỉ tiêu giao' và 'Kết quả thực hiện'. Khôi phục dòng tiêu đề, hoặc chép số liệu vào mẫu báo cáo mới.",
    en: () =>
      "The report table was not found: the sheet needs a header row with the columns 'Mã chỉ tiêu' (code), 'Chỉ tiêu giao' (target) and 'Kết quả thực hiện' (actual). Restore the header row or copy the figures into a fresh template.",
  },
  "grid.row_missing": {
    vi: (p) =>
      p.required === true
        ? `Bảng thiếu dòng bắt buộc ${textVi(p.code)}. Chèn lại một dòng có mã ${textVi(p.code)} ở cột 'Mã chỉ tiêu' và nhập số liệu (ghi 0 nếu không có).`
        : `Bảng không có dòng ${textVi(p.code)}; chỉ tiêu này được tính là chưa có số liệu. Nếu dòng bị xóa nhầm, chèn lại một dòng có mã ${textVi(p.code)} ở cột 'Mã chỉ tiêu'.`,
    en: (p) =>
      p.required === true
        ? `The required row ${textEn(p.code)} is missing from the table. Insert a row with code ${textEn(p.code)} in the 'Mã chỉ tiêu' column and enter a figure (0 if there is none).`
        : `The table has no row ${textEn(p.code)}; this indicator counts as not reported. If the row was deleted by mistake, insert a row with code ${textEn(p.code)} in the 'Mã chỉ tiêu' column.`,
  },
  "grid.row_duplicate": {
    vi: (p) =>
      `Mã ${textVi(p.code)} đã có ở ô ${textVi(p.first)}; số liệu ở dòng trùng này bị bỏ qua. Xóa dòng trùng hoặc sửa lại mã cho đúng.`,
    en: (p) =>
      `Code ${textEn(p.code)} already appears in cell ${textEn(p.first)}; the figures on this duplicate row are ignored. Delete the duplicate row or correct its code.`,
  },
  "grid.row_unknown": {
    vi: (p) =>
      `Mã '${textVi(p.code)}' không có trong mẫu ${textVi(p.template)} nên dòng này không được tính. Kiểm tra lại mã (ví dụ PT01), hoặc xóa dòng nếu không cần.`,
    en: (p) =>
      `Code '${textEn(p.code)}' is not in template ${textEn(p.template)}, so this row is not counted. Check the code (e.g. PT01) or delete the row if it is not needed.`,
  },
  "grid.row_uncoded": {
    vi: (p) =>
      `Dòng ${textVi(p.row)}${quoted(p.label)} có số liệu (${textVi(p.value)}) nhưng không có mã chỉ tiêu: số này sẽ không được gửi. Nếu đây là một chỉ tiêu của mẫu, ghi mã của nó vào cột 'Mã chỉ tiêu'; nếu là chi tiết của dòng trên, ghi 'Trong đó:' ở đầu nội dung; nếu không, chuyển số liệu sang cột Ghi chú.`,
    en: (p) =>
      `Row ${textEn(p.row)}${quoted(p.label)} holds a figure (${textEn(p.value)}) but no indicator code: it will not be sent. If it is a template indicator, write its code in the 'Mã chỉ tiêu' column; if it details the row above, start its label with 'Trong đó:'; otherwise move the figure to the Ghi chú (notes) column.`,
  },
  "grid.row_code_missing": {
    vi: (p) =>
      `Dòng ${textVi(p.row)}${quoted(p.label)} là dòng ${textVi(p.code)} của mẫu nhưng ô 'Mã chỉ tiêu' đã bị xóa, nên ${p.hasFigure === true ? "số liệu của dòng này sẽ không được gửi" : "dòng này không được đọc"}. ${fixAction(p.client, "vi")} ghi lại mã ${textVi(p.code)}.`,
    en: (p) =>
      `Row ${textEn(p.row)}${quoted(p.label)} is the template's row ${textEn(p.code)} but its 'Mã chỉ tiêu' (code) cell was cleared, so ${p.hasFigure === true ? "its figures will not be sent" : "the row is not read"}. ${fixAction(p.client, "en")} write the code ${textEn(p.code)} back.`,
  },
  "grid.breakdown_exceeds": {
    vi: (p) =>
      `Dòng ${textVi(p.row)}${quoted(p.label)} là chi tiết ('Trong đó') của dòng ${textVi(p.parent)} ngay trên, nhưng số ${textVi(p.value)} lớn hơn ${textVi(p.parentValue)} của dòng đó. Kiểm tra lại hai số; dòng 'Trong đó' không được gửi riêng.`,
    en: (p) =>
      `Row ${textEn(p.row)}${quoted(p.label)} details ('Trong đó', of which) row ${textEn(p.parent)} above it, but its ${textEn(p.value)} is larger than that row's ${textEn(p.parentValue)}. Check both figures; a 'Trong đó' row is never sent on its own.`,
  },
  "grid.template_unknown": {
    vi: (p) =>
      `Không nhận ra mẫu báo cáo '${textVi(p.template)}' (các mẫu hiện có: ${textVi(p.known)}). Sửa ô 'Mẫu:', hoặc chép số liệu vào mẫu báo cáo mới.`,
    en: (p) =>
      `Report template '${textEn(p.template)}' is not known (available: ${textEn(p.known)}). Correct the 'Mẫu:' cell or copy the figures into a fresh template.`,
  },
  "grid.template_version_unknown": {
    vi: (p) =>
      `Mẫu ${textVi(p.template)} phiên bản ${textVi(p.version)} không được hỗ trợ; phiên bản hiện hành là ${textVi(p.known)}. Chép số liệu sang mẫu ${textVi(p.template)} phiên bản ${textVi(p.known)}.`,
    en: (p) =>
      `Template ${textEn(p.template)} version ${textEn(p.version)} is not supported; the current version is ${textEn(p.known)}. Copy the figures into template ${textEn(p.template)} version ${textEn(p.known)}.`,
  },
  "grid.header_missing": { vi: headerMissingVi, en: headerMissingEn },
  "grid.header_malformed": { vi: headerMalformedVi, en: headerMalformedEn },
};
