// Bearer authentication: the ADMIN_TOKEN secret (admin over every unit) or a stored, unrevoked token
// looked up by its SHA-256. Both sides are hashed before comparing, so timing says nothing useful.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv, Credential, Principal } from "../app-env.ts";
import type { Db } from "../db/db.ts";
import { ApiFailure } from "../http/errors.ts";
import { sha256Hex } from "./secrets.ts";

/** The limiter counts per minute: waiting that long always finds a fresh window. */
export const RETRY_AFTER_SECONDS = 60;

const BEARER = /^Bearer[ ]+([\x21-\x7e]{1,512})[ ]*$/i;

const ADMIN_PRINCIPAL: Principal = { tokenId: "admin", role: "admin", unit: null };

/** A stored, unrevoked token by the hash of its secret (?1). Also the first CTE of submit's read. */
export const TOKEN_BY_HASH = "SELECT id, role, unit FROM tokens WHERE hash = ?1 AND revoked_at IS NULL";

/**
 * The header's credential, rate-limited per token. The limiter is keyed by the token's hash, so it
 * runs before (and without) the lookup; the ADMIN_TOKEN secret is never held back.
 */
async function credentialOf(c: Context<AppEnv>): Promise<Credential> {
  const match = BEARER.exec(c.req.header("authorization") ?? "");
  if (!match?.[1]) throw new ApiFailure("unauthenticated");
  const hash = await sha256Hex(match[1]);
  const admin = c.env.ADMIN_TOKEN;
  if (admin && hash === (await sha256Hex(admin))) return { principal: ADMIN_PRINCIPAL };
  if (c.env.RATE_LIMIT) {
    const { success } = await c.env.RATE_LIMIT.limit({ key: hash });
    if (!success) throw new ApiFailure("rate_limited", { seconds: RETRY_AFTER_SECONDS });
  }
  return { hash };
}

async function lookUpToken(db: Db, hash: string): Promise<Principal | undefined> {
  const row = await db.first<{ id: string; role: Principal["role"]; unit: string }>(TOKEN_BY_HASH, hash);
  return row ? { tokenId: row.id, role: row.role, unit: row.unit } : undefined;
}

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const credential = await credentialOf(c);
  const principal =
    "principal" in credential ? credential.principal : await lookUpToken(c.get("db"), credential.hash);
  if (!principal) throw new ApiFailure("unauthenticated");
  c.set("principal", principal);
  await next();
};

/** Refusals a route answers from the request alone (size, media type, syntax, schema), before its read. */
const REQUEST_SHAPE_STATUSES: ReadonlySet<number> = new Set([400, 413, 415]);

/**
 * For a route that looks the token up in its own first read (POST /v1/submissions: one D1 round
 * trip less): sets the credential and leaves the lookup to the route. A request refused for its
 * shape before that read still answers 401 when its token is unknown, as with `authenticate`.
 */
export const identify: MiddlewareHandler<AppEnv> = async (c, next) => {
  const credential = await credentialOf(c);
  c.set("credential", credential);
  await next();
  if (!(c.error instanceof ApiFailure) || !REQUEST_SHAPE_STATUSES.has(c.error.status)) return;
  if ("hash" in credential && !(await lookUpToken(c.get("db"), credential.hash))) {
    const failure = new ApiFailure("unauthenticated");
    c.res = c.json(failure.envelope(), failure.status);
  }
};
