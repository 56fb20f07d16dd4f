-- Review (api-v1-2026.md §3): the level above accepts a unit's report or returns it with comments.
-- Append-only like submissions: one row per decision, never updated or deleted. The report's state
-- is derived from the latest row and the unit's current revision (shared/review/state.ts), so a
-- submission never writes here.

-- revision: the revision reviewed. The INSERT computes -1 when it is not the current one and -2 when
-- the decision does not follow from the state at that moment; the named CHECKs then fail the
-- statement inside its transaction, so a review and a resubmission arriving together cannot both win.
-- rows: the unit's figures at that revision (stored form), the base of "what changed since".
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY,
  unit TEXT NOT NULL,
  period TEXT NOT NULL,
  revision INTEGER NOT NULL
    CONSTRAINT review_revision_conflict CHECK (revision <> -1)
    CONSTRAINT review_not_allowed CHECK (revision <> -2),
  decision TEXT NOT NULL CHECK (decision IN ('accept', 'return', 'reopen')),
  state TEXT NOT NULL CHECK (state IN ('submitted', 'returned', 'accepted')),
  comment TEXT,
  items TEXT,
  rows TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  token_id TEXT NOT NULL,
  reviewed_at TEXT NOT NULL
);
CREATE INDEX reviews_by_report ON reviews (unit, period, id);
CREATE INDEX reviews_by_period ON reviews (period, unit, id);

-- An accepted report is frozen: the submission's INSERT fails inside its batch, whatever its first
-- read saw, so an acceptance that lands between that read and the batch still wins.
CREATE TRIGGER submissions_refuse_accepted BEFORE INSERT ON submissions
WHEN (SELECT state FROM reviews WHERE unit = NEW.unit AND period = NEW.period ORDER BY id DESC LIMIT 1)
  = 'accepted'
BEGIN
  SELECT RAISE(ABORT, 'report_accepted');
END;
