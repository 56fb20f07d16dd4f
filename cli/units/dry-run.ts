// `baocao units changes --dry-run`: the change list applied by shared/tree to the tree the server holds
// on the effective day, without writing anything, and told as people read it: which units are made,
// which end (and into what), which move, which are renamed.
import type { DatedUnitInfo, UnitChanges } from "../../shared/api/units.ts";
import { formatDateVn, periodLastDay } from "../../shared/format/vietnam-time.ts";
import { applyChanges, type TreeIssue, type UnitEvent } from "../../shared/tree/changes.ts";
import { BEGINNING, FOREVER, type UnitVersion } from "../../shared/tree/dated.ts";

export type DryRun =
  | { ok: true; lines: string[]; created: string[]; ended: string[]; moved: string[] }
  | { ok: false; issues: TreeIssue[] };

/** The server's tree of a day as the dated versions shared/tree works on. */
export function versionsOf(units: readonly DatedUnitInfo[]): UnitVersion[] {
  return units.map((u) => ({
    code: u.code,
    name: u.name,
    parent: u.parent,
    kind: u.kind ?? null,
    from: u.from ?? BEGINNING,
    to: u.to ?? FOREVER,
  }));
}

/** 2025-07-01 → 01/07/2025. */
export const dayVn = (iso: string) => formatDateVn(`${iso}T00:00:00+07:00`);

function describe(before: Map<string, DatedUnitInfo>, after: Map<string, UnitVersion>, events: UnitEvent[]) {
  const label = (code: string) => {
    const name = before.get(code)?.name ?? after.get(code)?.name;
    return name ? `${code} ${name}` : code;
  };
  const into = new Map<string, string[]>();
  const fate = new Map<string, string>();
  for (const e of events) {
    if ((e.type === "merge" || e.type === "split") && e.other) {
      into.set(e.other, [...(into.get(e.other) ?? []), e.unit]);
      const was = fate.get(e.unit);
      fate.set(e.unit, was ? `${was}, ${e.other}` : `→ ${e.other}`);
    }
  }
  const created = events.filter((e) => e.type === "create").map((e) => e.unit);
  const ended = events.filter((e) => e.type === "close" || e.type === "merge" || e.type === "split");
  const endedCodes = [...new Set(ended.map((e) => e.unit))];
  const moves = events.filter(
    (e) => e.type === "move" && !endedCodes.includes(e.unit) && !created.includes(e.unit),
  );
  const renames = events.filter((e) => e.type === "rename");
  const lines: string[] = [];
  const section = (vi: string, en: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${vi} (${items.length}) / ${en} (${items.length}):`, ...items.map((i) => `  ${i}`));
  };
  section(
    "Thành lập",
    "Created",
    created.map((c) => {
      const v = after.get(c);
      const from = into.get(c);
      return `+ ${label(c)} (cấp trên / parent ${v?.parent ?? "—"})${from ? ` ← ${from.join(", ")}` : ""}`;
    }),
  );
  section(
    "Kết thúc",
    "Ended",
    endedCodes.map((c) => `− ${label(c)} ${fate.get(c) ?? "(giải thể / closed)"}`),
  );
  section(
    "Chuyển cấp trên",
    "Moved",
    moves.map((e) => `→ ${label(e.unit)}: ${before.get(e.unit)?.parent ?? "—"} → ${e.other ?? "—"}`),
  );
  section(
    "Đổi tên",
    "Renamed",
    renames.map((e) => `✎ ${e.unit}: ${before.get(e.unit)?.name ?? ""} → ${e.other ?? ""}`),
  );
  return { lines, created, ended: endedCodes, moved: [...new Set(moves.map((e) => e.unit))] };
}

/** Applies `body` to the tree of its effective day (as the server answered it) and says what changes. */
export function dryRun(tree: readonly DatedUnitInfo[], body: UnitChanges): DryRun {
  const outcome = applyChanges(versionsOf(tree), body);
  if (!outcome.ok) return { ok: false, issues: outcome.issues };
  const before = new Map(tree.map((u) => [u.code, u]));
  const after = new Map<string, UnitVersion>();
  for (const v of outcome.versions) {
    if (v.from <= body.effective && body.effective < v.to) after.set(v.code, v);
  }
  return { ok: true, ...describe(before, after, outcome.events) };
}

/** Every period (year, half, quarter, month) whose last day is on or after `effective` and which has begun by `today`. */
export function periodsFrom(effective: string, today: string): string[] {
  const out: string[] = [];
  const first = Number(effective.slice(0, 4));
  const last = Number(today.slice(0, 4));
  for (let y = first; y <= last; y++) {
    const parts: [string, number][] = [
      [`${y}`, 1],
      [`${y}-H1`, 1],
      [`${y}-H2`, 7],
      ...[1, 2, 3, 4].map((q): [string, number] => [`${y}-Q${q}`, q * 3 - 2]),
      ...Array.from({ length: 12 }, (_, i): [string, number] => [
        `${y}-${String(i + 1).padStart(2, "0")}`,
        i + 1,
      ]),
    ];
    for (const [period, month] of parts) {
      const start = `${y}-${String(month).padStart(2, "0")}-01`;
      if (periodLastDay(period) >= effective && start <= today) out.push(period);
    }
  }
  return out;
}
