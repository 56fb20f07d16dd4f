// Template versions in D1: list, read (latest or one version), publish the next version. A version is
// immutable (a trigger refuses updates), so a parsed one is kept for the isolate's life.

import { fromStored, storedDefinition } from "../../shared/template/stored.ts";
import type { Label, Template } from "../../shared/template/types.ts";
import type { Db } from "./db.ts";

/**
 * id@version → the parsed template and the text it came from. The text is compared on each hit: a
 * version never changes once published, but a test's reset (or an operator's repair) may delete it.
 */
const parsed = new Map<string, { definition: string; template: Template }>();
const CACHE_LIMIT = 64;

export function templateFrom(id: string, version: number, definition: string): Template {
  const key = `${id}@${version}`;
  const hit = parsed.get(key);
  if (hit && hit.definition === definition) return hit.template;
  const template = fromStored(definition, version);
  if (parsed.size >= CACHE_LIMIT) parsed.clear();
  parsed.set(key, { definition, template });
  return template;
}

/**
 * Two columns for a read that already runs (the submission's one read): the version ?V of template ?I,
 * or its latest when ?V is NULL, and that version's definition. NULLs when there is none.
 */
export function templateColumns(id: string, version: string): string {
  const pick = `FROM template_versions WHERE id = ${id} AND (${version} IS NULL OR version = ${version})
    ORDER BY version DESC LIMIT 1`;
  return `(SELECT version ${pick}) AS templateVersion, (SELECT definition ${pick}) AS templateDefinition`;
}

export async function readTemplate(db: Db, id: string, version?: number): Promise<Template | undefined> {
  const row = await db.first<{ version: number; definition: string }>(
    `SELECT version, definition FROM template_versions WHERE id = ?1 AND (?2 IS NULL OR version = ?2)
     ORDER BY version DESC LIMIT 1`,
    id,
    version ?? null,
  );
  return row ? templateFrom(id, row.version, row.definition) : undefined;
}

export interface TemplateListing {
  id: string;
  version: number;
  title: Label;
}

/** The latest version of every template, by id. */
export async function listTemplates(db: Db): Promise<TemplateListing[]> {
  const rows = await db.all<{ id: string; version: number; title: string }>(
    `SELECT t.id, t.version, json_extract(t.definition, '$.title') AS title FROM template_versions t
     WHERE t.version = (SELECT MAX(version) FROM template_versions WHERE id = t.id) ORDER BY t.id`,
  );
  return rows.map((r) => ({ id: r.id, version: r.version, title: JSON.parse(r.title) as Label }));
}

/** The template a period's units fill, when an admin set one. */
export async function periodTemplate(db: Db, period: string): Promise<string | undefined> {
  const row = await db.first<{ template: string | null }>(
    "SELECT template FROM periods WHERE period = ?",
    period,
  );
  return row?.template ?? undefined;
}

/**
 * The next version of `id`, unless the definition equals the latest (then that version, unchanged).
 * One statement decides both, so two identical publishes racing store one version.
 */
const PUBLISH = `
INSERT INTO template_versions (id, version, definition, published_at, published_by)
SELECT ?1, IFNULL(MAX(version), 0) + 1, ?2, ?3, ?4 FROM template_versions WHERE id = ?1
HAVING IFNULL((SELECT definition FROM template_versions WHERE id = ?1 ORDER BY version DESC LIMIT 1), '') <> ?2
RETURNING version`;

export async function publishTemplate(
  db: Db,
  definition: Omit<Template, "version">,
  by: string,
): Promise<{ status: 200 | 201; version: number }> {
  const text = storedDefinition(definition);
  for (let attempt = 0; ; attempt++) {
    try {
      const inserted = await db.first<{ version: number }>(
        PUBLISH,
        definition.id,
        text,
        new Date().toISOString(),
        by,
      );
      if (inserted) return { status: 201, version: inserted.version };
      const latest = await db.first<{ version: number }>(
        "SELECT MAX(version) AS version FROM template_versions WHERE id = ?",
        definition.id,
      );
      return { status: 200, version: latest?.version ?? 1 };
    } catch (e) {
      // Another publish of the same id took this version number meanwhile: number ours again.
      if (attempt >= 3 || !String(e).includes("UNIQUE")) throw e;
    }
  }
}
