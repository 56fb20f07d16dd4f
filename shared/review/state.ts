// Where a report stands in its review, and which decisions it allows: decided here once; the Worker's
// SQL derives the same state (worker/db/review-sql.ts, tested against these functions).
import type { ReviewDecision, ReviewState } from "../api/review-parts.ts";

/** The latest stored review of a report: the state it made and the revision it was about. */
export interface LatestReview {
  state: ReviewState;
  revision: number;
}

/**
 * A returned report becomes `submitted` again with its next revision; an accepted one cannot get a
 * next revision (it is frozen until a reopen); no review yet is `submitted`.
 */
export function currentState(latest: LatestReview | undefined, currentRevision: number): ReviewState {
  if (!latest) return "submitted";
  if (latest.state === "returned" && currentRevision > latest.revision) return "submitted";
  return latest.state;
}

/** The state each decision leads to. */
export const DECISION_STATE: Record<ReviewDecision, ReviewState> = {
  accept: "accepted",
  return: "returned",
  reopen: "submitted",
};

/**
 * The states a decision may be taken from: accept what is not accepted yet; return at any time (an
 * accepted report too: the reviewer found something after all); reopen only what is accepted.
 */
export const ALLOWED_FROM: Record<ReviewDecision, readonly ReviewState[]> = {
  accept: ["submitted", "returned"],
  return: ["submitted", "returned", "accepted"],
  reopen: ["accepted"],
};

export function isAllowed(decision: ReviewDecision, from: ReviewState): boolean {
  return ALLOWED_FROM[decision].includes(from);
}
