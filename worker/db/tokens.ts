// Access tokens (the `tokens` table): stored as the SHA-256 hash of the secret; revoked, never deleted.
import type { Principal } from "../app-env.ts";
import type { Db } from "./db.ts";

export async function insertToken(
  db: Db,
  token: { id: string; hash: string; unit: string; role: Principal["role"] },
): Promise<void> {
  await db.run(
    "INSERT INTO tokens (id, hash, unit, role, created_at) VALUES (?, ?, ?, ?, ?)",
    token.id,
    token.hash,
    token.unit,
    token.role,
    new Date().toISOString(),
  );
}

/** When the token was revoked (the first time, when revoked twice); undefined: no such token. */
export async function revokeToken(db: Db, id: string): Promise<string | undefined> {
  // COALESCE keeps the first revocation time when revoked twice.
  const row = await db.first<{ revoked_at: string }>(
    "UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING revoked_at",
    new Date().toISOString(),
    id,
  );
  return row?.revoked_at;
}
