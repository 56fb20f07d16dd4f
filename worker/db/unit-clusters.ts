// Cụm thi đua per unit (units.cluster, migration 0008): set by the unit import, read by GET /v1/scores
// to group the ranking. Undated on purpose (docs/scores.md, "Clusters"): it changes no figure or rank.
import type { DatedUnitInput } from "../../shared/api/units.ts";
import type { Db } from "./db.ts";

const SET_CLUSTERS = `
UPDATE units SET cluster = (SELECT json_extract(value, '$.c') FROM json_each(?1)
                            WHERE json_extract(value, '$.u') = units.code)
WHERE code IN (SELECT json_extract(value, '$.u') FROM json_each(?1))`;

/** The clusters an import names (absent: left as stored; null or "": none). */
export function clustersNamed(units: readonly DatedUnitInput[]): { u: string; c: string | null }[] {
  return units.flatMap((unit) =>
    unit.cluster === undefined ? [] : [{ u: unit.code, c: unit.cluster === "" ? null : unit.cluster }],
  );
}

/** One statement setting every named cluster; goes after the statements that create the units. */
export function setClustersStatement(db: Db, named: readonly { u: string; c: string | null }[]) {
  return db.prepare(SET_CLUSTERS, JSON.stringify(named));
}

/** How many of the named clusters differ from what is stored (a unit not stored yet counts when set). */
export async function changedClusterCount(
  db: Db,
  named: readonly { u: string; c: string | null }[],
): Promise<number> {
  if (named.length === 0) return 0;
  const row = await db.first<{ n: number }>(
    `SELECT COUNT(*) AS n FROM json_each(?1) j LEFT JOIN units u ON u.code = json_extract(j.value, '$.u')
     WHERE json_extract(j.value, '$.c') IS NOT u.cluster`,
    JSON.stringify(named),
  );
  return row?.n ?? 0;
}

/** The cluster of each of `codes` that has one. */
export async function readClusters(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.all<{ code: string; cluster: string }>(
    "SELECT code, cluster FROM units WHERE cluster IS NOT NULL AND code IN (SELECT value FROM json_each(?1))",
    JSON.stringify(codes),
  );
  return new Map(rows.map((r) => [r.code, r.cluster]));
}
