// The per-unit reporting detail of a consolidation (api-v1-2026 §2, "Tình hình nộp"): every expected
// unit below the asked one, with its state, current revision, times, and the reporter named in its
// current revision's body. One indexed read: the subtree from the closure table, each unit's
// report_status row and the one submissions row of its current revision (O(units below), never
// O(revisions)). Kept apart from readConsolidation so the dated tree (issue 13) can change who is
// expected without touching the figures.
import type { ReportingUnit, UnitRef } from "../../shared/api/reporting-units.ts";
import { isLate } from "../../shared/consolidation/late.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import type { Db } from "./db.ts";

const UNITS_BELOW = `
SELECT u.code, u.name, u.parent, r.current_revision AS revision, r.first_received_at AS first,
  r.received_at AS last, json_extract(s.body, '$.reporter.name') AS reporter_name,
  json_extract(s.body, '$.reporter.phone') AS reporter_phone
FROM unit_ancestors a
JOIN unit_versions u ON u.code = a.descendant AND u.valid_from <= ?3 AND u.valid_to > ?3
LEFT JOIN report_status r ON r.unit = u.code AND r.period = ?2
LEFT JOIN submissions s ON s.unit = u.code AND s.period = ?2 AND s.revision = r.current_revision
WHERE a.ancestor = ?1 AND a.depth > 0 AND a.valid_from <= ?3 AND a.valid_to > ?3
ORDER BY u.code`;

interface Row {
  code: string;
  name: string;
  parent: string | null;
  revision: number | null;
  first: string | null;
  last: string | null;
  reporter_name: string | null;
  reporter_phone: string | null;
}

/** Text a person typed as reporter: a string, trimmed; anything else (a number, an object) is left out. */
function reporterText(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export function reportingUnitOf(row: Row, deadline: string | null): ReportingUnit {
  const out: ReportingUnit = { code: row.code, name: row.name, parent: row.parent, status: "missing" };
  if (row.revision === null || row.first === null) return out;
  // Instants, never text: a year-10000 deadline spelled "+010000-…" sorts before "2026-…".
  out.status = isLate(row.first, deadline) ? "late" : "submitted";
  out.revision = row.revision;
  out.firstReceivedAt = row.first;
  if (row.last !== null) out.lastReceivedAt = row.last;
  const name = reporterText(row.reporter_name);
  const phone = reporterText(row.reporter_phone);
  if (name !== undefined || phone !== undefined) {
    out.reporter = { ...(name !== undefined && { name }), ...(phone !== undefined && { phone }) };
  }
  return out;
}

/** Every unit below `unit` for `period`, by code, with its reporting state. */
export async function readReportingUnits(
  db: Db,
  unit: string,
  period: string,
  deadline: string | null,
): Promise<ReportingUnit[]> {
  // The units of the period's tree (its last day ?3), with the names and parents they had then.
  const rows = await db.all<Row>(UNITS_BELOW, unit, period, periodLastDay(period));
  return rows.map((r) => reportingUnitOf(r, deadline));
}

/**
 * Names of the given units (the missing and late ones) as they were on the period's last day, in one
 * read of O(codes) rows: a later rename never changes an earlier period's answer.
 */
export async function readUnitNames(db: Db, codes: readonly string[], period: string): Promise<UnitRef[]> {
  return db.all<UnitRef>(
    `SELECT code, name FROM unit_versions WHERE code IN (SELECT value FROM json_each(?1))
     AND valid_from <= ?2 AND valid_to > ?2`,
    JSON.stringify(codes),
    periodLastDay(period),
  );
}

/** `missing` and `lateUnits` with the names the detail already holds (a code without a line keeps it). */
export function namedUnits(codes: readonly string[], units: readonly UnitRef[]): UnitRef[] {
  const names = new Map(units.map((u) => [u.code, u.name]));
  return codes.map((code) => ({ code, name: names.get(code) ?? code }));
}
