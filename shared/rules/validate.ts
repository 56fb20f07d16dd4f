// The template's data-quality rules over plain report rows, as the API body gives them. The Worker runs
// this on every submission (it never trusts the client) and the add-in runs it on the parsed sheet, so a
// problem gets the same code, and therefore the same message, wherever it is found.
import type { Issue, IssueCode, IssueField, IssueParam, Severity } from "../issues.ts";
import { decimalsOf } from "../parse/number-text.ts";
import type { Indicator, Report, ReportRow, Rule, Template } from "../template/types.ts";

export interface ValidateContext {
  /** The unit's rows for the previous period, for the outlier warning. */
  previous?: ReportRow[];
}

/** What a rule or the outlier check can use from one input. */
type Value =
  | { state: "missing" }
  // Already reported by a kind check: rules stay quiet so one mistake gives one issue.
  | { state: "invalid" }
  | { state: "number"; value: number }
  | { state: "grade"; code: string };

const MISSING: Value = { state: "missing" };
const INVALID: Value = { state: "invalid" };

const FIELD_ORDER: Record<string, number> = { row: 0, target: 1, actual: 2, note: 3 };

interface Pending {
  issue: Issue;
  /** Template row index; unknown codes go after every template row, in the order they came. */
  position: number;
  seq: number;
}

/** An API value left out; unlike grid/cells.ts isBlank, a string of spaces is not blank here but wrong. */
function isBlank(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

/** A value as an issue param: scalars as they are, anything else as short text. */
function asParam(v: unknown): IssueParam {
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "string" || typeof v === "boolean" || v === null) return v;
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.slice(0, 64);
}

/**
 * At most 3 decimals, with room for binary rounding: 0.1 + 0.2 is 0.30000000000000004 and still means
 * 0.3; only a difference above a few ulps of the value is a real fourth decimal. Tighter than parseCell's
 * near(), which snaps a cell's value to what was typed: an API number is judged as sent, never changed.
 */
function hasAtMost3Decimals(v: number): boolean {
  return Math.abs(v - Number(v.toFixed(3))) <= 4 * Number.EPSILON * Math.max(1, Math.abs(v));
}

/** Comparisons with the same slack, so money sums that differ only by rounding compare equal. */
function slack(a: number, b: number): number {
  return 4 * Number.EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

function ruleHolds(op: "<=" | ">=" | "==", a: number, b: number): boolean {
  const eps = slack(a, b);
  if (op === "<=") return a <= b + eps;
  if (op === ">=") return a + eps >= b;
  return Math.abs(a - b) <= eps;
}

export function validateReport(
  template: Template,
  report: Pick<Report, "rows">,
  context: ValidateContext = {},
): Issue[] {
  const position = new Map(template.indicators.map((ind, i) => [ind.code, i]));
  const byCode = new Map(template.indicators.map((ind) => [ind.code, ind]));
  const gradeCodes = template.grades.map((g) => g.code as string);
  const pending: Pending[] = [];
  const add = (pos: number, issue: Issue) => pending.push({ issue, position: pos, seq: pending.length });

  const issue = (
    code: IssueCode,
    severity: Severity,
    indicator: string,
    field: IssueField,
    params: Record<string, IssueParam>,
    extra: Partial<Issue> = {},
  ): Issue => ({ code, severity, indicator, field, params, ...extra });

  /** Kind checks of one input of a count or money row. */
  const checkNumber = (ind: Indicator, field: "actual" | "target", raw: unknown): Value => {
    const pos = position.get(ind.code) ?? 0;
    if (isBlank(raw)) return MISSING;
    const kind = ind.kind;
    if (typeof raw !== "number" || !Number.isFinite(raw)) {
      add(pos, issue("rule.wrong_kind", "error", ind.code, field, { value: asParam(raw), kind }));
      return INVALID;
    }
    // The cell.* params match shared/parse's (raw, value, unit, decimals) so one message fits both;
    // an API body has no cell text, so `raw` is the number itself.
    if (raw < 0) {
      add(pos, issue("cell.negative", "error", ind.code, field, { raw, value: raw }));
      return INVALID;
    }
    if (kind === "count" && !Number.isInteger(raw)) {
      const unit = { unit: ind.unit.vi, unitEn: ind.unit.en };
      add(pos, issue("cell.fraction_in_count", "error", ind.code, field, { raw, value: raw, ...unit }));
      return INVALID;
    }
    if (kind === "money" && !hasAtMost3Decimals(raw)) {
      const decimals = decimalsOf(raw);
      add(pos, issue("cell.too_many_decimals", "error", ind.code, field, { raw, value: raw, decimals }));
      return INVALID;
    }
    return { state: "number", value: raw };
  };

  const checkRatioTarget = (ind: Indicator, raw: unknown): void => {
    if (typeof raw === "number" && raw < 0) {
      add(
        position.get(ind.code) ?? 0,
        issue("cell.negative", "error", ind.code, "target", { raw, value: raw }),
      );
    }
  };

  const checkGrade = (ind: Indicator, field: "actual" | "target", raw: unknown): Value => {
    const pos = position.get(ind.code) ?? 0;
    if (isBlank(raw)) return MISSING;
    if (field === "target") {
      // A rating has no target: the consolidation counts units per grade instead.
      add(
        pos,
        issue("rule.wrong_kind", "error", ind.code, field, {
          value: asParam(raw),
          kind: "grade",
          expected: "blank",
        }),
      );
      return INVALID;
    }
    if (typeof raw === "string" && gradeCodes.includes(raw)) return { state: "grade", code: raw };
    // Only a code in the wrong case or with spaces has one obvious fix; labels and aliases are parsed
    // from the sheet by shared/parse, never guessed here.
    const folded = typeof raw === "string" ? raw.trim().toUpperCase() : undefined;
    const suggestion = folded !== undefined && gradeCodes.includes(folded) ? folded : undefined;
    add(
      pos,
      issue(
        "rule.wrong_kind",
        "error",
        ind.code,
        field,
        {
          value: asParam(raw),
          kind: "grade",
          allowed: gradeCodes.join(", "),
          ...(suggestion === undefined ? {} : { suggestion }),
        },
        suggestion === undefined ? {} : { fix: { value: suggestion } },
      ),
    );
    return INVALID;
  };

  // Rows: unknown and repeated codes, then kind checks on the first row of each code.
  const actuals = new Map<string, Value>();
  const seen = new Map<string, number>();
  report.rows.forEach((row, index) => {
    const code = typeof row.code === "string" ? row.code : String(row.code);
    const ind = byCode.get(code);
    if (ind === undefined) {
      add(
        template.indicators.length + index,
        issue("rule.unknown_indicator", "error", code, "row", { code }),
      );
      return;
    }
    // Every kind counts: two rows of one code would be stored and replayed differently.
    seen.set(code, (seen.get(code) ?? 0) + 1);
    if (seen.get(code) !== 1) return;
    // A ratio's actual is derived (recomputed from its parts) and ignored; its own target is a figure.
    if (ind.kind === "ratio") {
      checkRatioTarget(ind, row.target);
      return;
    }
    const check = ind.kind === "grade" ? checkGrade : checkNumber;
    check(ind, "target", row.target);
    actuals.set(code, check(ind, "actual", row.actual));
  });
  for (const [code, count] of seen) {
    if (count > 1) {
      add(position.get(code) ?? 0, issue("rule.duplicate_indicator", "error", code, "row", { code, count }));
    }
  }

  // Blank is not zero: a required row must hold a figure, 0 included.
  for (const ind of template.indicators) {
    if (ind.required && ind.kind !== "ratio" && (actuals.get(ind.code) ?? MISSING).state === "missing") {
      add(
        position.get(ind.code) ?? 0,
        issue("rule.required_missing", "error", ind.code, "actual", { code: ind.code }),
      );
    }
  }

  for (const rule of template.rules) {
    const found = checkRule(rule, actuals.get(rule.left) ?? MISSING, actuals.get(rule.right) ?? MISSING);
    if (found !== undefined) add(position.get(found.indicator ?? "") ?? 0, found);
  }

  if (context.previous !== undefined) {
    for (const found of outliers(template, actuals, context.previous)) {
      add(position.get(found.indicator ?? "") ?? 0, found);
    }
  }

  const fieldRank = (i: Issue) => FIELD_ORDER[i.field ?? "row"] ?? 0;
  return pending
    .sort((a, b) => a.position - b.position || fieldRank(a.issue) - fieldRank(b.issue) || a.seq - b.seq)
    .map((p) => p.issue);
}

function checkRule(rule: Rule, left: Value, right: Value): Issue | undefined {
  const base = { severity: rule.severity, field: "actual" as const, rule: rule.id };
  const l = left.state === "number" ? left.value : null;
  const r = right.state === "number" ? right.value : null;
  const params = { left: rule.left, right: rule.right, op: rule.op, leftValue: l, rightValue: r };

  // A side that holds something other than a number (a kind error, a grade) cannot be compared.
  if ((left.state !== "missing" && l === null) || (right.state !== "missing" && r === null)) return undefined;

  if (l === null || r === null) {
    if (rule.ifMissing === "skip" || (l === null && r === null)) return undefined;
    // `requires` only speaks when its left side is filled: no money, no need for a count.
    if (rule.op === "requires" && l === null) return undefined;
    const present = l ?? r ?? 0;
    if (present <= 0) return undefined;
    const missing = l === null ? "left" : "right";
    return {
      ...base,
      code: "rule.side_missing",
      indicator: missing === "left" ? rule.left : rule.right,
      params: { ...params, missing },
    };
  }

  if (rule.op === "requires") {
    if (l > 0 && r <= 0) return { ...base, code: "rule.requires", indicator: rule.left, params };
    return undefined;
  }
  if (!ruleHolds(rule.op, l, r)) return { ...base, code: "rule.compare", indicator: rule.left, params };
  return undefined;
}

/**
 * A figure more than `factor` times last period's, or below last period's / `factor`, is a warning.
 * The floor applies to the larger of the two: small figures swing widely for no reason (1 → 6,
 * 3 → 0) and are not flagged, while 0 → 25 or 100 → 0 are, since the larger side reaches the floor.
 */
function outliers(template: Template, actuals: Map<string, Value>, previousRows: ReportRow[]): Issue[] {
  const { factor, floor } = template.outlier;
  const previous = new Map<string, number>();
  for (const row of previousRows) {
    const v = row.actual;
    if (!previous.has(row.code) && typeof v === "number" && Number.isFinite(v) && v >= 0) {
      previous.set(row.code, v);
    }
  }
  const found: Issue[] = [];
  for (const ind of template.indicators) {
    if (ind.kind !== "count" && ind.kind !== "money") continue;
    const now = actuals.get(ind.code);
    const before = previous.get(ind.code);
    if (now?.state !== "number" || before === undefined) continue;
    const value = now.value;
    if (Math.max(value, before) < floor) continue;
    let direction: "up" | "down" | "from_zero" | undefined;
    if (value > before * factor) direction = before === 0 ? "from_zero" : "up";
    else if (value * factor < before) direction = "down";
    if (direction === undefined) continue;
    found.push({
      code: "rule.outlier",
      severity: "warning",
      indicator: ind.code,
      field: "actual",
      params: { value, previous: before, factor, direction },
    });
  }
  return found;
}
