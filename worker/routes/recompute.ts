// POST /v1/admin/recompute?period=&fix=: replay the append-only revisions, compare the stored current
// values, report status and consolidated totals with the replay, and with fix=true rewrite them from it
// (docs/operations.md; `npm run recompute` is the client).
import { Hono } from "hono";
import { z } from "zod";
import { periodCode } from "../../shared/api/schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { adminOnly } from "../auth/scope.ts";
import { recompute } from "../db/recompute.ts";
import { validated } from "../http/validate.ts";

const query = z.strictObject({
  period: periodCode.optional(),
  fix: z.enum(["true", "false"]).optional(),
});

export const recomputeRoute = new Hono<AppEnv>().post(
  "/admin/recompute",
  adminOnly,
  validated("query", query),
  async (c) => {
    const { period, fix } = c.req.valid("query");
    return c.json(await recompute(c.get("db"), { period, fix: fix === "true" }), 200);
  },
);
