import { describe, expect, it } from "vitest";
import type { UnitChanges } from "../api/units.ts";
import { applyChanges } from "./changes.ts";
import { BEGINNING, changedSubtrees, closureRows, FOREVER, treeOfPeriod, type UnitVersion } from "./dated.ts";

const v = (code: string, parent: string | null): UnitVersion => ({
  code,
  name: code,
  parent,
  kind: null,
  from: BEGINNING,
  to: FOREVER,
});
const TREE = [
  v("SL", null),
  v("SL.MS", "SL"),
  v("SL.MS.A", "SL.MS"),
  v("SL.MS.B", "SL.MS"),
  v("SL.TP", "SL"),
];
const apply = (changes: UnitChanges["changes"], effective = "2025-07-01") =>
  applyChanges(TREE, { effective, changes });

describe("applyChanges", () => {
  it("merges into a new unit, moving the children of the merged units, from the effective day only", () => {
    const out = apply([
      { type: "merge", from: ["SL.MS", "SL.TP"], into: { code: "SL.N", name: "N", parent: "SL" } },
    ]);
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    expect(out.created).toEqual(["SL.N"]);
    expect(out.ended).toEqual(["SL.MS", "SL.TP"]);
    expect(out.moved).toEqual(["SL.MS.A", "SL.MS.B"]);
    const parents = (period: string) =>
      Object.fromEntries([...treeOfPeriod(out.versions, period)].map(([c, x]) => [c, x.parent]));
    expect(parents("2025-H1")).toEqual({
      SL: null,
      "SL.MS": "SL",
      "SL.MS.A": "SL.MS",
      "SL.MS.B": "SL.MS",
      "SL.TP": "SL",
    });
    expect(parents("2025")).toEqual({ SL: null, "SL.N": "SL", "SL.MS.A": "SL.N", "SL.MS.B": "SL.N" });
  });

  it("keeps the closure rows before the effective day as they were", () => {
    const out = apply([{ type: "move", unit: "SL.MS.A", parent: "SL.TP" }]);
    if (!out.ok) throw new Error("refused");
    const before = closureRows(TREE).filter((r) => r.descendant === "SL.MS.A");
    const after = closureRows(out.versions).filter((r) => r.descendant === "SL.MS.A");
    expect(after).toEqual(
      expect.arrayContaining([
        { ancestor: "SL.MS", descendant: "SL.MS.A", depth: 1, from: BEGINNING, to: "2025-07-01" },
        { ancestor: "SL.TP", descendant: "SL.MS.A", depth: 1, from: "2025-07-01", to: FOREVER },
        { ancestor: "SL", descendant: "SL.MS.A", depth: 2, from: BEGINNING, to: FOREVER },
      ]),
    );
    expect(before).toHaveLength(3);
    expect(after).toHaveLength(4);
  });

  it("refuses each invalid change on its field, and the whole list", () => {
    const out = apply([
      { type: "rename", unit: "SL.TP", name: "Thành đoàn" },
      { type: "close", unit: "SL.GHOST" },
      { type: "merge", from: ["SL.TP"], into: "SL.TP" },
      {
        type: "split",
        from: "SL.TP",
        into: [
          { code: "SL", name: "x", parent: null },
          { code: "SL.Y", name: "y", parent: "SL" },
        ],
      },
    ]);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues.map((i) => [i.code, i.field])).toEqual([
      ["unit.unknown", "changes.1.unit"],
      ["unit.merge_into_itself", "changes.2.into"],
      ["unit.code_reused", "changes.3.into.0.code"],
    ]);
  });

  it("refuses a close with children no change moves, naming them, and accepts it once they move", () => {
    const refused = apply([{ type: "close", unit: "SL.MS" }]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.issues).toEqual([
        expect.objectContaining({ code: "unit.has_children", field: "changes.0.unit" }),
      ]);
      expect(refused.issues[0]?.en).toContain("SL.MS.A, SL.MS.B");
    }
    const ok = apply([
      { type: "close", unit: "SL.MS" },
      { type: "move", unit: "SL.MS.A", parent: "SL" },
      { type: "move", unit: "SL.MS.B", parent: "SL.TP" },
    ]);
    expect(ok.ok).toBe(true);
  });

  it("refuses a cycle, a unit already ended, and more than ten levels", () => {
    const cycle = apply([{ type: "move", unit: "SL.MS", parent: "SL.MS.A" }]);
    expect(cycle.ok ? [] : cycle.issues.map((i) => [i.code, i.field])).toEqual([
      ["unit.cycle", "changes.0.parent"],
    ]);
    const twice = apply([
      { type: "merge", from: ["SL.TP"], into: "SL.MS" },
      { type: "rename", unit: "SL.TP", name: "x" },
    ]);
    expect(twice.ok ? [] : twice.issues.map((i) => i.code)).toEqual(["unit.ended"]);
    const chain: UnitVersion[] = [v("L1", null)];
    for (let i = 2; i <= 10; i++) chain.push(v(`L${i}`, `L${i - 1}`));
    chain.push(v("X", "L1"));
    const deep = applyChanges(chain, {
      effective: "2026-01-01",
      changes: [{ type: "move", unit: "X", parent: "L10" }],
    });
    expect(deep.ok ? [] : deep.issues.map((i) => [i.code, i.field])).toEqual([
      ["unit.too_deep", "changes.0.parent"],
    ]);
  });
});

describe("changedSubtrees", () => {
  it("counts a new unit gathering old ones, not a new unit alone", () => {
    const out = apply([{ type: "merge", from: ["SL.MS"], into: { code: "SL.N", name: "N", parent: "SL" } }]);
    if (!out.ok) throw new Error("refused");
    const fresh = new Set(["SL.N"]);
    expect(changedSubtrees(TREE, out.versions, "2025-12-31", fresh)).toEqual(["SL", "SL.MS", "SL.N"]);
    const alone = [...TREE, { ...v("SL.Z", "SL"), from: "2025-07-01" }];
    expect(changedSubtrees(TREE, alone, "2025-12-31", new Set(["SL.Z"]))).toEqual([]);
  });
});
