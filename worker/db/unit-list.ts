// Reading the dated tree for people: the tree of a day within a token's subtree, and one unit's history.
import type { DatedUnitInfo, UnitEventInfo, UnitHistoryAnswer } from "../../shared/api/units.ts";
import type { UnitEvent } from "../../shared/tree/changes.ts";
import { BEGINNING, FOREVER } from "../../shared/tree/dated.ts";
import { lineageOf } from "../../shared/tree/restate.ts";
import type { Db } from "./db.ts";

interface VersionRow {
  code: string;
  name: string;
  parent: string | null;
  kind: string | null;
  from: string;
  to: string;
}

const COLUMNS = `v.code, v.name, v.parent, v.kind, u.valid_from AS "from", u.valid_to AS "to"`;
const LINKS =
  "SELECT effective, type, unit, other FROM unit_events WHERE type IN ('merge', 'split') ORDER BY id";

/** The units alive on `day` (all of them, or below `root` that day), with their life and lineage. */
export async function unitsOn(db: Db, day: string, root: string | null): Promise<DatedUnitInfo[]> {
  const list =
    root === null
      ? db.prepare(
          `SELECT ${COLUMNS} FROM unit_versions v JOIN units u ON u.code = v.code
           WHERE v.valid_from <= ?1 AND v.valid_to > ?1 ORDER BY v.code`,
          day,
        )
      : db.prepare(
          `SELECT ${COLUMNS} FROM unit_ancestors a
           JOIN unit_versions v ON v.code = a.descendant AND v.valid_from <= ?1 AND v.valid_to > ?1
           JOIN units u ON u.code = v.code
           WHERE a.ancestor = ?2 AND a.valid_from <= ?1 AND a.valid_to > ?1 ORDER BY v.code`,
          day,
          root,
        );
  const [rows, events] = await db.batchRows<[VersionRow, UnitEvent]>([list, db.prepare(LINKS)]);
  return rows.map((r) => {
    const { predecessors, successors } = lineageOf(events, r.code);
    return {
      code: r.code,
      name: r.name,
      parent: r.parent,
      kind: r.kind,
      ...(r.from === BEGINNING ? {} : { from: r.from }),
      ...(r.to === FOREVER ? {} : { to: r.to }),
      ...(predecessors.length > 0 ? { predecessors } : {}),
      ...(successors.length > 0 ? { successors } : {}),
    };
  });
}

export async function unitHistory(db: Db, code: string): Promise<UnitHistoryAnswer> {
  const [versions, events] = await db.batchRows<[Omit<VersionRow, "code">, UnitEvent]>([
    db.prepare(
      `SELECT name, parent, kind, valid_from AS "from", valid_to AS "to" FROM unit_versions
       WHERE code = ? ORDER BY valid_from`,
      code,
    ),
    db.prepare(
      `SELECT effective, type, unit, other FROM unit_events
       WHERE unit = ?1 OR (other = ?1 AND type IN ('merge', 'split', 'move')) ORDER BY effective, id`,
      code,
    ),
  ]);
  return {
    code,
    versions: versions.map((v) => ({
      name: v.name,
      parent: v.parent,
      kind: v.kind,
      ...(v.from === BEGINNING ? {} : { from: v.from }),
      ...(v.to === FOREVER ? {} : { to: v.to }),
    })),
    changes: events.map(
      (e): UnitEventInfo => ({
        effective: e.effective,
        type: e.type,
        unit: e.unit,
        ...(e.other === null ? {} : { other: e.other }),
      }),
    ),
  };
}
