// A template definition as an admin publishes it (PUT /v1/admin/templates/:id, `baocao template publish`)
// and every client receives it: its shape (zod) and what the shape cannot say (codes unique, ratios of
// two count rows, no cycle, rules that parse and read known figures, a grade list when a row is rated).
// Every issue names its field as a dotted path ("indicators.3.ratio.numerator"), so one answer lists
// every mistake. Limits keep a definition a form people fill, not a payload: 500 rows, 300-character
// labels, no label that a spreadsheet would take for a formula.
import { z } from "zod";
import { indicatorCode, MAX_ROWS } from "../api/schemas.ts";
import { describeParseError, parseExpression } from "../rules/expression.ts";
import { GRADES, type Template } from "./types.ts";

export interface DefinitionIssue {
  code: string;
  field: string;
  vi: string;
  en: string;
}

export const TEMPLATE_ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_LABEL = 300;

/** A label people read in a cell: bounded, no control characters, never read as a formula. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !/^\s*[=+@]/.test(s), "must not start with =, + or @ (a spreadsheet formula)")
    .refine(
      (s) => ![...s].some((ch) => (ch < " " && ch !== "\t" && ch !== "\n") || ch === "\u007f"),
      "must not hold control characters",
    );

export const label = z.strictObject({ vi: text(MAX_LABEL).min(1), en: text(MAX_LABEL).min(1) });
const unitLabel = z.strictObject({ vi: text(50), en: text(50) });

const indicator = z.strictObject({
  code: indicatorCode,
  section: z.string().min(1).max(8),
  label,
  unit: unitLabel,
  kind: z.enum(["count", "money", "ratio", "grade"]),
  required: z.boolean().optional(),
  ratio: z.strictObject({ numerator: indicatorCode, denominator: indicatorCode }).optional(),
  perUnitTarget: z.number().finite().min(0).max(1e6).optional(),
  formerCode: indicatorCode.optional(),
  overTime: z.enum(["sum", "last"]),
});

const rule = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9<>=._-]{1,64}$/, "rule id: letters, digits, < > = . _ -, at most 64"),
  expression: z.string().min(1).max(500),
  severity: z.enum(["error", "warning"]),
  ifMissing: z.enum(["skip", "fail"]).optional(),
  label,
});

export const templateDefinition = z.strictObject({
  id: z.string().regex(TEMPLATE_ID_RE, "template id: a-z, 0-9, '-', at most 64"),
  /** Ignored on publishing: the server numbers versions. Accepted so a fetched template can be sent back. */
  version: z.number().int().optional(),
  title: label,
  sections: z
    .array(z.strictObject({ id: z.string().min(1).max(8), label }))
    .min(1)
    .max(50),
  indicators: z.array(indicator).min(1).max(MAX_ROWS),
  grades: z
    .array(
      z.strictObject({
        code: z.enum(GRADES as [string, ...string[]]),
        label,
        aliases: z.array(text(100)).max(20),
      }),
    )
    .max(GRADES.length)
    .optional(),
  rules: z.array(rule).max(200),
  outlier: z.strictObject({ factor: z.number().min(1.5).max(1000), floor: z.number().min(0).max(1e9) }),
});

export type TemplateDefinition = Omit<Template, "version">;

type Indicators = Template["indicators"];

export function issue(code: string, field: string, vi: string, en: string): DefinitionIssue {
  return { code, field, vi, en };
}

export function duplicates<T>(
  items: readonly T[],
  key: (t: T) => string,
  field: (i: number) => string,
  what: string,
) {
  const seen = new Map<string, number>();
  const out: DefinitionIssue[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else
      out.push(
        issue(
          "duplicate",
          field(i),
          `${what} ${k} trùng với mục ${first}`,
          `${what} ${k} repeats item ${first}`,
        ),
      );
  });
  return out;
}

/** Each ratio over two count rows of this template, and no ratio reaching itself through others. */
function ratioIssues(indicators: Indicators): DefinitionIssue[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const out: DefinitionIssue[] = [];
  indicators.forEach((ind, n) => {
    if (ind.kind !== "ratio") {
      if (ind.ratio)
        out.push(
          issue(
            "ratio_on_non_ratio",
            `indicators.${n}.ratio`,
            "chỉ dòng tỷ lệ mới có ratio",
            "only a ratio row has `ratio`",
          ),
        );
      return;
    }
    if (!ind.ratio) {
      out.push(
        issue(
          "ratio_missing",
          `indicators.${n}.ratio`,
          "dòng tỷ lệ cần tử số và mẫu số",
          "a ratio row needs a numerator and a denominator",
        ),
      );
      return;
    }
    for (const side of ["numerator", "denominator"] as const) {
      const code = ind.ratio[side];
      const part = byCode.get(code);
      const field = `indicators.${n}.ratio.${side}`;
      if (!part) out.push(issue("unknown_code", field, `không có mã ${code}`, `unknown code ${code}`));
      else if (part.kind !== "count") {
        out.push(
          issue(
            "ratio_of_non_count",
            field,
            `${code} không phải dòng đếm (count)`,
            `${code} is not a count row`,
          ),
        );
      }
    }
  });
  return [...out, ...ratioCycles(indicators)];
}

function ratioCycles(indicators: Indicators): DefinitionIssue[] {
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const out: DefinitionIssue[] = [];
  indicators.forEach((ind, n) => {
    // Follow ratio parts depth-first from this row; reaching it again is a cycle.
    const stack = ind.ratio ? [ind.ratio.numerator, ind.ratio.denominator] : [];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const code = stack.pop() as string;
      if (code === ind.code) {
        out.push(
          issue(
            "cycle",
            `indicators.${n}.ratio`,
            `tỷ lệ ${ind.code} quay vòng về chính nó`,
            `ratio ${ind.code} refers back to itself`,
          ),
        );
        return;
      }
      if (seen.has(code)) continue;
      seen.add(code);
      const r = byCode.get(code)?.ratio;
      if (r) stack.push(r.numerator, r.denominator);
    }
  });
  return out;
}

function rowIssues(def: z.infer<typeof templateDefinition>): DefinitionIssue[] {
  const sections = new Set(def.sections.map((s) => s.id));
  const codes = new Set(def.indicators.map((i) => i.code));
  const out: DefinitionIssue[] = [
    ...duplicates(
      def.sections,
      (s) => s.id,
      (i) => `sections.${i}.id`,
      "mục",
    ),
    ...duplicates(
      def.indicators,
      (i) => i.code,
      (i) => `indicators.${i}.code`,
      "mã",
    ),
    ...duplicates(
      def.rules,
      (r) => r.id,
      (i) => `rules.${i}.id`,
      "quy tắc",
    ),
    ...duplicates(
      def.grades ?? [],
      (g) => g.code,
      (i) => `grades.${i}.code`,
      "xếp loại",
    ),
  ];
  def.indicators.forEach((ind, n) => {
    if (!sections.has(ind.section)) {
      out.push(
        issue(
          "unknown_section",
          `indicators.${n}.section`,
          `không có mục ${ind.section}`,
          `unknown section ${ind.section}`,
        ),
      );
    }
    if (ind.formerCode !== undefined && codes.has(ind.formerCode)) {
      out.push(
        issue(
          "former_code_in_use",
          `indicators.${n}.formerCode`,
          `mã cũ ${ind.formerCode} vẫn là một dòng của mẫu`,
          `former code ${ind.formerCode} is still a row of this template`,
        ),
      );
    }
    if (ind.perUnitTarget !== undefined && ind.kind !== "count" && ind.kind !== "money") {
      out.push(
        issue(
          "per_unit_target_kind",
          `indicators.${n}.perUnitTarget`,
          "chỉ dòng đếm hoặc tiền có chỉ tiêu mỗi đơn vị",
          "only count or money rows have a per-unit target",
        ),
      );
    }
  });
  const formers = def.indicators.flatMap((i) => (i.formerCode ? [i] : []));
  out.push(
    ...duplicates(
      formers,
      (i) => i.formerCode ?? "",
      (i) => `indicators.${def.indicators.indexOf(formers[i] as (typeof formers)[number])}.formerCode`,
      "mã cũ",
    ),
  );
  if (def.indicators.some((i) => i.kind === "grade") && (def.grades ?? []).length === 0) {
    out.push(
      issue(
        "grades_missing",
        "grades",
        "mẫu có dòng xếp loại nên cần danh sách xếp loại",
        "a rated row needs the grade list",
      ),
    );
  }
  return out;
}

/** Each rule parses, reads count or money rows of this template, and reads at least one. */
function ruleIssues(def: z.infer<typeof templateDefinition>): DefinitionIssue[] {
  const kinds = new Map(def.indicators.map((i) => [i.code, i.kind]));
  const out: DefinitionIssue[] = [];
  def.rules.forEach((r, n) => {
    const field = `rules.${n}.expression`;
    const parsed = parseExpression(r.expression, (c) => kinds.has(c));
    if (!parsed.ok) {
      out.push(
        issue(
          "expression",
          field,
          describeParseError(parsed.error, "vi"),
          describeParseError(parsed.error, "en"),
        ),
      );
      return;
    }
    const e = parsed.expression;
    const sides = e.kind === "compare" ? [e.compare] : [e.when, e.must];
    const codes = sides.flatMap((c) => [...c.left.terms, ...c.right.terms].map((t) => t.code));
    if (codes.length === 0) {
      out.push(
        issue(
          "expression_without_code",
          field,
          "quy tắc phải đọc ít nhất một mã",
          "a rule must read at least one code",
        ),
      );
    }
    for (const code of codes) {
      const kind = kinds.get(code);
      if (kind === "ratio" || kind === "grade") {
        out.push(
          issue(
            "expression_kind",
            field,
            `${code} là dòng ${kind}; quy tắc chỉ đọc dòng đếm hoặc tiền`,
            `${code} is a ${kind} row; rules read count or money rows only`,
          ),
        );
      }
    }
  });
  return out;
}

export function zodIssue(i: z.core.$ZodIssue): DefinitionIssue {
  const field = i.path.length === 0 ? "(body)" : i.path.map(String).join(".");
  if (i.code === "unrecognized_keys") {
    return issue(
      i.code,
      `${field === "(body)" ? "" : `${field}.`}${i.keys.join(",")}`,
      "trường này không có trong mẫu, hãy bỏ đi",
      "unknown field, remove it",
    );
  }
  const vi =
    i.code === "invalid_type" && i.input === undefined ? "thiếu trường bắt buộc" : "giá trị không hợp lệ";
  return issue(i.code, field, `${vi} (${i.message})`, i.message);
}

/** At most this many issues are listed: 10,000 broken rows must not make a 10 MB answer. */
export const MAX_ISSUES = 100;

export function capped(issues: DefinitionIssue[]): DefinitionIssue[] {
  if (issues.length <= MAX_ISSUES) return issues;
  const more = issues.length - MAX_ISSUES;
  return [
    ...issues.slice(0, MAX_ISSUES),
    issue(
      "too_many_issues",
      "(body)",
      `và ${more} lỗi khác không liệt kê`,
      `and ${more} more issues not listed`,
    ),
  ];
}

export type DefinitionResult =
  | { ok: true; definition: TemplateDefinition }
  | { ok: false; issues: DefinitionIssue[] };

/** The body's id against the route's (`what` names it in Vietnamese: "mã mẫu"). */
export function idMismatch(input: unknown, id: string | undefined, what: string): DefinitionIssue[] {
  const differs =
    id !== undefined && typeof input === "object" && input !== null && (input as { id?: unknown }).id !== id;
  return differs
    ? [
        issue(
          "id_mismatch",
          "id",
          `${what} phải là ${id}, như trên đường dẫn`,
          `the id must be ${id}, as in the route`,
        ),
      ]
    : [];
}

/** Checks a definition; `id`, when given, is the id it is published under (the route's). */
export function checkDefinition(input: unknown, id?: string): DefinitionResult {
  const shape = templateDefinition.safeParse(input);
  const idIssue = idMismatch(input, id, "mã mẫu");
  if (!shape.success) return { ok: false, issues: capped([...idIssue, ...shape.error.issues.map(zodIssue)]) };
  const def = shape.data;
  const issues = [
    ...idIssue,
    ...rowIssues(def),
    ...ratioIssues(def.indicators as Indicators),
    ...ruleIssues(def),
  ];
  if (issues.length > 0) return { ok: false, issues: capped(issues) };
  const { version: _ignored, grades, ...rest } = def;
  return { ok: true, definition: { ...rest, grades: grades ?? [] } as TemplateDefinition };
}
