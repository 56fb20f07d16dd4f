// POST /v1/admin/tokens: a new token for a unit and role, its secret shown once and stored hashed.
// DELETE /v1/admin/tokens/:id: revoke one (it stops working at once; its revisions keep its id).
import { Hono } from "hono";
import { z } from "zod";
import { tokenRequest } from "../../shared/api/schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { adminOnly, requireVisibleUnit } from "../auth/scope.ts";
import { newToken, sha256Hex } from "../auth/secrets.ts";
import { insertToken, revokeToken } from "../db/tokens.ts";
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
    await insertToken(db, { id, hash: await sha256Hex(secret), unit, role });
    return c.json({ token: secret, id, unit, role }, 201);
  })
  .delete(
    "/admin/tokens/:id",
    adminOnly,
    validated("param", z.object({ id: z.string().min(1).max(64) })),
    async (c) => {
      const { id } = c.req.valid("param");
      const revokedAt = await revokeToken(c.get("db"), id);
      if (revokedAt === undefined) throw new ApiFailure("unknown_token", { id });
      return c.json({ id, revoked: true as const, revokedAt }, 200);
    },
  );
