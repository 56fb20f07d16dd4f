import { describe, expect, it } from "vitest";
import { checkSchemeDefinition, templateCodes } from "./definition.ts";
import { tieuChi2021 } from "./tieu-chi-2021.ts";

/** The built-in scheme as plain JSON, to break one field at a time. */
function base(): Record<string, unknown> & {
  criteria: { code: string; items: Record<string, unknown>[] }[];
  grades: Record<string, unknown>[];
} {
  return JSON.parse(JSON.stringify(tieuChi2021));
}

function item(s: ReturnType<typeof base>, n: number, m: number): Record<string, unknown> {
  const found = s.criteria[n]?.items[m];
  if (!found) throw new Error(`no item ${n}.${m}`);
  return found;
}

function fields(input: unknown, id?: string): string[] {
  const result = checkSchemeDefinition(input, id);
  if (result.ok) return [];
  return result.issues.map((i) => `${i.code} ${i.field}`);
}

describe("checkSchemeDefinition", () => {
  it("passes the built-in scheme unchanged (its version left out)", () => {
    const result = checkSchemeDefinition(tieuChi2021, "tieu-chi-2021");
    const { version: _v, ...rest } = tieuChi2021;
    expect(result).toEqual({ ok: true, definition: rest });
  });

  it("reads the built-in templates' codes, former codes included", () => {
    const codes = templateCodes();
    expect(codes.has("GD06")).toBe(true);
    expect(codes.has("ZZ99")).toBe(false);
  });

  it("names the route's id when the body's differs", () => {
    expect(fields(tieuChi2021, "other")).toEqual(["id_mismatch id"]);
  });

  it("refuses a repeated criterion code and a repeated item code on their fields", () => {
    const s = base();
    (s.criteria[1] as { code: string }).code = "TC1";
    (item(s, 2, 0) as unknown as { code: string }).code = "TC1.1";
    expect(fields(s)).toEqual(["duplicate criteria.1.code", "duplicate criteria.2.items.0.code"]);
  });

  it("refuses a maximum of 0, a negative one, and one that is not a number", () => {
    const s = base();
    (item(s, 2, 0) as unknown as { max: unknown }).max = 0;
    (item(s, 0, 1) as unknown as { max: unknown }).max = -5;
    (item(s, 1, 0) as unknown as { max: unknown }).max = "20";
    expect(fields(s).sort()).toEqual([
      "invalid_type criteria.1.items.0.max",
      "too_small criteria.0.items.1.max",
      "too_small criteria.2.items.0.max",
    ]);
  });

  it("refuses NaN and Infinity", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const s = base();
      (item(s, 0, 0) as unknown as { max: unknown }).max = bad;
      (s.grades[0] as { minTotal: unknown }).minTotal = bad;
      expect(fields(s).map((f) => f.split(" ")[1])).toEqual(["criteria.0.items.0.max", "grades.0.minTotal"]);
    }
  });

  it("refuses a computed item reading a code no template has", () => {
    const s = base();
    (item(s, 0, 1) as unknown as { measure: { indicator: string } }).measure.indicator = "ZZ99";
    expect(fields(s)).toEqual(["unknown_code criteria.0.items.1.measure.indicator"]);
    expect(checkSchemeDefinition(s, undefined, new Set([...templateCodes(), "ZZ99"])).ok).toBe(true);
  });

  it("refuses late points over the item's maximum", () => {
    const s = base();
    (item(s, 4, 0) as unknown as { late: number }).late = 31;
    expect(fields(s)).toEqual(["late_over_max criteria.4.items.0.late"]);
  });

  it("refuses grades out of order, thresholds not decreasing, and one beyond the scheme's points", () => {
    const order = base();
    order.grades = [order.grades[1], order.grades[0], order.grades[2]] as Record<string, unknown>[];
    expect(fields(order)).toEqual(["grade_order grades.1.grade"]);
    const thresholds = base();
    (thresholds.grades[2] as { minTotal: number }).minTotal = 380;
    expect(fields(thresholds)).toEqual(["threshold_order grades.2.minTotal"]);
    const beyond = base();
    (beyond.grades[0] as { minTotal: number }).minTotal = 501;
    expect(fields(beyond)).toEqual(["threshold_over_max grades.0.minTotal"]);
  });

  it("refuses a label a spreadsheet would take for a formula, and unknown fields", () => {
    const s = base() as ReturnType<typeof base> & { title: { vi: string }; extra?: number };
    s.title.vi = '=HYPERLINK("http://x")';
    (item(s, 3, 0) as unknown as { label: { en: string } }).label.en = "+1";
    s.extra = 1;
    expect(fields(s)).toEqual([
      "custom title.vi",
      "custom criteria.3.items.0.label.en",
      "unrecognized_keys extra",
    ]);
  });

  it("refuses huge inputs with a bounded list of issues", () => {
    const s = base();
    s.criteria = Array.from({ length: 5000 }, (_, i) => ({ code: `C${i}`, items: [] }));
    const result = checkSchemeDefinition(s);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.length).toBeLessThanOrEqual(101);
    const longLabel = base();
    (longLabel.criteria[0] as unknown as { label: { vi: string } }).label.vi = "x".repeat(100_000);
    expect(fields(longLabel)).toEqual(["too_big criteria.0.label.vi"]);
  });

  it("refuses what is not a scheme at all", () => {
    for (const bad of [null, 42, "scheme", [], {}]) expect(checkSchemeDefinition(bad).ok).toBe(false);
  });
});
