import { describe, expect, it } from "vitest";
import { TEXT, t } from "./text.ts";

describe("UI text", () => {
  it("has a Vietnamese and an English text for every key, with the same placeholders", () => {
    for (const [key, entry] of Object.entries(TEXT)) {
      expect(entry.vi.trim(), key).not.toBe("");
      expect(entry.en.trim(), key).not.toBe("");
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(entry.vi), key).toEqual(names(entry.en));
    }
  });

  it("fills placeholders and leaves unknown ones as written", () => {
    expect(t("statusQueued", "vi", { n: 1 })).toBe("Đang chờ gửi (1)");
    expect(t("statusQueued", "en", { n: 2 })).toBe("Waiting to send (2)");
    expect(t("statusQueued", "vi")).toBe("Đang chờ gửi ({n})");
  });
});
