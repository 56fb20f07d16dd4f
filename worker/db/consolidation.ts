// GET /v1/consolidation from the stored totals, in one read batch (one consistent snapshot):
// the asked unit's and its children's totals rows (O(indicators × children)), their ratio targets,
// reporting counters, and a walk down the tree that enters only subtrees with a missing or late unit.
// The figures become the API's shape through shared/consolidation's own functions, so rounding and
// field presence are those of the oracle the tests compare with.
import type { UnitRef } from "../../shared/api/reporting-units.ts";
import type { Consolidation, ReportingStatus } from "../../shared/api/schemas.ts";
import {
  type Catalog,
  catalogOf,
  indicatorTotals,
  type OwnFigures,
  type SubtreeFigures,
} from "../../shared/consolidation/figures.ts";
import { isLate } from "../../shared/consolidation/late.ts";
import { summarizeTargets } from "../../shared/consolidation/targets.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import { groupBy } from "../../shared/group-by.ts";
import type { Grade, Template } from "../../shared/template/types.ts";
import { storedSumInThousandths } from "./codec.ts";
import type { Db } from "./db.ts";
import { lateSql } from "./late.ts";
import { checkInPeriod } from "./period-tree.ts";
import { namedUnits, readReportingUnits, readUnitNames } from "./reporting-units.ts";

export interface TotalsRow {
  ancestor: string;
  code: string;
  target_sum: number;
  target_count: number;
  actual_sum: number;
  actual_count: number;
  grade_xs: number;
  grade_t: number;
  grade_ht: number;
  grade_kht: number;
  units_met: number;
  units_reported: number;
}

interface UnitRow {
  code: string;
  name: string;
  subtree_size: number;
}

/** The units alive on day ?3 (the period's last day): the period's tree. */
const ON_DAY = (alias: string) => `${alias}.valid_from <= ?3 AND ${alias}.valid_to > ?3`;

/**
 * ?1 unit ?2 period ?3 its last day: rows of the unit itself, then of each direct child in the
 * period's tree (joined, so no IN list).
 */
const selfAndChildren = (select: string, table: string, key: string, extra = "") => `
SELECT ${select} FROM ${table} t WHERE t.${key} = ?1 AND t.period = ?2 ${extra}
UNION ALL
SELECT ${select} FROM unit_versions u JOIN ${table} t ON t.${key} = u.code AND t.period = ?2
WHERE u.parent = ?1 AND ${ON_DAY("u")} ${extra}`;

/** A unit of the period's tree with its subtree size that day. ?3 the day. */
const UNIT_ON_DAY = `
SELECT u.code, u.name, IFNULL(z.size, 1) AS subtree_size FROM unit_versions u
LEFT JOIN unit_sizes z ON z.code = u.code AND ${ON_DAY("z")}`;

/**
 * Units below ?1 that are missing or late (first report after the period's deadline) for period ?2. Starts at the
 * children and goes down only where the counters say a subtree is incomplete or has a late unit.
 */
const WALK_MISSING_AND_LATE = `
WITH RECURSIVE walk (code, size, submitted, late, first) AS (
  SELECT u.code, IFNULL(z.size, 1), IFNULL(s.submitted, 0), IFNULL(s.late, 0), r.first_received_at
  FROM unit_versions u
  LEFT JOIN unit_sizes z ON z.code = u.code AND ${ON_DAY("z")}
  LEFT JOIN status_totals s ON s.ancestor = u.code AND s.period = ?2
  LEFT JOIN report_status r ON r.unit = u.code AND r.period = ?2
  WHERE u.parent = ?1 AND ${ON_DAY("u")}
  UNION ALL
  SELECT u.code, IFNULL(z.size, 1), IFNULL(s.submitted, 0), IFNULL(s.late, 0), r.first_received_at
  FROM walk w JOIN unit_versions u ON u.parent = w.code AND ${ON_DAY("u")}
  LEFT JOIN unit_sizes z ON z.code = u.code AND ${ON_DAY("z")}
  LEFT JOIN status_totals s ON s.ancestor = u.code AND s.period = ?2
  LEFT JOIN report_status r ON r.unit = u.code AND r.period = ?2
  WHERE w.submitted < w.size OR w.late > 0
)
SELECT code, first IS NULL AS missing FROM walk
WHERE first IS NULL OR ${lateSql("first", "(SELECT deadline FROM periods WHERE period = ?2)")}`;

export function figuresOf(catalog: Catalog, rows: readonly TotalsRow[]): SubtreeFigures {
  const inds = catalog.template.indicators;
  const sub: SubtreeFigures = {
    actual: new Array<number | undefined>(inds.length).fill(undefined),
    target: new Array<number | undefined>(inds.length).fill(undefined),
    grades: inds.map((ind) => (ind.kind === "grade" ? { XS: 0, T: 0, HT: 0, KHT: 0 } : undefined)),
    unitsMet: new Array<number>(inds.length).fill(0),
    unitsReported: new Array<number>(inds.length).fill(0),
    unitsWithTarget: new Array<number>(inds.length).fill(0),
    unitsWithActual: new Array<number>(inds.length).fill(0),
  };
  for (const row of rows) {
    const i = catalog.index.get(row.code);
    const ind = i === undefined ? undefined : inds[i];
    if (i === undefined || !ind) continue;
    // Added, not set: a renamed row's totals may sit under its former code and its new one.
    const plus = (a: number | undefined, b: number) => (a ?? 0) + b;
    if (ind.kind === "count" || ind.kind === "money") {
      if (row.actual_count > 0)
        sub.actual[i] = plus(sub.actual[i], storedSumInThousandths(ind.kind, row.actual_sum));
      if (row.target_count > 0)
        sub.target[i] = plus(sub.target[i], storedSumInThousandths(ind.kind, row.target_sum));
      sub.unitsWithTarget[i] = plus(sub.unitsWithTarget[i], row.target_count);
      sub.unitsWithActual[i] = plus(sub.unitsWithActual[i], row.actual_count);
    } else if (ind.kind === "grade") {
      const g = sub.grades[i] ?? { XS: 0, T: 0, HT: 0, KHT: 0 };
      const grades: Record<Grade, number> = {
        XS: g.XS + row.grade_xs,
        T: g.T + row.grade_t,
        HT: g.HT + row.grade_ht,
        KHT: g.KHT + row.grade_kht,
      };
      sub.grades[i] = grades;
    }
    sub.unitsMet[i] = plus(sub.unitsMet[i], row.units_met);
    sub.unitsReported[i] = plus(sub.unitsReported[i], row.units_reported);
  }
  return sub;
}

/** The only own figures a consolidation uses: the unit's ratio targets. */
export function ownOf(
  catalog: Catalog,
  targets: readonly { code: string; target_pct: number }[],
): OwnFigures {
  const n = catalog.template.indicators.length;
  const own: OwnFigures = {
    actual: new Array<number | undefined>(n).fill(undefined),
    target: new Array<number | undefined>(n).fill(undefined),
    grade: new Array<Grade | undefined>(n).fill(undefined),
  };
  for (const t of targets) {
    const i = catalog.index.get(t.code);
    if (i !== undefined) own.target[i] = t.target_pct;
  }
  return own;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The names of missing and late units and, when asked, one line per expected unit (issue 15). A second
 * read after the totals' batch: the detail may show a report that arrived in between, never a wrong
 * total. Without the detail it reads only the listed units' names (O(missing + late)).
 */
async function addReportingDetail(
  db: Db,
  reporting: ReportingStatus,
  where: { unit: string; period: string; deadline: string | null; detail: boolean },
): Promise<void> {
  const listed = [...reporting.missing, ...(reporting.lateUnits ?? [])];
  let names: UnitRef[] = [];
  if (where.detail) {
    reporting.units = await readReportingUnits(db, where.unit, where.period, where.deadline);
    names = reporting.units;
  } else if (listed.length > 0) {
    names = await readUnitNames(db, listed, where.period);
  }
  reporting.missingUnits = namedUnits(reporting.missing, names);
  reporting.lateUnitsNamed = namedUnits(reporting.lateUnits ?? [], names);
}

/** The rows of readConsolidation's one batch, statement by statement. */
type Read = [
  { deadline: string | null },
  UnitRow,
  UnitRow,
  TotalsRow,
  { unit: string; code: string; target_pct: number },
  { unit: string; first_received_at: string },
  { ancestor: string; submitted: number; late: number },
  { code: string; missing: number },
  { valid_from: string; valid_to: string },
];

/** The unit must exist (checked by the caller's scope check). */
export async function readConsolidation(
  db: Db,
  template: Template,
  unit: string,
  period: string,
  opts: { detail?: boolean } = {},
): Promise<Consolidation> {
  const day = periodLastDay(period);
  const [[p], [me], kids, totals, targets, reports, counters, below, [life]] = await db.batchRows<Read>([
    db.prepare("SELECT deadline FROM periods WHERE period = ?", period),
    db.prepare(`${UNIT_ON_DAY} WHERE u.code = ?1 AND ${ON_DAY("u")}`, unit, period, day),
    db.prepare(`${UNIT_ON_DAY} WHERE u.parent = ?1 AND ${ON_DAY("u")} ORDER BY u.code`, unit, period, day),
    db.prepare(selfAndChildren("t.*", "totals", "ancestor"), unit, period, day),
    db.prepare(
      selfAndChildren(
        "t.unit, t.code, t.target_pct",
        "current_values",
        "unit",
        "AND t.target_pct IS NOT NULL",
      ),
      unit,
      period,
      day,
    ),
    db.prepare(selfAndChildren("t.unit, t.first_received_at", "report_status", "unit"), unit, period, day),
    db.prepare(
      selfAndChildren("t.ancestor, t.submitted, t.late", "status_totals", "ancestor"),
      unit,
      period,
      day,
    ),
    db.prepare(WALK_MISSING_AND_LATE, unit, period, day),
    db.prepare("SELECT valid_from, valid_to FROM units WHERE code = ?", unit),
  ]);
  const deadline = p?.deadline ?? null;
  if (!me) {
    checkInPeriod(unit, period, {
      inTree: false,
      held: false,
      from: life?.valid_from ?? null,
      to: life?.valid_to ?? null,
    });
    throw new Error(`consolidation: unit ${unit} vanished`);
  }
  const catalog = catalogOf(template);
  const totalsBy = groupBy(totals, (r) => r.ancestor);
  const targetsBy = groupBy(targets, (r) => r.unit);
  const reported = new Map(reports.map((r) => [r.unit, r.first_received_at]));
  const counter = new Map(counters.map((r) => [r.ancestor, r]));
  const totalsOf = (code: string) =>
    indicatorTotals(
      catalog,
      figuresOf(catalog, totalsBy.get(code) ?? []),
      ownOf(catalog, targetsBy.get(code) ?? []),
    );

  // Reporting over units strictly below: the subtree's counters minus the unit's own report.
  const own = reported.get(unit);
  const ownLate = own !== undefined && isLate(own, deadline) ? 1 : 0;
  const lateUnits = below
    .filter((r) => !r.missing)
    .map((r) => r.code)
    .sort(byCode);
  const reporting: ReportingStatus = {
    expected: me.subtree_size - 1,
    submitted: (counter.get(unit)?.submitted ?? 0) - (own === undefined ? 0 : 1),
    late: (counter.get(unit)?.late ?? 0) - ownLate,
    missing: below
      .filter((r) => r.missing)
      .map((r) => r.code)
      .sort(byCode),
    lateUnits,
  };
  await addReportingDetail(db, reporting, { unit, period, deadline, detail: opts.detail === true });

  const indicators = totalsOf(unit);
  return {
    unit: me.code,
    name: me.name,
    period,
    template: template.id,
    indicators,
    children: kids.map((k) => ({
      unit: k.code,
      name: k.name,
      indicators: totalsOf(k.code),
      submitted: reported.has(k.code),
    })),
    reporting,
    summary: summarizeTargets(indicators),
  };
}
