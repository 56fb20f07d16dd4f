// POST /v1/admin/tokens: a new token for a unit and role, its secret shown once and stored hashed.
// DELETE /v1/admin/tokens/:id: revoke one (it stops working at once; its revisions keep its id).
import { Hono } from "hono";
import { z } from "zod";
import { tokenRequest } from "../../shared/api/schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { adminOnly, requireVisibleUnit } from "../auth/scope.ts";
import { newToken, sha256Hex } from "../auth/secrets.ts";
import { ApiFailure } from "../http/errors.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

export const tokens = new Hono<AppEnv>()
  .post("/admin/tokens", adminOnly, jsonBody(), validated("json", tokenRequest), async (c) => {
    const p = c.get("principal");
    const { unit, role } = c.req.valid("json");
    const db = c.get("db");
    await requireVisibleUnit(db, p, unit);
    const { secret, id } = newToken();
    await db.run(
      "INSERT INTO tokens (id, hash, unit, role, created_at) VALUES (?, ?, ?, ?, ?)",
      id,
      await sha256Hex(secret),
      unit,
      role,
      new Date().toISOString(),
    );
    return c.json({ token: secret, id, unit, role }, 201);
  })
  .delete(
    "/admin/tokens/:id",
    adminOnly,
    validated("param", z.object({ id: z.string().min(1).max(64) })),
    async (c) => {
      const { id } = c.req.valid("param");
      const db = c.get("db");
      // COALESCE keeps the first revocation time when revoked twice.
      const row = await db.first<{ id: string; revoked_at: string }>(
        "UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? RETURNING id, revoked_at",
        new Date().toISOString(),
        id,
      );
      if (!row) throw new ApiFailure("unknown_token", { id });
      return c.json({ id: row.id, revoked: true as const, revokedAt: row.revoked_at }, 200);
    },
  );
