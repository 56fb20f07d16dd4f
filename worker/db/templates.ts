// Template versions in D1: list, read (latest or one version), publish the next version. A version is
// immutable (a trigger refuses updates), so a parsed one is kept for the isolate's life.

import { DEFAULT_TEMPLATE_ID } from "../../shared/template/registry.ts";
import { fromStored, storedDefinition } from "../../shared/template/stored.ts";
import type { Template } from "../../shared/template/types.ts";
import { ApiFailure } from "../http/errors.ts";
import type { Db } from "./db.ts";
import {
  latestVersions,
  parsedVersions,
  publishVersion,
  readVersionRow,
  type VersionListing,
} from "./publish-version.ts";

/** Parsed templates, kept for the isolate's life (parsedVersions). */
const parsed = parsedVersions(fromStored);
/** The key of the version of each id last read, so the submission's read can skip its text. */
const lastRead = new Map<string, string>();

export function templateFrom(
  id: string,
  version: number,
  publishedAt: string,
  definition: string | null,
): Template | undefined {
  const template = parsed.read(id, version, publishedAt, definition);
  if (template !== undefined) lastRead.set(id, `${version}@${publishedAt}`);
  return template;
}

/** What the submission's read passes as ?K for `templateColumns`: the version of `id` it last read. */
export function lastReadKey(id: string): string | null {
  const key = lastRead.get(id);
  return key !== undefined && parsed.holds(`${id}@${key}`) ? key : null;
}

/**
 * Columns for a read that already runs (the submission's one read): the version of template ?I named
 * ?V (its latest when NULL), when it was published, and its definition, left out (NULL) when that is
 * the version ?K the isolate already holds. All NULL when there is no such template.
 */
export function templateColumns(id: string, version: string, known: string): string {
  const pick = `FROM template_versions WHERE id = ${id} AND (${version} IS NULL OR version = ${version})
    ORDER BY version DESC LIMIT 1`;
  return `(SELECT version ${pick}) AS templateVersion, (SELECT published_at ${pick}) AS templatePublishedAt,
    (SELECT CASE WHEN ${known} = version || '@' || published_at THEN NULL ELSE definition END ${pick})
    AS templateDefinition`;
}

/**
 * The version of its template a stored submission (table alias `s`) was checked with: the one its body
 * names (submit() writes it there, also when the client named none), else, for rows stored before it
 * did, the latest published by the time the row was received, else the first.
 */
export function submissionVersionSql(s: string): string {
  const versions = `FROM template_versions v WHERE v.id = ${s}.template`;
  return `COALESCE(json_extract(${s}.body, '$.templateVersion'),
    (SELECT MAX(v.version) ${versions} AND v.published_at <= ${s}.received_at), (SELECT MIN(v.version) ${versions}))`;
}

export async function readTemplate(db: Db, id: string, version?: number): Promise<Template | undefined> {
  const row = await readVersionRow(db, "template_versions", id, version);
  return row ? templateFrom(id, row.version, row.published_at, row.definition) : undefined;
}

/** Every published version of a template, oldest first (what a new version is checked against). */
export async function readTemplateVersions(db: Db, id: string): Promise<Template[]> {
  const rows = await db.all<{ version: number; published_at: string; definition: string }>(
    "SELECT version, published_at, definition FROM template_versions WHERE id = ?1 ORDER BY version",
    id,
  );
  return rows.flatMap((r) => templateFrom(id, r.version, r.published_at, r.definition) ?? []);
}

/** The latest version of every template, by id. */
export const listTemplates = (db: Db): Promise<VersionListing[]> => latestVersions(db, "template_versions");

/** The template a period's units fill, when an admin set one. */
export async function periodTemplate(db: Db, period: string): Promise<string | undefined> {
  const row = await db.first<{ template: string | null }>(
    "SELECT template FROM periods WHERE period = ?",
    period,
  );
  return row?.template ?? undefined;
}

/** 201 and the next version, or 200 and the latest when the definition equals it (publish-version.ts). */
export function publishTemplate(
  db: Db,
  definition: Omit<Template, "version">,
  by: string,
): Promise<{ status: 200 | 201; version: number }> {
  return publishVersion(db, "template_versions", definition.id, storedDefinition(definition), by);
}

/** The template a period's figures are read with: the one named, else the period's own, else the first. */
export async function templateForPeriod(db: Db, period: string, asked?: string): Promise<Template> {
  // One round trip: the period's choice is read inside the template's query.
  const row = await db.first<{ id: string; version: number; published_at: string; definition: string }>(
    `SELECT id, version, published_at, definition FROM template_versions
     WHERE id = COALESCE(?1, (SELECT template FROM periods WHERE period = ?2), ?3)
     ORDER BY version DESC LIMIT 1`,
    asked ?? null,
    period,
    DEFAULT_TEMPLATE_ID,
  );
  const template = row ? templateFrom(row.id, row.version, row.published_at, row.definition) : undefined;
  if (template) return template;
  const id = asked ?? (await periodTemplate(db, period)) ?? DEFAULT_TEMPLATE_ID;
  throw new ApiFailure("unknown_template", { template: id });
}
