import { expect, it } from "vitest";
import { coalesce } from "./rects.ts";

it("groups cells into few rectangles: vertical runs, then equal runs side by side", () => {
  const cells = [
    ...[10, 11, 12].flatMap((row) => [5, 6].map((col) => ({ row, col }))),
    { row: 14, col: 5 },
    { row: 9, col: 1 },
    { row: 9, col: 1 },
  ];
  expect(coalesce(cells)).toEqual(["A9", "E10:F12", "E14"]);
  expect(coalesce([])).toEqual([]);
});
