// The HTTP API v1 bodies, as architecture.md fixes them. The Worker validates requests with these and
// the clients (add-in, CLI) parse answers with them: one definition for both sides.
import { z } from "zod";
import { DEADLINE_YEARS, deadlineInRange, MAX_FIGURE } from "./limits.ts";
import { label, text, unitName } from "./text.ts";

export { MAX_FIGURE } from "./limits.ts";

import { previousFigures, reportingUnit, unitRef } from "./reporting-units.ts";
import { changesSince, reviewInfo, reviewSummary } from "./review-parts.ts";

export const UNIT_CODE_RE = /^[A-Z0-9][A-Z0-9._-]{0,63}$/;
/** 2023, 2023-H1, 2023-Q3, 2023-11. */
export const PERIOD_RE = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

export const unitCode = z.string().regex(UNIT_CODE_RE, "unit code: A-Z, 0-9, '.', '_', '-', at most 64");
export const periodCode = z.string().regex(PERIOD_RE, "period: 2023, 2023-H1, 2023-Q3 or 2023-11");
export const indicatorCode = z.string().regex(/^[A-Z]{2}[0-9]{2}$/, "indicator code such as PT01");

export const MAX_ROWS = 500;

/** A negative figure is a rule of the domain (422 on its row, shared/rules/check-report.ts), not a shape. */
const figure = z.number().finite().max(MAX_FIGURE);

export const submissionRow = z.strictObject({
  code: indicatorCode,
  target: figure.nullable().optional(),
  actual: z
    .union([figure, text(64)])
    .nullable()
    .optional(),
  note: text(2000).optional(),
});
export type SubmissionRow = z.infer<typeof submissionRow>;

export const submissionBody = z.strictObject({
  unit: unitCode,
  period: periodCode,
  template: text(64).min(1),
  /** The template version the sheet was made with; absent: the latest. */
  templateVersion: z.number().int().min(1).max(1e9).optional(),
  mode: z.enum(["replace", "merge"]).default("replace"),
  rows: z.array(submissionRow).max(MAX_ROWS),
  reporter: z.strictObject({ name: text(200).optional(), phone: text(50).optional() }).optional(),
});
export type SubmissionBody = z.input<typeof submissionBody>;
export type ParsedSubmission = z.output<typeof submissionBody>;

/** An issue as the API returns it: message in Vietnamese then English; `i18n` holds each alone. */
export const apiIssue = z.object({
  code: z.string(),
  field: z.string().optional(),
  rule: z.string().optional(),
  indicator: z.string().optional(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  i18n: z.object({ vi: z.string(), en: z.string() }).optional(),
});
export type ApiIssue = z.infer<typeof apiIssue>;

/** "đạt X/Y chỉ tiêu, vượt Z": rows with a target, how many met it, how many exceeded it. */
export const targetSummary = z.object({
  withTarget: z.number().int(),
  achieved: z.number().int(),
  exceeded: z.number().int(),
  text: z.object({ vi: z.string(), en: z.string() }),
});
export type TargetSummary = z.infer<typeof targetSummary>;

export const receipt = z.object({
  unit: z.string(),
  period: z.string(),
  revision: z.number().int().positive(),
  receivedAt: z.string(),
  warnings: z.array(apiIssue),
  summary: targetSummary,
  /** Set when a reporter of an ancestor sent the report on the unit's behalf. */
  onBehalfOf: z.string().optional(),
  /** After a return: what this revision changed since the returned one (review, §3). */
  changes: changesSince.optional(),
});
export type Receipt = z.infer<typeof receipt>;

export const indicatorTotal = z.object({
  code: z.string(),
  kind: z.enum(["count", "money", "ratio", "grade"]),
  target: z.number().optional(),
  actual: z.number().optional(),
  rate: z.number().optional(),
  grades: z.record(z.string(), z.number()).optional(),
  /** Per-unit targets: how many child units met it, out of how many reported it. */
  unitsMet: z.number().int().optional(),
  unitsReported: z.number().int().optional(),
  /**
   * Count and money rows whose summed target and summed actual come from different numbers of units
   * (the rate compares the two sums): how many units of the subtree, the unit included, gave each.
   * Absent when every unit with a figure gave both, or none gave a target.
   */
  unitsWithTarget: z.number().int().optional(),
  unitsWithActual: z.number().int().optional(),
  /** With `?compare=`: the compared period's figures restated onto this period's tree (api §1). */
  previous: previousFigures.optional(),
});
export type IndicatorTotal = z.infer<typeof indicatorTotal>;

export const reportingStatus = z.object({
  expected: z.number().int(),
  submitted: z.number().int(),
  late: z.number().int(),
  missing: z.array(z.string()),
  lateUnits: z.array(z.string()).optional(),
  /** `missing` and `lateUnits` with names, so clients need not look names up. */
  missingUnits: z.array(unitRef).optional(),
  lateUnitsNamed: z.array(unitRef).optional(),
  /** Every expected unit of the subtree with its state, revision, times and reporter (by code). */
  units: z.array(reportingUnit).optional(),
  /** Review (api §3): how many reports are accepted, and which were returned. */
  accepted: z.number().int().optional(),
  returned: z.array(z.string()).optional(),
});
export type ReportingStatus = z.infer<typeof reportingStatus>;

export const consolidation = z.object({
  unit: z.string(),
  name: z.string().optional(),
  period: z.string(),
  template: z.string(),
  indicators: z.array(indicatorTotal),
  children: z.array(
    z.object({
      unit: z.string(),
      name: z.string(),
      indicators: z.array(indicatorTotal),
      submitted: z.boolean().optional(),
      /** False for a unit made by a split: it has no compared figures (api §1). */
      comparable: z.boolean().optional(),
    }),
  ),
  reporting: reportingStatus,
  summary: targetSummary.optional(),
  /** With `?compare=`: the compared period (api §1). */
  compare: z.object({ period: z.string() }).optional(),
});
export type Consolidation = z.infer<typeof consolidation>;

export const errorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    i18n: z.object({ vi: z.string(), en: z.string() }).optional(),
    issues: z.array(apiIssue).optional(),
    currentRevision: z.number().int().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;

export const unitsImport = z.strictObject({
  units: z
    .array(
      z.strictObject({
        code: unitCode,
        name: unitName,
        parent: unitCode.nullable(),
        kind: label(50).optional(),
      }),
    )
    .min(1)
    .max(20000),
});
export type UnitsImport = z.infer<typeof unitsImport>;

export const role = z.enum(["reporter", "reviewer", "admin"]);
export type Role = z.infer<typeof role>;

export const tokenRequest = z.strictObject({ unit: unitCode, role });
export const tokenAnswer = z.object({ token: z.string(), id: z.string(), unit: z.string(), role });

export const unitInfo = z.object({
  code: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  kind: z.string().nullable().optional(),
});
export const unitsAnswer = z.object({ units: z.array(unitInfo) });

export const revisionInfo = z.object({
  revision: z.number().int(),
  receivedAt: z.string(),
  submittedBy: z.string(),
  onBehalfOf: z.string().nullable().optional(),
  mode: z.enum(["replace", "merge"]),
  digest: z.string(),
});

export const submissionsAnswer = z.object({
  unit: z.string(),
  period: z.string(),
  current: z
    .object({
      revision: z.number().int(),
      receivedAt: z.string(),
      template: z.string(),
      rows: z.array(submissionRow),
    })
    .nullable(),
  revisions: z.array(revisionInfo),
  /** Review (§3): the state now, every review, and what changed since the last returned revision. */
  review: reviewSummary.optional(),
  reviews: z.array(reviewInfo).optional(),
  changes: changesSince.optional(),
});
export type SubmissionsAnswer = z.infer<typeof submissionsAnswer>;

/** A deadline, a template (`template`: the id units fill for the period), or both. */
export const periodSettings = z
  .strictObject({
    deadline: z.iso
      .datetime({ offset: true })
      .refine(deadlineInRange, {
        message: `a deadline in the years ${DEADLINE_YEARS.from}–${DEADLINE_YEARS.to}`,
        params: {
          code: "deadline.out_of_range",
          vi: `hạn nộp phải trong các năm ${DEADLINE_YEARS.from}–${DEADLINE_YEARS.to}`,
        },
      })
      .optional(),
    template: text(64).min(1).optional(),
  })
  .refine((b) => b.deadline !== undefined || b.template !== undefined, {
    path: ["deadline"],
    message: "a deadline or a template is required",
  });
export const periodAnswer = z.object({
  period: z.string(),
  deadline: z.string().nullable(),
  locked: z.boolean(),
  template: z.string().nullable().optional(),
});

/** POST /v1/admin/recompute: what a replay of the append-only revisions found (and fixed). */
export const recomputeDifference = z.object({
  period: z.string(),
  unit: z.string(),
  /**
   * current_value: a unit's stored figure of one indicator; report_status: its current revision and
   * times; revisions: a gap or duplicate in its numbering (the audit trail, never rewritten); total: a
   * consolidated figure as the API would answer it; reporting: submitted/late counts below the unit.
   */
  what: z.enum(["current_value", "report_status", "revisions", "total", "reporting"]),
  code: z.string().optional(),
  field: z.string(),
  stored: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  expected: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});
export type RecomputeDifference = z.infer<typeof recomputeDifference>;

export const recomputeAnswer = z.object({
  periods: z.array(z.string()),
  units: z.number().int(),
  revisions: z.number().int(),
  /** The first 1,000 differences; differenceCount counts them all. */
  differences: z.array(recomputeDifference),
  differenceCount: z.number().int(),
  fixed: z.boolean(),
  /** After a fix, the differences a second check still finds (0 when the fix worked). */
  remaining: z.number().int().optional(),
});
export type RecomputeAnswer = z.infer<typeof recomputeAnswer>;
