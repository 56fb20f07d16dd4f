// The input cells of a template row by the indicator's kind: number formats, locks, the achievement
// formula, and Excel's own validation with Vietnamese prompts (a help, not the gate: shared/check is).
import type { Indicator, Template } from "../template/types.ts";
import { NUMBER_FORMATS, TEMPLATE_LAYOUT, type TemplateRows } from "./template-layout.ts";
import type { PlanCell, PlanValidation } from "./types.ts";

const C = TEMPLATE_LAYOUT.columns;

/** IF(AND(ISNUMBER(den), den>0, ISNUMBER(num)), num/den*100, ""): blank, text or 0 give "" not #DIV/0!. */
export function percentFormula(numerator: string, denominator: string): string {
  return `=IF(AND(ISNUMBER(${denominator}),${denominator}>0,ISNUMBER(${numerator})),${numerator}/${denominator}*100,"")`;
}

function gradePrompt(template: Template): string {
  const list = template.grades.map((g) => `${g.code} = ${g.label.vi}`).join("; ");
  return `Chọn mã xếp loại: ${list}.`;
}

const PROMPTS = {
  count: {
    prompt: "Nhập số nguyên ≥ 0, không kèm đơn vị. Để trống nếu chưa có số liệu (0 là không có).",
    error: "Chỉ nhập số nguyên không âm, không kèm đơn vị, không dùng dấu chấm phân cách hàng nghìn.",
  },
  money: {
    prompt: "Nhập số tiền (triệu đồng) ≥ 0, tối đa 3 chữ số thập phân. Để trống nếu chưa có số liệu.",
    error: "Chỉ nhập số không âm (triệu đồng), không kèm đơn vị.",
  },
  ratioTarget: {
    prompt: "Nhập tỷ lệ % được giao (ví dụ 80). Kết quả thực hiện được tính tự động.",
    error: "Chỉ nhập số không âm (tỷ lệ %).",
  },
} as const;

const INPUT = { locked: false, border: true } as const;

/** Target, actual and rate cells of row `r`; the validations they need are pushed onto `validations`. */
export function valueCells(
  ind: Indicator,
  r: number,
  rows: TemplateRows,
  template: Template,
  validations: PlanValidation[],
): PlanCell[] {
  const rate: PlanCell = {
    address: `${C.rate}${r}`,
    formula: percentFormula(`${C.actual}${r}`, `${C.target}${r}`),
    numberFormat: NUMBER_FORMATS.rate,
    locked: true,
    border: true,
  };
  switch (ind.kind) {
    case "count":
    case "money":
      return [...figureCells(ind.kind, r, validations), rate];
    case "ratio":
      return [...ratioCells(ind, r, rows, validations), rate];
    case "grade":
      return gradeCells(r, template, validations);
  }
}

function figureCells(kind: "count" | "money", r: number, validations: PlanValidation[]): PlanCell[] {
  const target = `${C.target}${r}`;
  const actual = `${C.actual}${r}`;
  const fmt = NUMBER_FORMATS[kind];
  validations.push({
    range: `${target}:${actual}`,
    type: kind === "count" ? "wholeNumber" : "decimal",
    min: 0,
    ...PROMPTS[kind],
  });
  return [
    { address: target, numberFormat: fmt, ...INPUT },
    { address: actual, numberFormat: fmt, ...INPUT },
  ];
}

/** A ratio's target is typed; its actual is computed from its numerator and denominator rows. */
function ratioCells(
  ind: Indicator,
  r: number,
  rows: TemplateRows,
  validations: PlanValidation[],
): PlanCell[] {
  const target = `${C.target}${r}`;
  const num = rows.indicators.get(ind.ratio?.numerator ?? "");
  const den = rows.indicators.get(ind.ratio?.denominator ?? "");
  validations.push({ range: target, type: "decimal", min: 0, ...PROMPTS.ratioTarget });
  const actual: PlanCell = {
    address: `${C.actual}${r}`,
    numberFormat: NUMBER_FORMATS.ratio,
    locked: true,
    border: true,
    ...(num !== undefined && den !== undefined
      ? { formula: percentFormula(`${C.actual}${num}`, `${C.actual}${den}`) }
      : {}),
  };
  return [{ address: target, numberFormat: NUMBER_FORMATS.ratio, ...INPUT }, actual];
}

/** A grade has no target and no rate: those cells stay locked and blank; the actual is a list. */
function gradeCells(r: number, template: Template, validations: PlanValidation[]): PlanCell[] {
  const actual = `${C.actual}${r}`;
  validations.push({
    range: actual,
    type: "list",
    source: template.grades.map((g) => g.code),
    prompt: gradePrompt(template),
    error: `Mã xếp loại không hợp lệ. ${gradePrompt(template)}`,
  });
  return [
    { address: `${C.target}${r}`, numberFormat: NUMBER_FORMATS.text, locked: true, border: true },
    { address: actual, numberFormat: NUMBER_FORMATS.grade, horizontalAlignment: "Center", ...INPUT },
    { address: `${C.rate}${r}`, numberFormat: NUMBER_FORMATS.text, locked: true, border: true },
  ];
}

const RANGE_RE = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/;

/** Joins validations of consecutive rows with the same columns and rule ("E11:F12" for two count rows). */
export function compressValidations(list: PlanValidation[]): PlanValidation[] {
  const out: PlanValidation[] = [];
  for (const v of list) {
    const prev = out[out.length - 1];
    const merged = prev ? tryMerge(prev, v) : undefined;
    if (merged) out[out.length - 1] = merged;
    else out.push(v);
  }
  return out;
}

function tryMerge(a: PlanValidation, b: PlanValidation): PlanValidation | undefined {
  if (JSON.stringify({ ...a, range: "" }) !== JSON.stringify({ ...b, range: "" })) return undefined;
  const ra = RANGE_RE.exec(a.range);
  const rb = RANGE_RE.exec(b.range);
  if (!ra || !rb) return undefined;
  const aEndCol = ra[3] ?? ra[1]!;
  const aEndRow = Number(ra[4] ?? ra[2]);
  const bEndCol = rb[3] ?? rb[1]!;
  const bEndRow = Number(rb[4] ?? rb[2]);
  if (ra[1] !== rb[1] || aEndCol !== bEndCol || Number(rb[2]) !== aEndRow + 1) return undefined;
  return { ...a, range: `${ra[1]}${ra[2]}:${bEndCol}${bEndRow}` };
}
