// Recomputes the derived totals (totals, reporting counters) of whole periods from the current values,
// each on its own tree (the dated closure on the period's last day). Used by the recompute route;
// submissions update the same tables incrementally (submission-batch.ts) and tree changes rebuild only
// the subtrees they change (tree.ts); the tests check all three agree.
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import type { Db } from "./db.ts";
import { lateSql } from "./late.ts";
import { FORGET_PERIODS, OVERTAKE_FILLS } from "./restated-sql.ts";
import { HOLDS_A_FIGURE, INSERT_TOTALS, totalsAggregate } from "./totals-sql.ts";

/** ?1: [{p: period, d: its last day}]. */
const PERIODS = `SELECT json_extract(value, '$.p') AS p, json_extract(value, '$.d') AS d FROM json_each(?1)`;

/** `?2`: per-unit targets by code (codec.perUnitThresholds). */
export const REBUILD_TOTALS = `
${INSERT_TOTALS}
SELECT a.ancestor, cv.period, cv.code, ${totalsAggregate("a")}
FROM (${PERIODS}) p
JOIN current_values cv ON cv.period = p.p
JOIN unit_ancestors a ON a.descendant = cv.unit AND a.valid_from <= p.d AND a.valid_to > p.d
WHERE ${HOLDS_A_FIGURE}
GROUP BY a.ancestor, cv.period, cv.code`;

export const REBUILD_STATUS_TOTALS = `
INSERT INTO status_totals (ancestor, period, submitted, late)
SELECT a.ancestor, r.period, COUNT(*), SUM(${lateSql("r.first_received_at", "pr.deadline")})
FROM (${PERIODS}) p
JOIN report_status r ON r.period = p.p
JOIN unit_ancestors a ON a.descendant = r.unit AND a.valid_from <= p.d AND a.valid_to > p.d
LEFT JOIN periods pr ON pr.period = r.period
WHERE true
GROUP BY a.ancestor, r.period`;

/** Statements that recompute the totals of `periods`; run them inside one batch. */
export function rebuildStatements(
  db: Db,
  thresholds: string,
  periods: readonly string[],
): D1PreparedStatement[] {
  const json = JSON.stringify(periods.map((p) => ({ p, d: periodLastDay(p) })));
  return [
    db.prepare(`DELETE FROM totals WHERE period IN (SELECT p FROM (${PERIODS}))`, json),
    db.prepare(REBUILD_TOTALS, json, thresholds),
    db.prepare(`DELETE FROM status_totals WHERE period IN (SELECT p FROM (${PERIODS}))`, json),
    db.prepare(REBUILD_STATUS_TOTALS, json),
    db.prepare(FORGET_PERIODS, JSON.stringify(periods)),
    db.prepare(OVERTAKE_FILLS),
  ];
}
