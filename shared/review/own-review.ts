// A reporter's own report's review: fetched by the add-in for the report being checked and by the web
// page for the reports its reporter sent, so both say the same thing about a returned report.
import type { ApiClient } from "../api/client.ts";
import type { ReviewSummary } from "../api/review-parts.ts";

/** The review of one unit's report for one period, as last fetched. */
export interface OwnReview {
  unit: string;
  period: string;
  review: ReviewSummary;
}

/** The review of `unit` for `period`; null when there is no report or nothing reviewed it yet. */
export async function fetchOwnReview(
  client: Pick<ApiClient, "submissions">,
  unit: string,
  period: string,
): Promise<OwnReview | null> {
  const answer = await client.submissions(unit, period);
  return answer.review ? { unit, period, review: answer.review } : null;
}

/** What the reporter must hear about: a report sent back (with its comments) or one accepted. */
export function needsTelling(own: OwnReview | null): own is OwnReview {
  return own !== null && (own.review.state === "returned" || own.review.state === "accepted");
}
