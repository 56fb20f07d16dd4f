import { describe, expect, it } from "vitest";
import { getTemplate } from "../template/registry.ts";
import { compareCells, compareHeaders } from "./compare-columns.ts";

const template = getTemplate("doan-2024");
const ind = (code: string) => {
  const found = template?.indicators.find((i) => i.code === code);
  if (!found) throw new Error(code);
  return found;
};

describe("compare columns", () => {
  it("are named after the compared period in each language", () => {
    expect(compareHeaders("2024", "vi")).toEqual(["Cùng kỳ 2024", "Tăng/giảm (%)"]);
    expect(compareHeaders("2024", "en")).toEqual(["Same period 2024", "Change (%)"]);
  });

  it("give a count's previous figure and its change in per cent, one decimal", () => {
    expect(
      compareCells(ind("GD04"), { code: "GD04", kind: "count", actual: 1150, previous: { actual: 1000 } }),
    ).toEqual({ previous: 1000, change: 15 });
    expect(
      compareCells(ind("PT03"), { code: "PT03", kind: "money", actual: 200, previous: { actual: 300 } }),
    ).toEqual({ previous: 300, change: -33.3 });
  });

  it("change a rate in percentage points, leave the change blank from a zero or missing previous figure, and show grades as text", () => {
    expect(
      compareCells(ind("GD03"), { code: "GD03", kind: "ratio", actual: 90, previous: { actual: 80 } }),
    ).toEqual({ previous: 80, change: 10 });
    expect(
      compareCells(ind("PT05"), { code: "PT05", kind: "count", actual: 4, previous: { actual: 0 } }),
    ).toEqual({ previous: 0, change: null });
    expect(compareCells(ind("PT05"), { code: "PT05", kind: "count", actual: 4 })).toEqual({
      previous: null,
      change: null,
    });
    expect(
      compareCells(ind("TD01"), {
        code: "TD01",
        kind: "grade",
        grades: { XS: 1 },
        previous: { grades: { XS: 2, T: 1 } },
      }),
    ).toEqual({ previous: "XS: 2; T: 1; HT: 0; KHT: 0", change: null });
  });
});
