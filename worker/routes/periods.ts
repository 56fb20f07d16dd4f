// GET /v1/periods/:period (any token); PUT /v1/admin/periods/:period {deadline?, template?} (admin);
// POST /v1/periods/:period/lock and /unlock (admin, or a reviewer of a root unit).
import { Hono } from "hono";
import { z } from "zod";
import { type periodAnswer, periodCode, periodSettings } from "../../shared/api/schemas.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import type { AppEnv } from "../app-env.ts";
import { adminOnly, requireRootReviewer } from "../auth/scope.ts";
import type { Db } from "../db/db.ts";
import { lateSql } from "../db/late.ts";
import { readTemplate } from "../db/templates.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

type PeriodAnswer = z.infer<typeof periodAnswer>;

const params = validated("param", z.object({ period: periodCode }));
/** lock/unlock take no settings: an empty body or `{}`. */
const noSettings = validated("json", z.strictObject({}));

async function readPeriodAnswer(db: Db, period: string): Promise<PeriodAnswer> {
  const row = await db.first<{ deadline: string | null; locked: number; template: string | null }>(
    "SELECT deadline, locked, template FROM periods WHERE period = ?",
    period,
  );
  return {
    period,
    deadline: row?.deadline ?? null,
    locked: row?.locked === 1,
    // Only once set: answers of periods without a template stay as they were.
    ...(row?.template ? { template: row.template } : {}),
  };
}

/** Late counters follow the deadline: recount them for the period, in the same batch as the change. */
const RECOUNT_LATE = `
UPDATE status_totals SET late = (
  SELECT COUNT(*) FROM unit_ancestors a JOIN report_status r ON r.unit = a.descendant AND r.period = ?1
  WHERE a.ancestor = status_totals.ancestor AND ${lateSql("r.first_received_at", "?2")}
    AND a.valid_from <= ?3 AND a.valid_to > ?3
) WHERE period = ?1`;

async function setLock(db: Db, period: string, locked: boolean, by: string): Promise<PeriodAnswer> {
  await db.run(
    `INSERT INTO periods (period, locked, locked_at, locked_by) VALUES (?1, ?2, ?3, ?4)
     ON CONFLICT (period) DO UPDATE SET locked = excluded.locked, locked_at = excluded.locked_at,
       locked_by = excluded.locked_by`,
    period,
    locked ? 1 : 0,
    new Date().toISOString(),
    by,
  );
  return readPeriodAnswer(db, period);
}

function deadlineStatements(db: Db, period: string, deadline: string | undefined): D1PreparedStatement[] {
  if (deadline === undefined) return [];
  // Stored in UTC with milliseconds, the format of receivedAt; SQL compares them as instants.
  const utc = new Date(deadline).toISOString();
  return [
    db.prepare(
      `INSERT INTO periods (period, deadline) VALUES (?1, ?2)
       ON CONFLICT (period) DO UPDATE SET deadline = excluded.deadline`,
      period,
      utc,
    ),
    db.prepare(RECOUNT_LATE, period, utc, periodLastDay(period)),
  ];
}

function templateStatements(db: Db, period: string, template: string | undefined): D1PreparedStatement[] {
  if (template === undefined) return [];
  return [
    db.prepare(
      `INSERT INTO periods (period, template) VALUES (?1, ?2)
       ON CONFLICT (period) DO UPDATE SET template = excluded.template`,
      period,
      template,
    ),
  ];
}

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
      await db.batch([
        ...deadlineStatements(db, period, settings.deadline),
        ...templateStatements(db, period, settings.template),
      ]);
      return c.json(await readPeriodAnswer(db, period), 200);
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
