import { describe, expect, it } from "vitest";
import { cellAtA1 } from "../grid/cells.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { NUMBER_FORMATS, templateCell, templateRows, templateSheetPlan } from "./template-sheet.ts";
import { planToGrid, renderNumberFormat } from "./to-grid.ts";
import type { SheetPlan } from "./types.ts";

const t = doan2024;
const plan = templateSheetPlan(t, { unitCode: "SL.MAISON", period: "2023" });
const at = (code: string, col: "target" | "actual" | "rate" | "note") => templateCell(t, code, col);

describe("planToGrid", () => {
  it("reads back as a rectangular grid from A1 covering the plan", () => {
    const g = planToGrid(plan);
    expect(g.sheet).toBe(plan.name);
    expect(g.origin).toBe("A1");
    // The table, a free row, the "(*)" legend, a blank row and the three rows of the signature block.
    expect(g.values).toHaveLength(templateRows(t).lastRow + 6);
    for (const arr of [g.values, g.valueTypes, g.text, g.formulas, g.numberFormat]) {
      expect(arr).toHaveLength(g.values.length);
      for (const row of arr) expect(row).toHaveLength(8);
    }
  });

  it("gives text cells as String and blank inputs as Empty", () => {
    const g = planToGrid(plan);
    expect(cellAtA1(g, "F5")).toEqual({
      value: "SL.MAISON",
      valueType: "String",
      text: "SL.MAISON",
      formula: "SL.MAISON",
      numberFormat: "@",
    });
    expect(cellAtA1(g, at("PT01", "actual"))).toEqual({
      value: "",
      valueType: "Empty",
      text: "",
      formula: "",
      numberFormat: "#,##0",
    });
    expect(cellAtA1(g, "Z99").valueType).toBe("Empty");
  });

  it("types like a user: numbers, text, booleans, formulas, clearing", () => {
    const g = planToGrid(plan, {
      [at("PT01", "actual")]: 92387,
      [at("PT02", "actual")]: "12 người",
      [at("PT03", "actual")]: 555.5,
      [at("PT04", "actual")]: true,
      [at("PT05", "actual")]: "=1+1",
      [at("PT06", "note")]: "=HYPERLINK(x)",
      [at("PT07", "note")]: 5,
      F5: "",
    });
    expect(cellAtA1(g, at("PT01", "actual"))).toMatchObject({
      value: 92387,
      valueType: "Double",
      text: "92,387",
    });
    expect(cellAtA1(g, at("PT02", "actual"))).toMatchObject({ value: "12 người", valueType: "String" });
    expect(cellAtA1(g, at("PT03", "actual")).text).toBe("555.5");
    expect(cellAtA1(g, at("PT04", "actual"))).toMatchObject({
      value: true,
      valueType: "Boolean",
      text: "TRUE",
    });
    // An unknown formula is kept as a formula and reads "".
    expect(cellAtA1(g, at("PT05", "actual"))).toMatchObject({ value: "", formula: "=1+1" });
    // Text cells ("@") keep what is typed as text, formulas and numbers included.
    expect(cellAtA1(g, at("PT06", "note"))).toMatchObject({ value: "=HYPERLINK(x)", valueType: "String" });
    expect(cellAtA1(g, at("PT07", "note"))).toMatchObject({ value: "5", valueType: "String" });
    expect(cellAtA1(g, "F5").valueType).toBe("Empty");
  });

  it("evaluates ratio and achievement formulas from the typed figures", () => {
    const g = planToGrid(plan, {
      [at("GD01", "actual")]: 120,
      [at("GD02", "actual")]: 90,
      [at("GD03", "target")]: 80,
      [at("PT02", "target")]: 100,
      [at("PT02", "actual")]: 125,
    });
    const gd03 = cellAtA1(g, at("GD03", "actual"));
    expect(gd03).toMatchObject({ value: 75, valueType: "Double", text: "75.0" });
    expect(String(gd03.formula)).toMatch(/^=IF\(AND\(ISNUMBER/);
    expect(cellAtA1(g, at("GD03", "rate")).value).toBeCloseTo(93.75);
    expect(cellAtA1(g, at("PT02", "rate"))).toMatchObject({ value: 125, text: "125.0" });
    // No denominator, no target: "" rather than #DIV/0!.
    expect(cellAtA1(g, at("GD06", "actual"))).toMatchObject({ value: "", valueType: "String" });
    expect(cellAtA1(g, at("PT01", "rate"))).toMatchObject({ value: "", valueType: "String" });
  });

  it("replaces a formula when a number is typed over it", () => {
    const g = planToGrid(plan, { [at("GD03", "actual")]: 100 });
    expect(cellAtA1(g, at("GD03", "actual"))).toMatchObject({
      value: 100,
      formula: 100,
      valueType: "Double",
    });
  });

  it("grows the grid for cells typed outside the plan and rejects bad addresses", () => {
    const g = planToGrid(plan, { J70: "ghi chú" });
    expect(g.values).toHaveLength(70);
    expect(g.values[0]).toHaveLength(10);
    expect(cellAtA1(g, "J70").value).toBe("ghi chú");
    expect(() => planToGrid(plan, { nope: 1 })).toThrow(RangeError);
  });

  it("tolerates formula cycles", () => {
    const cyclic: SheetPlan = {
      ...plan,
      cells: [
        { address: "A1", formula: '=IF(AND(ISNUMBER(B1),B1>0,ISNUMBER(B1)),B1/B1*100,"")' },
        { address: "B1", formula: '=IF(AND(ISNUMBER(A1),A1>0,ISNUMBER(A1)),A1/A1*100,"")' },
      ],
    };
    expect(planToGrid(cyclic).values[0]).toEqual(["", ""]);
  });
});

describe("renderNumberFormat (en-US display)", () => {
  it("renders the plan's formats", () => {
    expect(renderNumberFormat(92387, "#,##0")).toBe("92,387");
    expect(renderNumberFormat(1234567.5, "#,##0.###")).toBe("1,234,567.5");
    expect(renderNumberFormat(555, "#,##0.###")).toBe("555.");
    expect(renderNumberFormat(83.333333, "0.0")).toBe("83.3");
    expect(renderNumberFormat(-1500, "#,##0")).toBe("-1,500");
    expect(renderNumberFormat(7.25, "General")).toBe("7.25");
  });

  it("shows money without a trailing dot: one decimal at least, three at most", () => {
    expect(NUMBER_FORMATS.money).toBe("#,##0.0##");
    expect(renderNumberFormat(555, NUMBER_FORMATS.money)).toBe("555.0");
    expect(renderNumberFormat(312.5, NUMBER_FORMATS.money)).toBe("312.5");
    expect(renderNumberFormat(1.125, NUMBER_FORMATS.money)).toBe("1.125");
    expect(renderNumberFormat(1234567.1, NUMBER_FORMATS.money)).toBe("1,234,567.1");
    const g = planToGrid(plan, { [at("PT03", "actual")]: 555 });
    expect(cellAtA1(g, at("PT03", "actual")).text).toBe("555.0");
  });
});
