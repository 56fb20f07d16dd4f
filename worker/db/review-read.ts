// The review's side of the read routes: GET /v1/submissions gains review, reviews and changes;
// GET /v1/reviews lists a subtree's units with their state; the consolidation's reporting gains
// accepted and returned. States come from shared/review/state.ts (currentState).

import type {
  ChangesSince,
  ReviewInfo,
  ReviewItem,
  ReviewState,
  ReviewSummary,
} from "../../shared/api/review-parts.ts";
import type { ReviewList, ReviewListUnit } from "../../shared/api/reviews.ts";
import type { ReportingStatus } from "../../shared/api/schemas.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import { currentState } from "../../shared/review/state.ts";
import type { ReportRow, Template } from "../../shared/template/types.ts";
import type { StoredRow } from "./codec.ts";
import type { Db } from "./db.ts";
import { changesSinceBase } from "./review-gate.ts";
import { reviewStateSql } from "./review-sql.ts";

/** ?1 unit ?2 period: every review of the report, oldest first (a statement for the route's batch). */
export const REVIEWS_OF_REPORT = `
SELECT revision, decision, state, comment, items, rows, reviewer, reviewed_at FROM reviews
WHERE unit = ?1 AND period = ?2 ORDER BY id`;

export interface ReviewRow {
  revision: number;
  decision: ReviewInfo["decision"];
  state: ReviewState;
  comment: string | null;
  items: string | null;
  rows: string;
  reviewer: string;
  reviewed_at: string;
}

function infoOf(r: ReviewRow): ReviewInfo {
  return {
    revision: r.revision,
    decision: r.decision,
    state: r.state,
    ...(r.comment === null ? {} : { comment: r.comment }),
    ...(r.items === null ? {} : { items: JSON.parse(r.items) as ReviewItem[] }),
    reviewedAt: r.reviewed_at,
    reviewer: r.reviewer,
  };
}

export interface ReviewFields {
  review: ReviewSummary;
  reviews: ReviewInfo[];
  changes?: ChangesSince;
}

/**
 * For a report at `revision` with `rows`: its state (with the comments of the review that made it),
 * every review, and what changed since the last returned (or accepted) revision when it is older.
 */
export function reviewFields(
  template: Template,
  rows: readonly ReviewRow[],
  revision: number,
  current: readonly ReportRow[],
): ReviewFields {
  const reviews = rows.map(infoOf);
  const latest = reviews.at(-1);
  const state = currentState(latest, revision);
  const review: ReviewSummary =
    latest && state === latest.state
      ? {
          state,
          revision: latest.revision,
          ...(latest.comment === undefined ? {} : { comment: latest.comment }),
          ...(latest.items === undefined ? {} : { items: latest.items }),
          reviewedAt: latest.reviewedAt,
          reviewer: latest.reviewer,
        }
      : { state };
  const base = rows.findLast((r) => r.state === "returned" || r.state === "accepted");
  const changes =
    base && base.revision < revision
      ? changesSinceBase(
          template,
          { revision: base.revision, rows: JSON.parse(base.rows) as StoredRow[] },
          current,
        )
      : undefined;
  return { review, reviews, ...(changes === undefined ? {} : { changes }) };
}

/** ?1 unit ?2 period ?3 its last day: every unit strictly below in the period's tree, its report and its latest review. */
const SUBTREE_REVIEWS = `
SELECT u.code AS unit, u.name AS name, u.parent AS parent, rs.current_revision AS revision,
  rs.received_at AS receivedAt, r.state AS state, r.revision AS reviewedRevision,
  r.reviewed_at AS reviewedAt, r.reviewer AS reviewer
FROM unit_ancestors a JOIN units u ON u.code = a.descendant
LEFT JOIN report_status rs ON rs.unit = u.code AND rs.period = ?2
LEFT JOIN reviews r ON r.id = (SELECT MAX(x.id) FROM reviews x WHERE x.unit = u.code AND x.period = ?2)
WHERE a.ancestor = ?1 AND a.depth > 0 AND a.valid_from <= ?3 AND a.valid_to > ?3
ORDER BY u.code`;

interface SubtreeRow {
  unit: string;
  name: string;
  parent: string | null;
  revision: number | null;
  receivedAt: string | null;
  state: ReviewState | null;
  reviewedRevision: number | null;
  reviewedAt: string | null;
  reviewer: string | null;
}

function listUnit(r: SubtreeRow): ReviewListUnit {
  const base = { unit: r.unit, name: r.name, parent: r.parent };
  if (r.revision === null || r.receivedAt === null) return { ...base, state: "missing" };
  const latest =
    r.state === null || r.reviewedRevision === null
      ? undefined
      : { state: r.state, revision: r.reviewedRevision };
  const state = currentState(latest, r.revision);
  const reviewed =
    latest !== undefined && state === latest.state && r.reviewedAt !== null && r.reviewer !== null;
  return {
    ...base,
    state,
    revision: r.revision,
    receivedAt: r.receivedAt,
    ...(reviewed ? { reviewedAt: r.reviewedAt ?? "", reviewer: r.reviewer ?? "" } : {}),
  };
}

/** GET /v1/reviews: the units below `unit` for `period`, each with its state. */
export async function listReviews(db: Db, unit: string, period: string): Promise<ReviewList> {
  const rows = await db.all<SubtreeRow>(SUBTREE_REVIEWS, unit, period, periodLastDay(period));
  return { unit, period, units: rows.map(listUnit) };
}

/**
 * ?1 unit ?2 period ?3 its last day: units strictly below (in the period's tree) with a review in the period, and their state now. Starts
 * from the period's reviews (index reviews_by_period), so it reads only reviewed units.
 */
const REVIEWED_BELOW = `
SELECT d.unit AS unit,
  ${reviewStateSql("d.unit", "?2", "IFNULL(rs.current_revision, 0)")} AS state
FROM (SELECT DISTINCT unit FROM reviews WHERE period = ?2) d
JOIN unit_ancestors a ON a.ancestor = ?1 AND a.descendant = d.unit AND a.depth > 0
  AND a.valid_from <= ?3 AND a.valid_to > ?3
LEFT JOIN report_status rs ON rs.unit = d.unit AND rs.period = ?2
ORDER BY d.unit`;

/**
 * The consolidation's reporting gains how many units below are accepted and which are returned; with the
 * per-unit detail (`reporting.units`), those units' status says so too (Bị trả lại, Đã duyệt).
 */
export async function addReviewReporting(db: Db, reporting: ReportingStatus, unit: string, period: string) {
  const rows = await db.all<{ unit: string; state: ReviewState }>(
    REVIEWED_BELOW,
    unit,
    period,
    periodLastDay(period),
  );
  reporting.accepted = rows.filter((r) => r.state === "accepted").length;
  reporting.returned = rows.filter((r) => r.state === "returned").map((r) => r.unit);
  const decided = new Map(rows.map((r) => [r.unit, r.state]));
  for (const u of reporting.units ?? []) {
    const state = decided.get(u.code);
    if (state === "returned" || state === "accepted") u.status = state;
  }
}
