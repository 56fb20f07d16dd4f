import { describe, expect, it } from "vitest";
import { submissionBody } from "./submission-body.ts";

const report = {
  unit: "SL.MAISON",
  period: "2023",
  template: "doan-2024",
  rows: [
    { code: "PT01", target: 90000, actual: 92387, note: "" },
    { code: "TD01", target: null, actual: "XS", note: "Tự đánh giá" },
    { code: "GD01", target: null, actual: null },
    { code: "GD04", target: 120, actual: null },
    { code: "GD03", target: 90, actual: 98.3 },
    { code: "GD06", target: null, actual: 93.3 },
  ],
};

describe("submissionBody", () => {
  it("sends the filled rows, drops empty rows and empty notes, with the reporter", () => {
    const body = submissionBody(report, { reporter: "Nguyễn Văn An", phone: "0212 3852 123" });
    expect(body).toEqual({
      unit: "SL.MAISON",
      period: "2023",
      template: "doan-2024",
      mode: "replace",
      rows: [
        { code: "PT01", target: 90000, actual: 92387 },
        { code: "TD01", actual: "XS", note: "Tự đánh giá" },
        { code: "GD04", target: 120 },
        { code: "GD03", target: 90 },
      ],
      reporter: { name: "Nguyễn Văn An", phone: "0212 3852 123" },
    });
  });

  it("never sends a ratio's actual: the server recomputes it, whatever the sheet's formula showed", () => {
    const body = submissionBody(report, {});
    expect(body.rows.find((r) => r.code === "GD03")).toEqual({ code: "GD03", target: 90 });
    expect(body.rows.map((r) => r.code)).not.toContain("GD06");
  });

  it("keeps the mode asked for: in merge mode a blank row is left out, never sent as an eraser", () => {
    const body = submissionBody(report, {}, "merge");
    expect(body.mode).toBe("merge");
    expect(body.rows.map((r) => r.code)).not.toContain("GD01");
  });

  it("leaves the reporter out when the header has none", () => {
    const body = submissionBody({ ...report, rows: [] }, {});
    expect(body).not.toHaveProperty("reporter");
  });
});
