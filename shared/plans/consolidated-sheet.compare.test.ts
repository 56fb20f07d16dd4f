// The consolidated sheet with a compared period: "Cùng kỳ <period>" and "Tăng/giảm (%)" after the notes,
// the child blocks moved two columns right; without one, the sheet is as before.
import { describe, expect, it } from "vitest";
import type { ComparedConsolidation } from "../api/units.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { consolidatedSheetPlan } from "./consolidated-sheet.ts";

const ROWS = 14 + doan2024.indicators.length;
const rowOf = (code: string) => 15 + doan2024.indicators.findIndex((i) => i.code === code);

function answer(compare: boolean): ComparedConsolidation {
  const previous = compare ? { previous: { actual: 50_000 } } : {};
  return {
    unit: "SL",
    name: "Tỉnh đoàn Sơn La",
    period: "2026",
    template: "doan-2024",
    indicators: [
      { code: "GD04", kind: "count", actual: 54_000, ...previous },
      { code: "TD01", kind: "grade", grades: { XS: 3 }, ...(compare && { previous: { grades: { T: 2 } } }) },
    ],
    children: [
      {
        unit: "SL.CHIENGMAI",
        name: "Đoàn xã Chiềng Mai",
        indicators: [
          { code: "GD04", kind: "count", actual: 900, ...(compare && { previous: { actual: 800 } }) },
        ],
      },
    ],
    reporting: { expected: 1, submitted: 1, late: 0, missing: [] },
    ...(compare && { compare: { period: "2024" } }),
  };
}

const valueAt = (plan: ReturnType<typeof consolidatedSheetPlan>, address: string) =>
  plan.cells.find((c) => c.address === address)?.value;

describe("consolidatedSheetPlan with compare", () => {
  it("adds the compared figures and the change after the notes, and moves the children right", () => {
    const plan = consolidatedSheetPlan(answer(true), doan2024, { lang: "vi" });
    expect(valueAt(plan, "H14")).toBe("Cùng kỳ 2024");
    expect(valueAt(plan, "I14")).toBe("Tăng/giảm (%)");
    expect(valueAt(plan, `E${rowOf("GD04")}`)).toBe(54_000);
    expect(valueAt(plan, `H${rowOf("GD04")}`)).toBe(50_000);
    expect(valueAt(plan, `I${rowOf("GD04")}`)).toBe(8);
    expect(valueAt(plan, `H${rowOf("TD01")}`)).toBe("XS: 0; T: 2; HT: 0; KHT: 0");
    expect(valueAt(plan, "J14")).toBe("Đoàn xã Chiềng Mai – Chỉ tiêu");
    expect(valueAt(plan, `K${rowOf("GD04")}`)).toBe(900);
    expect(plan.tables[0]?.range).toBe(`A14:K${ROWS}`);
    expect(plan.properties?.compare).toBe("2024");
  });

  it("names the columns in English", () => {
    const plan = consolidatedSheetPlan(answer(true), doan2024, { lang: "en" });
    expect([valueAt(plan, "H14"), valueAt(plan, "I14")]).toEqual(["Same period 2024", "Change (%)"]);
  });

  it("keeps the sheet as it was without a compared period", () => {
    const plan = consolidatedSheetPlan(answer(false), doan2024, { lang: "vi" });
    expect(valueAt(plan, "H14")).toBe("Đoàn xã Chiềng Mai – Chỉ tiêu");
    expect(plan.tables[0]?.range).toBe(`A14:I${ROWS}`);
    expect(plan.properties?.compare).toBeUndefined();
  });
});
