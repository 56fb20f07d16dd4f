// Scoring scheme versions in D1 (migration 0009): list, read (latest or one version), publish the next
// version, like templates (worker/db/templates.ts). A version is immutable (a trigger refuses updates),
// so a parsed one is kept for the isolate's life (parsedVersions).
import { schemeFromStored, storedScheme } from "../../shared/scoring/stored.ts";
import type { ScoringScheme } from "../../shared/scoring/types.ts";
import type { Db } from "./db.ts";
import {
  latestVersions,
  parsedVersions,
  publishVersion,
  readVersionRow,
  type VersionListing,
} from "./publish-version.ts";

const schemes = parsedVersions(schemeFromStored);

export async function readScheme(db: Db, id: string, version?: number): Promise<ScoringScheme | undefined> {
  const row = await readVersionRow(db, "scheme_versions", id, version);
  return row ? schemes.read(id, row.version, row.published_at, row.definition) : undefined;
}

/** The latest version of every scheme, by id. */
export const listSchemes = (db: Db): Promise<VersionListing[]> => latestVersions(db, "scheme_versions");

/** Every indicator code (and former code) of the latest version of every published template. */
export async function publishedTemplateCodes(db: Db): Promise<Set<string>> {
  const rows = await db.all<{ code: string }>(
    `SELECT DISTINCT j.value AS code FROM template_versions t,
       json_each(t.definition, '$.indicators') i,
       json_each(json_array(json_extract(i.value, '$.code'), json_extract(i.value, '$.formerCode'))) j
     WHERE t.version = (SELECT MAX(version) FROM template_versions WHERE id = t.id) AND j.value IS NOT NULL`,
  );
  return new Set(rows.map((r) => r.code));
}

/** 201 and the next version, or 200 and the latest when the definition equals it. */
export function publishScheme(
  db: Db,
  definition: Omit<ScoringScheme, "version">,
  by: string,
): Promise<{ status: 200 | 201; version: number }> {
  return publishVersion(db, "scheme_versions", definition.id, storedScheme(definition), by);
}
