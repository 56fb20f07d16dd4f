// SQL pieces of the review state, shared by the review's INSERT, the submission's first read, GET
// /v1/submissions and the consolidation. They compute what shared/review/state.ts decides
// (currentState); worker/db/reviews.test.ts checks the two agree.

/**
 * The state of the report (unit `unit`, period `period`, current revision `revision`: SQL
 * expressions): the latest review's state, except that a returned report with a newer revision is
 * submitted again; 'submitted' when there is no review.
 */
export function reviewStateSql(unit: string, period: string, revision: string): string {
  return `IFNULL((SELECT IIF(r.state = 'returned' AND r.revision < ${revision}, 'submitted', r.state)
    FROM reviews r WHERE r.unit = ${unit} AND r.period = ${period} ORDER BY r.id DESC LIMIT 1), 'submitted')`;
}

/** The latest review as JSON {state, revision, reviewedAt, reviewer}, or NULL. */
export function latestReviewJsonSql(unit: string, period: string): string {
  return `(SELECT json_object('state', r.state, 'revision', r.revision, 'reviewedAt', r.reviewed_at,
      'reviewer', r.reviewer)
    FROM reviews r WHERE r.unit = ${unit} AND r.period = ${period} ORDER BY r.id DESC LIMIT 1)`;
}

/**
 * The revision "what changed" is measured from, with its figures, as JSON {revision, rows}: the
 * latest review that returned or accepted the report. NULL when there is none.
 */
export function reviewBaseJsonSql(unit: string, period: string): string {
  return `(SELECT json_object('revision', r.revision, 'rows', json(r.rows))
    FROM reviews r WHERE r.unit = ${unit} AND r.period = ${period} AND r.state IN ('returned', 'accepted')
    ORDER BY r.id DESC LIMIT 1)`;
}
