// The parts of a review that existing answers gain (GET /v1/submissions, the receipt, the
// consolidation's reporting). Kept apart from reviews.ts so schemas.ts can import them without a
// cycle: this file imports nothing of ours.
import { z } from "zod";

export const reviewDecision = z.enum(["accept", "return", "reopen"]);
export type ReviewDecision = z.infer<typeof reviewDecision>;

export const reviewState = z.enum(["submitted", "returned", "accepted"]);
export type ReviewState = z.infer<typeof reviewState>;

/** A comment on one indicator (its row, its cell in the sheet). */
export const reviewItem = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}[0-9]{2}$/, "indicator code such as PT01"),
  comment: z.string().trim().min(1).max(2000),
});
export type ReviewItem = z.infer<typeof reviewItem>;

/** One stored review, as GET /v1/submissions lists them (oldest first). */
export const reviewInfo = z.object({
  revision: z.number().int(),
  decision: reviewDecision,
  state: reviewState,
  comment: z.string().optional(),
  items: z.array(reviewItem).optional(),
  reviewedAt: z.string(),
  reviewer: z.string(),
});
export type ReviewInfo = z.infer<typeof reviewInfo>;

/** Where the report stands now; the comments are those of the review that made the state. */
export const reviewSummary = z.object({
  state: reviewState,
  revision: z.number().int().optional(),
  comment: z.string().optional(),
  items: z.array(reviewItem).optional(),
  reviewedAt: z.string().optional(),
  reviewer: z.string().optional(),
});
export type ReviewSummary = z.infer<typeof reviewSummary>;

const figureValue = z.union([z.number(), z.string(), z.null()]);

/** One field of one indicator that differs between two revisions. */
export const figureChange = z.object({
  code: z.string(),
  field: z.enum(["target", "actual", "note"]),
  old: figureValue,
  new: figureValue,
});
export type FigureChange = z.infer<typeof figureChange>;

/** What changed since the revision last returned (or accepted, then reopened). */
export const changesSince = z.object({
  since: z.number().int(),
  items: z.array(figureChange),
});
export type ChangesSince = z.infer<typeof changesSince>;
