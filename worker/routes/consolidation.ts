// GET /v1/consolidation?unit=&period=[&template=] (default: the period's template): consolidated totals, per-child breakdown and
// reporting status, read from the stored totals.
import { Hono } from "hono";
import { z } from "zod";
import { periodCode, unitCode } from "../../shared/api/schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { requireVisibleUnit } from "../auth/scope.ts";
import { readConsolidation } from "../db/consolidation.ts";
import { reviewReporting } from "../db/review-read.ts";
import { templateForPeriod } from "../db/templates.ts";
import { validated } from "../http/validate.ts";

const query = z.object({ unit: unitCode, period: periodCode, template: z.string().max(64).optional() });

export const consolidation = new Hono<AppEnv>().get(
  "/consolidation",
  validated("query", query),
  async (c) => {
    const { unit, period, template: asked } = c.req.valid("query");
    const db = c.get("db");
    await requireVisibleUnit(db, c.get("principal"), unit);
    const template = await templateForPeriod(db, period, asked);
    const answer = await readConsolidation(db, template, unit, period);
    Object.assign(answer.reporting, await reviewReporting(db, unit, period));
    return c.json(answer, 200);
  },
);
