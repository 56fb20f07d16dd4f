// Storage of manual score points (score_entries): the latest entry per unit, kind and item counts; a
// period's scoring is frozen with its lock (the insert is conditional on the lock in the same statement).
import type { ScoreKind, ScoresPut } from "../../shared/api/scores.ts";
import type { ScoringScheme } from "../../shared/scoring/types.ts";
import type { Db } from "./db.ts";

export interface ManualPoints {
  self: Record<string, number>;
  reviewed: Record<string, number>;
}

interface EntryRow {
  unit: string;
  kind: ScoreKind;
  item: string;
  points: number;
}

const LATEST_ENTRIES = `
SELECT e.unit, e.kind, e.item, e.points FROM score_entries e
WHERE e.period = ?1 AND e.scheme = ?2 AND e.unit IN (SELECT value FROM json_each(?3))
  AND e.id = (SELECT MAX(id) FROM score_entries x
              WHERE x.period = e.period AND x.unit = e.unit AND x.kind = e.kind AND x.item = e.item
                AND x.scheme = e.scheme)`;

/** The manual points of each unit, self and reviewed, as the latest entries say. */
export async function readManualPoints(
  db: Db,
  scheme: ScoringScheme,
  period: string,
  units: readonly string[],
): Promise<Map<string, ManualPoints>> {
  const rows = await db.all<EntryRow>(LATEST_ENTRIES, period, scheme.id, JSON.stringify(units));
  const byUnit = new Map<string, ManualPoints>();
  for (const row of rows) {
    const points = byUnit.get(row.unit) ?? { self: {}, reviewed: {} };
    points[row.kind][row.item] = row.points;
    byUnit.set(row.unit, points);
  }
  return byUnit;
}

const INSERT_UNLESS_LOCKED = `
INSERT INTO score_entries (unit, period, kind, item, points, note, scheme, scheme_version, token_id, set_at)
SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10
WHERE NOT EXISTS (SELECT 1 FROM periods WHERE period = ?2 AND locked = 1)`;

/** Appends the entries in one transaction; false when the period was locked (nothing stored). */
export async function appendManualPoints(
  db: Db,
  scheme: ScoringScheme,
  body: ScoresPut,
  tokenId: string,
  at: string,
): Promise<boolean> {
  const results = await db.batch(
    body.items.map((item) =>
      db.prepare(
        INSERT_UNLESS_LOCKED,
        body.unit,
        body.period,
        body.kind,
        item.code,
        item.points,
        item.note ?? null,
        scheme.id,
        scheme.version,
        tokenId,
        at,
      ),
    ),
  );
  return results.every((r) => (r.meta.changes ?? 0) === 1);
}

/** Whether `ancestor` is strictly above `unit` in the tree. */
export async function isStrictAncestor(db: Db, ancestor: string, unit: string): Promise<boolean> {
  const row = await db.first<{ found: number }>(
    "SELECT 1 AS found FROM unit_ancestors WHERE ancestor = ?1 AND descendant = ?2 AND depth > 0",
    ancestor,
    unit,
  );
  return row !== null;
}

/** When the unit's own report first came in, and the period's deadline: its timeliness. */
export async function readOwnReport(
  db: Db,
  unit: string,
  period: string,
): Promise<{ firstReceivedAt: string | null; deadline: string | null }> {
  const row = await db.first<{ first_received_at: string | null; deadline: string | null }>(
    `SELECT (SELECT first_received_at FROM report_status WHERE unit = ?1 AND period = ?2) AS first_received_at,
            (SELECT deadline FROM periods WHERE period = ?2) AS deadline`,
    unit,
    period,
  );
  return { firstReceivedAt: row?.first_received_at ?? null, deadline: row?.deadline ?? null };
}
