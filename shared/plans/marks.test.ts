import { describe, expect, it } from "vitest";
import type { Issue } from "../issues.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { ERROR_FILL, marksPlan, WARNING_FILL } from "./marks.ts";

const issue = (over: Partial<Issue> & Pick<Issue, "code">): Issue => ({
  severity: "error",
  sheet: "Báo cáo",
  params: {},
  ...over,
});

describe("marksPlan", () => {
  it("makes one mark per cell, errors winning over warnings, notes joined", () => {
    const marks = marksPlan(
      [
        issue({
          code: "rule.outlier",
          severity: "warning",
          indicator: "PT01",
          field: "actual",
          cell: "F27",
          params: { value: 92387, previous: 1000, factor: 5, direction: "up" },
        }),
        issue({
          code: "cell.text_number",
          indicator: "PT01",
          field: "actual",
          cell: "F27",
          params: { raw: "92.387", value: 92387, fixable: true, reading: "thousands" },
          fix: { value: 92387 },
        }),
        issue({
          code: "grid.row_unknown",
          severity: "warning",
          cell: "B70",
          params: { code: "ZZ99", template: "doan-2024" },
        }),
        issue({
          code: "grid.header_missing",
          cell: "F5",
          field: "header.unitCode",
          params: { field: "unitCode" },
        }),
      ],
      doan2024,
    );
    expect(marks.map((m) => [m.address, m.severity, m.fill])).toEqual([
      ["F5", "error", ERROR_FILL],
      ["F27", "error", ERROR_FILL],
      ["B70", "warning", WARNING_FILL],
    ]);
    const f27 = marks[1]!;
    expect(f27.sheet).toBe("Báo cáo");
    const lines = f27.note.split("\n");
    expect(lines).toHaveLength(2);
    // The error comes first, in Vietnamese, naming the cell and the row.
    expect(lines[0]).toMatch(/^Ô F27 \(PT01 – Số lượt ĐVTN tham gia các hoạt động, phong trào\): /);
    expect(lines[0]).toContain("92.387");
    expect(lines[1]).toContain("kỳ trước");
    expect(marks[0]!.note).toContain("Chưa có mã đơn vị");
  });

  it("writes English notes on request and skips issues without a cell", () => {
    const marks = marksPlan(
      [
        issue({
          code: "rule.required_missing",
          indicator: "GD01",
          field: "actual",
          params: { code: "GD01" },
        }),
        issue({ code: "grid.table_not_found", cell: "A1", params: {} }),
      ],
      undefined,
      "en",
    );
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ address: "A1", severity: "error" });
    expect(marks[0]!.note).toMatch(/^Cell A1: The report table was not found/);
  });

  it("keeps cells of different sheets apart and drops repeated sentences", () => {
    const same = issue({ code: "grid.table_not_found", cell: "A1", params: {} });
    const marks = marksPlan([same, same, { ...same, sheet: "Sheet2" }], doan2024);
    expect(marks.map((m) => m.sheet)).toEqual(["Báo cáo", "Sheet2"]);
    expect(marks[0]!.note.split("\n")).toHaveLength(1);
  });

  it("uses Excel's bad and neutral fills", () => {
    expect(ERROR_FILL).toBe("#FFC7CE");
    expect(WARNING_FILL).toBe("#FFEB9C");
    expect(marksPlan([], doan2024)).toEqual([]);
  });
});
