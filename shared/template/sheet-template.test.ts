import { describe, expect, it } from "vitest";
import { templateToLookUp } from "./sheet-template.ts";

describe("templateToLookUp", () => {
  const v1 = { id: "doan-2024", version: 1 };
  it("asks for nothing when the sheet names no template, or the one it was checked with", () => {
    expect(templateToLookUp({}, v1)).toBeUndefined();
    expect(templateToLookUp({ templateId: "doan-2024", templateVersion: 1 }, v1)).toBeUndefined();
    expect(templateToLookUp({ templateId: "doan-2024" }, v1)).toBeUndefined();
  });

  it("asks for the sheet's own version, or a template the check did not know", () => {
    expect(
      templateToLookUp({ templateId: "doan-2026", templateVersion: 1 }, { id: "doan-2026", version: 2 }),
    ).toEqual({
      id: "doan-2026",
      version: 1,
    });
    expect(templateToLookUp({ templateId: "tinh-sl-2026" }, undefined)).toEqual({
      id: "tinh-sl-2026",
      version: undefined,
    });
  });
});
