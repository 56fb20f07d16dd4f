// GET /v1/periods/:period (any token); PUT /v1/admin/periods/:period {deadline?, template?} (admin);
// POST /v1/periods/:period/lock and /unlock (admin, or a reviewer of a root unit).
import { Hono } from "hono";
import { z } from "zod";
import { periodCode, periodSettings } from "../../shared/api/schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { adminOnly, requireRootReviewer } from "../auth/scope.ts";
import { readPeriodAnswer, savePeriodSettings, setLock } from "../db/period-settings.ts";
import { readTemplate } from "../db/templates.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

const params = validated("param", z.object({ period: periodCode }));
/** lock/unlock take no settings: an empty body or `{}`. */
const noSettings = validated("json", z.strictObject({}));

export const periods = new Hono<AppEnv>()
  .get("/periods/:period", params, async (c) =>
    c.json(await readPeriodAnswer(c.get("db"), c.req.valid("param").period), 200),
  )
  .put(
    "/admin/periods/:period",
    adminOnly,
    params,
    jsonBody(),
    validated("json", periodSettings),
    async (c) => {
      const { period } = c.req.valid("param");
      const settings = c.req.valid("json");
      const db = c.get("db");
      if (settings.template !== undefined && !(await readTemplate(db, settings.template))) {
        const issue = requestIssue(
          "template.unknown",
          "template",
          `không có mẫu báo cáo ${settings.template}; xem GET /v1/templates`,
          `unknown template ${settings.template}; see GET /v1/templates`,
        );
        throw new ApiFailure("validation_failed", { count: 1 }, [issue]);
      }
      return c.json(await savePeriodSettings(db, period, settings), 200);
    },
  )
  .post("/periods/:period/lock", params, jsonBody({ optional: true }), noSettings, async (c) => {
    const p = c.get("principal");
    await requireRootReviewer(c.get("db"), p);
    return c.json(await setLock(c.get("db"), c.req.valid("param").period, true, p.tokenId), 200);
  })
  .post("/periods/:period/unlock", params, jsonBody({ optional: true }), noSettings, async (c) => {
    const p = c.get("principal");
    await requireRootReviewer(c.get("db"), p);
    return c.json(await setLock(c.get("db"), c.req.valid("param").period, false, p.tokenId), 200);
  });
