import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by.ts";

describe("groupBy", () => {
  it("keeps every item once, in its order, under its key", () => {
    const rows = [
      { unit: "A", n: 1 },
      { unit: "B", n: 2 },
      { unit: "A", n: 3 },
    ];
    const g = groupBy(rows, (r) => r.unit);
    expect([...g.keys()]).toEqual(["A", "B"]);
    expect(g.get("A")?.map((r) => r.n)).toEqual([1, 3]);
    expect(g.get("B")?.map((r) => r.n)).toEqual([2]);
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });
});
