// Restating: where the figures of a unit of one period go on another period's tree (api-v1-2026.md
// §1). Forward through merges (and moves, which keep the code); a unit ended without a successor, or
// split, gives its figures to its nearest ancestor present in the asked tree; a unit made by a split
// has no comparable past.

import type { UnitEvent } from "./changes.ts";
import { ancestorsIn, treeOn, type UnitVersion } from "./dated.ts";

export interface Restating {
  /** The unit of the asked tree that takes the figures of `code` (a unit of the compared tree). */
  targetOf(code: string): string | undefined;
  /** False for a unit of the asked tree made by a split since the compared day. */
  comparable(code: string): boolean;
}

export function restating(
  versions: readonly UnitVersion[],
  events: readonly UnitEvent[],
  comparedDay: string,
  askedDay: string,
): Restating {
  const asked = treeOn(versions, askedDay);
  const compared = treeOn(versions, comparedDay);
  const between = events.filter((e) => comparedDay < e.effective && e.effective <= askedDay);
  const mergedInto = new Map<string, string>();
  const split = new Set<string>();
  const madeBySplit = new Set<string>();
  for (const e of between) {
    if (e.type === "merge" && e.other !== null) mergedInto.set(e.unit, e.other);
    if (e.type === "split" && e.other !== null) {
      split.add(e.unit);
      madeBySplit.add(e.other);
    }
  }
  const forward = (code: string): string | undefined => {
    let at: string | undefined = code;
    const seen = new Set<string>();
    while (at !== undefined && !asked.has(at)) {
      if (seen.has(at) || split.has(at)) return undefined;
      seen.add(at);
      at = mergedInto.get(at);
    }
    return at;
  };
  const cache = new Map<string, string | undefined>();
  const targetOf = (code: string): string | undefined => {
    if (cache.has(code)) return cache.get(code);
    let found = forward(code);
    if (found === undefined) {
      for (const a of ancestorsIn(compared, code).slice(1)) {
        found = forward(a);
        if (found !== undefined) break;
      }
    }
    cache.set(code, found);
    return found;
  };
  return { targetOf, comparable: (code) => !madeBySplit.has(code) };
}

/** For the unit list: the units a unit came from and went to through merges and splits. */
export function lineageOf(
  events: readonly UnitEvent[],
  code: string,
): { predecessors: string[]; successors: string[] } {
  const predecessors = new Set<string>();
  const successors = new Set<string>();
  for (const e of events) {
    if ((e.type !== "merge" && e.type !== "split") || e.other === null) continue;
    if (e.other === code) predecessors.add(e.unit);
    if (e.unit === code) successors.add(e.other);
  }
  return { predecessors: [...predecessors].sort(), successors: [...successors].sort() };
}
