// Recomputation from the audit trail: replays every revision of a period (append-only `submissions`) in
// revision order into fresh current values, consolidates them with shared/consolidation (the same oracle
// the tests hold the SQL totals to), and compares both with what is stored. With `fix`, rewrites the
// period's current values and report status from the replay and rebuilds every derived table.
//
// The replay applies a revision as the submission batch did (submission-batch.ts): replace keeps exactly
// the non-empty rows sent; merge deletes the rows sent empty and upserts the others.
import type {
  Consolidation,
  IndicatorTotal,
  ParsedSubmission,
  RecomputeAnswer,
  RecomputeDifference,
} from "../../shared/api/schemas.ts";
import {
  type ConsolidationInput,
  type CurrentReport,
  consolidate,
} from "../../shared/consolidation/consolidate.ts";
import { type Catalog, catalogOf, indicatorTotals } from "../../shared/consolidation/figures.ts";
import { isLate } from "../../shared/consolidation/late.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import { DEFAULT_TEMPLATE_ID, getTemplate } from "../../shared/template/registry.ts";
import type { Template } from "../../shared/template/types.ts";
import {
  decodeRow,
  encodeRow,
  fromStored,
  isEmptyRow,
  perUnitThresholds,
  STORED_COLUMNS,
  type StoredRow,
  storedSumInThousandths,
} from "./codec.ts";
import { figuresOf, ownOf, type TotalsRow } from "./consolidation.ts";
import type { Db } from "./db.ts";
import { rebuildStatements } from "./rebuild.ts";
import { readTemplate, submissionVersionSql } from "./templates.ts";

const LISTED = 1000;
/** Rows per INSERT statement when rewriting: keeps each bound JSON parameter far below D1's limits. */
const CHUNK = 500;

type Scalar = string | number | boolean | null;

interface UnitRow {
  code: string;
  name: string;
  parent: string | null;
}

interface RevisionRow {
  unit: string;
  revision: number;
  template: string;
  /** The version the revision was checked with; null when its template is not in D1. */
  template_version: number | null;
  mode: "replace" | "merge";
  body: string;
  received_at: string;
}

interface StatusRow {
  unit: string;
  current_revision: number;
  template: string;
  first_received_at: string;
  received_at: string;
}

interface StoredValue extends StoredRow {
  unit: string;
}

/** What the replay says a unit's state for the period is. */
interface Replayed {
  rows: Map<string, StoredRow>;
  status: Omit<StatusRow, "unit">;
  revisions: number[];
}

interface PeriodState {
  /** The tree of the period (its last day): the units its consolidation counts. */
  units: UnitRow[];
  /** Every unit code ever stored: a report of a unit outside the period's tree is kept, not counted. */
  codes: Set<string>;
  deadline: string | null;
  revisions: RevisionRow[];
  values: StoredValue[];
  statuses: StatusRow[];
  totals: TotalsRow[];
  counters: { ancestor: string; submitted: number; late: number }[];
  /** The newest revision id of the period when read: the fix refuses to run if it moved. */
  lastId: number;
}

async function readPeriodState(db: Db, period: string): Promise<PeriodState> {
  const [units, codes, [deadline], revisions, values, statuses, totals, counters, [lastId]] =
    await db.batchRows<
      [
        UnitRow,
        { code: string },
        { deadline: string | null },
        RevisionRow,
        StoredValue,
        StatusRow,
        TotalsRow,
        { ancestor: string; submitted: number; late: number },
        { id: number },
      ]
    >([
      db.prepare(
        "SELECT code, name, parent FROM unit_versions WHERE valid_from <= ?1 AND valid_to > ?1",
        periodLastDay(period),
      ),
      db.prepare("SELECT code FROM units"),
      db.prepare("SELECT deadline FROM periods WHERE period = ?", period),
      db.prepare(
        `SELECT s.unit, s.revision, s.template, ${submissionVersionSql("s")} AS template_version, s.mode, s.body,
         s.received_at
       FROM submissions s WHERE s.period = ? ORDER BY s.unit, s.revision, s.id`,
        period,
      ),
      db.prepare(`SELECT unit, ${STORED_COLUMNS} FROM current_values WHERE period = ?`, period),
      db.prepare(
        "SELECT unit, current_revision, template, first_received_at, received_at FROM report_status WHERE period = ?",
        period,
      ),
      db.prepare("SELECT * FROM totals WHERE period = ?", period),
      db.prepare("SELECT ancestor, submitted, late FROM status_totals WHERE period = ?", period),
      db.prepare("SELECT IFNULL(MAX(id), 0) AS id FROM submissions WHERE period = ?", period),
    ]);
  return {
    units,
    codes: new Set(codes.map((u) => u.code)),
    deadline: deadline?.deadline ?? null,
    revisions,
    values,
    statuses,
    totals,
    counters,
    lastId: lastId?.id ?? 0,
  };
}

/** A revision's template and version, as the key of `templatesOf`'s map. */
const versionKey = (r: Pick<RevisionRow, "template" | "template_version">) =>
  `${r.template}@${r.template_version ?? "built-in"}`;

/**
 * The template versions a period's revisions were checked with, from D1 (a template D1 does not hold:
 * its built-in), newest version first; the default template's latest when there are no revisions.
 */
async function templatesOf(db: Db, revisions: readonly RevisionRow[]): Promise<Map<string, Template>> {
  const used = new Map(revisions.map((r) => [versionKey(r), r]));
  if (used.size === 0) {
    const latest = (await readTemplate(db, DEFAULT_TEMPLATE_ID)) ?? getTemplate(DEFAULT_TEMPLATE_ID);
    return new Map(latest ? [[DEFAULT_TEMPLATE_ID, latest]] : []);
  }
  const newestFirst = [...used.values()].sort(
    (x, y) => (y.template_version ?? 0) - (x.template_version ?? 0),
  );
  const out = new Map<string, Template>();
  for (const r of newestFirst) {
    const version = r.template_version ?? undefined;
    const template =
      (version === undefined ? undefined : await readTemplate(db, r.template, version)) ??
      getTemplate(r.template);
    if (template) out.set(versionKey(r), template);
  }
  return out;
}

function replay(revisions: readonly RevisionRow[], templates: Map<string, Template>): Map<string, Replayed> {
  const out = new Map<string, Replayed>();
  for (const r of revisions) {
    const body = JSON.parse(r.body) as ParsedSubmission;
    // Encoded with the very version the revision was checked with, as the submission batch did.
    const template = templates.get(versionKey(r));
    if (!template)
      throw new Error(`recompute: revision ${r.revision} of ${r.unit} names template ${versionKey(r)}`);
    const sent = body.rows.map((row) => encodeRow(template, row));
    let unit = out.get(r.unit);
    if (!unit) {
      const status = {
        current_revision: 0,
        template: r.template,
        first_received_at: r.received_at,
        received_at: "",
      };
      unit = { rows: new Map(), status, revisions: [] };
      out.set(r.unit, unit);
    }
    if (r.mode === "replace") unit.rows = new Map();
    for (const row of sent) {
      if (isEmptyRow(row)) unit.rows.delete(row.c);
      else unit.rows.set(row.c, row);
    }
    unit.revisions.push(r.revision);
    unit.status = {
      ...unit.status,
      current_revision: r.revision,
      template: r.template,
      received_at: r.received_at,
    };
  }
  return out;
}

/** An IndicatorTotal as field → value ("grades.XS", "unitsMet"), for a field-by-field comparison. */
function flatten(t: IndicatorTotal | undefined): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  if (!t) return out;
  for (const [k, v] of Object.entries(t)) {
    if (k === "code" || k === "kind" || v === undefined) continue;
    if (typeof v === "object" && v !== null) {
      for (const [g, n] of Object.entries(v)) out.set(`${k}.${g}`, n as Scalar);
    } else out.set(k, v as Scalar);
  }
  return out;
}

const FIELDS: [keyof StoredRow, string][] = [
  ["t", "target"],
  ["a", "actual"],
  ["p", "target_pct"],
  ["g", "grade"],
  ["n", "note"],
];

/** Revision numbers of each unit: 1, 2, 3… without a gap (never rewritten, only named). */
function compareRevisions(period: string, replayed: Map<string, Replayed>): RecomputeDifference[] {
  const diffs: RecomputeDifference[] = [];
  for (const [unit, r] of replayed) {
    const expected = r.revisions.map((_, i) => i + 1);
    if (r.revisions.join() !== expected.join()) {
      diffs.push({
        period,
        unit,
        what: "revisions",
        field: "revision",
        stored: r.revisions.join(","),
        expected: expected.join(","),
      });
    }
  }
  return diffs;
}

/** Current values, row by row and field by field. */
function compareCurrentValues(
  period: string,
  state: PeriodState,
  replayed: Map<string, Replayed>,
): RecomputeDifference[] {
  const diffs: RecomputeDifference[] = [];
  const stored = new Map<string, StoredRow>();
  for (const v of state.values) stored.set(`${v.unit}\u0000${v.c}`, v);
  const keys = new Set(stored.keys());
  for (const [unit, r] of replayed) for (const code of r.rows.keys()) keys.add(`${unit}\u0000${code}`);
  for (const key of [...keys].sort()) {
    const [unit = "", code = ""] = key.split("\u0000");
    const s = stored.get(key);
    const e = replayed.get(unit)?.rows.get(code);
    for (const [col, field] of FIELDS) {
      const sv = s?.[col] ?? null;
      const ev = e?.[col] ?? null;
      if (sv !== ev)
        diffs.push({ period, unit, what: "current_value", code, field, stored: sv, expected: ev });
    }
  }
  return diffs;
}

/** Report status: current revision, template and times. */
function compareStatuses(
  period: string,
  state: PeriodState,
  replayed: Map<string, Replayed>,
): RecomputeDifference[] {
  const diffs: RecomputeDifference[] = [];
  const statuses = new Map(state.statuses.map((s) => [s.unit, s]));
  const units = new Set([...statuses.keys(), ...replayed.keys()]);
  for (const unit of [...units].sort()) {
    const s = statuses.get(unit);
    const e = replayed.get(unit)?.status;
    for (const field of ["current_revision", "template", "first_received_at", "received_at"] as const) {
      const sv = s?.[field] ?? null;
      const ev = e?.[field] ?? null;
      if (sv !== ev) diffs.push({ period, unit, what: "report_status", field, stored: sv, expected: ev });
    }
  }
  return diffs;
}

/** One unit's stored totals (as GET /v1/consolidation answers them) against the oracle's, field by field. */
function compareIndicators(
  period: string,
  unit: string,
  have: readonly IndicatorTotal[],
  want: Consolidation | undefined,
  compared: Set<string>,
): RecomputeDifference[] {
  const diffs: RecomputeDifference[] = [];
  const wantBy = new Map((want?.indicators ?? []).map((t) => [t.code, t]));
  for (const h of have) {
    if (compared.has(`${unit}\u0000${h.code}`)) continue;
    compared.add(`${unit}\u0000${h.code}`);
    const hf = flatten(h);
    const wf = flatten(wantBy.get(h.code));
    for (const field of new Set([...hf.keys(), ...wf.keys()])) {
      const sv = hf.get(field) ?? null;
      const ev = wf.get(field) ?? null;
      if (sv !== ev)
        diffs.push({ period, unit, what: "total", code: h.code, field, stored: sv, expected: ev });
    }
  }
  return diffs;
}

/** Reporting below the unit: the subtree's stored counters less the unit's own report, against the oracle's. */
function compareReporting(
  period: string,
  unit: string,
  stored: {
    own: StatusRow | undefined;
    counter: PeriodState["counters"][number] | undefined;
    deadline: string | null;
  },
  want: Consolidation | undefined,
): RecomputeDifference[] {
  const { own, counter: c } = stored;
  const ownLate = own && isLate(own.first_received_at, stored.deadline) ? 1 : 0;
  const counts = { submitted: (c?.submitted ?? 0) - (own ? 1 : 0), late: (c?.late ?? 0) - ownLate };
  return (["submitted", "late"] as const).flatMap((field): RecomputeDifference[] => {
    const expected = want?.reporting[field] ?? 0;
    return counts[field] === expected
      ? []
      : [{ period, unit, what: "reporting", field, stored: counts[field], expected }];
  });
}

/**
 * Consolidated figures as the API answers them: the stored totals through the same shared functions
 * GET /v1/consolidation uses, against shared/consolidation over the replayed current values, once per
 * template version the period's revisions used (a code two of them share is compared once, the
 * reporting counters once per unit).
 */
function compareTotals(
  period: string,
  state: PeriodState,
  replayed: Map<string, Replayed>,
  templates: Map<string, Template>,
): RecomputeDifference[] {
  const diffs: RecomputeDifference[] = [];
  const known = new Set(state.units.map((u) => u.code));
  const totalsBy = groupBy(state.totals, (t) => t.ancestor);
  const storedTargets = groupBy(
    state.values.filter((v) => v.p !== null),
    (v) => v.unit,
  );
  const statuses = new Map(state.statuses.map((s) => [s.unit, s]));
  const counters = new Map(state.counters.map((c) => [c.ancestor, c]));
  const compared = new Set<string>();
  const reportingCompared = new Set<string>();
  for (const template of templates.values()) {
    const catalog = catalogOf(template);
    const reports: CurrentReport[] = [...replayed]
      .filter(([unit]) => known.has(unit))
      .map(([unit, r]) => ({
        unit,
        rows: [...r.rows.values()].map((row) => decodeRow(template, row)),
        firstReceivedAt: r.status.first_received_at,
        receivedAt: r.status.received_at,
      }));
    const input = { template, units: state.units, reports, period, deadline: state.deadline };
    const expected = consolidateOrReport(input, catalog, state, diffs);
    if (expected === undefined) continue;
    for (const unit of state.units.map((u) => u.code).sort()) {
      const targets = (storedTargets.get(unit) ?? []).map((v) => ({ code: v.c, target_pct: v.p as number }));
      const have = indicatorTotals(
        catalog,
        figuresOf(catalog, totalsBy.get(unit) ?? []),
        ownOf(catalog, targets),
      );
      const want = expected.get(unit);
      diffs.push(...compareIndicators(period, unit, have, want, compared));
      if (reportingCompared.has(unit)) continue;
      reportingCompared.add(unit);
      const stored = { own: statuses.get(unit), counter: counters.get(unit), deadline: state.deadline };
      diffs.push(...compareReporting(period, unit, stored, want));
    }
  }
  return diffs;
}

function compare(
  period: string,
  state: PeriodState,
  replayed: Map<string, Replayed>,
  templates: Map<string, Template>,
): RecomputeDifference[] {
  return [
    ...compareRevisions(period, replayed),
    ...compareCurrentValues(period, state, replayed),
    ...compareStatuses(period, state, replayed),
    ...compareTotals(period, state, replayed, templates),
  ];
}

/**
 * The oracle's totals, or undefined after adding a difference for each stored total past exact range:
 * the oracle refuses to sum beyond 2^53 thousandths (math.ts), which revisions stored before today's
 * limits (shared/api/limits.ts) can reach. A problem of the period, never a failed recomputation.
 */
function consolidateOrReport(
  input: ConsolidationInput,
  catalog: Catalog,
  state: PeriodState,
  diffs: RecomputeDifference[],
): Map<string, Consolidation> | undefined {
  try {
    return consolidate(input);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const found: RecomputeDifference[] = [];
    const add = (unit: string, field: "target" | "actual", stored: number | null, code?: string) =>
      found.push({ period: input.period, unit, what: "total", code, field, stored, expected: e.message });
    for (const t of state.totals) {
      const ind = catalog.template.indicators[catalog.index.get(t.code) ?? -1];
      if (ind?.kind !== "count" && ind?.kind !== "money") continue;
      if (!Number.isSafeInteger(storedSumInThousandths(ind.kind, t.target_sum))) {
        add(t.ancestor, "target", fromStored(ind.kind, t.target_sum), t.code);
      }
      if (!Number.isSafeInteger(storedSumInThousandths(ind.kind, t.actual_sum))) {
        add(t.ancestor, "actual", fromStored(ind.kind, t.actual_sum), t.code);
      }
    }
    // Stored totals within range while the revisions are not: say so on each root.
    if (found.length === 0) for (const u of input.units) if (u.parent === null) add(u.code, "actual", null);
    diffs.push(...found);
    return undefined;
  }
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Fails the batch (tree_version's CHECK) if a revision of the period arrived after the read the replay
 * came from; otherwise writes nothing. ?1 period ?2 last id read.
 */
const GUARD = `
UPDATE tree_version SET version = CASE
  WHEN (SELECT IFNULL(MAX(id), 0) FROM submissions WHERE period = ?1) = ?2 THEN version ELSE -1 END
WHERE id = 1`;

const INSERT_VALUES = `
INSERT INTO current_values (unit, period, code, target, actual, target_pct, grade, note)
SELECT json_extract(value, '$.unit'), ?1, json_extract(value, '$.c'), json_extract(value, '$.t'),
  json_extract(value, '$.a'), json_extract(value, '$.p'), json_extract(value, '$.g'), json_extract(value, '$.n')
FROM json_each(?2)`;

const INSERT_STATUS = `
INSERT INTO report_status (unit, period, current_revision, template, first_received_at, received_at)
SELECT json_extract(value, '$.unit'), ?1, json_extract(value, '$.current_revision'),
  json_extract(value, '$.template'), json_extract(value, '$.first_received_at'), json_extract(value, '$.received_at')
FROM json_each(?2)`;

/** The period's current values and report status from the replay, in one transaction. */
async function rewritePeriod(db: Db, period: string, state: PeriodState, replayed: Map<string, Replayed>) {
  const known = state.codes;
  const values: StoredValue[] = [];
  const statuses: StatusRow[] = [];
  for (const [unit, r] of replayed) {
    if (!known.has(unit)) continue;
    for (const row of r.rows.values()) values.push({ unit, ...row });
    statuses.push({ unit, ...r.status });
  }
  await db.batch([
    db.prepare(GUARD, period, state.lastId),
    db.prepare("DELETE FROM current_values WHERE period = ?", period),
    ...chunks(values).map((c) => db.prepare(INSERT_VALUES, period, JSON.stringify(c))),
    db.prepare("DELETE FROM report_status WHERE period = ?", period),
    ...chunks(statuses).map((c) => db.prepare(INSERT_STATUS, period, JSON.stringify(c))),
  ]);
}

async function periodsToCheck(db: Db, period: string | undefined): Promise<string[]> {
  if (period !== undefined) return [period];
  const rows = await db.all<{ period: string }>(
    `SELECT period FROM submissions UNION SELECT period FROM current_values UNION SELECT period FROM totals
     UNION SELECT period FROM report_status UNION SELECT period FROM status_totals ORDER BY period`,
  );
  return rows.map((r) => r.period);
}

async function check(db: Db, periods: readonly string[]) {
  const found: {
    period: string;
    state: PeriodState;
    replayed: Map<string, Replayed>;
    diffs: RecomputeDifference[];
  }[] = [];
  for (const period of periods) {
    const state = await readPeriodState(db, period);
    const templates = await templatesOf(db, state.revisions);
    const replayed = replay(state.revisions, templates);
    found.push({ period, state, replayed, diffs: compare(period, state, replayed, templates) });
  }
  return found;
}

export async function recompute(db: Db, opts: { period?: string; fix: boolean }): Promise<RecomputeAnswer> {
  const periods = await periodsToCheck(db, opts.period);
  let found = await check(db, periods);
  const differences = found.flatMap((f) => f.diffs);
  const answer: RecomputeAnswer = {
    periods,
    units: found[0]?.state.units.length ?? (await db.all("SELECT code FROM units")).length,
    revisions: found.reduce((n, f) => n + f.state.revisions.length, 0),
    differences: differences.slice(0, LISTED),
    differenceCount: differences.length,
    fixed: false,
  };
  if (!opts.fix || differences.length === 0) return answer;

  for (let attempt = 0; ; attempt++) {
    try {
      for (const f of found) await rewritePeriod(db, f.period, f.state, f.replayed);
      break;
    } catch (e) {
      // A submission landed since the read: replay again from the newer trail.
      if (attempt >= 3 || !String(e).includes("tree_changed")) throw e;
      found = await check(db, periods);
    }
  }
  // Totals, reporting counters, the closure and subtree sizes: all derived, rebuilt in one batch from
  // the tree and the (now replayed) current values.
  await db.batch(rebuildStatements(db, perUnitThresholds(), periods));
  const after = await check(db, periods);
  return { ...answer, fixed: true, remaining: after.reduce((n, f) => n + f.diffs.length, 0) };
}
