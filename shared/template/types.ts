// The template catalog's shape. A template is data: a later version adds, renames or retires rows
// without code changes, and old submissions are read against the version they were made with.

export type IndicatorKind = "count" | "money" | "ratio" | "grade";

/** Grade codes of "Xếp loại": Hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ. */
export type Grade = "XS" | "T" | "HT" | "KHT";
export const GRADES: readonly Grade[] = ["XS", "T", "HT", "KHT"];

export interface Label {
  vi: string;
  en: string;
}

export interface GradeOption {
  code: Grade;
  label: Label;
  /** Other spellings users type, compared after folding case, diacritics and spaces. */
  aliases: string[];
}

export interface Section {
  id: string;
  label: Label;
}

export interface Indicator {
  code: string;
  section: string;
  label: Label;
  /** ĐVT: unit of measure (vi and en). Empty for grades. */
  unit: Label;
  kind: IndicatorKind;
  /** Required rows must hold a number (0 allowed); blank is "no data", never 0. */
  required?: boolean;
  /** Ratios are never typed: numerator / denominator × 100, recomputed from sums. */
  ratio?: { numerator: string; denominator: string };
  /** A target every unit must meet on its own ("mỗi cơ sở … ít nhất 3 hoạt động"). */
  perUnitTarget?: number;
  /** Code of the row before a rename, so a newer template can read an older report. */
  formerCode?: string;
  /**
   * How the row adds up over time, for any view that spans periods: activities and money add up
   * (`sum`); stocks such as the number of members are the latest value (`last`).
   */
  overTime: OverTime;
}

export type OverTime = "sum" | "last";

/**
 * A data-quality rule, written as text in the rule language of shared/rules/expression.ts:
 * `GD02 <= GD01`, `PT03 > 0 => PT02 > 0`, `PT01 <= 100 * GD04`. `ifMissing` says what to do when a
 * figure the rule reads is blank: skip the rule (the default), or raise it.
 */
export interface Rule {
  id: string;
  expression: string;
  severity: "error" | "warning";
  ifMissing?: "skip" | "fail";
  /** Short description of the rule for messages. */
  label: Label;
}

export interface Template {
  id: string;
  version: number;
  title: Label;
  sections: Section[];
  indicators: Indicator[];
  grades: GradeOption[];
  rules: Rule[];
  /** Outlier rule: a value above factor × previous or below previous / factor is a warning. */
  outlier: { factor: number; floor: number };
}

/** One row of a report as submitted: the same shape as the API body's rows. */
export interface ReportRow {
  code: string;
  target?: number | null;
  actual?: number | string | null;
  note?: string;
}

export interface Report {
  unit: string;
  period: string;
  template: string;
  /** The version of `template` the sheet was made with, when known: the server validates with it. */
  templateVersion?: number;
  rows: ReportRow[];
}
