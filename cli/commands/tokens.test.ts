import { describe, expect, it } from "vitest";
import { subtree } from "./tokens.ts";

const units = [
  { code: "SL", parent: null },
  { code: "SL.B.X", parent: "SL.B" },
  { code: "SL.A", parent: "SL" },
  { code: "SL.B", parent: "SL" },
  { code: "HN", parent: null },
  { code: "HN.A", parent: "HN" },
];

describe("subtree", () => {
  it("takes the unit and everything below it, whatever order the server lists them in", () => {
    expect(subtree(units, "SL.B").map((u) => u.code)).toEqual(["SL.B.X", "SL.B"]);
    expect(subtree(units, "SL").map((u) => u.code)).toEqual(["SL", "SL.B.X", "SL.A", "SL.B"]);
  });

  it("is empty for an unknown unit", () => {
    expect(subtree(units, "DN")).toEqual([]);
  });
});
