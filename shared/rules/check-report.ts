// The template's data-quality checks over plain report rows, as the API body gives them, in two parts:
// - checkRows: the rows as sent (unknown and repeated codes, each input's kind);
// - checkFigures: the report as a whole (required rows, the template's rules, outliers).
// The Worker runs both on every submission (it never trusts the client): rows on what was sent, figures
// on the unit's report after it. A sheet's check runs figures only (parseCell has read every cell), so a
// problem gets the same code, and therefore the same message, wherever it is found.
import type { Issue, IssueCode, IssueField, IssueParam, Severity } from "../issues.ts";
import { decimalsOf } from "../parse/number-text.ts";
import type { Indicator, Report, ReportRow, Template } from "../template/types.ts";
import { type CompiledRule, compiledRules } from "./compiled.ts";
import { compareHolds, evaluateLinear } from "./expression.ts";

export interface ValidateContext {
  /** The unit's rows for the previous period, for the outlier warning (old codes read by formerCode). */
  previous?: ReportRow[];
  /** Codes whose actual could not be read (a sheet's parse issue says why): rules on them stay quiet. */
  unreadable?: ReadonlySet<string>;
  /** Codes not on the sheet at all (the locator says so): no "required row blank" for them. */
  absent?: ReadonlySet<string>;
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

type Add = (pos: number, issue: Issue) => void;

interface Catalog {
  position: Map<string, number>;
  byCode: Map<string, Indicator>;
  gradeCodes: string[];
}

function catalog(template: Template): Catalog {
  return {
    position: new Map(template.indicators.map((ind, i) => [ind.code, i])),
    byCode: new Map(template.indicators.map((ind) => [ind.code, ind])),
    gradeCodes: template.grades.map((g) => g.code as string),
  };
}

const issue = (
  code: IssueCode,
  severity: Severity,
  indicator: string,
  field: IssueField,
  params: Record<string, IssueParam>,
  extra: Partial<Issue> = {},
): Issue => ({ code, severity, indicator, field, params, ...extra });

/** Kind checks of one input of a count or money row. */
function checkNumber(ind: Indicator, field: "actual" | "target", raw: unknown, add: Add, pos: number): Value {
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
}

/** A ratio row's own target is a percentage the unit sets: never negative. */
function checkRatioTarget(ind: Indicator, raw: unknown, add: Add, pos: number): void {
  if (typeof raw === "number" && raw < 0)
    add(pos, issue("cell.negative", "error", ind.code, "target", { raw, value: raw }));
}

function checkGrade(
  ind: Indicator,
  field: "actual" | "target",
  raw: unknown,
  add: Add,
  pos: number,
  gradeCodes: string[],
): Value {
  if (isBlank(raw)) return MISSING;
  if (field === "target") {
    // A rating has no target: the consolidation counts units per grade instead.
    const params = { value: asParam(raw), kind: "grade", expected: "blank" };
    add(pos, issue("rule.wrong_kind", "error", ind.code, field, params));
    return INVALID;
  }
  if (typeof raw === "string" && gradeCodes.includes(raw)) return { state: "grade", code: raw };
  // Only a code in the wrong case or with spaces has one obvious fix; labels and aliases are parsed
  // from the sheet by shared/parse, never guessed here.
  const folded = typeof raw === "string" ? raw.trim().toUpperCase() : undefined;
  const suggestion = folded !== undefined && gradeCodes.includes(folded) ? folded : undefined;
  const params = {
    value: asParam(raw),
    kind: "grade",
    allowed: gradeCodes.join(", "),
    ...(suggestion === undefined ? {} : { suggestion }),
  };
  const fix = suggestion === undefined ? {} : { fix: { value: suggestion } };
  add(pos, issue("rule.wrong_kind", "error", ind.code, field, params, fix));
  return INVALID;
}

/** Every row read once: unknown and repeated codes, kind checks on the first row of each code. */
function readRows(template: Template, rows: readonly ReportRow[], add: Add): Map<string, Value> {
  const { position, byCode, gradeCodes } = catalog(template);
  const actuals = new Map<string, Value>();
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
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
    const pos = position.get(code) ?? 0;
    // A ratio's actual is derived (recomputed from its parts) and ignored; its own target is a figure.
    if (ind.kind === "ratio") {
      checkRatioTarget(ind, row.target, add, pos);
      return;
    }
    if (ind.kind === "grade") {
      checkGrade(ind, "target", row.target, add, pos, gradeCodes);
      actuals.set(code, checkGrade(ind, "actual", row.actual, add, pos, gradeCodes));
    } else {
      checkNumber(ind, "target", row.target, add, pos);
      actuals.set(code, checkNumber(ind, "actual", row.actual, add, pos));
    }
  });
  for (const [code, count] of seen) {
    if (count > 1) {
      add(position.get(code) ?? 0, issue("rule.duplicate_indicator", "error", code, "row", { code, count }));
    }
  }
  return actuals;
}

function collector(): { pending: Pending[]; add: Add } {
  const pending: Pending[] = [];
  return { pending, add: (position, issue) => pending.push({ issue, position, seq: pending.length }) };
}

function sorted(pending: Pending[]): Issue[] {
  const fieldRank = (i: Issue) => FIELD_ORDER[i.field ?? "row"] ?? 0;
  return pending
    .sort((a, b) => a.position - b.position || fieldRank(a.issue) - fieldRank(b.issue) || a.seq - b.seq)
    .map((p) => p.issue);
}

/** The rows as sent: codes the template does not know, a code twice, an input of the wrong kind. */
export function checkRows(template: Template, rows: readonly ReportRow[]): Issue[] {
  const { pending, add } = collector();
  readRows(template, rows, add);
  return sorted(pending);
}

function figureIssues(
  template: Template,
  rows: readonly ReportRow[],
  context: ValidateContext,
  add: Add,
): void {
  const { position } = catalog(template);
  // Inputs of the wrong kind are checkRows' to report; here they only keep rules quiet.
  const actuals = readRows(template, rows, () => {});
  for (const code of context.unreadable ?? []) actuals.set(code, INVALID);

  // Blank is not zero: a required row must hold a figure, 0 included.
  for (const ind of template.indicators) {
    if (!ind.required || ind.kind === "ratio" || context.absent?.has(ind.code)) continue;
    if ((actuals.get(ind.code) ?? MISSING).state === "missing") {
      add(
        position.get(ind.code) ?? 0,
        issue("rule.required_missing", "error", ind.code, "actual", { code: ind.code }),
      );
    }
  }

  for (const rule of compiledRules(template)) {
    const found = checkRule(rule, actuals);
    if (found !== undefined) add(position.get(found.indicator ?? "") ?? 0, found);
  }

  if (context.previous !== undefined) {
    for (const found of outliers(template, actuals, context.previous)) {
      add(position.get(found.indicator ?? "") ?? 0, found);
    }
  }
}

/** The report as a whole: required rows, the template's rules, outliers against the previous period. */
export function checkFigures(
  template: Template,
  rows: readonly ReportRow[],
  context: ValidateContext = {},
): Issue[] {
  const { pending, add } = collector();
  figureIssues(template, rows, context, add);
  return sorted(pending);
}

/** Rows and figures of one whole report (a `replace` submission, the tests' oracle), in one order. */
export function checkReport(
  template: Template,
  report: Pick<Report, "rows">,
  context: ValidateContext = {},
): Issue[] {
  const { pending, add } = collector();
  readRows(template, report.rows, add);
  figureIssues(template, report.rows, context, add);
  return sorted(pending);
}

const numberOf = (v: Value | undefined): number | null => (v?.state === "number" ? v.value : null);

function checkRule(rule: CompiledRule, values: Map<string, Value>): Issue | undefined {
  const shape = rule.shape;
  if (shape === undefined) return checkExpression(rule, values);
  const op = shape.type === "requires" ? "requires" : shape.op;
  return checkSimple(rule, shape.left, op, shape.right, values);
}

/** `A <= B` and `A > 0 => B > 0`: the issues and messages the first templates had. */
function checkSimple(
  rule: CompiledRule,
  leftCode: string,
  op: "<=" | ">=" | "==" | "requires",
  rightCode: string,
  values: Map<string, Value>,
): Issue | undefined {
  const left = values.get(leftCode) ?? MISSING;
  const right = values.get(rightCode) ?? MISSING;
  const base = { severity: rule.severity, field: "actual" as const, rule: rule.id };
  const l = numberOf(left);
  const r = numberOf(right);
  const params = { left: leftCode, right: rightCode, op, leftValue: l, rightValue: r };

  // A side that holds something other than a number (a kind error, a grade) cannot be compared.
  if ((left.state !== "missing" && l === null) || (right.state !== "missing" && r === null)) return undefined;

  if (l === null || r === null) {
    if (rule.ifMissing !== "fail" || (l === null && r === null)) return undefined;
    // `requires` only speaks when its left side is filled: no money, no need for a count.
    if (op === "requires" && l === null) return undefined;
    const present = l ?? r ?? 0;
    if (present <= 0) return undefined;
    const missing = l === null ? "left" : "right";
    const indicator = missing === "left" ? leftCode : rightCode;
    return { ...base, code: "rule.side_missing", indicator, params: { ...params, missing } };
  }

  if (op === "requires") {
    if (l > 0 && r <= 0) return { ...base, code: "rule.requires", indicator: leftCode, params };
    return undefined;
  }
  if (!compareHolds(op, l, r)) return { ...base, code: "rule.compare", indicator: leftCode, params };
  return undefined;
}

/**
 * Any other expression. A rule reading a figure of the wrong kind stays quiet (one mistake, one issue).
 * Blank figures: `skip` (the default) stays quiet; `fail` names the first blank code the broken side
 * reads, unless every code of a plain comparison is blank (nothing reported, nothing to compare). An
 * implication whose condition cannot be evaluated or does not hold says nothing.
 */
function checkExpression(rule: CompiledRule, values: Map<string, Value>): Issue | undefined {
  const state = (c: string) => (values.get(c) ?? MISSING).state;
  if (rule.codes.some((c) => state(c) === "invalid" || state(c) === "grade")) return undefined;
  const num = (c: string) => numberOf(values.get(c)) ?? undefined;
  const params: Record<string, IssueParam> = { expression: rule.expression };
  for (const c of rule.codes) params[`value.${c}`] = num(c) ?? null;
  const e = rule.parsed;
  const base = {
    severity: rule.severity,
    field: "actual" as const,
    rule: rule.id,
    code: "rule.expression" as const,
  };

  if (e.kind === "implies") {
    const l = evaluateLinear(e.when.left, num);
    const r = evaluateLinear(e.when.right, num);
    if (l === undefined || r === undefined || !compareHolds(e.when.op, l, r)) return undefined;
  }
  const target = e.kind === "implies" ? e.must : e.compare;
  const l = evaluateLinear(target.left, num);
  const r = evaluateLinear(target.right, num);
  if (l === undefined || r === undefined) {
    if (rule.ifMissing !== "fail") return undefined;
    const codes = [...target.left.terms, ...target.right.terms].map((t) => t.code);
    if (e.kind === "compare" && codes.every((c) => num(c) === undefined)) return undefined;
    const missing = codes.find((c) => num(c) === undefined) ?? "";
    return { ...base, indicator: missing, params: { ...params, missing } };
  }
  if (compareHolds(target.op, l, r)) return undefined;
  const first = target.left.terms[0]?.code ?? rule.codes[0];
  return first === undefined ? { ...base, params } : { ...base, indicator: first, params };
}

/** Last period's actuals by this template's codes: a row under a renamed code counts as its new code. */
function previousByCode(template: Template, previousRows: readonly ReportRow[]): Map<string, number> {
  const current = new Set(template.indicators.map((i) => i.code));
  const renamed = new Map<string, string>();
  for (const ind of template.indicators) {
    if (ind.formerCode !== undefined && !current.has(ind.formerCode)) renamed.set(ind.formerCode, ind.code);
  }
  const previous = new Map<string, number>();
  for (const row of previousRows) {
    const v = row.actual;
    const code = renamed.get(row.code) ?? row.code;
    if (!previous.has(code) && typeof v === "number" && Number.isFinite(v) && v >= 0) {
      previous.set(code, v);
    }
  }
  return previous;
}

/**
 * A figure more than `factor` times last period's, or below last period's / `factor`, is a warning.
 * The floor applies to the larger of the two: small figures swing widely for no reason (1 → 6,
 * 3 → 0) and are not flagged, while 0 → 25 or 100 → 0 are, since the larger side reaches the floor.
 */
function outliers(template: Template, actuals: Map<string, Value>, previousRows: ReportRow[]): Issue[] {
  const { factor, floor } = template.outlier;
  const previous = previousByCode(template, previousRows);
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
