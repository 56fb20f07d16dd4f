// Importing the unit tree: an idempotent upsert of any depth. Duplicate codes, unknown parents and
// cycles are refused (422) with the offending entries named; dates and `effective` are planned by
// shared/tree/import.ts, and the batch stores the dated tree and rebuilds only the totals it changes.
import { MAX_UNITS } from "../../shared/api/limits.ts";
import type { ApiIssue, UnitsImport } from "../../shared/api/schemas.ts";
import type { DatedUnitsImport } from "../../shared/api/units.ts";
import type { UnitVersion } from "../../shared/tree/dated.ts";
import { planDatedImport } from "../../shared/tree/import.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { perUnitThresholds } from "./codec.ts";
import type { Db } from "./db.ts";
import { afterTreeRace, eventStatements, planTreeWrite, readTreeState } from "./tree.ts";
import { lockedFailure, refuseIssues } from "./unit-changes.ts";
import { changedClusterCount, clustersNamed, setClustersStatement } from "./unit-clusters.ts";

export type UnitInput = UnitsImport["units"][number];

export interface ExistingUnit {
  code: string;
  name: string;
  parent: string | null;
  kind: string | null;
}

export interface ImportPlan {
  issues: ApiIssue[];
  created: UnitInput[];
  /** Name or kind changed, same parent. */
  renamed: UnitInput[];
  moved: UnitInput[];
  unchanged: number;
}

/** Checks an import against the stored tree and sorts its units by what changes. Pure. */
export function planImport(existing: readonly ExistingUnit[], input: readonly UnitInput[]): ImportPlan {
  const issues: ApiIssue[] = [];
  const stored = new Map(existing.map((u) => [u.code, u]));
  const firstIndex = new Map<string, number>();
  input.forEach((u, i) => {
    const first = firstIndex.get(u.code);
    if (first === undefined) firstIndex.set(u.code, i);
    else
      issues.push(
        requestIssue(
          "unit.duplicate",
          `units.${i}.code`,
          `mã đơn vị ${u.code} lặp lại (đã có ở units.${first})`,
          `unit code ${u.code} is listed twice (first at units.${first})`,
        ),
      );
  });

  // The tree after the import: stored parents overridden by the imported ones.
  const parentOf = new Map<string, string | null>(existing.map((u) => [u.code, u.parent]));
  for (const u of input) parentOf.set(u.code, u.parent);
  input.forEach((u, i) => {
    if (u.parent !== null && !parentOf.has(u.parent)) {
      issues.push(
        requestIssue(
          "unit.unknown_parent",
          `units.${i}.parent`,
          `đơn vị cấp trên ${u.parent} của ${u.code} không có trong danh sách lẫn dữ liệu đã lưu`,
          `parent ${u.parent} of ${u.code} is neither in the import nor stored`,
        ),
      );
    }
  });

  // Every sum stays exact up to MAX_UNITS units at the largest figure (shared/api/limits.ts).
  if (parentOf.size > MAX_UNITS) {
    issues.push(
      requestIssue(
        "unit.too_many",
        "units",
        `sau lần nhập này sẽ có ${parentOf.size} đơn vị, quá ${MAX_UNITS} đơn vị tối đa`,
        `this import would make ${parentOf.size} units, above the ${MAX_UNITS} a deployment holds`,
      ),
    );
  }

  // Cycles: walk up from each imported unit; the stored tree has none, so any cycle passes an import.
  const reachesRoot = new Set<string>();
  const onCycle = new Set<string>();
  for (const start of input) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let code: string | null | undefined = start.code;
    while (code != null && !reachesRoot.has(code) && !onCycle.has(code) && !onPath.has(code)) {
      path.push(code);
      onPath.add(code);
      code = parentOf.get(code);
    }
    if (code != null && onPath.has(code)) {
      for (const c of path.slice(path.indexOf(code))) onCycle.add(c);
    } else if (code == null || reachesRoot.has(code)) {
      for (const c of path) reachesRoot.add(c);
    }
  }
  input.forEach((u, i) => {
    if (onCycle.has(u.code) && firstIndex.get(u.code) === i) {
      issues.push(
        requestIssue(
          "unit.cycle",
          `units.${i}.parent`,
          `${u.code} nằm trong một vòng lặp cấp trên – cấp dưới`,
          `${u.code} is on a cycle of parents`,
        ),
      );
    }
  });

  const plan: ImportPlan = { issues, created: [], renamed: [], moved: [], unchanged: 0 };
  for (const u of input) {
    const old = stored.get(u.code);
    if (!old) plan.created.push(u);
    else if (old.parent !== u.parent) plan.moved.push(u);
    else if (old.name !== u.name || old.kind !== (u.kind ?? null)) plan.renamed.push(u);
    else plan.unchanged += 1;
  }
  return plan;
}

export interface ImportResult {
  created: number;
  updated: number;
  moved: number;
  unchanged: number;
  ended?: number;
  periodsRebuilt?: string[];
  clusters?: number;
}

/** The latest version of each stored unit, as planImport checks duplicates, parents and cycles. */
function latestUnits(versions: readonly UnitVersion[]): ExistingUnit[] {
  const latest = new Map<string, UnitVersion>();
  for (const v of versions) {
    const was = latest.get(v.code);
    if (!was || v.from > was.from) latest.set(v.code, v);
  }
  return [...latest.values()].map((v) => ({ code: v.code, name: v.name, parent: v.parent, kind: v.kind }));
}

/** The earliest day the import changes: periods ending before it are not looked at. */
function earliestChange(before: readonly UnitVersion[], after: readonly UnitVersion[]): string {
  const key = (v: UnitVersion) => JSON.stringify(v);
  const old = new Set(before.map(key));
  const now = new Set(after.map(key));
  let day = "9999-12-31";
  for (const v of [...before.filter((x) => !now.has(key(x))), ...after.filter((x) => !old.has(key(x)))]) {
    if (v.from < day) day = v.from;
  }
  return day;
}

export async function importUnits(db: Db, body: DatedUnitsImport): Promise<ImportResult> {
  for (let attempt = 0; ; attempt++) {
    const state = await readTreeState(db);
    const plan = planImport(latestUnits(state.versions), body.units);
    if (plan.issues.length > 0) {
      throw new ApiFailure("validation_failed", { count: plan.issues.length }, plan.issues);
    }
    const dated = planDatedImport(state.versions, body);
    if (dated.issues.length > 0) throw refuseIssues(dated.issues);
    const named = clustersNamed(body.units);
    const clusters = await changedClusterCount(db, named);
    const result: ImportResult = {
      created: dated.created,
      updated: dated.updated,
      moved: dated.moved,
      unchanged: dated.unchanged,
      ...(dated.ended > 0 ? { ended: dated.ended } : {}),
      ...(clusters > 0 ? { clusters } : {}),
    };
    // Clusters are undated (migration 0008): they go in the same batch, after the units exist.
    const setClusters = clusters > 0 ? [setClustersStatement(db, named)] : [];
    const effective = earliestChange(state.versions, dated.versions);
    if (effective === "9999-12-31") {
      if (setClusters.length > 0) await db.batch(setClusters);
      return result;
    }
    const write = planTreeWrite(db, state, dated.versions, effective, perUnitThresholds());
    if (write.locked.length > 0) throw lockedFailure(write.locked);
    const events = dated.events.filter((e) => e.type !== "rename" || body.effective !== undefined);
    try {
      await db.batch([
        ...write.statements,
        ...eventStatements(db, `import:${crypto.randomUUID()}`, events),
        ...setClusters,
      ]);
      return write.periodsRebuilt.length > 0 ? { ...result, periodsRebuilt: write.periodsRebuilt } : result;
    } catch (e) {
      await afterTreeRace(e, attempt);
    }
  }
}
