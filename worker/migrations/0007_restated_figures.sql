-- compare= (api-v1-2026.md §1): a compared period's figures restated onto an asked period's tree, kept
-- per unit once computed, so a later compare reads one row per unit shown (the unit and its children)
-- instead of every report that could land below it. A cache of derived figures, never the truth:
-- - a submission for the compared period deletes that period's rows in its own batch;
-- - a tree change deletes the rows whose compared or asked day is on or after its effective date;
-- - a fill writes only if no submission for the compared period and no tree change committed since
--   the read it computed from (worker/db/restated.ts), so a stale row is never stored.
-- figures: JSON { code: previous figures } as the answer shows them; comparable 0 after a split.
CREATE TABLE restated_figures (
  compared TEXT NOT NULL,
  compared_day TEXT NOT NULL,
  day TEXT NOT NULL,
  template TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  unit TEXT NOT NULL,
  comparable INTEGER NOT NULL CHECK (comparable IN (0, 1)),
  figures TEXT NOT NULL,
  PRIMARY KEY (compared, day, template, template_version, unit)
) WITHOUT ROWID;
