// Writes worker/migrations/0009_scoring_schemes.sql: the scheme_versions table and the built-in scoring
// schemes (shared/scoring/registry.ts) published as their version 1. Run it after changing a built-in:
// `npx tsx scripts/scheme-migration.ts`. scripts/scheme-migration.test.ts checks the migration holds
// exactly what this writes, so the stored scheme and the compiled one cannot drift apart.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BUILT_IN_SCHEMES } from "../shared/scoring/registry.ts";
import { storedScheme } from "../shared/scoring/stored.ts";

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

export const SCHEME_MIGRATION = "0009_scoring_schemes.sql";

export function schemeMigration(): string {
  const inserts = BUILT_IN_SCHEMES.map(
    (s) =>
      `INSERT INTO scheme_versions (id, version, definition, published_at, published_by)\n` +
      `VALUES (${sqlText(s.id)}, ${s.version}, ${sqlText(storedScheme(s))}, '2026-01-01T00:00:00.000Z', 'migration');`,
  );
  return `-- Scoring schemes as data (issue 18). Written by scripts/scheme-migration.ts: do not edit by hand.
-- Published like templates (0004): (id, version) is the key, a version never changes (updates refused).
CREATE TABLE scheme_versions (
  id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  -- The definition without its version, as canonical JSON (keys sorted): equal text, equal definition.
  definition TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  PRIMARY KEY (id, version)
) WITHOUT ROWID;

CREATE TRIGGER scheme_versions_immutable BEFORE UPDATE ON scheme_versions
BEGIN
  SELECT RAISE(ABORT, 'scheme_version_immutable');
END;

${inserts.join("\n\n")}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL(`../worker/migrations/${SCHEME_MIGRATION}`, import.meta.url));
  writeFileSync(out, schemeMigration());
  console.log(`wrote ${out}`);
}
