import { describe, expect, it } from "vitest";
import { normalizeUnitCode } from "./unit-code.ts";

describe("normalizeUnitCode", () => {
  it("reads codes case-insensitively and writes them upper-case", () => {
    expect(normalizeUnitCode("sl.maison")).toBe("SL.MAISON");
    expect(normalizeUnitCode(" Sl.MaiSon ")).toBe("SL.MAISON");
    expect(normalizeUnitCode("SL.MAISON")).toBe("SL.MAISON");
  });

  it("refuses what cannot be a code", () => {
    for (const bad of ["sl maison", ".SL", "Huyện đoàn", "", "X".repeat(65)]) {
      expect(normalizeUnitCode(bad), bad).toBeNull();
    }
  });
});
