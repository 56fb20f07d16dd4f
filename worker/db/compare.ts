// compare= on a consolidation. The restated figures of the asked unit and its children are read from
// restated_figures (restated.ts) when stored: one row per unit shown. Otherwise (the first compare
// after a submission for the compared period or a tree change) they are computed from the compared
// period's stored totals when the units' subtrees did not change between the two days
// (restated-stable.ts), else from its current reports, the dated tree and its merges and splits, handed to
// shared/tree/compare.ts, which restates them onto the asked period's tree; and stored for the next request.
import type { Consolidation } from "../../shared/api/schemas.ts";
import type { ComparedConsolidation } from "../../shared/api/units.ts";
import type { CurrentReport } from "../../shared/consolidation/consolidate.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import { groupBy } from "../../shared/group-by.ts";
import type { Template } from "../../shared/template/types.ts";
import type { UnitEvent } from "../../shared/tree/changes.ts";
import { type RestatedUnit, restatedUnits, withRestated } from "../../shared/tree/compare.ts";
import type { UnitVersion } from "../../shared/tree/dated.ts";
import { decodeRow, STORED_COLUMNS, type StoredRow } from "./codec.ts";
import type { Db } from "./db.ts";
import { type ReadMark, type RestatedKey, readRestated, storeRestated } from "./restated.ts";
import { READ_MARK } from "./restated-sql.ts";
import { restatedFromTotals } from "./restated-stable.ts";
import { VERSIONS } from "./tree.ts";

/**
 * The units whose figures can land in the subtree of ?1: every unit it ever held, and (recursively)
 * every unit merged into one of them, with what they held. Only these are read, not the database.
 * `onward`: the units a held unit was merged into, and onward, outside the subtree: restating follows
 * them (and their splits) as it would on the whole tree, so their versions and events are read too.
 */
const HELD = `WITH RECURSIVE held (code) AS (
  SELECT descendant FROM unit_ancestors WHERE ancestor = ?1
  UNION
  SELECT e.unit FROM unit_events e JOIN held h ON e.other = h.code WHERE e.type = 'merge'
  UNION
  SELECT a.descendant FROM unit_ancestors a JOIN held h ON a.ancestor = h.code
),
onward (code) AS (
  SELECT e.other FROM unit_events e WHERE e.type = 'merge' AND e.unit IN (SELECT code FROM held)
  UNION
  SELECT e.other FROM unit_events e JOIN onward o ON e.unit = o.code WHERE e.type = 'merge'
)`;
const IN_HELD = "IN (SELECT code FROM held)";
const IN_REACH = "IN (SELECT code FROM held UNION SELECT code FROM onward)";
const HELD_VERSIONS = `${HELD} ${VERSIONS} WHERE code ${IN_REACH}`;
/** Merges and splits of held and onward units, and the splits that made a held one (not comparable). */
const LINKS = `${HELD} SELECT effective, type, unit, other FROM unit_events
  WHERE type IN ('merge', 'split') AND (unit ${IN_REACH} OR other ${IN_HELD}) ORDER BY id`;
const VALUES = `${HELD} SELECT unit, ${STORED_COLUMNS}
  FROM current_values WHERE period = ?2 AND unit ${IN_HELD}`;
const STATUS = `${HELD} SELECT unit, first_received_at, received_at FROM report_status
  WHERE period = ?2 AND unit ${IN_HELD}`;

/** One read batch (one snapshot): the restated figures of `units`, and where the data stood. */
async function computeRestated(
  db: Db,
  template: Template,
  asked: Consolidation,
  compared: string,
  units: readonly string[],
): Promise<{ restated: Map<string, RestatedUnit>; mark: ReadMark }> {
  const [versions, events, values, statuses, [mark]] = await db.batchRows<
    [
      UnitVersion,
      UnitEvent,
      StoredRow & { unit: string },
      { unit: string; first_received_at: string; received_at: string },
      ReadMark,
    ]
  >([
    db.prepare(HELD_VERSIONS, asked.unit),
    db.prepare(LINKS, asked.unit),
    db.prepare(VALUES, asked.unit, compared),
    db.prepare(STATUS, asked.unit, compared),
    db.prepare(READ_MARK),
  ]);
  const byUnit: Map<string, StoredRow[]> = groupBy(values, (v) => v.unit);
  const reports: CurrentReport[] = statuses.map((s) => ({
    unit: s.unit,
    rows: (byUnit.get(s.unit) ?? []).map((r) => decodeRow(template, r)),
    firstReceivedAt: s.first_received_at,
    receivedAt: s.received_at,
  }));
  const input = {
    template,
    versions,
    events,
    period: asked.period,
    compared,
    reports,
  };
  // READ_MARK is an aggregate: it always answers one row.
  if (mark === undefined) throw new Error("restated fill: the read mark answered no row");
  return { restated: restatedUnits(input, units), mark };
}

export async function withComparison(
  db: Db,
  template: Template,
  asked: Consolidation,
  compared: string,
): Promise<ComparedConsolidation> {
  const units = [asked.unit, ...asked.children.map((c) => c.unit)];
  const key: RestatedKey = {
    compared,
    comparedDay: periodLastDay(compared),
    day: periodLastDay(asked.period),
    template: template.id,
    templateVersion: template.version,
  };
  let restated = await readRestated(db, key, units);
  if (units.some((u) => !restated.has(u))) {
    const fill =
      (await restatedFromTotals(db, template, units, key)) ??
      (await computeRestated(db, template, asked, compared, units));
    await storeRestated(db, key, fill.restated, fill.mark);
    restated = fill.restated;
  }
  return withRestated(asked, compared, (code) => restated.get(code));
}
