// GET /v1/consolidation?unit=&period=[&template=][&compare=]: consolidated totals, per-child breakdown
// and reporting status, read from the stored totals; with compare, each indicator gains the compared
// period's figures restated onto the asked period's tree.
import { Hono } from "hono";
import { z } from "zod";
import { periodCode, unitCode } from "../../shared/api/schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { requireVisibleUnit } from "../auth/scope.ts";
import { withComparison } from "../db/compare.ts";
import { readConsolidation } from "../db/consolidation.ts";
import { addReviewReporting } from "../db/review-read.ts";
import { templateForPeriod } from "../db/templates.ts";
import { validated } from "../http/validate.ts";

const query = z.object({
  unit: unitCode,
  period: periodCode,
  template: z.string().max(64).optional(),
  compare: periodCode.optional(),
  /** "units": every expected unit of the subtree with its reporting detail (O(subtree), so asked for). */
  detail: z.enum(["units"]).optional(),
});

export const consolidation = new Hono<AppEnv>().get(
  "/consolidation",
  validated("query", query),
  async (c) => {
    const { unit, period, template: id, compare, detail } = c.req.valid("query");
    const db = c.get("db");
    await requireVisibleUnit(db, c.get("principal"), unit);
    const template = await templateForPeriod(db, period, id);
    const asked = await readConsolidation(db, template, unit, period, { detail: detail === "units" });
    await addReviewReporting(db, asked.reporting, unit, period);
    if (compare === undefined) return c.json(asked, 200);
    return c.json(await withComparison(db, template, asked, compare), 200);
  },
);
