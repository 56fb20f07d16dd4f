// Writes worker/migrations/0004_templates.sql: the template_versions table, periods.template, and the
// built-in templates (shared/template/registry.ts) published as their version 1. Run it after changing
// a built-in: `npx tsx scripts/template-migration.ts`. worker/db/templates.test.ts checks that the
// migration holds exactly what this writes.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BUILT_IN_TEMPLATES } from "../shared/template/registry.ts";
import { storedDefinition } from "../shared/template/stored.ts";

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;

export function templateMigration(): string {
  const inserts = BUILT_IN_TEMPLATES.map(
    (t) =>
      `INSERT INTO template_versions (id, version, definition, published_at, published_by)\n` +
      `VALUES (${sqlText(t.id)}, ${t.version}, ${sqlText(storedDefinition(t))}, '2026-01-01T00:00:00.000Z', 'migration');`,
  );
  return `-- Templates as data (issue 16). Written by scripts/template-migration.ts: do not edit by hand.
-- A published version never changes: (id, version) is its key, and updating a row is refused.
CREATE TABLE template_versions (
  id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  -- The definition without its version, as canonical JSON (keys sorted): equal text, equal definition.
  definition TEXT NOT NULL,
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  PRIMARY KEY (id, version)
) WITHOUT ROWID;

CREATE TRIGGER template_versions_immutable BEFORE UPDATE ON template_versions
BEGIN
  SELECT RAISE(ABORT, 'template_version_immutable');
END;

-- The template units fill for a period (PUT /v1/admin/periods/:period {"template"}); NULL: not set.
ALTER TABLE periods ADD COLUMN template TEXT;

${inserts.join("\n\n")}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL("../worker/migrations/0004_templates.sql", import.meta.url));
  writeFileSync(out, templateMigration());
  console.log(`wrote ${out}`);
}
