-- The submission batch's guard against a revocation that lands between its read and its write: the
-- batch's first statement inserts the token's id here only when the token is revoked by then, and the
-- named CHECK fails it, rolling the whole batch back inside the transaction. It never holds a row.
CREATE TABLE revoked_token_guard (
  token_id TEXT CONSTRAINT token_revoked CHECK (token_id IS NULL)
);
