-- Báo cáo Đoàn, API v1 storage. Figures are INTEGER: counts as they are, money in thousandths of a
-- triệu đồng (x * 1000), so sums are exact and the totals equal a fresh recomputation with `==`.

-- The unit tree. subtree_size counts the unit and everything below it (expected units = size - 1).
CREATE TABLE units (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  parent TEXT REFERENCES units (code),
  kind TEXT,
  subtree_size INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;
CREATE INDEX units_by_parent ON units (parent, code);

-- Closure table: one row per (ancestor, descendant) pair, the unit itself at depth 0. Subtree checks
-- and the totals of every ancestor of a unit are one index range each.
CREATE TABLE unit_ancestors (
  ancestor TEXT NOT NULL,
  descendant TEXT NOT NULL,
  depth INTEGER NOT NULL,
  PRIMARY KEY (ancestor, descendant)
) WITHOUT ROWID;
CREATE INDEX unit_ancestors_by_descendant ON unit_ancestors (descendant, depth);

-- Access tokens, stored as SHA-256 hashes of the secret (shown once, never stored).
CREATE TABLE tokens (
  id TEXT PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  unit TEXT NOT NULL REFERENCES units (code),
  role TEXT NOT NULL CHECK (role IN ('reporter', 'reviewer', 'admin')),
  created_at TEXT NOT NULL,
  revoked_at TEXT
) WITHOUT ROWID;

-- Periods exist implicitly; a row appears once a deadline is set or the period is locked.
CREATE TABLE periods (
  period TEXT PRIMARY KEY,
  deadline TEXT,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  locked_at TEXT,
  locked_by TEXT
) WITHOUT ROWID;

-- Append-only audit trail: one row per accepted revision, never updated or deleted.
-- The two named CHECKs are the batch's guards: the INSERT computes revision = -2 when the period is
-- locked and -1 when the expected revision (If-Match) is not the current one, so the whole DB.batch()
-- fails and rolls back inside the transaction, where no concurrent submission can slip in between.
CREATE TABLE submissions (
  id INTEGER PRIMARY KEY,
  unit TEXT NOT NULL REFERENCES units (code),
  period TEXT NOT NULL,
  revision INTEGER NOT NULL
    CONSTRAINT period_locked CHECK (revision <> -2)
    CONSTRAINT if_match_failed CHECK (revision <> -1),
  template TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('replace', 'merge')),
  body TEXT NOT NULL,
  digest TEXT NOT NULL,
  token_id TEXT NOT NULL,
  sender TEXT NOT NULL,
  on_behalf_of TEXT,
  received_at TEXT NOT NULL,
  idempotency_key TEXT,
  receipt TEXT NOT NULL,
  UNIQUE (unit, period, revision),
  UNIQUE (token_id, idempotency_key)
);

-- Each unit's current figures per period (the merge of its revisions). target_pct is a ratio row's
-- own target: never summed, so a REAL holds it exactly as sent.
CREATE TABLE current_values (
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
  code TEXT NOT NULL,
  target INTEGER,
  actual INTEGER,
  target_pct REAL,
  grade TEXT CHECK (grade IN ('XS', 'T', 'HT', 'KHT')),
  note TEXT,
  PRIMARY KEY (unit, period, code)
) WITHOUT ROWID;
-- Consolidation reads only the ratio targets of the asked unit and its children.
CREATE INDEX current_values_ratio_targets ON current_values (unit, period, code, target_pct)
  WHERE target_pct IS NOT NULL;

-- Consolidated totals per (ancestor, period, indicator), over the ancestor's whole subtree.
-- *_count say how many units have a value, so "no data" stays distinct from 0.
-- units_met / units_reported count units strictly below the ancestor (per-unit targets).
CREATE TABLE totals (
  ancestor TEXT NOT NULL,
  period TEXT NOT NULL,
  code TEXT NOT NULL,
  target_sum INTEGER NOT NULL DEFAULT 0,
  target_count INTEGER NOT NULL DEFAULT 0,
  actual_sum INTEGER NOT NULL DEFAULT 0,
  actual_count INTEGER NOT NULL DEFAULT 0,
  grade_xs INTEGER NOT NULL DEFAULT 0,
  grade_t INTEGER NOT NULL DEFAULT 0,
  grade_ht INTEGER NOT NULL DEFAULT 0,
  grade_kht INTEGER NOT NULL DEFAULT 0,
  units_met INTEGER NOT NULL DEFAULT 0,
  units_reported INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (ancestor, period, code)
) WITHOUT ROWID;

-- One row per (unit, period) that has reported: its current revision and when it first reported.
CREATE TABLE report_status (
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
  current_revision INTEGER NOT NULL,
  template TEXT NOT NULL,
  first_received_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  PRIMARY KEY (unit, period)
) WITHOUT ROWID;

-- Reporting counters per (ancestor, period) over the subtree, the ancestor included: how many units
-- reported and how many of them first reported after the deadline. They let a consolidation read
-- O(children) rows and walk down only into subtrees with a missing or late unit.
CREATE TABLE status_totals (
  ancestor TEXT NOT NULL,
  period TEXT NOT NULL,
  submitted INTEGER NOT NULL DEFAULT 0,
  late INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (ancestor, period)
) WITHOUT ROWID;

-- Bumped by every unit import; an import plans against the version it read and its batch fails if
-- another import changed the tree meanwhile (then it plans again), so two imports cannot combine
-- into a cycle.
CREATE TABLE tree_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL CONSTRAINT tree_changed CHECK (version >= 0)
);
INSERT INTO tree_version (id, version) VALUES (1, 0);
