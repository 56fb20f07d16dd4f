import { describe, expect, it } from "vitest";
import { compiledRules } from "../rules/compiled.ts";
import { getTemplate, indicatorMap, inputIndicators } from "./registry.ts";

describe("template registry", () => {
  it("finds doan-2024 by id and nothing else", () => {
    expect(getTemplate("doan-2024")?.version).toBe(1);
    expect(getTemplate("doan-2099")).toBeUndefined();
  });

  it("has unique codes, sections that exist, and ratios over count rows", () => {
    const t = getTemplate("doan-2024")!;
    const codes = t.indicators.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    const sections = new Set(t.sections.map((s) => s.id));
    const byCode = indicatorMap(t);
    for (const i of t.indicators) {
      expect(sections.has(i.section)).toBe(true);
      if (i.kind === "ratio") {
        expect(byCode.get(i.ratio!.numerator)?.kind).toBe("count");
        expect(byCode.get(i.ratio!.denominator)?.kind).toBe("count");
      }
    }
    for (const r of compiledRules(t)) {
      expect(r.codes.every((code) => byCode.has(code))).toBe(true);
    }
    expect(inputIndicators(t)).toHaveLength(45);
  });
});
