import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReportRow } from "../template/types.ts";
import { mergeRows } from "./merge.ts";

const current: ReportRow[] = [
  { code: "GD01", actual: 10 },
  { code: "PT02", target: 5, actual: 12, note: "cũ" },
  { code: "TD01", actual: "XS" },
];

describe("mergeRows", () => {
  it("replace: the incoming rows are the whole report", () => {
    const incoming: ReportRow[] = [{ code: "PT02", actual: 3 }];
    const out = mergeRows(current, incoming, "replace");
    expect(out).toEqual([{ code: "PT02", actual: 3 }]);
    expect(out).not.toBe(incoming);
  });

  it("replace with nothing empties the report", () => {
    expect(mergeRows(current, [], "replace")).toEqual([]);
  });

  it("merge: same-code rows are replaced in place, others kept, new ones appended", () => {
    const out = mergeRows(
      current,
      [
        { code: "KN02", actual: 4 },
        { code: "PT02", actual: 20 },
      ],
      "merge",
    );
    expect(out).toEqual([
      { code: "GD01", actual: 10 },
      { code: "PT02", actual: 20 },
      { code: "TD01", actual: "XS" },
      { code: "KN02", actual: 4 },
    ]);
  });

  it("merge: the whole row is replaced, so a null actual clears the figure and the old note goes", () => {
    const out = mergeRows(current, [{ code: "PT02", actual: null }], "merge");
    expect(out[1]).toEqual({ code: "PT02", actual: null });
  });

  it("merge: the last of two incoming rows with one code wins, and duplicates in current collapse", () => {
    const out = mergeRows(
      [
        { code: "A", actual: 1 },
        { code: "B", actual: 2 },
        { code: "A", actual: 3 },
      ],
      [
        { code: "A", actual: 7 },
        { code: "A", actual: 8 },
      ],
      "merge",
    );
    expect(out).toEqual([
      { code: "A", actual: 8 },
      { code: "B", actual: 2 },
    ]);
  });

  it("merge with nothing keeps the current rows and does not mutate the inputs", () => {
    const before = structuredClone(current);
    const out = mergeRows(current, [], "merge");
    expect(out).toEqual(before);
    expect(current).toEqual(before);
  });

  it("merge: every incoming code ends with its last incoming row; untouched codes keep theirs", () => {
    const row = fc.record({
      code: fc.constantFrom("A", "B", "C", "D"),
      actual: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row), fc.array(row), (cur, inc) => {
        const out = mergeRows(cur, inc, "merge");
        const codes = out.map((r) => r.code);
        for (const code of new Set(inc.map((r) => r.code))) {
          expect(codes.filter((c) => c === code)).toHaveLength(1);
          expect(out.find((r) => r.code === code)).toBe(inc.findLast((r) => r.code === code));
        }
        const untouched = cur.filter((r) => !inc.some((i) => i.code === r.code));
        expect(out.filter((r) => !inc.some((i) => i.code === r.code))).toEqual(untouched);
      }),
    );
  });
});
