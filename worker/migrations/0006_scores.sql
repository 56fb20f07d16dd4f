-- Thi đua: points given by people for the manual items of a scoring scheme. Append-only like revisions:
-- a new PUT adds rows, the latest row per (unit, period, kind, item) counts, and history stays readable.
CREATE TABLE score_entries (
  id INTEGER PRIMARY KEY,
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('self', 'reviewed')),
  item TEXT NOT NULL,
  points REAL NOT NULL CHECK (points >= 0),
  note TEXT,
  scheme TEXT NOT NULL,
  scheme_version INTEGER NOT NULL,
  token_id TEXT NOT NULL,
  set_at TEXT NOT NULL
);
CREATE INDEX score_entries_latest ON score_entries (period, unit, kind, item, id);
