import { describe, expect, it } from "vitest";
import type { CellMark } from "../../shared/plans/types.ts";
import { type CellNow, type MarkedCell, marksFor, parseRecord, planMarkWrites } from "./marks-plan.ts";

const RED = "#FFC7CE";
const mark = (address: string, note = "n", fill = RED): CellMark => ({
  address,
  severity: "error",
  fill,
  note,
});
const none: CellNow = { fill: "#FFFFFF", noFill: true, note: null };

describe("planMarkWrites", () => {
  it("remembers No Fill as 'none' and a white fill as white (told apart by tintAndShade)", () => {
    const w = planMarkWrites(
      {},
      marksFor("S", [mark("A1"), mark("A2")]),
      { A1: none, A2: { fill: "#FFFFFF", noFill: false, note: null } },
      "note",
    );
    expect(w.cells.A1).toEqual({ fill: RED, original: "none", note: "n", via: "note" });
    expect(w.cells.A2?.original).toBe("#FFFFFF");
    expect(w.setFill.map((s) => s.address)).toEqual(["A1", "A2"]);
    expect(w.addNote.map((s) => s.address)).toEqual(["A1", "A2"]);
  });

  it("without ExcelApi 1.9 an #FFFFFF cell is taken as No Fill", () => {
    const w = planMarkWrites({}, marksFor("S", [mark("A1")]), { A1: { ...none, noFill: null } }, "note");
    expect(w.cells.A1?.original).toBe("none");
  });

  it("keeps the first original across runs, and restores it when the issue is gone", () => {
    const prev: Record<string, MarkedCell> = {
      B2: { fill: RED, original: "#FFFF00", note: "n", via: "note" },
    };
    const still = planMarkWrites(
      prev,
      marksFor("S", [mark("B2")]),
      { B2: { fill: RED, noFill: false, note: "n" } },
      "note",
    );
    expect(still.cells.B2?.original).toBe("#FFFF00");
    expect(still.changed).toBe(false);
    const gone = planMarkWrites(prev, new Map(), { B2: { fill: RED, noFill: false, note: "n" } }, "note");
    expect(gone.restoreFill).toEqual([{ address: "B2", to: "#FFFF00" }]);
    expect(gone.deleteNote).toEqual([{ address: "B2", via: "note" }]);
    expect(gone.cells).toEqual({});
  });

  it("updates our note when the message changes, and the fill when the severity changes", () => {
    const prev: Record<string, MarkedCell> = {
      C3: { fill: RED, original: "none", note: "old", via: "note" },
    };
    const w = planMarkWrites(
      prev,
      marksFor("S", [mark("C3", "new", "#FFEB9C")]),
      { C3: { fill: RED, noFill: false, note: "old" } },
      "note",
    );
    expect(w.updateNote).toEqual([{ address: "C3", text: "new", via: "note" }]);
    expect(w.setFill).toEqual([{ address: "C3", color: "#FFEB9C" }]);
    expect(w.cells.C3).toEqual({ fill: "#FFEB9C", original: "none", note: "new", via: "note" });
  });

  it("leaves a note written through an API this host lacks, and keeps remembering it", () => {
    const prev: Record<string, MarkedCell> = { D4: { fill: RED, original: "none", note: "n", via: "note" } };
    const w = planMarkWrites(
      prev,
      marksFor("S", [mark("D4")]),
      { D4: { fill: RED, noFill: false, note: null } },
      "comment",
    );
    expect(w.addNote).toEqual([]);
    expect(w.cells.D4).toEqual(prev.D4);
  });

  it("normalises addresses and colours, and keeps only the sheet's marks", () => {
    const m = marksFor("Báo cáo", [
      { ...mark("$f$14"), fill: "#ffc7ce" },
      { ...mark("F15"), sheet: "báo cáo" },
      { ...mark("F16"), sheet: "Khác" },
    ]);
    expect([...m.keys()]).toEqual(["F14", "F15"]);
    expect(m.get("F14")?.fill).toBe(RED);
    expect(() => marksFor("S", [mark("nope")])).toThrow(RangeError);
  });

  it("reads a damaged record as no record", () => {
    expect(parseRecord("x")).toEqual({ v: 1, sheets: {} });
    expect(parseRecord({ sheets: { a: { A1: { fill: 1 } }, b: "x" } })).toEqual({ v: 1, sheets: { a: {} } });
  });
});
