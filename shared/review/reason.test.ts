import { describe, expect, it } from "vitest";
import { reasonMissing } from "./reason.ts";

describe("reasonMissing", () => {
  it("asks a return for a comment or an indicator comment", () => {
    expect(reasonMissing("return", undefined, undefined)).toBe(true);
    expect(reasonMissing("return", "   ", [])).toBe(true);
    expect(reasonMissing("return", "Sai GD04", undefined)).toBe(false);
    expect(reasonMissing("return", "", [{ code: "GD04", comment: "kiểm tra" }])).toBe(false);
  });
  it("never asks it of an accept or a reopen", () => {
    expect(reasonMissing("accept", undefined, undefined)).toBe(false);
    expect(reasonMissing("reopen", "", [])).toBe(false);
  });
});
