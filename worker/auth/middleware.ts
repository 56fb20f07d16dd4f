// Bearer authentication: the ADMIN_TOKEN secret (admin over every unit) or a stored, unrevoked token
// looked up by its SHA-256. Both sides are hashed before comparing, so timing says nothing useful.
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Principal } from "../app-env.ts";
import { ApiFailure } from "../http/errors.ts";
import { sha256Hex } from "./secrets.ts";

/** The limiter counts per minute: waiting that long always finds a fresh window. */
export const RETRY_AFTER_SECONDS = 60;

const BEARER = /^Bearer[ ]+([\x21-\x7e]{1,512})[ ]*$/i;

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const match = BEARER.exec(c.req.header("authorization") ?? "");
  if (!match?.[1]) throw new ApiFailure("unauthenticated");
  const hash = await sha256Hex(match[1]);
  let principal: Principal | undefined;
  const admin = c.env.ADMIN_TOKEN;
  if (admin && hash === (await sha256Hex(admin))) {
    principal = { tokenId: "admin", role: "admin", unit: null };
  } else {
    const row = await c
      .get("db")
      .first<{ id: string; role: Principal["role"]; unit: string }>(
        "SELECT id, role, unit FROM tokens WHERE hash = ? AND revoked_at IS NULL",
        hash,
      );
    if (row) principal = { tokenId: row.id, role: row.role, unit: row.unit };
  }
  if (!principal) throw new ApiFailure("unauthenticated");
  if (principal.tokenId !== "admin" && c.env.RATE_LIMIT) {
    const { success } = await c.env.RATE_LIMIT.limit({ key: principal.tokenId });
    if (!success) throw new ApiFailure("rate_limited", { seconds: RETRY_AFTER_SECONDS });
  }
  c.set("principal", principal);
  await next();
};
