import { describe, expect, it } from "vitest";
import type { Consolidation } from "../api/schemas.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { unitStatusRows } from "./unit-status.ts";

const base: Consolidation = {
  unit: "SL",
  period: "2023",
  template: "doan-2024",
  indicators: [],
  children: [
    {
      unit: "SL.A",
      name: "Huyện A",
      submitted: true,
      indicators: [
        { code: "GD01", kind: "count", actual: 3 },
        { code: "PT01", kind: "money", target: 10 },
        { code: "TD01", kind: "grade", grades: { XS: 1 } },
        { code: "GD02", kind: "count" },
      ],
    },
    { unit: "SL.B", name: "Huyện B", submitted: true, indicators: [] },
    { unit: "SL.C", name: "Huyện C", submitted: false, indicators: [] },
  ],
  reporting: { expected: 3, submitted: 2, late: 1, missing: ["SL.C"], lateUnits: ["SL.B"] },
};

describe("unitStatusRows", () => {
  it("says submitted, late or missing per child and counts the indicators with a figure", () => {
    const o = unitStatusRows(base, doan2024);
    expect(o.rows.map((r) => [r.unit, r.status, r.reported])).toEqual([
      ["SL.A", "submitted", 3],
      ["SL.B", "late", 0],
      ["SL.C", "missing", 0],
    ]);
    expect(o.rows[0]!.indicators).toBe(doan2024.indicators.length);
    expect([o.expected, o.submitted, o.late]).toEqual([3, 2, 1]);
  });

  it("takes the missing list when the answer does not say submitted", () => {
    const c = { ...base, children: base.children.map(({ submitted: _, ...rest }) => rest) };
    expect(unitStatusRows(c, doan2024).rows.map((r) => r.status)).toEqual(["submitted", "late", "missing"]);
  });

  it("shows who to call when known, the answer's own detail first", () => {
    const withOwn = {
      ...base,
      children: [
        { ...base.children[0]!, reporter: { name: "An", phone: "0912" } },
        ...base.children.slice(1),
      ],
    } as Consolidation;
    const o = unitStatusRows(withOwn, doan2024, { "SL.A": { name: "X" }, "SL.B": { phone: "0988" } });
    expect(o.rows.map((r) => r.reporter)).toEqual([{ name: "An", phone: "0912" }, { phone: "0988" }, null]);
  });

  it("reads who to call from the answer's per-unit detail (detail=units)", () => {
    const detailed: Consolidation = {
      ...base,
      reporting: {
        ...base.reporting,
        units: [
          {
            code: "SL.A",
            name: "Huyện A",
            parent: "SL",
            status: "submitted",
            reporter: { name: "Bình", phone: "0905" },
          },
          { code: "SL.C", name: "Huyện C", parent: "SL", status: "missing" },
        ],
      },
    };
    expect(unitStatusRows(detailed, doan2024).rows.map((r) => r.reporter)).toEqual([
      { name: "Bình", phone: "0905" },
      null,
      null,
    ]);
  });
});
