import { describe, expect, it } from "vitest";
import { TEXT, type TextKey, t } from "./text.ts";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the page's words", () => {
  it("say the same things in Vietnamese and English", () => {
    for (const [key, text] of Object.entries(TEXT)) {
      expect(text.vi, key).not.toBe("");
      expect(text.en, key).not.toBe("");
      expect(placeholders(text.vi), key).toEqual(placeholders(text.en));
    }
  });

  it("fill in their parameters, and leave a missing one visible", () => {
    expect(t("vi", "counts", { errors: 3, warnings: 0 })).toBe("3 lỗi, 0 cảnh báo");
    expect(t("en", "counts", { errors: 3 })).toBe("3 errors, {warnings} warnings");
  });

  it("never speak of HTTP codes or Bearer to people", () => {
    for (const key of Object.keys(TEXT) as TextKey[]) {
      for (const lang of ["vi", "en"] as const)
        expect(t(lang, key)).not.toMatch(/\b(401|403|404|500|Bearer)\b/);
    }
  });
});
