// Publishing the next immutable version of a definition (a template, a scoring scheme): one statement
// numbers it and skips it when it equals the latest, so two identical publishes racing store one version.
import type { Db } from "./db.ts";

/** Tables of versioned definitions: (id, version, definition, published_at, published_by). */
export type VersionTable = "template_versions" | "scheme_versions";

const publishSql = (table: VersionTable) => `
INSERT INTO ${table} (id, version, definition, published_at, published_by)
SELECT ?1, IFNULL(MAX(version), 0) + 1, ?2, ?3, ?4 FROM ${table} WHERE id = ?1
HAVING IFNULL((SELECT definition FROM ${table} WHERE id = ?1 ORDER BY version DESC LIMIT 1), '') <> ?2
RETURNING version`;

/** 201 and the next version of `id`, or 200 and the latest when `text` equals it (nothing stored). */
export async function publishVersion(
  db: Db,
  table: VersionTable,
  id: string,
  text: string,
  by: string,
): Promise<{ status: 200 | 201; version: number }> {
  for (let attempt = 0; ; attempt++) {
    try {
      const inserted = await db.first<{ version: number }>(
        publishSql(table),
        id,
        text,
        new Date().toISOString(),
        by,
      );
      if (inserted) return { status: 201, version: inserted.version };
      const latest = await db.first<{ version: number }>(
        `SELECT MAX(version) AS version FROM ${table} WHERE id = ?`,
        id,
      );
      return { status: 200, version: latest?.version ?? 1 };
    } catch (e) {
      // Another publish of the same id took this version number meanwhile: number ours again.
      if (attempt >= 3 || !String(e).includes("UNIQUE")) throw e;
    }
  }
}
