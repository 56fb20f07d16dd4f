// The unit lists of the pane's forms: the token's units as a tree in display order.
import type { UnitOption } from "./pane-state.ts";

/** Units as a tree in display order (parents before children), with their depth for indentation. */
export function orderUnits(
  units: readonly { code: string; name: string; parent: string | null }[],
): UnitOption[] {
  const codes = new Set(units.map((u) => u.code));
  const children = new Map<string | null, typeof units>();
  for (const u of units) {
    const parent = u.parent !== null && codes.has(u.parent) ? u.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: UnitOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    for (const u of list) {
      out.push({ code: u.code, name: u.name, parent: u.parent, depth });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
