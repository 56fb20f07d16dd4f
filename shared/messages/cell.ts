// Messages for the issues of one cell (shared/parse/cell.ts). Vietnamese first: the readers are Youth
// Union officers filling the report. The shared formatter adds the "Ô F14 (PT01 – …): " prefix.
import type { IssueParam } from "../issues.ts";
import { fixAction } from "./fix-action.ts";
import { formatParam } from "./format-number.ts";
import type { CellIssueCode, Lang, MessageParams, MessageTable } from "./types.ts";

/** Numbers without thousands separators, so they cannot be misread: vi 92387 and 1,5, en 92387 and 1.5. */
const show = (v: IssueParam | undefined, lang: Lang): string => formatParam(v, lang, { group: false });

/** The raw text in single quotes (the house style of every message), as the user sees it in the cell. */
const q = (p: MessageParams): string => `'${show(p.raw, "vi")}'`;
const num = (p: MessageParams, key: string, lang: Lang): string => show(p[key], lang);

/** The fix offered: the number in param `key` (value, or thousands for a fraction in a count). */
const fixVi = (p: MessageParams, key = "value"): string =>
  p.fixable === false
    ? `Ô này có công thức: hãy sửa công thức để trả về số ${num(p, key, "vi")}.`
    : `${fixAction(p.client, "vi")} đổi thành số ${num(p, key, "vi")}.`;
const fixEn = (p: MessageParams, key = "value"): string =>
  p.fixable === false
    ? `The cell holds a formula: change it to return the number ${num(p, key, "en")}.`
    : `${fixAction(p.client, "en")} make it the number ${num(p, key, "en")}.`;

/** Why a number read as text, by the `reading` param parseCell sends. */
function textNumberWhy(p: MessageParams, lang: Lang): string {
  const sep = show(p.separator, lang);
  const vi: Record<string, string> = {
    thousands: `dấu '${sep}' ở đây là dấu phân cách hàng nghìn`,
    thousands_space: "dấu cách ở đây là dấu phân cách hàng nghìn",
    thousands_decimal: "số có cả dấu phân cách hàng nghìn lẫn dấu thập phân",
    decimal: "Excel trên máy này không nhận dấu '.' làm dấu thập phân",
    fullwidth: "chữ số được gõ ở dạng toàn độ rộng, thường do bộ gõ tiếng Trung hoặc tiếng Nhật",
    plain: "ô được định dạng Văn bản (Text) hoặc số được nhập sau dấu nháy '",
  };
  const en: Record<string, string> = {
    thousands: `the '${sep}' separates thousands`,
    thousands_space: "the space separates thousands",
    thousands_decimal: "it has both thousands separators and a decimal mark",
    decimal: "Excel on this computer does not take '.' as the decimal mark",
    fullwidth: "the digits are full-width, usually from a Chinese or Japanese input method",
    plain: "the cell is formatted as Text or the number was typed after an apostrophe",
  };
  const table = lang === "vi" ? vi : en;
  return table[show(p.reading, lang)] ?? table.plain ?? "";
}

const FORMULA_HINT_VI: Record<string, string> = {
  "#DIV/0!": "phép chia cho ô trống hoặc bằng 0",
  "#REF!": "công thức trỏ tới ô đã bị xóa",
  "#VALUE!": "công thức dùng ô có chữ thay vì số",
  "#NAME?": "tên hàm hoặc tên vùng bị viết sai",
  "#N/A": "công thức tìm không thấy giá trị",
};
const FORMULA_HINT_EN: Record<string, string> = {
  "#DIV/0!": "a division by an empty or zero cell",
  "#REF!": "the formula points to a deleted cell",
  "#VALUE!": "the formula uses a cell holding text instead of a number",
  "#NAME?": "a misspelt function or range name",
  "#N/A": "the formula's lookup found nothing",
};

function formulaHint(p: MessageParams, table: Record<string, string>): string {
  const hint = table[show(p.error, "en")];
  return hint === undefined ? "" : ` (${hint})`;
}

export const cellMessages: MessageTable<CellIssueCode> = {
  "cell.text_number": {
    vi: (p) =>
      `${q(p)} đang được lưu dưới dạng chữ nên không được cộng khi tổng hợp; ${textNumberWhy(p, "vi")}. ${fixVi(p)}`,
    en: (p) =>
      `${q(p)} is stored as text, so it is left out of totals; ${textNumberWhy(p, "en")}. ${fixEn(p)}`,
  },
  "cell.decimal_comma": {
    vi: (p) => `${q(p)} dùng dấu phẩy thập phân nên Excel lưu thành chữ, không tính được. ${fixVi(p)}`,
    en: (p) =>
      `${q(p)} uses a decimal comma, so Excel stored it as text that cannot be added up. ${fixEn(p)}`,
  },
  "cell.ambiguous_number": {
    vi: (p) =>
      `Không rõ ${q(p)} là ${num(p, "thousands", "vi")} (dấu '${show(p.separator, "vi")}' phân cách hàng nghìn) hay ${num(p, "decimal", "vi")} (dấu '${show(p.separator, "vi")}' là dấu thập phân). Hãy nhập lại số đúng, không dùng dấu phân cách hàng nghìn.`,
    en: (p) =>
      `${q(p)} could be ${num(p, "thousands", "en")} (with '${show(p.separator, "en")}' separating thousands) or ${num(p, "decimal", "en")} (with '${show(p.separator, "en")}' as the decimal mark). Type the intended number again, without thousands separators.`,
  },
  "cell.number_with_unit": {
    vi: (p) =>
      p.unitFits === false
        ? `${q(p)} có kèm đơn vị '${show(p.unit, "vi")}', khác với đơn vị tính của dòng (${show(p.expectedUnit, "vi")}). Hãy quy đổi ra ${show(p.expectedUnit, "vi")} và chỉ nhập số.`
        : `${q(p)} có kèm đơn vị '${show(p.unit, "vi")}'; ô này chỉ nhận số, đơn vị đã ghi ở cột ĐVT. ${fixVi(p)}`,
    en: (p) =>
      p.unitFits === false
        ? `${q(p)} carries the unit '${show(p.unit, "en")}', not the row's unit (${show(p.expectedUnitEn, "en")}). Convert it to ${show(p.expectedUnitEn, "en")} and type the number only.`
        : `${q(p)} carries the unit '${show(p.unit, "en")}'; the cell takes a number only, the unit is in the ĐVT column. ${fixEn(p)}`,
  },
  "cell.stray_spaces": {
    vi: (p) =>
      `${q(p)} có dấu cách thừa (thường là dấu cách không ngắt khi dán từ Word hoặc trang web) nên bị lưu thành chữ. ${fixVi(p)}`,
    en: (p) =>
      `${q(p)} has extra spaces (often non-breaking spaces pasted from Word or a web page), so it is stored as text. ${fixEn(p)}`,
  },
  "cell.dash": {
    vi: (p) =>
      `Ô có dấu gạch ${q(p)} thay vì số. Nếu số liệu bằng 0, hãy nhập 0; nếu chưa có số liệu, hãy để trống ô.`,
    en: (p) =>
      `The cell holds a dash ${q(p)} instead of a number. If the figure is zero, type 0; if there is no data, leave the cell empty.`,
  },
  "cell.negative": {
    vi: (p) => `Số liệu không được âm (${q(p)}). Hãy nhập lại số đúng.`,
    en: (p) => `Figures cannot be negative (${q(p)}). Type the correct number.`,
  },
  "cell.too_large": {
    vi: (p) =>
      `${q(p)} lớn hơn mức tối đa ${num(p, "max", "vi")} của một đơn vị, máy chủ sẽ không nhận. Hãy kiểm tra lại số (thừa chữ số?).`,
    en: (p) =>
      `${q(p)} is above the ${num(p, "max", "en")} one unit's figure may be; the server will refuse it. Check the number (an extra digit?).`,
  },
  "cell.fraction_in_count": {
    // With `thousands`: 1.758 typed as a number in an en-US Excel, where "." is the decimal mark.
    vi: (p) =>
      typeof p.thousands === "number"
        ? `${q(p)} không phải số nguyên, trong khi chỉ tiêu này đếm số ${show(p.unit, "vi")}; có phải là ${num(p, "thousands", "vi")}? Excel trên máy này coi dấu '.' là dấu thập phân, không phải dấu phân cách hàng nghìn. ${fixVi(p, "thousands")}`
        : `${q(p)} không phải số nguyên, trong khi chỉ tiêu này đếm số ${show(p.unit, "vi")}. Hãy nhập lại số nguyên đúng (nếu là số hàng nghìn, viết liền không dấu, ví dụ 1500).`,
    en: (p) =>
      typeof p.thousands === "number"
        ? `${q(p)} is not a whole number, but this indicator counts ${show(p.unitEn, "en")}; did you mean ${num(p, "thousands", "en")}? Excel on this computer takes '.' as the decimal mark, not as a thousands separator. ${fixEn(p, "thousands")}`
        : `${q(p)} is not a whole number, but this indicator counts ${show(p.unitEn, "en")}. Type the correct whole number (for thousands, write the digits only, e.g. 1500).`,
  },
  "cell.too_many_decimals": {
    vi: (p) =>
      `${q(p)} có ${show(p.decimals, "vi")} chữ số thập phân; số tiền (triệu đồng) chỉ ghi tối đa 3 chữ số thập phân, tức đến nghìn đồng. Hãy nhập lại số đã làm tròn.`,
    en: (p) =>
      `${q(p)} has ${show(p.decimals, "en")} decimals; amounts in million VND take at most 3, i.e. to the thousand đồng. Type the rounded amount.`,
  },
  "cell.date": {
    vi: (p) =>
      `Excel đã tự chuyển số vừa nhập thành ngày ${q(p)}. Hãy chuyển định dạng ô về Số (Number) rồi nhập lại số đúng.`,
    en: (p) =>
      `Excel turned what was typed into the date ${q(p)}. Set the cell's format back to Number and type the figure again.`,
  },
  "cell.formula_error": {
    vi: (p) =>
      `Ô báo lỗi công thức ${q(p)}${formulaHint(p, FORMULA_HINT_VI)}. Hãy sửa công thức hoặc nhập số trực tiếp.`,
    en: (p) =>
      `The cell shows the formula error ${q(p)}${formulaHint(p, FORMULA_HINT_EN)}. Fix the formula or type the number.`,
  },
  "cell.boolean": {
    vi: (p) =>
      p.expects === "grade"
        ? `Ô chứa giá trị đúng/sai ${q(p)} thay vì xếp loại. Hãy nhập một xếp loại: XS, T, HT hoặc KHT.`
        : `Ô chứa giá trị đúng/sai ${q(p)} thay vì số. Hãy nhập số.`,
    en: (p) =>
      p.expects === "grade"
        ? `The cell holds the true/false value ${q(p)} instead of a rating. Type one of XS, T, HT or KHT.`
        : `The cell holds the true/false value ${q(p)} instead of a number. Type the number.`,
  },
  "cell.not_a_number": {
    vi: (p) =>
      `${q(p)} không phải là số. Hãy nhập một số (ví dụ 125), không kèm chữ hay ghi chú; ghi chú để ở cột Ghi chú.`,
    en: (p) =>
      `${q(p)} is not a number. Type a number (e.g. 125) with no words; notes go in the Ghi chú column.`,
  },
  "cell.grade_unknown": {
    vi: (p) =>
      `${q(p)} không phải là xếp loại hợp lệ. Hãy nhập một trong các mã: ${show(p.allowedVi, "vi")}.`,
    en: (p) => `${q(p)} is not a valid rating. Type one of: ${show(p.allowedEn, "en")}.`,
  },
  "cell.grade_spelled": {
    vi: (p) =>
      p.fixable === false
        ? `${q(p)} được hiểu là '${show(p.gradeVi, "vi")}' (mã ${show(p.value, "vi")}). Ô này có công thức: hãy sửa để trả về đúng mã ${show(p.value, "vi")}.`
        : `${q(p)} được hiểu là '${show(p.gradeVi, "vi")}' (mã ${show(p.value, "vi")}). ${fixAction(p.client, "vi")} ghi đúng mã ${show(p.value, "vi")}.`,
    en: (p) =>
      p.fixable === false
        ? `${q(p)} reads as '${show(p.gradeEn, "en")}' (code ${show(p.value, "en")}). The cell holds a formula: make it return the code ${show(p.value, "en")}.`
        : `${q(p)} reads as '${show(p.gradeEn, "en")}' (code ${show(p.value, "en")}). ${fixAction(p.client, "en")} write the code ${show(p.value, "en")}.`,
  },
  "cell.ratio_typed": {
    vi: (p) =>
      `Ô tỷ lệ này có số ${q(p)} được nhập tay đè lên công thức. Tỷ lệ luôn được tính lại từ ${show(p.numerator, "vi")} / ${show(p.denominator, "vi")} × 100 nên số này không được dùng; add-in sẽ khôi phục công thức. Hãy nhập số liệu ở hai dòng ${show(p.numerator, "vi")} và ${show(p.denominator, "vi")}.`,
    en: (p) =>
      `${q(p)} was typed over this ratio's formula. Ratios are always recomputed as ${show(p.numerator, "en")} / ${show(p.denominator, "en")} × 100, so the typed figure is ignored and the add-in restores the formula. Enter the figures in rows ${show(p.numerator, "en")} and ${show(p.denominator, "en")}.`,
  },
};
