import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReportRow } from "../template/types.ts";
import { changesBetween } from "./changes.ts";
import { describeChange } from "./labels.ts";

describe("changesBetween", () => {
  it("names each changed field with its old and new value", () => {
    const before: ReportRow[] = [
      { code: "GD01", actual: 10 },
      { code: "PT02", target: 5, actual: 3, note: "x" },
      { code: "TD01", actual: "T" },
    ];
    const after: ReportRow[] = [
      { code: "GD01", actual: 12 },
      { code: "PT02", target: 5, actual: 3 },
      { code: "GD04", actual: 100 },
    ];
    expect(changesBetween(before, after)).toEqual([
      { code: "GD01", field: "actual", old: 10, new: 12 },
      { code: "PT02", field: "note", old: "x", new: null },
      { code: "GD04", field: "actual", old: null, new: 100 },
      { code: "TD01", field: "actual", old: "T", new: null },
    ]);
  });
  it("treats a missing row, null and an empty note alike", () => {
    expect(changesBetween([{ code: "A", note: "" }], [{ code: "A", actual: null }])).toEqual([]);
  });

  const row = fc.record(
    {
      code: fc.constantFrom("GD01", "GD04", "PT02", "TD01"),
      target: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
      actual: fc.option(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom("XS", "T")), {
        nil: undefined,
      }),
    },
    { requiredKeys: ["code"] },
  );
  const report = fc.uniqueArray(row, { selector: (r) => r.code, maxLength: 4 });

  it("is empty exactly when the two reports hold the same values (oracle: per code and field)", () => {
    fc.assert(
      fc.property(report, report, (a, b) => {
        const changes = changesBetween(a, b);
        const val = (rows: ReportRow[], code: string, f: "target" | "actual") =>
          rows.find((r) => r.code === code)?.[f] ?? null;
        for (const code of new Set([...a, ...b].map((r) => r.code))) {
          for (const f of ["target", "actual"] as const) {
            const differs = val(a, code, f) !== val(b, code, f);
            const listed = changes.find((c) => c.code === code && c.field === f);
            expect(listed !== undefined).toBe(differs);
            if (listed) expect([listed.old, listed.new]).toEqual([val(a, code, f), val(b, code, f)]);
          }
        }
        expect(changesBetween(b, a).length).toBe(changes.length);
      }),
    );
  });
});

describe("describeChange", () => {
  it("writes numbers the way each language does", () => {
    const c = { code: "PT02", field: "actual" as const, old: 1200, new: 1500.5 };
    expect(describeChange(c, "vi")).toBe("PT02 thực hiện: 1.200 → 1.500,5");
    expect(describeChange(c, "en")).toBe("PT02 actual: 1,200 → 1,500.5");
    expect(describeChange({ code: "PT02", field: "note", old: null, new: "ok" }, "vi")).toBe(
      "PT02 ghi chú: (trống) → 'ok'",
    );
  });
});
