// The statements of one submission, run as ONE DB.batch() (a single D1 transaction). Everything the
// stored numbers depend on is read inside it: the revision number (MAX + 1), the lock and If-Match
// guards, and the totals' deltas (new rows joined with current_values before they are overwritten).
// So two submissions for the same unit, however they interleave, apply one after the other.
// Rows travel as one JSON parameter expanded with json_each (D1 allows 100 bound parameters).
import { lateSql } from "./late.ts";
import { FORGET_COMPARED } from "./restated-sql.ts";

/**
 * Fails the batch (CHECK token_revoked, migration 0003) when the sending token ?1 was revoked after
 * the submission's read found it live; writes nothing otherwise. The ADMIN_TOKEN secret has no row.
 */
const TOKEN_STILL_LIVE = `
INSERT INTO revoked_token_guard (token_id)
SELECT id FROM tokens WHERE id = ?1 AND revoked_at IS NOT NULL`;

/**
 * ?1 unit ?2 period ?3 expected revision (If-Match, or the revision a merge was validated against;
 * null: none) ?4 template ?5 mode ?6 body ?7 digest ?8 token id ?9 sender ?10 on behalf of
 * ?11 received at ?12 idempotency key ?13 receipt JSON (its revision is filled in here).
 * A locked period makes the revision -2 and a failed expectation -1: the table's named CHECKs then
 * fail the statement and the whole batch rolls back.
 */
const INSERT_SUBMISSION = `
INSERT INTO submissions (unit, period, revision, template, mode, body, digest, token_id, sender,
  on_behalf_of, received_at, idempotency_key, receipt)
SELECT ?1, ?2,
  CASE
    WHEN EXISTS (SELECT 1 FROM periods WHERE period = ?2 AND locked = 1) THEN -2
    WHEN ?3 IS NOT NULL AND IFNULL(MAX(s.revision), 0) <> ?3 THEN -1
    ELSE IFNULL(MAX(s.revision), 0) + 1
  END,
  ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
  json_set(?13, '$.revision', IFNULL(MAX(s.revision), 0) + 1)
FROM submissions s WHERE s.unit = ?1 AND s.period = ?2
RETURNING revision, receipt`;

/**
 * First report of the unit for the period (no report_status row yet): one more submitted unit, and
 * maybe one more late one, for the unit and every ancestor. Runs before report_status is written.
 * ?1 unit ?2 period ?3 received at ?4 the period's last day (its tree).
 */
const COUNT_FIRST_REPORT = `
INSERT INTO status_totals (ancestor, period, submitted, late)
SELECT a.ancestor, ?2, 1, ${lateSql("?3", "p.deadline")}
FROM unit_ancestors a LEFT JOIN periods p ON p.period = ?2
WHERE a.descendant = ?1 AND a.valid_from <= ?4 AND a.valid_to > ?4 AND NOT EXISTS (SELECT 1 FROM report_status r WHERE r.unit = ?1 AND r.period = ?2)
ON CONFLICT (ancestor, period) DO UPDATE SET submitted = submitted + excluded.submitted,
  late = late + excluded.late`;

/**
 * Totals deltas = new rows − current rows, applied to the unit and each ancestor; only rows whose
 * delta is not zero are written. Runs before current_values is updated. ?1 unit ?2 period ?3 rows
 * JSON ?4 mode ?5 per-unit targets JSON ?6 the period's last day: the ancestors are those of the
 * period's tree. Per-unit tallies count units strictly below (depth > 0).
 */
const APPLY_TOTALS_DELTA = `
WITH sent AS (
  SELECT json_extract(value, '$.c') AS code, json_extract(value, '$.t') AS t,
    json_extract(value, '$.a') AS a, json_extract(value, '$.g') AS g
  FROM json_each(?3)
),
old AS (SELECT code, target AS t, actual AS a, grade AS g FROM current_values WHERE unit = ?1 AND period = ?2),
change AS (
  SELECT s.code, s.t AS nt, s.a AS na, s.g AS ng, o.t AS ot, o.a AS oa, o.g AS og
  FROM sent s LEFT JOIN old o ON o.code = s.code
  UNION ALL
  SELECT o.code, NULL, NULL, NULL, o.t, o.a, o.g FROM old o
  WHERE ?4 = 'replace' AND o.code NOT IN (SELECT code FROM sent)
),
with_threshold AS (SELECT *, json_extract(?5, '$.' || code) AS th FROM change),
delta AS (
  SELECT code,
    IFNULL(nt, 0) - IFNULL(ot, 0) AS tsum, (nt IS NOT NULL) - (ot IS NOT NULL) AS tcount,
    IFNULL(na, 0) - IFNULL(oa, 0) AS asum, (na IS NOT NULL) - (oa IS NOT NULL) AS acount,
    (ng IS 'XS') - (og IS 'XS') AS xs, (ng IS 'T') - (og IS 'T') AS t,
    (ng IS 'HT') - (og IS 'HT') AS ht, (ng IS 'KHT') - (og IS 'KHT') AS kht,
    IFNULL(na >= th, 0) - IFNULL(oa >= th, 0) AS met,
    IIF(th IS NULL, 0, (na IS NOT NULL) - (oa IS NOT NULL)) AS rep
  FROM with_threshold
),
-- Only codes whose figures moved reach the join with the ancestors. MATERIALIZED: computed once,
-- not once per ancestor (the planner would otherwise loop over the ancestors outside it).
moved AS MATERIALIZED (
  SELECT * FROM delta
  WHERE tsum <> 0 OR tcount <> 0 OR asum <> 0 OR acount <> 0 OR xs <> 0 OR t <> 0 OR ht <> 0 OR kht <> 0
    OR met <> 0 OR rep <> 0
)
INSERT INTO totals (ancestor, period, code, target_sum, target_count, actual_sum, actual_count,
  grade_xs, grade_t, grade_ht, grade_kht, units_met, units_reported)
SELECT a.ancestor, ?2, d.code, d.tsum, d.tcount, d.asum, d.acount, d.xs, d.t, d.ht, d.kht,
  IIF(a.depth > 0, d.met, 0), IIF(a.depth > 0, d.rep, 0)
FROM moved d JOIN unit_ancestors a ON a.descendant = ?1 AND a.valid_from <= ?6 AND a.valid_to > ?6
WHERE d.tsum <> 0 OR d.tcount <> 0 OR d.asum <> 0 OR d.acount <> 0
  OR d.xs <> 0 OR d.t <> 0 OR d.ht <> 0 OR d.kht <> 0 OR (a.depth > 0 AND (d.met <> 0 OR d.rep <> 0))
ON CONFLICT (ancestor, period, code) DO UPDATE SET
  target_sum = target_sum + excluded.target_sum, target_count = target_count + excluded.target_count,
  actual_sum = actual_sum + excluded.actual_sum, actual_count = actual_count + excluded.actual_count,
  grade_xs = grade_xs + excluded.grade_xs, grade_t = grade_t + excluded.grade_t,
  grade_ht = grade_ht + excluded.grade_ht, grade_kht = grade_kht + excluded.grade_kht,
  units_met = units_met + excluded.units_met, units_reported = units_reported + excluded.units_reported`;

/**
 * Rows gone: in a replace every row not sent with something in it, in a merge the rows sent empty.
 * ?1 unit ?2 period ?3 rows JSON ?4 mode.
 */
const DELETE_CURRENT = `
DELETE FROM current_values WHERE unit = ?1 AND period = ?2 AND IIF(?4 = 'replace',
  code NOT IN (SELECT json_extract(value, '$.c') FROM json_each(?3) WHERE json_extract(value, '$.e') = 0),
  code IN (SELECT json_extract(value, '$.c') FROM json_each(?3) WHERE json_extract(value, '$.e') = 1))`;

/** Rows sent with something in them; an unchanged row is not rewritten. ?1 unit ?2 period ?3 rows JSON. */
const UPSERT_CURRENT = `
INSERT INTO current_values (unit, period, code, target, actual, target_pct, grade, note)
SELECT ?1, ?2, json_extract(value, '$.c'), json_extract(value, '$.t'), json_extract(value, '$.a'),
  json_extract(value, '$.p'), json_extract(value, '$.g'), json_extract(value, '$.n')
FROM json_each(?3) WHERE json_extract(value, '$.e') = 0
ON CONFLICT (unit, period, code) DO UPDATE SET target = excluded.target, actual = excluded.actual,
  target_pct = excluded.target_pct, grade = excluded.grade, note = excluded.note
WHERE target IS NOT excluded.target OR actual IS NOT excluded.actual OR target_pct IS NOT excluded.target_pct
  OR grade IS NOT excluded.grade OR note IS NOT excluded.note`;

/**
 * Fails the batch (unit_guard's unit_not_in_period) when the unit is not in the period's tree at
 * commit time: a tree change landed between the submission's read and this batch. ?1 unit ?2 day.
 */
const GUARD_UNIT_IN_PERIOD = `
INSERT INTO unit_guard (ok) SELECT 0 WHERE NOT EXISTS
  (SELECT 1 FROM unit_versions WHERE code = ?1 AND valid_from <= ?2 AND valid_to > ?2)`;

/** ?1 unit ?2 period ?3 template ?4 received at. */
const UPSERT_REPORT_STATUS = `
INSERT INTO report_status (unit, period, current_revision, template, first_received_at, received_at)
SELECT ?1, ?2, MAX(revision), ?3, ?4, ?4 FROM submissions WHERE unit = ?1 AND period = ?2
ON CONFLICT (unit, period) DO UPDATE SET current_revision = excluded.current_revision,
  template = excluded.template, received_at = excluded.received_at`;

export interface SubmissionWrite {
  unit: string;
  period: string;
  expectedRevision: number | null;
  template: string;
  mode: "replace" | "merge";
  body: string;
  digest: string;
  tokenId: string;
  sender: string;
  onBehalfOf: string | null;
  receivedAt: string;
  idempotencyKey: string | null;
  receipt: string;
  /** StoredRow[] with `e: 1` on rows sent empty, as JSON. */
  rows: string;
  thresholds: string;
  /** The period's last day: its tree decides the ancestors. */
  day: string;
}

/**
 * In this order: the guarded insert first (its RETURNING is the batch's first result), the token's
 * guard, every delta before the rows it compares with change.
 * `prepare` makes one statement (Db.prepare in the Worker); the file stays free of D1's types, so the
 * bench measures these very statements.
 */
export function submissionStatements<S>(
  prepare: (sql: string, ...params: unknown[]) => S,
  w: SubmissionWrite,
): S[] {
  return [
    prepare(
      INSERT_SUBMISSION,
      w.unit,
      w.period,
      w.expectedRevision,
      w.template,
      w.mode,
      w.body,
      w.digest,
      w.tokenId,
      w.sender,
      w.onBehalfOf,
      w.receivedAt,
      w.idempotencyKey,
      w.receipt,
    ),
    prepare(TOKEN_STILL_LIVE, w.tokenId),
    prepare(COUNT_FIRST_REPORT, w.unit, w.period, w.receivedAt, w.day),
    prepare(APPLY_TOTALS_DELTA, w.unit, w.period, w.rows, w.mode, w.thresholds, w.day),
    prepare(DELETE_CURRENT, w.unit, w.period, w.rows, w.mode),
    prepare(UPSERT_CURRENT, w.unit, w.period, w.rows),
    prepare(UPSERT_REPORT_STATUS, w.unit, w.period, w.template, w.receivedAt),
    prepare(GUARD_UNIT_IN_PERIOD, w.unit, w.day),
    // compare= answers restated from this period are stale now (restated.ts); none stored: no row written.
    prepare(FORGET_COMPARED, w.period),
  ];
}
