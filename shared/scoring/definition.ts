// A scoring scheme as an admin publishes it (PUT /v1/admin/schemes/:id) and every client receives it:
// its shape (zod) and what the shape cannot say (criterion and item codes unique, a computed item reads
// an indicator some template has, grades from the highest down, each reachable within the scheme's
// points). Issues name their field as a dotted path ("criteria.2.items.0.max"), like a template's.
// The scheme names no template: its computed items read codes, which stay stable across template
// versions (formerCode), so a code is checked against every template the caller knows.
import { z } from "zod";
import { indicatorCode } from "../api/schemas.ts";
import {
  capped,
  type DefinitionIssue,
  duplicates,
  idMismatch,
  issue,
  label,
  TEMPLATE_ID_RE,
  zodIssue,
} from "../template/definition.ts";
import { BUILT_IN_TEMPLATES } from "../template/registry.ts";
import type { Template } from "../template/types.ts";
import { schemeMax } from "./score.ts";
import type { ScoringScheme } from "./types.ts";

const itemCode = z.string().regex(/^[A-Za-z0-9._-]{1,16}$/, "code: letters, digits, . _ -, at most 16");
/** Points stay human: a scheme of thousands of points is a typo, not a scheme. */
const points = z.number().positive().max(1000);

const measure = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("ratioLevel"),
    indicator: indicatorCode,
    level: z.number().positive().max(100),
  }),
  z.strictObject({ type: z.literal("targetMet"), indicator: indicatorCode }),
  z.strictObject({
    type: z.literal("perUnitMinimum"),
    indicator: indicatorCode,
    minimum: z.number().positive().max(1e6),
  }),
  z.strictObject({ type: z.literal("proportional"), indicator: indicatorCode }),
]);

const itemBase = { code: itemCode, label, max: points };
const item = z.discriminatedUnion("kind", [
  z.strictObject({ ...itemBase, kind: z.literal("computed"), measure }),
  z.strictObject({ ...itemBase, kind: z.literal("timeliness"), late: z.number().min(0).max(1000) }),
  z.strictObject({ ...itemBase, kind: z.literal("manual") }),
]);

export const schemeDefinition = z.strictObject({
  id: z.string().regex(TEMPLATE_ID_RE, "scheme id: a-z, 0-9, '-', at most 64"),
  /** Ignored on publishing: the server numbers versions. Accepted so a fetched scheme can be sent back. */
  version: z.number().int().optional(),
  title: label,
  criteria: z
    .array(
      z.strictObject({
        code: itemCode,
        label,
        bonus: z.boolean().optional(),
        items: z.array(item).min(1).max(50),
      }),
    )
    .min(1)
    .max(20),
  grades: z
    .array(
      z.strictObject({
        grade: z.enum(["XS", "T", "HT"]),
        minTotal: z.number().min(0).max(1e5),
        minShareOfEachCriterion: z.number().min(0).max(1).optional(),
      }),
    )
    .min(1)
    .max(3),
});

export type SchemeDefinition = Omit<ScoringScheme, "version">;

/** Every code a template row has or had (formerCode): what a computed item may read. */
export function templateCodes(templates: readonly Template[] = BUILT_IN_TEMPLATES): Set<string> {
  return new Set(templates.flatMap((t) => t.indicators.flatMap((i) => [i.code, i.formerCode ?? []].flat())));
}

function itemIssues(def: SchemeDefinition, known: KnownCodes): DefinitionIssue[] {
  const out: DefinitionIssue[] = [];
  def.criteria.forEach((c, n) => {
    c.items.forEach((it, m) => {
      const at = `criteria.${n}.items.${m}`;
      if (it.kind === "computed" && !known.has(it.measure.indicator)) {
        const code = it.measure.indicator;
        out.push(
          issue(
            "unknown_code",
            `${at}.measure.indicator`,
            `không mẫu báo cáo nào có mã ${code}`,
            `no template has the code ${code}`,
          ),
        );
      }
      if (it.kind === "timeliness" && it.late > it.max) {
        out.push(
          issue(
            "late_over_max",
            `${at}.late`,
            `điểm nộp muộn (${it.late}) vượt điểm tối đa ${it.max}`,
            `late points (${it.late}) exceed the maximum ${it.max}`,
          ),
        );
      }
    });
  });
  return out;
}

/** Highest grade first, each needing a lower total than the one above, each reachable. */
function gradeIssues(def: SchemeDefinition): DefinitionIssue[] {
  const order = ["XS", "T", "HT"];
  const max = schemeMax({ ...def, version: 1 });
  const out: DefinitionIssue[] = [];
  def.grades.forEach((g, n) => {
    const above = def.grades[n - 1];
    if (above && order.indexOf(g.grade) <= order.indexOf(above.grade)) {
      out.push(
        issue(
          "grade_order",
          `grades.${n}.grade`,
          `xếp loại ${g.grade} phải đứng sau ${above.grade}: cao nhất trước`,
          `grade ${g.grade} must come after ${above.grade}: highest first`,
        ),
      );
    } else if (above && g.minTotal >= above.minTotal) {
      out.push(
        issue(
          "threshold_order",
          `grades.${n}.minTotal`,
          `${g.grade} cần ít điểm hơn ${above.grade} (${above.minTotal})`,
          `${g.grade} must need fewer points than ${above.grade} (${above.minTotal})`,
        ),
      );
    }
    if (g.minTotal > max) {
      out.push(
        issue(
          "threshold_over_max",
          `grades.${n}.minTotal`,
          `${g.minTotal} điểm vượt tổng điểm tối đa ${max}`,
          `${g.minTotal} points exceed the scheme's maximum ${max}`,
        ),
      );
    }
  });
  return out;
}

/** The codes a computed item may read; a client that cannot know the server's templates accepts any. */
export type KnownCodes = Pick<ReadonlySet<string>, "has">;
export const ANY_CODE: KnownCodes = { has: () => true };

export type SchemeDefinitionResult =
  | { ok: true; definition: SchemeDefinition }
  | { ok: false; issues: DefinitionIssue[] };

/**
 * Checks a scheme; `id`, when given, is the id it is published under (the route's); `known`, the
 * indicator codes computed items may read (every built-in template's by default).
 */
export function checkSchemeDefinition(
  input: unknown,
  id?: string,
  known: KnownCodes = templateCodes(),
): SchemeDefinitionResult {
  const shape = schemeDefinition.safeParse(input);
  const idIssue = idMismatch(input, id, "mã bộ tiêu chí");
  if (!shape.success) return { ok: false, issues: capped([...idIssue, ...shape.error.issues.map(zodIssue)]) };
  const { version: _ignored, ...def } = shape.data;
  const definition = def as SchemeDefinition;
  const items = definition.criteria.flatMap((c, n) => c.items.map((it, m) => ({ code: it.code, n, m })));
  const issues = [
    ...idIssue,
    ...duplicates(
      definition.criteria,
      (c) => c.code,
      (i) => `criteria.${i}.code`,
      "tiêu chí",
    ),
    ...duplicates(
      items,
      (it) => it.code,
      (i) => `criteria.${items[i]?.n}.items.${items[i]?.m}.code`,
      "mục",
    ),
    ...itemIssues(definition, known),
    ...gradeIssues(definition),
  ];
  if (issues.length > 0) return { ok: false, issues: capped(issues) };
  return { ok: true, definition };
}
