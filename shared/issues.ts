// One data-quality problem, as every part of the product passes it around. Messages are not stored
// here: `formatIssue` (shared/messages) renders them in vi or en from the code and params.

export type Severity = "error" | "warning";

/** Which input of a row the issue is about; header fields for the sheet's header block. */
export type IssueField =
  | "target"
  | "actual"
  | "note"
  | "row"
  | "header.unitName"
  | "header.unitCode"
  | "header.period"
  | "header.reporter"
  | "header.phone"
  | "header.template"
  | "sheet";

export const ISSUE_CODES = [
  // one cell, from parseCell
  "cell.text_number", // '92.387' typed as text: a number written with "." thousands separators
  "cell.decimal_comma", // '1,5' typed as text in a money cell: decimal comma
  "cell.ambiguous_number", // '1.500' in a money cell: 1500 or 1.5? never guessed
  "cell.number_with_unit", // '12 người', '312 triệu'
  "cell.stray_spaces", // a number wrapped in spaces or non-breaking spaces, stored as text
  "cell.dash", // '-' or '—' where a number belongs
  "cell.negative",
  "cell.too_large", // above the most any one unit's figure may be (shared/api/limits.ts)
  "cell.fraction_in_count", // 12.5 in a count; 1.758 typed as a number (en-US Excel) has the fix 1758
  "cell.too_many_decimals", // money with more than 3 decimals
  "cell.date", // Excel turned a typed number into a date
  "cell.formula_error", // #DIV/0!, #VALUE!, #REF! …
  "cell.boolean",
  "cell.not_a_number",
  "cell.grade_unknown",
  "cell.grade_spelled", // 'Hoàn thành xuất sắc nhiệm vụ' or 'xs' → XS
  "cell.ratio_typed", // a number typed over a ratio row's formula: it is recomputed anyway
  // rules over a report, from checkReport
  "rule.required_missing",
  "rule.compare", // left op right failed (<=, >=, ==)
  "rule.requires", // left > 0 needs right > 0
  "rule.side_missing", // a side of a rule with ifMissing "fail" has no data
  "rule.expression", // any other rule of the template's rule language failed (or lacks a figure)
  "rule.outlier", // 5× or 1/5 of last period
  "rule.unknown_indicator", // a code the template does not know (API bodies)
  "rule.duplicate_indicator", // the same code twice (API bodies)
  "rule.wrong_kind", // a grade in a count row, a number in a grade row (API bodies)
  // the sheet's shape, from the grid locator
  "grid.table_not_found",
  "grid.row_missing",
  "grid.row_duplicate",
  "grid.row_unknown",
  "grid.row_uncoded", // a figure in a table row without an indicator code: it would not be sent
  "grid.row_code_missing", // a template row (found by its label) whose code was deleted; the fix writes it back
  "grid.breakdown_exceeds", // a "Trong đó: …" row larger than the coded row above it
  "grid.template_unknown",
  "grid.template_version_unknown",
  "grid.header_missing",
  "grid.header_malformed",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** The one unambiguous correction of a cell: the value to write instead. */
export interface Fix {
  value: number | string | null;
}

export type IssueParam = string | number | boolean | null;

export interface Issue {
  code: IssueCode;
  severity: Severity;
  /** Indicator code of the row (PT01), when the issue is about a row. */
  indicator?: string;
  field?: IssueField;
  /** Rule id, for rule issues. */
  rule?: string;
  /** Sheet name and A1 address (F14), once the issue is placed on a grid. */
  sheet?: string;
  cell?: string;
  /** The values involved: raw text, parsed value, the other side of a rule … */
  params: Record<string, IssueParam>;
  fix?: Fix;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
