import { describe, expect, it } from "vitest";
import { templateNotice } from "./notice.ts";

describe("templateNotice", () => {
  it("says which template the period uses when the sheet's is another, or an older version", () => {
    expect(templateNotice({ id: "doan-2024", version: 1 }, { id: "doan-2026", version: 1 })).toEqual({
      vi: "mẫu doan-2024 v1; kỳ này dùng doan-2026: tải mẫu mới",
      en: "template doan-2024 v1; this period uses doan-2026: download the new template",
    });
    expect(templateNotice({ id: "doan-2026", version: 1 }, { id: "doan-2026", version: 2 })?.vi).toBe(
      "mẫu doan-2026 v1; kỳ này dùng doan-2026 v2: tải mẫu mới",
    );
    expect(templateNotice({ id: "doan-2026", version: 2 }, { id: "doan-2026", version: 2 })).toBeUndefined();
  });
});
