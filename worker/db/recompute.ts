// Recomputation from the audit trail: replays every revision of a period (append-only `submissions`) in
// revision order into fresh current values, consolidates them with shared/consolidation (the same oracle
// the tests hold the SQL totals to), and compares both with what is stored. With `fix`, rewrites the
// period's current values and report status from the replay and rebuilds every derived table.
//
// The replay applies a revision as the submission batch did (submission-batch.ts): replace keeps exactly
// the non-empty rows sent; merge deletes the rows sent empty and upserts the others.
import type { ParsedSubmission, RecomputeAnswer, RecomputeDifference } from "../../shared/api/schemas.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import { DEFAULT_TEMPLATE_ID, getTemplate } from "../../shared/template/registry.ts";
import type { Template } from "../../shared/template/types.ts";
import { encodeRow, isEmptyRow, perUnitThresholds, STORED_COLUMNS } from "./codec.ts";
import type { TotalsRow } from "./consolidation.ts";
import type { Db } from "./db.ts";
import { rebuildStatements } from "./rebuild.ts";
import {
  compare,
  type PeriodState,
  type Replayed,
  type RevisionRow,
  type StatusRow,
  type StoredValue,
  type UnitRow,
} from "./recompute-compare.ts";
import { readTemplate, submissionVersionSql } from "./templates.ts";

const LISTED = 1000;
/** Rows per INSERT statement when rewriting: keeps each bound JSON parameter far below D1's limits. */
const CHUNK = 500;

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
