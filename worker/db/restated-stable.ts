// A shortcut for filling restated figures (compare.ts): a unit whose subtree holds the same units on the
// compared and the asked day, and into which nothing merged between them, receives exactly the reports
// of its own subtree, so its restated figures are its own stored totals of the compared period:
// O(indicators) rows instead of every report below it. Conservative: a unit whose subtree's closure
// rows start or end between the two days counts as changed, even if the same units came back.
import type { IndicatorTotal } from "../../shared/api/schemas.ts";
import { catalogOf, indicatorTotals } from "../../shared/consolidation/figures.ts";
import type { Template } from "../../shared/template/types.ts";
import { type RestatedUnit, restatedFrom } from "../../shared/tree/compare.ts";
import { figuresOf, ownOf, type TotalsRow } from "./consolidation.ts";
import type { Db } from "./db.ts";
import type { ReadMark } from "./restated.ts";
import { READ_MARK } from "./restated-sql.ts";

/**
 * ?1 JSON units ?2 compared day ?3 asked day ?4 the earlier ?5 the later of the two. A unit is
 * stable when it lives on both days, no closure row below it starts or ends after the earlier day and
 * on or before the later one (so its subtree is the same set on both), and no merge effective between
 * them (as restating follows them: after the compared day, on or before the asked one) went into it.
 */
const STABLE = `
SELECT w.value AS unit
FROM json_each(?1) w
WHERE EXISTS (SELECT 1 FROM unit_versions v WHERE v.code = w.value AND v.valid_from <= ?2 AND v.valid_to > ?2)
  AND EXISTS (SELECT 1 FROM unit_versions v WHERE v.code = w.value AND v.valid_from <= ?3 AND v.valid_to > ?3)
  AND NOT EXISTS (SELECT 1 FROM unit_ancestors a WHERE a.ancestor = w.value
    AND ((a.valid_from > ?4 AND a.valid_from <= ?5) OR (a.valid_to > ?4 AND a.valid_to <= ?5)))
  AND NOT EXISTS (SELECT 1 FROM unit_events e JOIN unit_ancestors a ON a.descendant = e.other
    AND a.ancestor = w.value AND a.valid_from <= ?3 AND a.valid_to > ?3
    WHERE e.type = 'merge' AND e.effective > ?2 AND e.effective <= ?3)`;

/** ?1 JSON units ?2 period: their stored totals. */
const TOTALS = "SELECT * FROM totals WHERE period = ?2 AND ancestor IN (SELECT value FROM json_each(?1))";
/** ?1 JSON units ?2 period: their own ratio targets. */
const RATIO_TARGETS = `SELECT unit, code, target_pct FROM current_values
WHERE period = ?2 AND target_pct IS NOT NULL AND unit IN (SELECT value FROM json_each(?1))`;

/**
 * One read batch: the restated figures of `units` from the compared period's stored totals when every
 * one of them is stable, with where the data stood; undefined when one is not (restate them in full).
 */
export async function restatedFromTotals(
  db: Db,
  template: Template,
  units: readonly string[],
  days: { compared: string; comparedDay: string; day: string },
): Promise<{ restated: Map<string, RestatedUnit>; mark: ReadMark } | undefined> {
  const json = JSON.stringify(units);
  const { compared, comparedDay, day } = days;
  const [lo, hi] = comparedDay < day ? [comparedDay, day] : [day, comparedDay];
  const [stable, rows, own, [mark]] = await db.batchRows<
    [{ unit: string }, TotalsRow, { unit: string; code: string; target_pct: number }, ReadMark]
  >([
    db.prepare(STABLE, json, comparedDay, day, lo, hi),
    db.prepare(TOTALS, json, compared),
    db.prepare(RATIO_TARGETS, json, compared),
    db.prepare(READ_MARK),
  ]);
  if (stable.length !== new Set(units).size) return undefined;
  // READ_MARK is an aggregate: it always answers one row.
  if (mark === undefined) throw new Error("restated fill: the read mark answered no row");
  const catalog = catalogOf(template);
  const restated = new Map<string, RestatedUnit>();
  for (const unit of units) {
    const indicators: IndicatorTotal[] = indicatorTotals(
      catalog,
      figuresOf(
        catalog,
        rows.filter((r) => r.ancestor === unit),
      ),
      ownOf(
        catalog,
        own.filter((t) => t.unit === unit),
      ),
    );
    restated.set(unit, restatedFrom(indicators));
  }
  return { restated, mark };
}
