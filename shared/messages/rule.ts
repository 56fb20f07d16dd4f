// Sentences for the rule.* issues of checkReport. Params hold indicator codes (left, right, code);
// formatIssue adds their labels (leftLabel, rightLabel) in the message's language, the rule's own label
// (ruleLabel), the grade list (gradeList) and the severity, so the same issue reads naturally in vi and
// en. The "Ô F14 (PT01 – …): " prefix is formatIssue's too. Numbers arrive as numbers and are written
// here as each language writes them: vi 1.200 and 555,5, en 1,200 and 555.5.
import { formatParam } from "./format-number.ts";
import type { Lang, MessageParams, MessageTable, RuleIssueCode } from "./types.ts";

/** Numbers grouped by thousands: vi 1.200, en 1,200. */
const show = (v: MessageParams[string] | undefined, lang: Lang): string => formatParam(v, lang);

/** A label inside a sentence: "Tổng số cán bộ đoàn" → "tổng số cán bộ đoàn", but "ĐVTN …" stays. */
function lowerFirst(s: string): string {
  const first = s.split(" ")[0] ?? "";
  if (first.length > 1 && first === first.toUpperCase()) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

const showVi = (v: MessageParams[string] | undefined) => show(v, "vi");
const showEn = (v: MessageParams[string] | undefined) => show(v, "en");

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Tổng số cán bộ đoàn (GD01 = 100)", or "GD01 = 100" when the template is not known. */
function named(
  label: MessageParams[string] | undefined,
  code: string,
  value?: string,
  inner = false,
): string {
  const shown = value === undefined || value === "" ? code : `${code} = ${value}`;
  const l = typeof label === "string" ? label : "";
  if (l === "") return shown;
  return `${inner ? lowerFirst(l) : l} (${shown})`;
}

function side(
  p: MessageParams,
  lang: Lang,
  which: "left" | "right",
  withValue: boolean,
  inner: boolean,
): string {
  const code = show(p[which], lang);
  const value = withValue ? show(p[`${which}Value`], lang) : undefined;
  return named(p[`${which}Label`], code, value, inner);
}

const isWarning = (p: MessageParams) => p.severity === "warning";

function ruleNote(p: MessageParams): string {
  const label = typeof p.ruleLabel === "string" ? p.ruleLabel : "";
  return label === "" ? "" : ` ${upperFirst(label)}.`;
}

const vi = {
  compare(p: MessageParams): string {
    const verb = p.op === ">=" ? "nhỏ hơn" : p.op === "==" ? "khác" : "lớn hơn";
    const head = `${side(p, "vi", "left", true, false)} ${verb} ${side(p, "vi", "right", true, true)}.`;
    if (isWarning(p)) return `${head}${ruleNote(p)} Nếu số liệu đúng, hãy ghi rõ lý do ở cột Ghi chú.`;
    return `${head} Kiểm tra lại hai số này.`;
  },
  requires(p: MessageParams): string {
    return (
      `${side(p, "vi", "left", true, false)} đã có số liệu nhưng ${side(p, "vi", "right", true, true)} bằng 0. ` +
      `Nhập ${showVi(p.right)} hoặc kiểm tra lại ${showVi(p.left)}.`
    );
  },
  sideMissing(p: MessageParams): string {
    const missing = p.missing === "left" ? "left" : "right";
    const present = missing === "left" ? "right" : "left";
    return (
      `${side(p, "vi", present, true, false)} đã có số liệu nhưng ${side(p, "vi", missing, false, true)} còn để trống. ` +
      `Nhập số liệu cho ${showVi(p[missing])}.`
    );
  },
};

const en = {
  compare(p: MessageParams): string {
    const verb = p.op === ">=" ? "is less than" : p.op === "==" ? "differs from" : "exceeds";
    const head = `${side(p, "en", "left", true, false)} ${verb} ${side(p, "en", "right", true, true)}.`;
    if (isWarning(p))
      return `${head}${ruleNote(p)} If the figures are right, explain why in the Note column.`;
    return `${head} Check both figures.`;
  },
  requires(p: MessageParams): string {
    return (
      `${side(p, "en", "left", true, false)} is filled in but ${side(p, "en", "right", true, true)} is 0. ` +
      `Enter ${showEn(p.right)} or check ${showEn(p.left)}.`
    );
  },
  sideMissing(p: MessageParams): string {
    const missing = p.missing === "left" ? "left" : "right";
    const present = missing === "left" ? "right" : "left";
    return (
      `${side(p, "en", present, true, false)} is filled in but ${side(p, "en", missing, false, true)} is blank. ` +
      `Enter a figure for ${showEn(p[missing])}.`
    );
  },
};

/** "PT01 = 123.456.789, GD04 = 500" from the rule's `value.CODE` params, in the message's language. */
function ruleValues(p: MessageParams, lang: Lang): string {
  return Object.keys(p)
    .filter((k) => k.startsWith("value."))
    .map(
      (k) => `${k.slice(6)} = ${p[k] === null ? (lang === "vi" ? "(trống)" : "(blank)") : show(p[k], lang)}`,
    )
    .join(", ");
}

function expressionVi(p: MessageParams): string {
  const rule = showVi(p.expression);
  if (typeof p.missing === "string" && p.missing !== "") {
    return `Quy tắc ${rule} cần số liệu của ${p.missing} nhưng ô này còn để trống. Nhập số liệu cho ${p.missing}.`;
  }
  const head = `Không thỏa quy tắc ${rule} (${ruleValues(p, "vi")}).${ruleNote(p)}`;
  if (isWarning(p)) return `${head} Nếu số liệu đúng, hãy ghi rõ lý do ở cột Ghi chú.`;
  return `${head} Kiểm tra lại các số này.`;
}

function expressionEn(p: MessageParams): string {
  const rule = showEn(p.expression);
  if (typeof p.missing === "string" && p.missing !== "") {
    return `The rule ${rule} needs a figure for ${p.missing}, which is blank. Enter a figure for ${p.missing}.`;
  }
  const head = `The rule ${rule} does not hold (${ruleValues(p, "en")}).${ruleNote(p)}`;
  if (isWarning(p)) return `${head} If the figures are right, explain why in the Note column.`;
  return `${head} Check these figures.`;
}

/** The value as it was sent, in quotes: not regrouped, so it can be found as typed. */
const quoted = (v: MessageParams[string] | undefined) =>
  `'${v === null || v === undefined ? "" : String(v)}'`;

function wrongKindVi(p: MessageParams): string {
  const value = quoted(p.value);
  if (p.kind === "grade") {
    if (p.expected === "blank") return `Dòng xếp loại không có chỉ tiêu giao; xóa ${value} ở ô này.`;
    const guess = p.suggestion ? ` Có phải là ${showVi(p.suggestion)}?` : "";
    return `${value} không phải là mã xếp loại.${guess} Chọn một trong: ${showVi(p.gradeList ?? p.allowed)}.`;
  }
  if (p.kind === "money") {
    return `${value} không phải là số. Nhập một số không âm, tối đa 3 chữ số thập phân.`;
  }
  return `${value} không phải là số. Nhập một số nguyên không âm.`;
}

function wrongKindEn(p: MessageParams): string {
  const value = quoted(p.value);
  if (p.kind === "grade") {
    if (p.expected === "blank") return `A rating row has no target; clear ${value} from this cell.`;
    const guess = p.suggestion ? ` Did you mean ${showEn(p.suggestion)}?` : "";
    return `${value} is not a rating code.${guess} Choose one of: ${showEn(p.gradeList ?? p.allowed)}.`;
  }
  if (p.kind === "money") return `${value} is not a number. Enter a number ≥ 0 with at most 3 decimals.`;
  return `${value} is not a number. Enter a whole number ≥ 0.`;
}

function outlierVi(p: MessageParams): string {
  const now = showVi(p.value);
  const before = showVi(p.previous);
  const factor = showVi(p.factor);
  const head =
    p.direction === "from_zero"
      ? `Kết quả kỳ này là ${now} trong khi kỳ trước là ${before}.`
      : p.direction === "down"
        ? `Kết quả kỳ này (${now}) chưa bằng 1/${factor} kỳ trước (${before}).`
        : `Kết quả kỳ này (${now}) gấp hơn ${factor} lần kỳ trước (${before}).`;
  return `${head} Kiểm tra lại; nếu đúng, hãy ghi rõ lý do ở cột Ghi chú.`;
}

function outlierEn(p: MessageParams): string {
  const now = showEn(p.value);
  const before = showEn(p.previous);
  const factor = showEn(p.factor);
  const head =
    p.direction === "from_zero"
      ? `This period's figure is ${now} where last period's was ${before}.`
      : p.direction === "down"
        ? `This period's figure (${now}) is less than 1/${factor} of last period's (${before}).`
        : `This period's figure (${now}) is more than ${factor} times last period's (${before}).`;
  return `${head} Check it; if it is right, explain why in the Note column.`;
}

const inTemplate = (p: MessageParams, vi: boolean) => {
  const id = show(p.template, "en");
  if (vi) return id === "" ? "mẫu báo cáo" : `mẫu báo cáo ${id}`;
  return id === "" ? "the report template" : `the report template ${id}`;
};

export const ruleMessages: MessageTable<RuleIssueCode> = {
  "rule.required_missing": {
    vi: () => "Dòng bắt buộc này còn để trống. Nhập số liệu (ghi 0 nếu không có; để trống là chưa báo cáo).",
    en: () =>
      "This row is required but blank. Enter a figure (0 if there is none; blank means not reported).",
  },
  "rule.compare": { vi: vi.compare, en: en.compare },
  "rule.requires": { vi: vi.requires, en: en.requires },
  "rule.side_missing": { vi: vi.sideMissing, en: en.sideMissing },
  "rule.expression": { vi: expressionVi, en: expressionEn },
  "rule.outlier": { vi: outlierVi, en: outlierEn },
  "rule.unknown_indicator": {
    vi: (p) =>
      `Mã chỉ tiêu '${showVi(p.code)}' không có trong ${inTemplate(p, true)}. Kiểm tra lại mã hoặc bỏ dòng này.`,
    en: (p) =>
      `Indicator code '${showEn(p.code)}' is not in ${inTemplate(p, false)}. Check the code or remove the row.`,
  },
  "rule.duplicate_indicator": {
    vi: (p) =>
      `Mã chỉ tiêu ${showVi(p.code)} xuất hiện ${showVi(p.count)} lần. Mỗi chỉ tiêu chỉ có một dòng: gộp hoặc xóa các dòng thừa.`,
    en: (p) =>
      `Indicator code ${showEn(p.code)} appears ${showEn(p.count)} times. Each indicator has one row: merge or delete the extra rows.`,
  },
  "rule.wrong_kind": { vi: wrongKindVi, en: wrongKindEn },
};
