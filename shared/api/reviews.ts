// POST /v1/reviews and GET /v1/reviews (api-v1-2026.md §3): the bodies both sides parse.
import { z } from "zod";
import { reviewDecision, reviewItem, reviewState } from "./review-parts.ts";
import { periodCode, unitCode } from "./schemas.ts";

export * from "./review-parts.ts";

export const MAX_REVIEW_ITEMS = 500;

export const reviewRequest = z.strictObject({
  unit: unitCode,
  period: periodCode,
  /** The revision the reviewer read: it must still be the current one (else 409). */
  revision: z.number().int().positive(),
  decision: reviewDecision,
  comment: z.string().trim().max(4000).optional(),
  items: z.array(reviewItem).max(MAX_REVIEW_ITEMS).optional(),
});
export type ReviewRequest = z.input<typeof reviewRequest>;
export type ParsedReview = z.output<typeof reviewRequest>;

export const reviewAnswer = z.object({
  unit: z.string(),
  period: z.string(),
  revision: z.number().int(),
  state: reviewState,
  reviewedAt: z.string(),
  reviewer: z.string(),
});
export type ReviewAnswer = z.infer<typeof reviewAnswer>;

/** A unit of a reviewer's subtree for one period: `missing` when it has not reported yet. */
export const reviewListUnit = z.object({
  unit: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  state: z.enum(["missing", "submitted", "returned", "accepted"]),
  revision: z.number().int().optional(),
  receivedAt: z.string().optional(),
  reviewedAt: z.string().optional(),
  reviewer: z.string().optional(),
});
export type ReviewListUnit = z.infer<typeof reviewListUnit>;

/** GET /v1/reviews?unit=&period=: every unit below `unit`, in tree order. */
export const reviewList = z.object({
  unit: z.string(),
  period: z.string(),
  units: z.array(reviewListUnit),
});
export type ReviewList = z.infer<typeof reviewList>;
