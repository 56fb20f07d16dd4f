import { describe, expect, it } from "vitest";
import { chooseFixes } from "./fixes.ts";
import type { Issue } from "./issues.ts";

const issue = (cell: string, value: number | string | null, sheet?: string): Issue => ({
  code: "cell.text_number",
  severity: "error",
  cell,
  ...(sheet !== undefined && { sheet }),
  params: {},
  fix: { value },
});

describe("chooseFixes", () => {
  it("keeps one fix per cell and never fixes silently a cell with two different fixes", () => {
    const { fixes, conflicts } = chooseFixes([
      issue("F27", 92387),
      issue("F27", 92387),
      issue("F30", 1),
      issue("F30", 2),
      { code: "rule.compare", severity: "error", cell: "F12", params: {} },
      issue("F56", null),
    ]);
    expect(fixes.map((f) => [f.address, f.value])).toEqual([
      ["F27", 92387],
      ["F56", null],
    ]);
    expect(conflicts).toEqual([{ address: "F30", values: [1, 2] }]);
  });

  it("tells the same address on two sheets apart", () => {
    const { fixes } = chooseFixes([issue("F30", 1, "A"), issue("F30", 2, "B")]);
    expect(fixes.map((f) => [f.sheet, f.value])).toEqual([
      ["A", 1],
      ["B", 2],
    ]);
  });
});
