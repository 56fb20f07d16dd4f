// compare= on a consolidation: the compared period's current reports, the dated tree and its merges and
// splits, handed to shared/tree/compare.ts, which restates them onto the asked period's tree.
import type { Consolidation } from "../../shared/api/schemas.ts";
import type { ComparedConsolidation } from "../../shared/api/units.ts";
import type { CurrentReport } from "../../shared/consolidation/consolidate.ts";
import type { Template } from "../../shared/template/types.ts";
import type { UnitEvent } from "../../shared/tree/changes.ts";
import { compareConsolidation } from "../../shared/tree/compare.ts";
import type { UnitVersion } from "../../shared/tree/dated.ts";
import { decodeRow, STORED_COLUMNS, type StoredRow } from "./codec.ts";
import type { Db } from "./db.ts";
import { VERSIONS } from "./tree.ts";

/**
 * The units whose figures can land in the subtree of ?1: every unit it ever held, and (recursively)
 * every unit merged into one of them, with what they held. Only these are read, not the database.
 */
const HELD = `WITH RECURSIVE held (code) AS (
  SELECT descendant FROM unit_ancestors WHERE ancestor = ?1
  UNION
  SELECT e.unit FROM unit_events e JOIN held h ON e.other = h.code WHERE e.type = 'merge'
  UNION
  SELECT a.descendant FROM unit_ancestors a JOIN held h ON a.ancestor = h.code
)`;
const IN_HELD = "IN (SELECT code FROM held)";
const HELD_VERSIONS = `${HELD} ${VERSIONS} WHERE code ${IN_HELD}`;
const LINKS = `${HELD} SELECT effective, type, unit, other FROM unit_events
  WHERE type IN ('merge', 'split') AND unit ${IN_HELD} ORDER BY id`;
const VALUES = `${HELD} SELECT unit, ${STORED_COLUMNS}
  FROM current_values WHERE period = ?2 AND unit ${IN_HELD}`;
const STATUS = `${HELD} SELECT unit, first_received_at, received_at FROM report_status
  WHERE period = ?2 AND unit ${IN_HELD}`;

export async function withComparison(
  db: Db,
  template: Template,
  asked: Consolidation,
  compared: string,
): Promise<ComparedConsolidation> {
  const [versions, events, values, statuses] = await db.batchRows<
    [
      UnitVersion,
      UnitEvent,
      StoredRow & { unit: string },
      { unit: string; first_received_at: string; received_at: string },
    ]
  >([
    db.prepare(HELD_VERSIONS, asked.unit),
    db.prepare(LINKS, asked.unit),
    db.prepare(VALUES, asked.unit, compared),
    db.prepare(STATUS, asked.unit, compared),
  ]);
  const byUnit = new Map<string, StoredRow[]>();
  for (const v of values) {
    byUnit.set(v.unit, [...(byUnit.get(v.unit) ?? []), v]);
  }
  const reports: CurrentReport[] = statuses.map((s) => ({
    unit: s.unit,
    rows: (byUnit.get(s.unit) ?? []).map((r) => decodeRow(template, r)),
    firstReceivedAt: s.first_received_at,
    receivedAt: s.received_at,
  }));
  return compareConsolidation(asked, {
    template,
    versions,
    events,
    period: asked.period,
    compared,
    reports,
  });
}
