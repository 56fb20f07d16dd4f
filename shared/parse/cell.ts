// What one input cell of the report table means, and what is wrong with it. The grid locator places the
// issues (sheet, cell); the rules over a whole report run later on the values returned here.
import { MAX_FIGURE } from "../api/limits.ts";
import type { RawCell } from "../grid/types.ts";
import type { Issue, IssueParam, Severity } from "../issues.ts";
import type { CellIssueCode } from "../messages/types.ts";
import type { Grade, Indicator, Template } from "../template/types.ts";
import { fold } from "./fold.ts";
import { isDateFormat, isPercentFormat } from "./number-format.ts";
import {
  chooseReading,
  decimalsOf,
  formulaErrorText,
  isBlankText,
  isDashText,
  type NumberReading,
  type NumberText,
  readNumberText,
  readSeparators,
  unitFits,
} from "./number-text.ts";

export interface CellParse {
  value: number | string | null;
  issues: Issue[];
}

export type CellField = "target" | "actual";

// Anything that leaves the stored cell other than a clean number (or grade code) is an error: the
// consolidation above sums stored values, and a text "92.387" would be summed as nothing. Only two are
// warnings: a spelled-out grade reads unambiguously, and a number typed over a ratio is recomputed anyway.
const SEVERITY: Record<CellIssueCode, Severity> = {
  "cell.text_number": "error",
  "cell.decimal_comma": "error",
  "cell.ambiguous_number": "error",
  "cell.number_with_unit": "error",
  "cell.stray_spaces": "error",
  "cell.dash": "error",
  "cell.negative": "error",
  "cell.too_large": "error",
  "cell.fraction_in_count": "error",
  "cell.too_many_decimals": "error",
  "cell.date": "error",
  "cell.formula_error": "error",
  "cell.boolean": "error",
  "cell.not_a_number": "error",
  "cell.grade_unknown": "error",
  "cell.grade_spelled": "warning",
  "cell.ratio_typed": "warning",
};

/** How a numeric cell is read: counts are whole, money has ≤ 3 decimals, percents (ratio targets) any. */
type NumberMode = "count" | "money" | "percent";

interface Ctx {
  indicator: Indicator;
  field: CellField;
  template: Template;
  /** The text as shown (for messages). */
  raw: string;
  /** A formula cell: a fix would overwrite the formula, so none is offered; the formula must change. */
  hasFormula: boolean;
}

/**
 * Reads one target or actual cell of a row. Raises at most one issue: the first thing the user has to
 * change. `value` is still set whenever the cell's meaning is unambiguous, so later rules can run.
 */
export function parseCell(
  cell: RawCell,
  indicator: Indicator,
  field: CellField,
  template: Template,
): CellParse {
  if (typeof cell.value === "string" && isBlankText(cell.value)) return { value: null, issues: [] };
  const ctx: Ctx = {
    indicator,
    field,
    template,
    raw: rawText(cell),
    hasFormula: typeof cell.formula === "string" && cell.formula.startsWith("="),
  };
  if (indicator.kind === "ratio" && field === "actual") return parseRatioActual(cell, ctx);
  if (indicator.kind === "grade") return parseGradeCell(cell, ctx);
  const mode: NumberMode =
    indicator.kind === "count" ? "count" : indicator.kind === "money" ? "money" : "percent";
  return parseNumberCell(cell, mode, ctx);
}

function rawText(cell: RawCell): string {
  if (typeof cell.value === "string") return cell.value;
  return cell.text !== "" ? cell.text : String(cell.value);
}

function issue(
  code: CellIssueCode,
  ctx: Ctx,
  value: number | string | null,
  params: Record<string, IssueParam> = {},
  fix?: number | string,
): CellParse {
  const out: Issue = {
    code,
    severity: SEVERITY[code],
    indicator: ctx.indicator.code,
    field: ctx.field,
    params: { raw: ctx.raw, ...params },
  };
  if (fix !== undefined && !ctx.hasFormula) out.fix = { value: fix };
  return { value, issues: [out] };
}

/** Error values and booleans read the same in every kind of row. */
function errorOrBoolean(cell: RawCell, ctx: Ctx, expects: "number" | "grade"): CellParse | undefined {
  const error =
    cell.valueType === "Error"
      ? (formulaErrorText(String(cell.value)) ?? String(cell.value))
      : typeof cell.value === "string" && cell.valueType !== "RichValue" // images, data types read "#VALUE!"
        ? formulaErrorText(cell.value)
        : undefined;
  if (error !== undefined) return issue("cell.formula_error", ctx, null, { error });
  if (cell.valueType === "Boolean" || typeof cell.value === "boolean") {
    return issue("cell.boolean", ctx, null, { expects });
  }
  return undefined;
}

// ---- numbers -------------------------------------------------------------------------------------------

/**
 * Rounding noise of binary doubles (0.1 + 0.2), not what anyone typed. Looser than checkReport's
 * hasAtMost3Decimals on purpose: a cell's value is snapped to what was typed, an API number only judged.
 */
function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= 16 * Number.EPSILON * Math.max(1, Math.abs(a));
}

/** Percent-formatted ratio cells hold 0.8 and show 80%; our ratios are percent numbers (80). */
function percentScaled(n: number, cell: RawCell, ctx: Ctx): number {
  return ctx.indicator.kind === "ratio" && isPercentFormat(cell.numberFormat)
    ? Number((n * 100).toPrecision(15))
    : n;
}

/**
 * 1.758 → 1758: what an en-US Excel stores for a Vietnamese "1.758" typed as a number. Only a value with
 * exactly three decimals whose digits form a valid thousands grouping ("1.758", "92.387"; not "0.758",
 * "1234.567"); 22.18 may have been typed "22.18" or "22.180", so it is not guessed.
 */
function thousandsOf(n: number): number | undefined {
  const k = Math.round(n * 1000);
  // near(): 1.758 * 1000 is 1757.9999999999998.
  if (!near(n * 1000, k) || k % 10 === 0) return undefined;
  return readSeparators((k / 1000).toFixed(3)).find((r) => r.kind === "thousands")?.value;
}

/** The checks on the value itself, wherever it came from; undefined when it is fine. */
function checkValue(n: number, decimals: number, mode: NumberMode, ctx: Ctx): CellParse | undefined {
  if (n < 0) return issue("cell.negative", ctx, n, { value: n });
  // The API refuses it (shared/api/limits.ts): say so on the cell, before anything is sent.
  if (n > MAX_FIGURE) return issue("cell.too_large", ctx, n, { value: n, max: MAX_FIGURE });
  if (mode === "count" && !Number.isInteger(n)) {
    return issue("cell.fraction_in_count", ctx, n, {
      value: n,
      unit: ctx.indicator.unit.vi,
      unitEn: ctx.indicator.unit.en,
    });
  }
  // No fix: rounding money is a guess (1.2345 may be a typo for 12.345 or 1.234,5), so the user retypes it.
  if (mode === "money" && decimals > 3)
    return issue("cell.too_many_decimals", ctx, n, { value: n, decimals });
  return undefined;
}

function parseNumberCell(cell: RawCell, mode: NumberMode, ctx: Ctx): CellParse {
  const early = errorOrBoolean(cell, ctx, "number");
  if (early) return early;
  if (cell.valueType === "RichValue") return issue("cell.not_a_number", ctx, null, { expects: "number" });
  if (typeof cell.value === "number") return parseNumericValue(cell.value, cell, mode, ctx);
  if (typeof cell.value === "string") return parseNumberText(cell.value, mode, ctx);
  return issue("cell.boolean", ctx, null, { expects: "number" }); // unreachable: booleans are read above
}

function parseNumericValue(n0: number, cell: RawCell, mode: NumberMode, ctx: Ctx): CellParse {
  if (!Number.isFinite(n0)) return issue("cell.not_a_number", ctx, null, { expects: "number" });
  // A typed "1.5" or "12/3" that Excel stored as a date: the serial is not what was meant. A formula's
  // result is a real number even when Excel dresses it as a date, so only typed cells are checked.
  if (!ctx.hasFormula && isDateFormat(cell.numberFormat)) {
    return issue("cell.date", ctx, null, { serial: n0, numberFormat: cell.numberFormat });
  }
  let n = percentScaled(n0, cell, ctx);
  if (mode === "count" && near(n, Math.round(n))) n = Math.round(n);
  if (mode === "money" && near(n * 1000, Math.round(n * 1000))) n = Math.round(n * 1000) / 1000;
  // The display format may hide what is wrong ("#,##0" shows 1.758 as "2"): then quote the value.
  const shown = readNumberText(cell.text)?.readings.some((r) => r.value === n) ? ctx.raw : String(n);
  const at = { ...ctx, raw: shown };
  // A count cannot be fractional, and three decimals are a thousands group: one reading, so a fix. Not
  // for a formula's result, which nobody typed.
  const thousands = mode === "count" && n > 0 && !ctx.hasFormula ? thousandsOf(n) : undefined;
  if (thousands !== undefined) {
    const unit = { unit: ctx.indicator.unit.vi, unitEn: ctx.indicator.unit.en };
    return issue("cell.fraction_in_count", at, thousands, { value: n, thousands, ...unit }, thousands);
  }
  return checkValue(n, decimalsOf(n), mode, at) ?? { value: n, issues: [] };
}

function parseNumberText(s: string, mode: NumberMode, ctx: Ctx): CellParse {
  if (isDashText(s)) return issue("cell.dash", ctx, null);
  const t = readNumberText(s);
  if (t === undefined) return issue("cell.not_a_number", ctx, null, { expects: "number" });

  const unitParams = {
    unit: t.unit,
    expectedUnit: ctx.indicator.unit.vi,
    expectedUnitEn: ctx.indicator.unit.en,
  };
  // "5 tỷ", "500 nghìn", "5 lớp" in a người row: the unit changes what the number means, so no value.
  if (t.unit !== "" && !unitFits(t.unit, ctx.indicator.unit.vi)) {
    return issue("cell.number_with_unit", ctx, null, { ...unitParams, unitFits: false });
  }
  const choice = chooseReading(t.readings, mode === "count" ? "count" : "decimal");
  if (choice.kind === "ambiguous") {
    return issue("cell.ambiguous_number", ctx, null, {
      thousands: choice.thousands.value,
      decimal: choice.decimal.value,
      separator: choice.decimal.decimalMark ?? ".",
    });
  }
  const r = choice.reading;
  const bad = checkValue(r.value, r.decimals, mode, ctx);
  if (bad) return bad;
  const fixable = !ctx.hasFormula;
  const params = { value: r.value, fixable, reading: readingName(r, t), separator: r.group ?? null };
  if (t.unit !== "") {
    return issue(
      "cell.number_with_unit",
      ctx,
      r.value,
      { ...params, ...unitParams, unitFits: true },
      r.value,
    );
  }
  if (r.decimalMark === ",") return issue("cell.decimal_comma", ctx, r.value, params, r.value);
  if (r.kind === "integer" && t.strayWhitespace && !t.fullWidth && !t.plus) {
    return issue("cell.stray_spaces", ctx, r.value, params, r.value);
  }
  return issue("cell.text_number", ctx, r.value, params, r.value);
}

/** Which form the text took, so a message can say what was wrong with it. */
function readingName(r: NumberReading, t: NumberText): string {
  if (t.fullWidth) return "fullwidth";
  if (r.kind === "thousands") return r.group === " " ? "thousands_space" : "thousands";
  if (r.kind === "decimal") return r.group === undefined ? "decimal" : "thousands_decimal";
  return "plain";
}

// ---- ratios --------------------------------------------------------------------------------------------

function parseRatioActual(cell: RawCell, ctx: Ctx): CellParse {
  const ratio = ctx.indicator.ratio;
  if (!ctx.hasFormula) {
    // Whatever was typed over the formula is ignored: the ratio is recomputed from its two rows, and the
    // add-in puts the formula back. No fix: restoring a formula is not writing a value.
    return issue("cell.ratio_typed", ctx, null, {
      numerator: ratio?.numerator ?? null,
      denominator: ratio?.denominator ?? null,
    });
  }
  const early = errorOrBoolean(cell, ctx, "number");
  if (early) return early;
  if (typeof cell.value === "number" && Number.isFinite(cell.value)) {
    return { value: percentScaled(cell.value, cell, ctx), issues: [] };
  }
  return issue("cell.not_a_number", ctx, null, { expects: "number" });
}

// ---- grades --------------------------------------------------------------------------------------------

/** Folded, punctuation dropped: "Hoàn thành xuất sắc nhiệm vụ." → "hoan thanh xuat sac nhiem vu". */
function gradeKey(s: string): string {
  return fold(s.replace(/[^\p{L}\p{M}\p{N}]+/gu, " "));
}

export function matchGrade(text: string, template: Template): Grade | undefined {
  const key = gradeKey(text);
  if (key === "") return undefined;
  const hit = template.grades.find(
    (g) =>
      key === gradeKey(g.code) ||
      key === gradeKey(g.label.vi) ||
      key === gradeKey(g.label.en) ||
      g.aliases.some((a) => key === gradeKey(a)),
  );
  return hit?.code;
}

// A grade row's target, if set, is the grade aimed for, read the same way as the actual.
function parseGradeCell(cell: RawCell, ctx: Ctx): CellParse {
  const early = errorOrBoolean(cell, ctx, "grade");
  if (early) return early;
  const grades = ctx.template.grades;
  const unknown = (): CellParse =>
    issue("cell.grade_unknown", ctx, null, {
      allowed: grades.map((g) => g.code).join(", "),
      allowedVi: grades.map((g) => `${g.code} (${g.label.vi})`).join(", "),
      allowedEn: grades.map((g) => `${g.code} (${g.label.en})`).join(", "),
    });
  if (typeof cell.value !== "string" || cell.valueType === "RichValue") return unknown();
  const code = matchGrade(cell.value, ctx.template);
  if (code === undefined) return unknown();
  if (cell.value === code) return { value: code, issues: [] };
  const g = grades.find((x) => x.code === code);
  return issue(
    "cell.grade_spelled",
    ctx,
    code,
    { value: code, gradeVi: g?.label.vi ?? code, gradeEn: g?.label.en ?? code, fixable: !ctx.hasFormula },
    code,
  );
}
