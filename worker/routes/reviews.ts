// POST /v1/reviews (§3): a reviewer of a strict ancestor, or an admin, accepts, returns or reopens a
// unit's report. GET /v1/reviews?unit=&period=: the units below with their state (any token that
// sees the unit), what the reviewer's list in the add-in and `baocao review list` show.
import { Hono } from "hono";
import { z } from "zod";
import { reviewRequest } from "../../shared/api/reviews.ts";
import { periodCode, unitCode } from "../../shared/api/schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { requireVisibleUnit } from "../auth/scope.ts";
import { listReviews } from "../db/review-read.ts";
import { review } from "../db/reviews.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

export const reviews = new Hono<AppEnv>()
  .post("/reviews", jsonBody(), validated("json", reviewRequest), async (c) =>
    c.json(await review(c.get("db"), c.get("principal"), c.req.valid("json")), 201),
  )
  .get("/reviews", validated("query", z.object({ unit: unitCode, period: periodCode })), async (c) => {
    const { unit, period } = c.req.valid("query");
    const db = c.get("db");
    await requireVisibleUnit(db, c.get("principal"), unit);
    return c.json(await listReviews(db, unit, period), 200);
  });
