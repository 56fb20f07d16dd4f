// A period's settings (the `periods` table): its deadline, its template and its lock, read as the
// period answer and written by PUT /v1/admin/periods/:period and the lock and unlock routes.
import type { z } from "zod";
import type { periodAnswer } from "../../shared/api/schemas.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import type { Db } from "./db.ts";
import { lateSql } from "./late.ts";

export type PeriodAnswer = z.infer<typeof periodAnswer>;

export async function readPeriodAnswer(db: Db, period: string): Promise<PeriodAnswer> {
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

export async function setLock(db: Db, period: string, locked: boolean, by: string): Promise<PeriodAnswer> {
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

/** The deadline (with its late counters) and the template, in one transaction; the answer after. */
export async function savePeriodSettings(
  db: Db,
  period: string,
  settings: { deadline?: string; template?: string },
): Promise<PeriodAnswer> {
  await db.batch([
    ...deadlineStatements(db, period, settings.deadline),
    ...templateStatements(db, period, settings.template),
  ]);
  return readPeriodAnswer(db, period);
}
