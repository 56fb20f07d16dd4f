// GET /v1/consolidation?unit=&period=[&template=]: consolidated totals, per-child breakdown and
// reporting status, read from the stored totals.
import { Hono } from "hono";
import { z } from "zod";
import { periodCode, unitCode } from "../../shared/api/schemas.ts";
import { DEFAULT_TEMPLATE_ID, getTemplate } from "../../shared/template/registry.ts";
import type { AppEnv } from "../app-env.ts";
import { requireVisibleUnit } from "../auth/scope.ts";
import { readConsolidation } from "../db/consolidation.ts";
import { ApiFailure } from "../http/errors.ts";
import { validated } from "../http/validate.ts";

const query = z.object({
  unit: unitCode,
  period: periodCode,
  template: z.string().max(64).optional(),
  /** "units": every expected unit of the subtree with its reporting detail (O(subtree), so asked for). */
  detail: z.enum(["units"]).optional(),
});

export const consolidation = new Hono<AppEnv>().get(
  "/consolidation",
  validated("query", query),
  async (c) => {
    const { unit, period, template: id = DEFAULT_TEMPLATE_ID, detail } = c.req.valid("query");
    const db = c.get("db");
    await requireVisibleUnit(db, c.get("principal"), unit);
    const template = getTemplate(id);
    if (!template) throw new ApiFailure("unknown_template", { template: id });
    return c.json(await readConsolidation(db, template, unit, period, { detail: detail === "units" }), 200);
  },
);
