// Units with a life: each unit is a list of versions over [from, to), each with its name and parent.
// The tree of a day is the versions alive that day; the tree of a period is the tree of its last day
// (api-v1-2026.md §1). Dates are ISO days compared as text; BEGINNING and FOREVER stand for "absent".
import { periodLastDay } from "../format/vietnam-time.ts";

/** `from` of a unit that always existed. */
export const BEGINNING = "";
/** `to` of a unit that still exists. */
export const FOREVER = "9999-12-31";
/** At most this many levels from a root down to a leaf (operations.md: limits). */
export const MAX_LEVELS = 10;

export interface UnitVersion {
  code: string;
  name: string;
  parent: string | null;
  kind: string | null;
  /** First day of this version (BEGINNING: always). */
  from: string;
  /** First day it no longer holds (FOREVER: still). */
  to: string;
}

export function aliveOn(v: { from: string; to: string }, day: string): boolean {
  return v.from <= day && day < v.to;
}

/** The units alive on `day`, each with the version it has that day. */
export function treeOn(versions: readonly UnitVersion[], day: string): Map<string, UnitVersion> {
  const tree = new Map<string, UnitVersion>();
  for (const v of versions) if (aliveOn(v, day)) tree.set(v.code, v);
  return tree;
}

export function treeOfPeriod(versions: readonly UnitVersion[], period: string): Map<string, UnitVersion> {
  return treeOn(versions, periodLastDay(period));
}

/** A unit's whole life: its first version's `from` to its last version's `to` (undefined: unknown). */
export function lifeOf(
  versions: readonly UnitVersion[],
  code: string,
): { from: string; to: string } | undefined {
  let life: { from: string; to: string } | undefined;
  for (const v of versions) {
    if (v.code !== code) continue;
    life = life ? { from: min(life.from, v.from), to: max(life.to, v.to) } : { from: v.from, to: v.to };
  }
  return life;
}

const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** The unit and its ancestors in `tree`, nearest first; stops at a parent missing from the tree. */
export function ancestorsIn(tree: ReadonlyMap<string, { parent: string | null }>, code: string): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let at: string | null | undefined = code;
  while (at != null && tree.has(at) && !seen.has(at)) {
    chain.push(at);
    seen.add(at);
    at = tree.get(at)?.parent;
  }
  return chain;
}

/** Every day on which some version starts or ends: the tree is constant between two of them. */
export function boundaries(versions: readonly UnitVersion[]): string[] {
  const days = new Set<string>([BEGINNING]);
  for (const v of versions) {
    days.add(v.from);
    if (v.to !== FOREVER) days.add(v.to);
  }
  return [...days].sort();
}

/** One closure row: `ancestor` is `depth` levels above `descendant` on every day of [from, to). */
export interface ClosureRow {
  ancestor: string;
  descendant: string;
  depth: number;
  from: string;
  to: string;
}

/** Subtree size (the unit included) over [from, to). */
export interface SizeRow {
  code: string;
  from: string;
  to: string;
  size: number;
}

/**
 * Rows valid over maximal date ranges: `facts(tree)` lists each epoch's facts by key; a fact that
 * holds over consecutive epochs becomes one row.
 */
function rangesOf<T>(
  versions: readonly UnitVersion[],
  facts: (tree: Map<string, UnitVersion>) => Map<string, T>,
): { key: string; value: T; from: string; to: string }[] {
  const days = boundaries(versions);
  const out: { key: string; value: T; from: string; to: string }[] = [];
  let open = new Map<string, { value: T; from: string }>();
  for (const day of days) {
    const now = facts(treeOn(versions, day));
    const next = new Map<string, { value: T; from: string }>();
    for (const [key, value] of now) {
      const was = open.get(key);
      next.set(key, was && was.value === value ? was : { value, from: day });
    }
    for (const [key, was] of open) {
      if (next.get(key) !== was) out.push({ key, value: was.value, from: was.from, to: day });
    }
    open = next;
  }
  for (const [key, was] of open) out.push({ key, value: was.value, from: was.from, to: FOREVER });
  return out;
}

/** The dated closure table: one row per (ancestor, descendant, depth) and maximal range. */
export function closureRows(versions: readonly UnitVersion[]): ClosureRow[] {
  return rangesOf(versions, (tree) => {
    const facts = new Map<string, number>();
    for (const code of tree.keys()) {
      ancestorsIn(tree, code).forEach((a, depth) => {
        facts.set(`${a}\u0000${code}\u0000${depth}`, depth);
      });
    }
    return facts;
  }).map(({ key, value, from, to }) => {
    const [ancestor = "", descendant = ""] = key.split("\u0000");
    return { ancestor, descendant, depth: value, from, to };
  });
}

/** Subtree sizes over maximal ranges. */
export function sizeRows(versions: readonly UnitVersion[]): SizeRow[] {
  return rangesOf(versions, (tree) => {
    const sizes = new Map<string, number>();
    for (const code of tree.keys()) {
      for (const a of ancestorsIn(tree, code)) sizes.set(a, (sizes.get(a) ?? 0) + 1);
    }
    return sizes;
  }).map(({ key, value, from, to }) => ({ code: key, size: value, from, to }));
}

/** Each unit alive on `day` and its descendants there (itself included). */
export function descendantsOn(versions: readonly UnitVersion[], day: string): Map<string, Set<string>> {
  const tree = treeOn(versions, day);
  const out = new Map<string, Set<string>>();
  for (const code of tree.keys()) {
    for (const a of ancestorsIn(tree, code)) {
      const set = out.get(a) ?? new Set<string>();
      set.add(code);
      out.set(a, set);
    }
  }
  return out;
}

/**
 * The units whose subtree on `day` differs between two versions of the tree (ended and started ones
 * included); units in `ignore` (new codes, which hold no reports) do not count as a difference, but
 * one of them above units that are not new does.
 */
export function changedSubtrees(
  before: readonly UnitVersion[],
  after: readonly UnitVersion[],
  day: string,
  ignore: ReadonlySet<string> = new Set(),
): string[] {
  const a = descendantsOn(before, day);
  const b = descendantsOn(after, day);
  const changed = new Set<string>();
  const kept = (set: Set<string> | undefined) => [...(set ?? [])].filter((d) => !ignore.has(d));
  for (const code of new Set([...a.keys(), ...b.keys()])) {
    const x = kept(a.get(code));
    // A new unit holds no reports: it changes a total only by gathering units that do.
    if (ignore.has(code)) {
      if (kept(b.get(code)).length > 0) changed.add(code);
      continue;
    }
    const y = new Set(kept(b.get(code)));
    if (!a.has(code) || !b.has(code) || x.length !== y.size || x.some((d) => !y.has(d))) changed.add(code);
  }
  return [...changed].sort();
}

/** Levels from the root down (1 = a root); units on a cycle or under a missing parent count up to it. */
export function levelOf(tree: ReadonlyMap<string, { parent: string | null }>, code: string): number {
  return ancestorsIn(tree, code).length;
}

/** A code's versions with `patch` from `day` on (the version holding that day is split in two). */
export function patchFrom(
  list: readonly UnitVersion[],
  day: string,
  patch: Partial<Pick<UnitVersion, "name" | "parent" | "kind">>,
): UnitVersion[] {
  const out: UnitVersion[] = [];
  for (const v of list) {
    if (v.to <= day) out.push(v);
    else if (v.from >= day) out.push({ ...v, ...patch });
    else out.push({ ...v, to: day }, { ...v, ...patch, from: day });
  }
  return out;
}

/** A code's versions ended on `day`: nothing of it remains from that day on. */
export function endOn(list: readonly UnitVersion[], day: string): UnitVersion[] {
  return list.filter((v) => v.from < day).map((v) => (v.to > day ? { ...v, to: day } : v));
}

export interface TreeProblem {
  code: string;
  day: string;
  kind: "unknown_parent" | "cycle" | "too_deep";
  parent: string | null;
}

/** On every day the tree changes: a parent not alive while its child is, a cycle, too many levels. */
export function treeProblems(versions: readonly UnitVersion[]): TreeProblem[] {
  const out: TreeProblem[] = [];
  const seen = new Set<string>();
  for (const day of boundaries(versions)) {
    const tree = treeOn(versions, day);
    for (const [code, v] of tree) {
      let kind: TreeProblem["kind"] | undefined;
      if (v.parent !== null && !tree.has(v.parent)) kind = "unknown_parent";
      else {
        const chain = ancestorsIn(tree, code);
        const top = tree.get(chain[chain.length - 1] ?? code)?.parent ?? null;
        if (top !== null && chain.includes(top)) kind = "cycle";
        else if (chain.length > MAX_LEVELS) kind = "too_deep";
      }
      if (kind && !seen.has(`${kind}${code}`)) {
        seen.add(`${kind}${code}`);
        out.push({ code, day, kind, parent: v.parent });
      }
    }
  }
  return out;
}
