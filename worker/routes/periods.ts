// GET /v1/periods/:period (any token); PUT /v1/admin/periods/:period {deadline} (admin);
// POST /v1/periods/:period/lock and /unlock (admin, or a reviewer of a root unit).
import { Hono } from "hono";
import { z } from "zod";
import { type periodAnswer, periodCode, periodSettings } from "../../shared/api/schemas.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import type { AppEnv } from "../app-env.ts";
import { adminOnly, requireRootReviewer } from "../auth/scope.ts";
import type { Db } from "../db/db.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

type PeriodAnswer = z.infer<typeof periodAnswer>;

const params = validated("param", z.object({ period: periodCode }));
/** lock/unlock take no settings: an empty body or `{}`. */
const noSettings = validated("json", z.strictObject({}));

async function readPeriod(db: Db, period: string): Promise<PeriodAnswer> {
  const row = await db.first<{ deadline: string | null; locked: number }>(
    "SELECT deadline, locked FROM periods WHERE period = ?",
    period,
  );
  return { period, deadline: row?.deadline ?? null, locked: row?.locked === 1 };
}

/** Late counters follow the deadline: recount them for the period, in the same batch as the change. */
const RECOUNT_LATE = `
UPDATE status_totals SET late = (
  SELECT COUNT(*) FROM unit_ancestors a JOIN report_status r ON r.unit = a.descendant AND r.period = ?1
  WHERE a.ancestor = status_totals.ancestor AND r.first_received_at > ?2
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
  return readPeriod(db, period);
}

export const periods = new Hono<AppEnv>()
  .get("/periods/:period", params, async (c) =>
    c.json(await readPeriod(c.get("db"), c.req.valid("param").period), 200),
  )
  .put(
    "/admin/periods/:period",
    adminOnly,
    params,
    jsonBody(),
    validated("json", periodSettings),
    async (c) => {
      const { period } = c.req.valid("param");
      // Stored in UTC with milliseconds, the format of receivedAt, so SQL compares them as text.
      const deadline = new Date(c.req.valid("json").deadline).toISOString();
      const db = c.get("db");
      await db.batch([
        db.prepare(
          `INSERT INTO periods (period, deadline) VALUES (?1, ?2)
         ON CONFLICT (period) DO UPDATE SET deadline = excluded.deadline`,
          period,
          deadline,
        ),
        db.prepare(RECOUNT_LATE, period, deadline, periodLastDay(period)),
      ]);
      return c.json(await readPeriod(db, period), 200);
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
