// A dated change list applied to the dated tree, all or nothing (api-v1-2026.md §1): close, move,
// merge into a new or an existing unit, split, rename, each from `effective` on. Versions before
// `effective` are never touched, so periods whose last day is before it keep their tree.
import type { UnitChange, UnitChanges } from "../api/units.ts";
import { formatDateVn } from "../format/vietnam-time.ts";
import {
  aliveOn,
  endOn,
  FOREVER,
  levelOf,
  MAX_LEVELS,
  patchFrom,
  treeOn,
  treeProblems,
  type UnitVersion,
} from "./dated.ts";

/** What a change did to one unit: kept for a unit's history and for restating (merge, split). */
export interface UnitEvent {
  effective: string;
  type: "create" | "close" | "move" | "merge" | "split" | "rename";
  unit: string;
  /** merge/split: the unit it went into; move: the new parent; rename: the new name. */
  other: string | null;
}

/** An issue of a change list, on a path into the body ("changes.2.into.code"). */
export interface TreeIssue {
  code: string;
  field: string;
  vi: string;
  en: string;
}

export interface AppliedChanges {
  versions: UnitVersion[];
  events: UnitEvent[];
  created: string[];
  ended: string[];
  moved: string[];
}

export type ChangeOutcome = ({ ok: true } & AppliedChanges) | { ok: false; issues: TreeIssue[] };

/** The working state: each code's versions in date order, and who set which parent (for issues). */
class State {
  readonly byCode = new Map<string, UnitVersion[]>();
  readonly parentSetBy = new Map<string, string>();
  readonly endedBy = new Map<string, string>();
  readonly issues: TreeIssue[] = [];
  readonly events: UnitEvent[] = [];
  readonly created: string[] = [];
  readonly ended: string[] = [];
  readonly moved = new Set<string>();

  constructor(
    versions: readonly UnitVersion[],
    readonly effective: string,
  ) {
    for (const v of versions) {
      const list = this.byCode.get(v.code) ?? [];
      list.push({ ...v });
      this.byCode.set(v.code, list);
    }
    for (const list of this.byCode.values()) list.sort((a, b) => (a.from < b.from ? -1 : 1));
  }

  at(code: string): UnitVersion | undefined {
    return this.byCode.get(code)?.find((v) => aliveOn(v, this.effective));
  }

  issue(code: string, field: string, vi: string, en: string): void {
    this.issues.push({ code, field, vi, en });
  }

  /** The unit must be alive on the effective day; otherwise an issue on `field`. */
  alive(code: string, field: string): UnitVersion | undefined {
    const v = this.at(code);
    if (v) return v;
    const list = this.byCode.get(code);
    if (!list) {
      this.issue("unit.unknown", field, `không có đơn vị mã ${code}`, `unknown unit ${code}`);
      return undefined;
    }
    const day = formatDateVn(`${this.effective}T00:00:00+07:00`);
    this.issue(
      "unit.ended",
      field,
      `đơn vị ${code} không còn tồn tại (hoặc chưa thành lập) vào ngày ${day}`,
      `unit ${code} does not exist on ${day} (ended or not yet started)`,
    );
    return undefined;
  }

  /** From `effective` on, the unit's versions get `patch` (the version holding that day is split). */
  setFrom(code: string, patch: Partial<Pick<UnitVersion, "name" | "parent">>): void {
    this.byCode.set(code, patchFrom(this.byCode.get(code) ?? [], this.effective, patch));
  }

  endAt(code: string, by: string): void {
    this.byCode.set(code, endOn(this.byCode.get(code) ?? [], this.effective));
    this.endedBy.set(code, by);
    this.ended.push(code);
  }

  /** A new unit from `effective` on; its code must never have been used. */
  create(unit: { code: string; name: string; parent: string | null; kind?: string }, field: string): boolean {
    if (this.byCode.has(unit.code)) {
      this.issue(
        "unit.code_reused",
        `${field}.code`,
        `mã ${unit.code} đã được dùng cho một đơn vị khác: hãy chọn mã mới`,
        `code ${unit.code} is already used by another unit: choose a new code`,
      );
      return false;
    }
    this.byCode.set(unit.code, [
      {
        code: unit.code,
        name: unit.name,
        parent: unit.parent,
        kind: unit.kind ?? null,
        from: this.effective,
        to: FOREVER,
      },
    ]);
    this.parentSetBy.set(unit.code, `${field}.parent`);
    this.created.push(unit.code);
    this.events.push({ effective: this.effective, type: "create", unit: unit.code, other: null });
    return true;
  }

  move(code: string, parent: string, field: string): void {
    this.setFrom(code, { parent });
    this.parentSetBy.set(code, field);
    this.moved.add(code);
    this.events.push({ effective: this.effective, type: "move", unit: code, other: parent });
  }

  /** Children alive on `effective` under `code`. */
  childrenOf(code: string): string[] {
    const out: string[] = [];
    for (const [child, list] of this.byCode) {
      if (list.some((v) => aliveOn(v, this.effective) && v.parent === code)) out.push(child);
    }
    return out.sort();
  }

  versions(): UnitVersion[] {
    return [...this.byCode.values()].flat();
  }
}

function applyOne(s: State, change: UnitChange, n: number): void {
  const at = `changes.${n}`;
  const e = s.effective;
  switch (change.type) {
    case "close":
      if (!s.alive(change.unit, `${at}.unit`)) return;
      s.endAt(change.unit, `${at}.unit`);
      s.events.push({ effective: e, type: "close", unit: change.unit, other: null });
      return;
    case "move":
      if (!s.alive(change.unit, `${at}.unit`)) return;
      s.move(change.unit, change.parent, `${at}.parent`);
      return;
    case "rename":
      if (!s.alive(change.unit, `${at}.unit`)) return;
      s.setFrom(change.unit, { name: change.name });
      s.events.push({ effective: e, type: "rename", unit: change.unit, other: change.name });
      return;
    case "merge":
      applyMerge(s, change, at);
      return;
    case "split":
      applySplit(s, change, at);
      return;
  }
}

function applyMerge(s: State, change: Extract<UnitChange, { type: "merge" }>, at: string): void {
  const into = typeof change.into === "string" ? change.into : change.into.code;
  const alive = change.from.map((code, i) => s.alive(code, `${at}.from.${i}`));
  if (change.from.includes(into)) {
    s.issue(
      "unit.merge_into_itself",
      `${at}.into`,
      `không thể sáp nhập ${into} vào chính nó`,
      `${into} cannot be merged into itself`,
    );
    return;
  }
  if (alive.some((v) => v === undefined)) return;
  if (typeof change.into === "string") {
    if (!s.alive(change.into, `${at}.into`)) return;
  } else if (!s.create(change.into, `${at}.into`)) return;
  for (const [i, code] of change.from.entries()) {
    const children = s.childrenOf(code);
    s.endAt(code, `${at}.from.${i}`);
    s.events.push({ effective: s.effective, type: "merge", unit: code, other: into });
    // Children no change moves go to the unit they merged into.
    for (const child of children) s.move(child, into, `${at}.into`);
  }
}

function applySplit(s: State, change: Extract<UnitChange, { type: "split" }>, at: string): void {
  if (!s.alive(change.from, `${at}.from`)) return;
  const made = change.into.map((u, i) => s.create(u, `${at}.into.${i}`));
  if (made.some((ok) => !ok)) return;
  s.endAt(change.from, `${at}.from`);
  for (const u of change.into) {
    s.events.push({ effective: s.effective, type: "split", unit: change.from, other: u.code });
  }
}

/** After every change: parents alive, no cycle, no branch deeper than MAX_LEVELS. */
function checkTree(s: State): void {
  const tree = treeOn(s.versions(), s.effective);
  const orphansBy = new Map<string, string[]>();
  for (const [code, v] of tree) {
    if (v.parent === null || tree.has(v.parent)) continue;
    const endedAt = s.endedBy.get(v.parent);
    const setAt = s.parentSetBy.get(code);
    if (endedAt !== undefined && setAt === undefined) {
      orphansBy.set(endedAt, [...(orphansBy.get(endedAt) ?? []), code]);
    } else {
      s.issue(
        "unit.unknown_parent",
        setAt ?? "changes",
        `đơn vị cấp trên ${v.parent} của ${code} không tồn tại vào ngày hiệu lực`,
        `parent ${v.parent} of ${code} does not exist on the effective date`,
      );
    }
  }
  for (const [field, codes] of orphansBy) {
    const list = codes.sort().join(", ");
    s.issue(
      "unit.has_children",
      field,
      `đơn vị còn đơn vị trực thuộc chưa được chuyển đi: ${list}; hãy thêm thay đổi "move" cho từng đơn vị`,
      `the unit still has children no change moves: ${list}; add a "move" for each`,
    );
  }
  const reported = new Set<string>();
  for (const code of tree.keys()) {
    const seen: string[] = [];
    let at: string | null | undefined = code;
    while (at != null && tree.has(at) && !seen.includes(at)) {
      seen.push(at);
      at = tree.get(at)?.parent;
    }
    if (at != null && seen.includes(at) && !reported.has(at)) {
      const cycle = seen.slice(seen.indexOf(at));
      for (const c of cycle) reported.add(c);
      const field = cycle.map((c) => s.parentSetBy.get(c)).find((f) => f !== undefined) ?? "changes";
      s.issue(
        "unit.cycle",
        field,
        `vòng lặp cấp trên – cấp dưới: ${cycle.join(" → ")}`,
        `cycle of parents: ${cycle.join(" → ")}`,
      );
    } else if (!reported.has(code) && levelOf(tree, code) > MAX_LEVELS) {
      reported.add(code);
      s.issue(
        "unit.too_deep",
        s.parentSetBy.get(code) ?? "changes",
        `${code} sẽ ở cấp thứ ${levelOf(tree, code)}; cây đơn vị có tối đa ${MAX_LEVELS} cấp`,
        `${code} would be on level ${levelOf(tree, code)}; the unit tree has at most ${MAX_LEVELS} levels`,
      );
    }
  }
}

/** Days after `effective` where a later change already stored meets this one (a unit ended later, say). */
function checkLater(s: State): void {
  for (const p of treeProblems(s.versions())) {
    if (p.day <= s.effective) continue;
    const day = formatDateVn(p.day);
    const field = s.parentSetBy.get(p.code) ?? (p.parent === null ? undefined : s.endedBy.get(p.parent));
    s.issue(
      p.kind === "unknown_parent" ? "unit.unknown_parent" : `unit.${p.kind}`,
      field ?? "changes",
      `từ ngày ${day}, ${p.code} sẽ không còn đơn vị cấp trên hợp lệ (${p.parent ?? "không có"}) do một thay đổi đã lưu`,
      `from ${day}, ${p.code} would have no valid parent (${p.parent ?? "none"}) because of a stored change`,
    );
    return;
  }
}

/** Applies the list in order, then checks the tree on `effective`; any issue refuses the whole list. */
export function applyChanges(versions: readonly UnitVersion[], body: UnitChanges): ChangeOutcome {
  const s = new State(versions, body.effective);
  body.changes.forEach((change, n) => {
    applyOne(s, change, n);
  });
  if (s.issues.length === 0) checkTree(s);
  if (s.issues.length === 0) checkLater(s);
  if (s.issues.length > 0) return { ok: false, issues: s.issues };
  const ended = new Set(s.ended);
  return {
    ok: true,
    versions: s.versions(),
    events: s.events,
    created: s.created,
    ended: s.ended,
    moved: [...s.moved].filter((c) => !ended.has(c) && !s.created.includes(c)).sort(),
  };
}
