import { describe, expect, it } from "vitest";
import { MAX_UNITS } from "../../shared/api/limits.ts";
import { type ExistingUnit, planImport } from "./units.ts";

const stored: ExistingUnit[] = [
  { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null, kind: null },
  { code: "SL.A", name: "A", parent: "SL", kind: null },
  { code: "SL.A.X", name: "X", parent: "SL.A", kind: null },
];

describe("planImport", () => {
  it("sorts units into created, renamed, moved and unchanged", () => {
    const plan = planImport(stored, [
      { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
      { code: "SL.A", name: "A (renamed)", parent: "SL" },
      { code: "SL.A.X", name: "X", parent: "SL" },
      { code: "SL.B", name: "B", parent: "SL", kind: "huyen" },
    ]);
    expect(plan.issues).toEqual([]);
    expect(plan.created.map((u) => u.code)).toEqual(["SL.B"]);
    expect(plan.renamed.map((u) => u.code)).toEqual(["SL.A"]);
    expect(plan.moved.map((u) => u.code)).toEqual(["SL.A.X"]);
    expect(plan.unchanged).toBe(1);
  });

  it("finds a cycle made of stored and imported parents", () => {
    // SL.A under its own child X: X → A (stored) → X (imported).
    const plan = planImport(stored, [{ code: "SL.A", name: "A", parent: "SL.A.X" }]);
    expect(plan.issues.map((i) => [i.code, i.field])).toEqual([["unit.cycle", "units.0.parent"]]);
  });

  it("names every unit of a cycle within the import, and accepts a parent defined later in it", () => {
    const plan = planImport(
      [],
      [
        { code: "C1", name: "1", parent: "C2" },
        { code: "C2", name: "2", parent: "C1" },
        { code: "K", name: "kid", parent: "R" },
        { code: "R", name: "root", parent: null },
      ],
    );
    expect(plan.issues.map((i) => i.field)).toEqual(["units.0.parent", "units.1.parent"]);
  });

  it("reports duplicates and unknown parents with both languages", () => {
    const plan = planImport(stored, [
      { code: "N", name: "n", parent: "NOPE" },
      { code: "N", name: "n", parent: "SL" },
    ]);
    expect(plan.issues.map((i) => i.code)).toEqual(["unit.duplicate", "unit.unknown_parent"]);
    expect(plan.issues[1]?.i18n?.vi).toContain("NOPE");
    expect(plan.issues[1]?.message).toContain(" / ");
  });
});

describe("planImport: the most units a deployment holds", () => {
  const many = (n: number): ExistingUnit[] => [
    { code: "SL", name: "SL", parent: null, kind: null },
    ...Array.from({ length: n - 1 }, (_, i) => ({ code: `SL.U${i}`, name: "u", parent: "SL", kind: null })),
  ];

  it("accepts a tree of exactly MAX_UNITS units", () => {
    const plan = planImport(many(MAX_UNITS - 1), [{ code: "SL.LAST", name: "last", parent: "SL" }]);
    expect(plan.issues).toEqual([]);
  });

  it("refuses one more, naming units, so that every sum stays exact", () => {
    const plan = planImport(many(MAX_UNITS), [{ code: "SL.ONE.MORE", name: "one more", parent: "SL" }]);
    expect(plan.issues.map((i) => [i.code, i.field])).toEqual([["unit.too_many", "units"]]);
    expect(plan.issues[0]?.message).toContain("90000");
  });
});
