import { describe, expect, it } from "vitest";
import { isLate } from "./late.ts";

describe("isLate", () => {
  it("compares instants, not text", () => {
    // As text, "2024-…" sorts after "+010000-…": every report would be late.
    expect(isLate("2024-01-01T00:00:00.000Z", "+010000-01-01T00:00:00.000Z")).toBe(false);
    // The same instant written with an offset is not after itself.
    expect(isLate("2024-01-01T07:00:00+07:00", "2024-01-01T00:00:00.000Z")).toBe(false);
    expect(isLate("2024-01-01T07:00:00.001+07:00", "2024-01-01T00:00:00.000Z")).toBe(true);
  });

  it("is never late without a deadline", () => {
    expect(isLate("2024-01-01T00:00:00.000Z", null)).toBe(false);
    expect(isLate("2024-01-01T00:00:00.000Z", undefined)).toBe(false);
  });

  it("refuses a time that is not a date-time rather than guessing", () => {
    expect(() => isLate("yesterday", "2024-01-01T00:00:00.000Z")).toThrow(/not a date-time/);
  });
});
