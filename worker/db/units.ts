// Importing the unit tree: an idempotent upsert of any depth. Duplicate codes, unknown parents and
// cycles are refused (422) with the offending entries named; a valid import updates the closure
// table, and when a unit changes parent, recomputes every derived total in the same batch.
import { MAX_UNITS } from "../../shared/api/limits.ts";
import type { ApiIssue, UnitsImport } from "../../shared/api/schemas.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { perUnitThresholds } from "./codec.ts";
import type { Db } from "./db.ts";
import { INSERT_CLOSURE, rebuildStatements, UPDATE_SUBTREE_SIZES } from "./rebuild.ts";

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

const UPSERT_UNITS = `
INSERT INTO units (code, name, parent, kind)
SELECT json_extract(value, '$.code'), json_extract(value, '$.name'), json_extract(value, '$.parent'),
  json_extract(value, '$.kind')
FROM json_each(?1) WHERE true
ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent, kind = excluded.kind`;

export interface ImportResult {
  created: number;
  updated: number;
  moved: number;
  unchanged: number;
}

export async function importUnits(db: Db, input: UnitsImport["units"]): Promise<ImportResult> {
  for (let attempt = 0; ; attempt++) {
    const [version, existing] = await db.batch([
      db.prepare("SELECT version FROM tree_version WHERE id = 1"),
      db.prepare("SELECT code, name, parent, kind FROM units"),
    ]);
    const expected = (version?.results[0] as { version: number } | undefined)?.version ?? 0;
    // A repeated code is reported once as a duplicate; plan the rest on the last occurrence.
    const plan = planImport((existing?.results ?? []) as unknown as ExistingUnit[], input);
    if (plan.issues.length > 0) {
      throw new ApiFailure("validation_failed", { count: plan.issues.length }, plan.issues);
    }
    const result = {
      created: plan.created.length,
      updated: plan.renamed.length,
      moved: plan.moved.length,
      unchanged: plan.unchanged,
    };
    const changed = [...plan.created, ...plan.renamed, ...plan.moved].map((u) => ({
      ...u,
      kind: u.kind ?? null,
    }));
    if (changed.length === 0) return result;

    const statements = [
      db.prepare(
        "UPDATE tree_version SET version = CASE WHEN version = ?1 THEN version + 1 ELSE -1 END WHERE id = 1",
        expected,
      ),
      db.prepare(UPSERT_UNITS, JSON.stringify(changed)),
    ];
    if (plan.moved.length > 0) {
      statements.push(...rebuildStatements(db, perUnitThresholds()));
    } else if (plan.created.length > 0) {
      statements.push(db.prepare(INSERT_CLOSURE, JSON.stringify(plan.created.map((u) => u.code))));
      statements.push(db.prepare(UPDATE_SUBTREE_SIZES));
    }
    try {
      await db.batch(statements);
      return result;
    } catch (e) {
      if (attempt < 3 && String(e).includes("tree_changed")) continue;
      throw e;
    }
  }
}
