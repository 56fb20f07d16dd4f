import { describe, expect, it } from "vitest";
import { diffRows, submissionBody } from "../../shared/api/submission-body.ts";
import type { Issue } from "../../shared/issues.ts";
import { fixesOf } from "./controller.ts";

describe("submissionBody", () => {
  it("sends the report's rows as a whole (replace), with the reporter, and drops empty notes", () => {
    const body = submissionBody(
      {
        unit: "SL.MAISON",
        period: "2023",
        template: "doan-2024",
        rows: [
          { code: "PT01", target: 90000, actual: 92387, note: "" },
          { code: "TD01", target: null, actual: "XS", note: "Tự đánh giá" },
          { code: "GD01", actual: null },
        ],
      },
      { reporter: "Nguyễn Văn An", phone: "0212 3852 123" },
    );
    expect(body).toEqual({
      unit: "SL.MAISON",
      period: "2023",
      template: "doan-2024",
      mode: "replace",
      rows: [
        { code: "PT01", target: 90000, actual: 92387 },
        { code: "TD01", target: null, actual: "XS", note: "Tự đánh giá" },
        { code: "GD01", actual: null },
      ],
      reporter: { name: "Nguyễn Văn An", phone: "0212 3852 123" },
    });
  });

  it("leaves the reporter out when the header has none", () => {
    const body = submissionBody({ unit: "SL", period: "2023", template: "doan-2024", rows: [] }, {});
    expect(body).not.toHaveProperty("reporter");
  });
});

describe("diffRows", () => {
  it("lists each (code, field) that differs; blank, missing and empty note are the same", () => {
    const server = [
      { code: "PT01", actual: 95000, target: 90000 },
      { code: "KN02", actual: 1758, note: "" },
      { code: "GD01", actual: 120 },
    ];
    const sheet = [
      { code: "PT01", actual: 92387, target: 90000 },
      { code: "KN02", actual: 1758 },
      { code: "XD02", actual: 10 },
    ];
    expect(diffRows(server, sheet)).toEqual([
      { code: "PT01", field: "actual", server: 95000, sheet: 92387 },
      { code: "XD02", field: "actual", server: null, sheet: 10 },
      { code: "GD01", field: "actual", server: 120, sheet: null },
    ]);
  });
});

describe("fixesOf", () => {
  const issue = (cell: string, value: number | string | null): Issue => ({
    code: "cell.text_number",
    severity: "error",
    cell,
    params: {},
    fix: { value },
  });

  it("keeps one fix per cell and leaves a cell with two different fixes to the user", () => {
    const fixes = fixesOf([
      issue("F27", 92387),
      issue("F27", 92387),
      issue("F30", 1),
      issue("F30", 2),
      { code: "rule.compare", severity: "error", cell: "F12", params: {} },
      issue("F56", null),
    ]);
    expect(fixes).toEqual([
      { address: "F27", value: 92387 },
      { address: "F56", value: null },
    ]);
  });
});
