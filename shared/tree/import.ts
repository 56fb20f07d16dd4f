// PUT /v1/admin/units on the dated tree: new units with their life, renames as before, and a change of
// a stored unit's parent or end only with `effective` (an undated one would rewrite every past period).
import type { DatedUnitsImport } from "../api/units.ts";
import type { TreeIssue, UnitEvent } from "./changes.ts";
import {
  BEGINNING,
  endOn,
  FOREVER,
  lifeOf,
  MAX_LEVELS,
  patchFrom,
  treeProblems,
  type UnitVersion,
} from "./dated.ts";

export interface DatedImportPlan {
  issues: TreeIssue[];
  versions: UnitVersion[];
  events: UnitEvent[];
  created: number;
  updated: number;
  moved: number;
  ended: number;
  unchanged: number;
}

const latestOf = (list: readonly UnitVersion[]) =>
  list.reduce((a, b) => (b.from > a.from ? b : a), list[0] as UnitVersion);

export function planDatedImport(versions: readonly UnitVersion[], body: DatedUnitsImport): DatedImportPlan {
  const byCode = new Map<string, UnitVersion[]>();
  for (const v of versions) byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
  const plan: DatedImportPlan = {
    issues: [],
    versions: [],
    events: [],
    created: 0,
    updated: 0,
    moved: 0,
    ended: 0,
    unchanged: 0,
  };
  const issue = (code: string, field: string, vi: string, en: string) =>
    plan.issues.push({ code, field, vi, en });
  const E = body.effective;
  const event = (type: UnitEvent["type"], unit: string, other: string | null, day = E ?? BEGINNING) =>
    plan.events.push({ effective: day, type, unit, other });
  const fieldOf = new Map<string, number>();

  body.units.forEach((u, i) => {
    if (fieldOf.has(u.code)) return; // planImport reports the duplicate
    fieldOf.set(u.code, i);
    const kind = u.kind ?? null;
    const list = byCode.get(u.code);
    if (!list) {
      const from = u.from ?? BEGINNING;
      const to = u.to ?? FOREVER;
      if (to <= from)
        issue(
          "unit.bad_life",
          `units.${i}.to`,
          `ngày kết thúc phải sau ngày bắt đầu`,
          "`to` must be after `from`",
        );
      byCode.set(u.code, [{ code: u.code, name: u.name, parent: u.parent, kind, from, to }]);
      plan.created += 1;
      if (from !== BEGINNING) event("create", u.code, null, from);
      return;
    }
    const life = lifeOf(list, u.code) as { from: string; to: string };
    const latest = latestOf(list);
    if (u.from !== undefined && u.from !== life.from) {
      issue(
        "unit.from_changed",
        `units.${i}.from`,
        `không đổi được ngày bắt đầu của đơn vị đã lưu ${u.code}`,
        `the start of stored unit ${u.code} cannot change`,
      );
    }
    const moved = u.parent !== latest.parent;
    const newEnd = u.to === undefined ? life.to : (u.to ?? FOREVER);
    const ended = newEnd !== life.to;
    if ((moved || ended) && E === undefined) {
      issue(
        "unit.effective_required",
        "effective",
        `đổi đơn vị cấp trên hoặc ngày kết thúc của ${u.code} cần ngày hiệu lực "effective" (YYYY-MM-DD): không có nó, mọi kỳ đã qua sẽ bị tính lại`,
        `changing the parent or end of ${u.code} needs "effective" (YYYY-MM-DD): without it every past period would be rewritten`,
      );
      return;
    }
    let next = list;
    const renamed = u.name !== latest.name || kind !== latest.kind;
    if (renamed) {
      next =
        E === undefined
          ? next.map((v) => (v === latest ? { ...v, name: u.name, kind } : v))
          : patchFrom(next, E, { name: u.name, kind });
      plan.updated += 1;
      event("rename", u.code, u.name);
    }
    if (moved && E !== undefined) {
      next = patchFrom(next, E, { parent: u.parent });
      plan.moved += 1;
      event("move", u.code, u.parent);
    }
    if (ended) {
      if (newEnd === FOREVER) next = next.map((v) => (v.to === life.to ? { ...v, to: FOREVER } : v));
      else next = endOn(next, newEnd);
      if (next.length === 0)
        issue(
          "unit.bad_life",
          `units.${i}.to`,
          `ngày kết thúc phải sau ngày bắt đầu`,
          "`to` must be after `from`",
        );
      plan.ended += 1;
      event("close", u.code, null, newEnd === FOREVER ? E : newEnd);
    }
    if (!renamed && !moved && !ended) plan.unchanged += 1;
    byCode.set(u.code, next);
  });
  plan.versions = [...byCode.values()].flat();
  if (plan.issues.length === 0) checkImportedTree(plan, fieldOf);
  return plan;
}

function checkImportedTree(plan: DatedImportPlan, fieldOf: ReadonlyMap<string, number>): void {
  for (const p of treeProblems(plan.versions)) {
    const i = fieldOf.get(p.code);
    const field = i === undefined ? "units" : `units.${i}.parent`;
    const day = p.day === BEGINNING ? "" : ` (${p.day})`;
    if (p.kind === "unknown_parent") {
      plan.issues.push({
        code: "unit.unknown_parent",
        field,
        vi: `đơn vị cấp trên ${p.parent} của ${p.code} không tồn tại cùng thời gian với nó${day}`,
        en: `parent ${p.parent} of ${p.code} does not exist while it does${day}`,
      });
    } else if (p.kind === "cycle") {
      plan.issues.push({
        code: "unit.cycle",
        field,
        vi: `${p.code} nằm trong một vòng lặp cấp trên – cấp dưới`,
        en: `${p.code} is on a cycle of parents`,
      });
    } else {
      plan.issues.push({
        code: "unit.too_deep",
        field,
        vi: `${p.code} ở quá ${MAX_LEVELS} cấp tính từ đơn vị gốc`,
        en: `${p.code} is more than ${MAX_LEVELS} levels below the root`,
      });
    }
  }
}
