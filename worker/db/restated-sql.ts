// The SQL of restated_figures (migration 0007; restated.ts says how the rows are kept right), free of
// D1's types so the submission batch (submission-batch.ts) can take its statement from here.

/** Read beside a fill's data, in its batch: the ReadMark's two figures, one row. */
export const READ_MARK = `SELECT (SELECT IFNULL(MAX(id), 0) FROM submissions) AS lastSubmission,
  (SELECT version FROM tree_version WHERE id = 1) AS treeVersion`;

/** For the submission batch: ?1 the submission's period. Writes nothing when nothing was compared with it. */
export const FORGET_COMPARED = "DELETE FROM restated_figures WHERE compared = ?1";

/** For a tree change batch: ?1 its effective date (periods ending before it keep their trees). */
export const FORGET_FROM_DAY = "DELETE FROM restated_figures WHERE compared_day >= ?1 OR day >= ?1";

/** For a rebuild of periods' derived tables: ?1 JSON list of the periods. */
export const FORGET_PERIODS =
  "DELETE FROM restated_figures WHERE compared IN (SELECT value FROM json_each(?1))";

/**
 * Also for a rebuild: a fill that read before it must not store what it computed from the figures the
 * rebuild replaced. Moving the version on makes STORE's guard refuse it (and a tree change planned
 * before it plans again, as after any write it did not see).
 */
export const OVERTAKE_FILLS = "UPDATE tree_version SET version = version + 1 WHERE id = 1";

const KEY = "compared = ?1 AND day = ?2 AND template = ?3 AND template_version = ?4";

export const READ = `SELECT unit, comparable, figures FROM restated_figures
WHERE ${KEY} AND unit IN (SELECT value FROM json_each(?5))`;

/**
 * ?1–?5 the key (compared, its day, day, template, version) ?6 JSON [{ unit, comparable, figures }]
 * ?7 ReadMark.treeVersion ?8 ReadMark.lastSubmission. Nothing is written when the tree or the
 * compared period's reports changed after the fill's read.
 */
export const STORE = `
INSERT INTO restated_figures (compared, compared_day, day, template, template_version, unit, comparable, figures)
SELECT ?1, ?2, ?3, ?4, ?5, json_extract(value, '$.unit'), json_extract(value, '$.comparable'),
  json_extract(value, '$.figures')
FROM json_each(?6)
WHERE (SELECT version FROM tree_version WHERE id = 1) = ?7
  AND NOT EXISTS (SELECT 1 FROM submissions WHERE id > ?8 AND period = ?1)
ON CONFLICT (compared, day, template, template_version, unit) DO NOTHING`;
