// The restated figures a compare= answer shows, kept per (compared period, asked tree day, template
// version, unit) in restated_figures (migration 0007), so a repeated compare reads one row per unit
// shown. Rows are derived and only ever deleted or written whole:
// - FORGET_COMPARED runs in every submission batch (a submission changes its period's figures);
// - FORGET_FROM_DAY runs in every tree change batch (its effective date changes the trees from then on);
// - a fill writes only when neither happened since the read it computed from (STORE's guard), so it
//   never stores what a concurrent submission or tree change has already made stale.
import type { RestatedUnit } from "../../shared/tree/compare.ts";
import type { Db } from "./db.ts";
import { READ, STORE } from "./restated-sql.ts";

/** What a row is keyed by, besides its unit. */
export interface RestatedKey {
  compared: string;
  comparedDay: string;
  /** The asked period's last day: its tree receives the figures. */
  day: string;
  template: string;
  templateVersion: number;
}

/** Where the data a fill computes from stood when it was read (read in the same batch). */
export interface ReadMark {
  /** The last submission's id (any period): a later one for the compared period makes the fill stale. */
  lastSubmission: number;
  treeVersion: number;
}

interface StoredRestated {
  unit: string;
  comparable: number;
  figures: string;
}

/** The stored figures of `units`, those that are stored. One round trip, O(units) rows. */
export async function readRestated(
  db: Db,
  key: RestatedKey,
  units: readonly string[],
): Promise<Map<string, RestatedUnit>> {
  const rows = await db.all<StoredRestated>(
    READ,
    key.compared,
    key.day,
    key.template,
    key.templateVersion,
    JSON.stringify(units),
  );
  return new Map(
    rows.map((r) => [
      r.unit,
      {
        comparable: r.comparable === 1,
        previous: JSON.parse(r.figures) as RestatedUnit["previous"],
      },
    ]),
  );
}

/** Stores a fill's figures unless what it was computed from changed since `mark`. One round trip. */
export async function storeRestated(
  db: Db,
  key: RestatedKey,
  restated: ReadonlyMap<string, RestatedUnit>,
  mark: ReadMark,
): Promise<void> {
  const rows = [...restated].map(([unit, r]) => ({
    unit,
    comparable: r.comparable ? 1 : 0,
    figures: JSON.stringify(r.previous),
  }));
  await db.run(
    STORE,
    key.compared,
    key.comparedDay,
    key.day,
    key.template,
    key.templateVersion,
    JSON.stringify(rows),
    mark.treeVersion,
    mark.lastSubmission,
  );
}
