// Publishing the next immutable version of a definition (a template, a scoring scheme): one statement
// numbers it and skips it when it equals the latest, so two identical publishes racing store one version.
import type { Label } from "../../shared/template/types.ts";
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

/** What a list of published definitions shows of each: its latest version and its title. */
export interface VersionListing {
  id: string;
  version: number;
  title: Label;
}

/** The latest version of every definition in `table`, by id. */
export async function latestVersions(db: Db, table: VersionTable): Promise<VersionListing[]> {
  const rows = await db.all<{ id: string; version: number; title: string }>(
    `SELECT d.id, d.version, json_extract(d.definition, '$.title') AS title FROM ${table} d
     WHERE d.version = (SELECT MAX(version) FROM ${table} WHERE id = d.id) ORDER BY d.id`,
  );
  return rows.map((r) => ({ id: r.id, version: r.version, title: JSON.parse(r.title) as Label }));
}

/** One stored version of `id` (its latest when `version` is undefined), as the table holds it. */
export function readVersionRow(
  db: Db,
  table: VersionTable,
  id: string,
  version?: number,
): Promise<{ version: number; published_at: string; definition: string } | null> {
  return db.first<{ version: number; published_at: string; definition: string }>(
    `SELECT version, published_at, definition FROM ${table}
     WHERE id = ?1 AND (?2 IS NULL OR version = ?2) ORDER BY version DESC LIMIT 1`,
    id,
    version ?? null,
  );
}

const CACHE_LIMIT = 64;

/**
 * A parser of stored versions that keeps what it parsed for the isolate's life: a version never changes
 * once published. The publishing time is part of the key, because a test's reset (or an operator's
 * repair) may delete a version and publish another under the same number. `definition` null: the
 * caller's read left the text out because it had it already (undefined when it is not kept).
 */
export interface ParsedVersions<T> {
  read(id: string, version: number, publishedAt: string, definition: string | null): T | undefined;
  /** Whether `id@version@publishedAt` is parsed and kept. */
  holds(key: string): boolean;
}

export function parsedVersions<T>(parse: (definition: string, version: number) => T): ParsedVersions<T> {
  const parsed = new Map<string, T>();
  return {
    read(id, version, publishedAt, definition) {
      const key = `${id}@${version}@${publishedAt}`;
      let found = parsed.get(key);
      if (found === undefined) {
        if (definition === null) return undefined;
        found = parse(definition, version);
        if (parsed.size >= CACHE_LIMIT) parsed.clear();
        parsed.set(key, found);
      }
      return found;
    },
    holds: (key) => parsed.has(key),
  };
}
