// The Worker's bindings and per-request variables, shared by every sub-app so handlers stay typed.
import type { Role } from "../shared/api/schemas.ts";
import type { Db } from "./db/db.ts";

export interface Env {
  DB: D1Database;
  /** Bootstrap admin secret: `.dev.vars` locally, `wrangler secret put ADMIN_TOKEN` in production. */
  ADMIN_TOKEN: string;
  /** Origins that get CORS headers, comma-separated (default https://localhost:3000, the add-in's dev server). */
  ALLOWED_ORIGIN?: string;
  /** Requests per token and minute (wrangler.toml [[ratelimits]]); absent: no limit. */
  RATE_LIMIT?: RateLimit;
  /** The static assets (dist/public: web page, add-in, manifest); absent in tests without a build. */
  ASSETS?: Fetcher;
}

/** Who is calling: a stored token, or the ADMIN_TOKEN secret (admin over every unit). */
export interface Principal {
  /** Token id; "admin" for the ADMIN_TOKEN secret. */
  tokenId: string;
  role: Role;
  /** The token's unit; null for the ADMIN_TOKEN secret. */
  unit: string | null;
}

/**
 * Who the Authorization header claims to be, before any lookup: the ADMIN_TOKEN secret (already a
 * principal) or a stored token, known by the SHA-256 of its secret until a read finds it.
 */
export type Credential = { principal: Principal } | { hash: string };

export interface AppEnv {
  Bindings: Env;
  Variables: { db: Db; principal: Principal; credential: Credential };
}
