-- Units over time (api-v1-2026.md §1). A unit lives over [valid_from, valid_to): '' = it always
-- existed, '9999-12-31' = it still exists. Dates are ISO days (Vietnam time), compared as text.
-- The tree of a period is the tree on its last day; the Worker passes that day to every query.

-- units keeps one row per code (tokens and submissions reference it): its latest name, parent and
-- kind, and its whole life.
ALTER TABLE units ADD COLUMN valid_from TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN valid_to TEXT NOT NULL DEFAULT '9999-12-31';

-- Each unit's versions: name, parent and kind over a date range; a code's ranges do not overlap.
CREATE TABLE unit_versions (
  code TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  name TEXT NOT NULL,
  parent TEXT,
  kind TEXT,
  PRIMARY KEY (code, valid_from)
) WITHOUT ROWID;
CREATE INDEX unit_versions_by_parent ON unit_versions (parent, valid_from);
INSERT INTO unit_versions (code, valid_from, valid_to, name, parent, kind)
SELECT code, '', '9999-12-31', name, parent, kind FROM units;

-- The closure per date range: `ancestor` is `depth` levels above `descendant` on every day of
-- [valid_from, valid_to). Ranges are maximal, so a change adds rows only for the units it moves, and
-- a submission finds its unit's ancestors of the period's last day in one index range.
DROP TABLE unit_ancestors;
CREATE TABLE unit_ancestors (
  ancestor TEXT NOT NULL,
  descendant TEXT NOT NULL,
  depth INTEGER NOT NULL,
  valid_from TEXT NOT NULL DEFAULT '',
  valid_to TEXT NOT NULL DEFAULT '9999-12-31',
  PRIMARY KEY (ancestor, descendant, valid_from)
) WITHOUT ROWID;
CREATE INDEX unit_ancestors_by_descendant ON unit_ancestors (descendant, valid_from, depth);
INSERT INTO unit_ancestors (ancestor, descendant, depth)
WITH RECURSIVE up (descendant, ancestor, depth) AS (
  SELECT code, code, 0 FROM units
  UNION ALL
  SELECT up.descendant, u.parent, up.depth + 1 FROM up JOIN units u ON u.code = up.ancestor
  WHERE u.parent IS NOT NULL AND up.depth < 10000
)
SELECT ancestor, descendant, depth FROM up;

-- Subtree sizes (the unit included) per date range: expected units = size - 1.
CREATE TABLE unit_sizes (
  code TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (code, valid_from)
) WITHOUT ROWID;
INSERT INTO unit_sizes (code, valid_from, valid_to, size)
SELECT ancestor, '', '9999-12-31', COUNT(*) FROM unit_ancestors GROUP BY ancestor;

-- What each dated change did to each unit (append-only): a unit's history, and the merges and splits
-- restating follows.
CREATE TABLE unit_events (
  id INTEGER PRIMARY KEY,
  change_set TEXT NOT NULL,
  effective TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('create', 'close', 'move', 'merge', 'split', 'rename')),
  unit TEXT NOT NULL,
  other TEXT
);
CREATE INDEX unit_events_by_unit ON unit_events (unit, effective);
CREATE INDEX unit_events_by_other ON unit_events (other, effective) WHERE other IS NOT NULL;

-- Each accepted change list by the digest of its body: the same body again answers the same content.
CREATE TABLE unit_change_sets (
  digest TEXT PRIMARY KEY,
  effective TEXT NOT NULL,
  body TEXT NOT NULL,
  answer TEXT NOT NULL,
  created_at TEXT NOT NULL
) WITHOUT ROWID;

-- Never holds a row: a batch inserts here to fail by name when what it read changed meanwhile. A
-- submission inserts 0 when its unit left the period's tree (a change committed between its read and
-- its write); a tree change inserts 2 when a period it rebuilds was locked meanwhile.
CREATE TABLE unit_guard (
  ok INTEGER
    CONSTRAINT unit_not_in_period CHECK (ok <> 0)
    CONSTRAINT tree_period_locked CHECK (ok <> 2)
);
