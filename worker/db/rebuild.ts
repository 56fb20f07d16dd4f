// Recomputes the derived tables (closure, subtree sizes, totals, reporting counters) from the unit
// tree and the current values. Used when a unit moves to another parent, which changes every total
// above it; ordinary submissions update the same tables incrementally (submission-batch.ts), and the
// tests check both ways agree.
import type { Db } from "./db.ts";
import { lateSql } from "./late.ts";

/** Closure rows for the units listed in the JSON array `?1` (all of them when the argument is null). */
export const INSERT_CLOSURE = `
INSERT INTO unit_ancestors (ancestor, descendant, depth)
WITH RECURSIVE up (descendant, ancestor, depth) AS (
  SELECT code, code, 0 FROM units WHERE ?1 IS NULL OR code IN (SELECT value FROM json_each(?1))
  UNION ALL
  SELECT up.descendant, u.parent, up.depth + 1 FROM up JOIN units u ON u.code = up.ancestor
  -- An import never stores a cycle (units.ts); the bound only keeps a broken tree from looping.
  WHERE u.parent IS NOT NULL AND up.depth < 10000
)
SELECT ancestor, descendant, depth FROM up WHERE true
ON CONFLICT (ancestor, descendant) DO UPDATE SET depth = excluded.depth WHERE depth <> excluded.depth`;

/** Subtree sizes, writing only the units whose size changed. */
export const UPDATE_SUBTREE_SIZES = `
UPDATE units SET subtree_size = s.size
FROM (SELECT ancestor, COUNT(*) AS size FROM unit_ancestors GROUP BY ancestor) AS s
WHERE s.ancestor = units.code AND units.subtree_size <> s.size`;

/** `?1`: per-unit targets by code (codec.perUnitThresholds). */
export const REBUILD_TOTALS = `
INSERT INTO totals (ancestor, period, code, target_sum, target_count, actual_sum, actual_count,
  grade_xs, grade_t, grade_ht, grade_kht, units_met, units_reported)
SELECT a.ancestor, cv.period, cv.code,
  IFNULL(SUM(cv.target), 0), COUNT(cv.target), IFNULL(SUM(cv.actual), 0), COUNT(cv.actual),
  SUM(cv.grade IS 'XS'), SUM(cv.grade IS 'T'), SUM(cv.grade IS 'HT'), SUM(cv.grade IS 'KHT'),
  SUM(a.depth > 0 AND IFNULL(cv.actual >= json_extract(?1, '$.' || cv.code), 0)),
  SUM(a.depth > 0 AND cv.actual IS NOT NULL AND json_extract(?1, '$.' || cv.code) IS NOT NULL)
FROM current_values cv JOIN unit_ancestors a ON a.descendant = cv.unit
WHERE cv.target IS NOT NULL OR cv.actual IS NOT NULL OR cv.grade IS NOT NULL
GROUP BY a.ancestor, cv.period, cv.code`;

export const REBUILD_STATUS_TOTALS = `
INSERT INTO status_totals (ancestor, period, submitted, late)
SELECT a.ancestor, r.period, COUNT(*), SUM(${lateSql("r.first_received_at", "p.deadline")})
FROM report_status r
JOIN unit_ancestors a ON a.descendant = r.unit
LEFT JOIN periods p ON p.period = r.period
WHERE true
GROUP BY a.ancestor, r.period`;

/** Statements that recompute every derived table; run them inside one batch with the tree change. */
export function rebuildStatements(db: Db, thresholds: string): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM unit_ancestors"),
    db.prepare(INSERT_CLOSURE, null),
    db.prepare(UPDATE_SUBTREE_SIZES),
    db.prepare("DELETE FROM totals"),
    db.prepare(REBUILD_TOTALS, thresholds),
    db.prepare("DELETE FROM status_totals"),
    db.prepare(REBUILD_STATUS_TOTALS),
  ];
}
