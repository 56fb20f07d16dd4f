import { describe, expect, it } from "vitest";
import { diffRows } from "./submission.ts";

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
