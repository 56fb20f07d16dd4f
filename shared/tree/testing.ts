// Test helpers for the dated tree (fast-check arbitraries and a change built from random numbers); used
// by the shared property tests and the Worker's, never bundled.
import fc from "fast-check";
import type { UnitChange, UnitChanges } from "../api/units.ts";
import { BEGINNING, FOREVER, treeOn, type UnitVersion } from "./dated.ts";

/** 3–maxUnits units under one root "P", each under an earlier one, at most 4 levels. */
export function arbDatedTree(maxUnits = 8): fc.Arbitrary<UnitVersion[]> {
  return fc
    .tuple(
      fc.integer({ min: 3, max: maxUnits }),
      fc.array(fc.nat(), { minLength: maxUnits, maxLength: maxUnits }),
    )
    .map(([n, picks]) => {
      const depth = [0];
      const units: UnitVersion[] = [
        { code: "P", name: "Tỉnh đoàn P", parent: null, kind: null, from: BEGINNING, to: FOREVER },
      ];
      for (let i = 1; i < n; i++) {
        const eligible = units.map((_, j) => j).filter((j) => (depth[j] ?? 0) < 3);
        const p = eligible[(picks[i] ?? 0) % eligible.length] ?? 0;
        depth.push((depth[p] ?? 0) + 1);
        const parent = units[p]?.code ?? null;
        units.push({
          code: `P.U${i}`,
          name: `Đơn vị ${i}`,
          parent,
          kind: null,
          from: BEGINNING,
          to: FOREVER,
        });
      }
      return units;
    });
}

/** Random numbers a change is built from, on the tree of day `days[day]`. */
export interface ChangeIntent {
  type: UnitChange["type"];
  a: number;
  b: number;
  c: number;
  day: number;
}

export function arbIntent(days: number): fc.Arbitrary<ChangeIntent> {
  return fc.record({
    type: fc.constantFrom<UnitChange["type"]>("close", "move", "merge", "split", "rename"),
    a: fc.nat(),
    b: fc.nat(),
    c: fc.nat(),
    day: fc.nat({ max: days - 1 }),
  });
}

/**
 * A one-change list from an intent, on units below the root alive that day (it may still be invalid:
 * a close with children, a cycle; the code under test must judge it). `newCode` names new units.
 */
export function changeOf(
  versions: readonly UnitVersion[],
  i: ChangeIntent,
  days: readonly string[],
  newCode: () => string,
): UnitChanges | undefined {
  const effective = days[i.day] as string;
  const tree = treeOn(versions, effective);
  const below = [...tree.values()]
    .filter((v) => v.parent !== null)
    .map((v) => v.code)
    .sort();
  const all = [...tree.keys()].sort();
  const unit = below[i.a % Math.max(below.length, 1)];
  if (unit === undefined) return undefined;
  const other = all[i.b % all.length] as string;
  const parent = tree.get(unit)?.parent ?? "P";
  let change: UnitChange;
  if (i.type === "close") change = { type: "close", unit };
  else if (i.type === "move") change = { type: "move", unit, parent: other };
  else if (i.type === "rename") change = { type: "rename", unit, name: `Đổi tên ${i.c}` };
  else if (i.type === "split") {
    const into = [
      { code: newCode(), name: "Tách A", parent },
      { code: newCode(), name: "Tách B", parent },
    ];
    change = { type: "split", from: unit, into };
  } else {
    const second = below[i.c % below.length] as string;
    const from = second === unit ? [unit] : [unit, second];
    change =
      i.c % 2 === 0
        ? { type: "merge", from, into: { code: newCode(), name: "Sáp nhập", parent } }
        : { type: "merge", from, into: other };
  }
  return { effective, changes: [change] };
}
