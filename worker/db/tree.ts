// The dated tree in D1: reading its versions and events, and writing what shared/tree decided as a
// diff (versions, closure ranges, sizes, units' latest row) plus a rebuild of the totals of exactly the
// (period, ancestor) pairs whose subtree changed. All statements go into the caller's one batch.

import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import type { UnitEvent } from "../../shared/tree/changes.ts";
import {
  changedSubtrees,
  closureRows,
  FOREVER,
  sizeRows,
  type UnitVersion,
} from "../../shared/tree/dated.ts";
import { ApiFailure } from "../http/errors.ts";
import type { Db } from "./db.ts";
import { lateSql } from "./late.ts";
import { FORGET_FROM_DAY } from "./restated-sql.ts";
import { HOLDS_A_FIGURE, INSERT_TOTALS, totalsAggregate } from "./totals-sql.ts";

export const VERSIONS = `SELECT code, name, parent, kind, valid_from AS "from", valid_to AS "to" FROM unit_versions`;
export const EVENTS = "SELECT effective, type, unit, other FROM unit_events ORDER BY id";
/** Periods with reports (each report counts in its root's reporting counters), and locked ones. */
export const PERIODS = `
SELECT DISTINCT s.period AS period, IFNULL(p.locked, 0) AS locked FROM status_totals s
JOIN unit_versions v ON v.code = s.ancestor AND v.parent IS NULL
LEFT JOIN periods p ON p.period = s.period
UNION SELECT period, 1 FROM periods WHERE locked = 1`;

export interface PeriodRow {
  period: string;
  locked: number;
}

/** JSON parameters stay under D1's 2 MB value limit. */
const CHUNK = 2000;

function chunked<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

function diff<T>(before: readonly T[], after: readonly T[], key: (t: T) => string) {
  const old = new Map(before.map((r) => [key(r), JSON.stringify(r)]));
  const now = new Map(after.map((r) => [key(r), JSON.stringify(r)]));
  return {
    gone: before.filter((r) => !now.has(key(r))),
    upsert: after.filter((r) => old.get(key(r)) !== now.get(key(r))),
  };
}

const DELETE_VERSIONS = `DELETE FROM unit_versions WHERE (code, valid_from) IN
  (SELECT json_extract(value, '$.code'), json_extract(value, '$.from') FROM json_each(?1))`;
const UPSERT_VERSIONS = `
INSERT INTO unit_versions (code, valid_from, valid_to, name, parent, kind)
SELECT json_extract(value, '$.code'), json_extract(value, '$.from'), json_extract(value, '$.to'),
  json_extract(value, '$.name'), json_extract(value, '$.parent'), json_extract(value, '$.kind')
FROM json_each(?1) WHERE true
ON CONFLICT (code, valid_from) DO UPDATE SET valid_to = excluded.valid_to, name = excluded.name,
  parent = excluded.parent, kind = excluded.kind`;
const DELETE_CLOSURE = `DELETE FROM unit_ancestors WHERE (ancestor, descendant, valid_from) IN
  (SELECT json_extract(value, '$.ancestor'), json_extract(value, '$.descendant'), json_extract(value, '$.from')
   FROM json_each(?1))`;
const UPSERT_CLOSURE = `
INSERT INTO unit_ancestors (ancestor, descendant, depth, valid_from, valid_to)
SELECT json_extract(value, '$.ancestor'), json_extract(value, '$.descendant'), json_extract(value, '$.depth'),
  json_extract(value, '$.from'), json_extract(value, '$.to')
FROM json_each(?1) WHERE true
ON CONFLICT (ancestor, descendant, valid_from) DO UPDATE SET depth = excluded.depth, valid_to = excluded.valid_to`;
const DELETE_SIZES = `DELETE FROM unit_sizes WHERE (code, valid_from) IN
  (SELECT json_extract(value, '$.code'), json_extract(value, '$.from') FROM json_each(?1))`;
const UPSERT_SIZES = `
INSERT INTO unit_sizes (code, valid_from, valid_to, size)
SELECT json_extract(value, '$.code'), json_extract(value, '$.from'), json_extract(value, '$.to'),
  json_extract(value, '$.size')
FROM json_each(?1) WHERE true
ON CONFLICT (code, valid_from) DO UPDATE SET valid_to = excluded.valid_to, size = excluded.size`;
/** One row per code: its latest version and its life. Parents first (the foreign key). */
const UPSERT_UNITS = `
INSERT INTO units (code, name, parent, kind, subtree_size, valid_from, valid_to)
SELECT json_extract(value, '$.code'), json_extract(value, '$.name'), json_extract(value, '$.parent'),
  json_extract(value, '$.kind'), json_extract(value, '$.size'), json_extract(value, '$.from'),
  json_extract(value, '$.to')
FROM json_each(?1) WHERE true
ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent, kind = excluded.kind,
  subtree_size = excluded.subtree_size, valid_from = excluded.valid_from, valid_to = excluded.valid_to`;

/** ?1: [{p: period, d: its last day, a: ancestor}]: the pairs whose subtree changed. */
const TARGETS = `SELECT json_extract(value, '$.p') AS p, json_extract(value, '$.d') AS d,
  json_extract(value, '$.a') AS a FROM json_each(?1)`;
const DELETE_TOTALS = `DELETE FROM totals WHERE (ancestor, period) IN (SELECT a, p FROM (${TARGETS}))`;
const DELETE_STATUS = `DELETE FROM status_totals WHERE (ancestor, period) IN (SELECT a, p FROM (${TARGETS}))`;
/** ?2: per-unit targets by code (codec.perUnitThresholds). */
const REBUILD_TOTALS = `
${INSERT_TOTALS}
SELECT t.a, t.p, cv.code, ${totalsAggregate("x")}
FROM (${TARGETS}) t
JOIN unit_ancestors x ON x.ancestor = t.a AND x.valid_from <= t.d AND x.valid_to > t.d
JOIN current_values cv ON cv.unit = x.descendant AND cv.period = t.p
WHERE ${HOLDS_A_FIGURE}
GROUP BY t.a, t.p, cv.code`;
const REBUILD_STATUS = `
INSERT INTO status_totals (ancestor, period, submitted, late)
SELECT t.a, t.p, COUNT(*), SUM(${lateSql("r.first_received_at", "pr.deadline")})
FROM (${TARGETS}) t
JOIN unit_ancestors x ON x.ancestor = t.a AND x.valid_from <= t.d AND x.valid_to > t.d
JOIN report_status r ON r.unit = x.descendant AND r.period = t.p
LEFT JOIN periods pr ON pr.period = t.p
WHERE true
GROUP BY t.a, t.p`;

export interface RebuildTarget {
  p: string;
  d: string;
  a: string;
}

/**
 * The (period, ancestor) pairs whose subtree differs between the two trees, for periods with
 * reports. Units new in `after` have no reports yet, so their arrival alone rebuilds nothing.
 */
export function rebuildTargets(
  before: readonly UnitVersion[],
  after: readonly UnitVersion[],
  periods: readonly string[],
): { targets: RebuildTarget[]; periods: string[] } {
  const known = new Set(before.map((v) => v.code));
  const fresh = new Set(after.filter((v) => !known.has(v.code)).map((v) => v.code));
  const targets: RebuildTarget[] = [];
  const touched = new Set<string>();
  for (const p of periods) {
    const d = periodLastDay(p);
    for (const a of changedSubtrees(before, after, d, fresh)) {
      targets.push({ p, d, a });
      touched.add(p);
    }
  }
  return { targets, periods: [...touched].sort() };
}

/** The latest version of each code, with its life and latest subtree size. */
function latestRows(versions: readonly UnitVersion[], sizes: Map<string, number>) {
  const latest = new Map<string, UnitVersion & { first: string }>();
  for (const v of versions) {
    const was = latest.get(v.code);
    if (!was) latest.set(v.code, { ...v, first: v.from });
    else
      latest.set(v.code, {
        ...(v.from > was.from ? v : was),
        first: v.from < was.first ? v.from : was.first,
      });
  }
  return [...latest.values()].map((v) => ({
    code: v.code,
    name: v.name,
    parent: v.parent,
    kind: v.kind,
    from: v.first,
    to: v.to,
    size: sizes.get(v.code) ?? 1,
  }));
}

/** Parents before children, so the units table's foreign key holds row by row. */
function parentsFirst<T extends { code: string; parent: string | null }>(rows: readonly T[]): T[] {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const out: T[] = [];
  const done = new Set<string>();
  const visit = (r: T, guard: number) => {
    if (done.has(r.code) || guard > 10000) return;
    const parent = r.parent === null ? undefined : byCode.get(r.parent);
    if (parent) visit(parent, guard + 1);
    if (!done.has(r.code)) {
      done.add(r.code);
      out.push(r);
    }
  };
  for (const r of rows) visit(r, 0);
  return out;
}

/** Statements that store `after` in place of `before` and rebuild `targets`. */
export function treeWriteStatements(
  db: Db,
  before: readonly UnitVersion[],
  after: readonly UnitVersion[],
  targets: readonly RebuildTarget[],
  thresholds: string,
): D1PreparedStatement[] {
  const out: D1PreparedStatement[] = [];
  const each = <T>(sql: string, rows: readonly T[]) => {
    for (const part of chunked(rows)) out.push(db.prepare(sql, JSON.stringify(part)));
  };
  const v = diff(before, after, (r) => `${r.code}\u0000${r.from}`);
  const oldSizes = sizeRows(before);
  const newSizes = sizeRows(after);
  const c = diff(
    closureRows(before),
    closureRows(after),
    (r) => `${r.ancestor}\u0000${r.descendant}\u0000${r.from}`,
  );
  const s = diff(oldSizes, newSizes, (r) => `${r.code}\u0000${r.from}`);
  const latestSize = new Map(newSizes.filter((r) => r.to === FOREVER).map((r) => [r.code, r.size]));
  const u = diff(latestRows(before, new Map()), latestRows(after, latestSize), (r) => r.code);
  each(UPSERT_UNITS, parentsFirst(u.upsert));
  each(DELETE_VERSIONS, v.gone);
  each(UPSERT_VERSIONS, v.upsert);
  each(DELETE_CLOSURE, c.gone);
  each(UPSERT_CLOSURE, c.upsert);
  each(DELETE_SIZES, s.gone);
  each(UPSERT_SIZES, s.upsert);
  if (targets.length > 0) {
    for (const part of chunked(targets)) {
      const json = JSON.stringify(part);
      out.push(db.prepare(DELETE_TOTALS, json), db.prepare(REBUILD_TOTALS, json, thresholds));
      out.push(db.prepare(DELETE_STATUS, json), db.prepare(REBUILD_STATUS, json));
    }
  }
  return out;
}

/** Events of one change set, appended. */
export function eventStatements(
  db: Db,
  changeSet: string,
  events: readonly UnitEvent[],
): D1PreparedStatement[] {
  return chunked(events).map((part) =>
    db.prepare(
      `INSERT INTO unit_events (change_set, effective, type, unit, other)
       SELECT ?1, json_extract(value, '$.effective'), json_extract(value, '$.type'),
         json_extract(value, '$.unit'), json_extract(value, '$.other') FROM json_each(?2)`,
      changeSet,
      JSON.stringify(part),
    ),
  );
}

/** Bumps the tree's version only if it is still `expected`: a concurrent tree change fails the batch. */
export function guardTreeVersion(db: Db, expected: number): D1PreparedStatement {
  return db.prepare(
    "UPDATE tree_version SET version = CASE WHEN version = ?1 THEN version + 1 ELSE -1 END WHERE id = 1",
    expected,
  );
}

export interface TreeState {
  version: number;
  versions: UnitVersion[];
  events: UnitEvent[];
  periods: PeriodRow[];
  /** The last submission's id when read: a later one for a period not in `periods` is not rebuilt. */
  lastSubmission: number;
}

/** One round trip: everything a tree change plans against. */
export async function readTreeState(db: Db): Promise<TreeState> {
  const [[head], versions, events, periods] = await db.batchRows<
    [{ version: number; lastSubmission: number }, UnitVersion, UnitEvent, PeriodRow]
  >([
    db.prepare(
      "SELECT version, (SELECT IFNULL(MAX(id), 0) FROM submissions) AS lastSubmission FROM tree_version WHERE id = 1",
    ),
    db.prepare(VERSIONS),
    db.prepare(EVENTS),
    db.prepare(PERIODS),
  ]);
  return {
    lastSubmission: head?.lastSubmission ?? 0,
    version: head?.version ?? 0,
    versions,
    events,
    periods,
  };
}

/** What a tree change rebuilds, or the locked periods it would alter. */
export interface TreeWritePlan {
  statements: D1PreparedStatement[];
  periodsRebuilt: string[];
  locked: string[];
}

/**
 * Plans storing `after`: periods whose last day is before `effective` are not even looked at (their
 * tree is unchanged by construction); of the others, those whose subtrees change are rebuilt, and a
 * locked one refuses the change.
 */
export function planTreeWrite(
  db: Db,
  state: TreeState,
  after: readonly UnitVersion[],
  effective: string,
  thresholds: string,
): TreeWritePlan {
  const later = state.periods.filter((p) => periodLastDay(p.period) >= effective);
  const { targets, periods } = rebuildTargets(state.versions, after, [
    ...new Set(later.map((p) => p.period)),
  ]);
  const touched = new Set(periods);
  const locked = later.filter((p) => p.locked === 1 && touched.has(p.period)).map((p) => p.period);
  const statements = [
    guardTreeVersion(db, state.version),
    // A period locked after our read fails the batch by name (unit_guard's tree_period_locked).
    db.prepare(
      "INSERT INTO unit_guard (ok) SELECT 2 FROM periods WHERE locked = 1 AND period IN (SELECT value FROM json_each(?1))",
      JSON.stringify(periods),
    ),
    // A first report for a period that held none when we read (so it is not rebuilt) landed meanwhile,
    // its totals added on the old tree: fail by name (tree_changed) and plan again.
    db.prepare(
      `UPDATE tree_version SET version = -1 WHERE id = 1 AND EXISTS (SELECT 1 FROM submissions
       WHERE id > ?1 AND period NOT IN (SELECT value FROM json_each(?2)))`,
      state.lastSubmission,
      JSON.stringify(state.periods.map((p) => p.period)),
    ),
    // Restated compare= figures of trees from `effective` on are stale (restated.ts).
    db.prepare(FORGET_FROM_DAY, effective),
    ...treeWriteStatements(db, state.versions, after, targets, thresholds),
  ];
  return { statements, periodsRebuilt: periods, locked: [...new Set(locked)].sort() };
}

/** A tree change lost a race with another (tree_changed) or with a lock: plan it again. */
export function isTreeRace(e: unknown): boolean {
  const m = String(e);
  return m.includes("tree_changed") || m.includes("tree_period_locked");
}

/** How many times a tree change plans again before answering 503 tree_busy (never 500). */
export const TREE_ATTEMPTS = 6;

/** After a lost race: plan again after a random wait, or give up with 503 and Retry-After. */
export async function afterTreeRace(e: unknown, attempt: number): Promise<void> {
  if (!isTreeRace(e)) throw e;
  if (attempt + 1 >= TREE_ATTEMPTS) throw new ApiFailure("tree_busy", { seconds: 2 });
  await jitter(attempt);
}

/** Before planning again: a short random wait, so two imports racing do not collide again in step. */
export function jitter(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
}
