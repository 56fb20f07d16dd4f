/// <reference types="office-js" />
import { describe, expect, it } from "vitest";
import { ERROR_FILL, WARNING_FILL } from "../../shared/plans/marks.ts";
import type { CellMark } from "../../shared/plans/types.ts";
import { applyMarks, checkAndMarkSheet } from "./marks.ts";
import { MARKS_KEY, parseRecord } from "./marks-plan.ts";
import { renderPlan } from "./render-plan.ts";
import { check, fixesOf, templateBook } from "./testing.ts";
import { applyFixes } from "./write-values.ts";

describe("Kiểm tra (checkAndMarkSheet)", () => {
  it("uses the same three syncs on a 70-row and a 5,000-row sheet (two when nothing changes)", async () => {
    const counts: { rows: number; first: number[]; again: number[] }[] = [];
    for (const extraRows of [0, 5000]) {
      const book = await templateBook();
      // A unit's own working columns beside the table make the used range 5,000 rows tall.
      book.fake.user.unprotect(book.sheet);
      for (let r = 1; r <= extraRows; r++) book.fake.user.type(book.sheet, `K${r}`, r);
      book.fake.user.protect(book.sheet);
      book.type("PT01", "'92.387");
      book.type("TD01", "xs");
      const first = await book.fake.run((ctx) =>
        checkAndMarkSheet(ctx, book.sheet, check, { support: book.fake }),
      );
      expect(first.checked.issues.map((i) => i.code)).toEqual(["cell.text_number", "cell.grade_spelled"]);
      const firstLog = book.fake.syncLog.map((s) => s.commands);
      book.fake.resetSyncCount();
      await book.fake.run((ctx) => checkAndMarkSheet(ctx, book.sheet, check, { support: book.fake }));
      counts.push({
        rows: first.grid.values.length,
        first: firstLog,
        again: book.fake.syncLog.map((s) => s.commands),
      });
    }
    // The template: its table and, under it, the "(*)" legend and the signature block.
    expect(counts[0]?.rows).toBe(70);
    expect(counts[1]?.rows).toBe(5000);
    // Same syncs and the same number of commands in each: nothing grows with the sheet.
    expect(counts[1]?.first).toEqual(counts[0]?.first);
    expect(counts[1]?.again).toEqual(counts[0]?.again);
    expect(counts[0]?.first).toHaveLength(3);
    expect(counts[0]?.again).toHaveLength(2);
  });

  it("marks each problem cell with its fill and a note, and says what it did", async () => {
    const book = await templateBook();
    book.type("PT01", "'92.387");
    book.type("TD01", "xs");
    const { stats } = await book.fake.run((ctx) =>
      checkAndMarkSheet(ctx, book.sheet, check, { support: book.fake }),
    );
    expect(stats).toEqual({ marked: 2, cleared: 0, annotation: "note" });
    expect(book.fake.cell(book.sheet, book.at("PT01")).fill).toBe(ERROR_FILL);
    expect(book.fake.cell(book.sheet, book.at("TD01")).fill).toBe(WARNING_FILL);
    expect(book.fake.cell(book.sheet, book.at("PT01")).note).toContain("92.387");
    // The template stays protected, with its options, after our writes.
    expect(book.fake.sheet(book.sheet).protection.protected).toBe(true);
  });

  it("mark → fix → Kiểm tra: the user's own yellow restored exactly, an unfilled cell back to No Fill, notes gone", async () => {
    const book = await templateBook();
    const { fake, sheet } = book;
    const yellow = book.at("PT01");
    const plain = book.at("GD05");
    fake.user.fill(sheet, yellow, "#FFFF00");
    book.type("PT01", "'92.387");
    book.type("GD05", "4.500 người");
    book.type("TD01", "xs");
    book.type("GD02", 130);

    const first = await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    expect(first.checked.marks.map((m) => m.address)).toEqual([
      book.at("GD02"),
      plain,
      yellow,
      book.at("TD01"),
    ]);
    expect(fake.cell(sheet, yellow).fill).toBe(ERROR_FILL);
    expect(fake.cell(sheet, plain).fill).toBe(ERROR_FILL);

    await fake.run((ctx) => applyFixes(ctx, sheet, fixesOf(first.checked.issues), { support: fake }));
    book.type("GD02", 110);
    const second = await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));

    expect(second.checked.issues).toEqual([]);
    expect(second.stats).toMatchObject({ marked: 0, cleared: 4 });
    expect(fake.cell(sheet, yellow).fill).toBe("#FFFF00");
    // No Fill through fill.clear(), not a white fill (which would read the same #FFFFFF).
    expect(fake.cell(sheet, plain).fill).toBeNull();
    expect(fake.sheet(sheet).notes).toEqual({});
    expect(parseRecord(fake.state.settings.get(MARKS_KEY)).sheets).toEqual({});
  });

  it("clears stale marks: a cell fixed by hand loses its mark, the others keep theirs", async () => {
    const book = await templateBook();
    const { fake, sheet } = book;
    book.type("PT01", "'92.387");
    book.type("GD05", "4.500 người");
    await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    book.type("PT01", 92387);
    const { stats } = await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    expect(stats).toMatchObject({ marked: 1, cleared: 1 });
    expect(fake.cell(sheet, book.at("PT01"))).toMatchObject({ fill: null, note: null });
    expect(fake.cell(sheet, book.at("GD05")).fill).toBe(ERROR_FILL);
    expect(Object.keys(fake.sheet(sheet).notes)).toEqual([book.at("GD05")]);
  });

  it("leaves what the user changed: a recoloured cell keeps the user's colour, an edited note stays", async () => {
    const book = await templateBook();
    const { fake, sheet } = book;
    book.type("PT01", "'92.387");
    book.type("GD05", "4.500 người");
    await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    fake.user.fill(sheet, book.at("PT01"), "#00B050");
    fake.user.editNote(sheet, book.at("GD05"), "Đã hỏi lại xã, chờ số liệu");
    book.type("PT01", 92387);
    book.type("GD05", 4500);
    await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    expect(fake.cell(sheet, book.at("PT01")).fill).toBe("#00B050");
    expect(fake.cell(sheet, book.at("GD05"))).toMatchObject({
      fill: null,
      note: "Đã hỏi lại xã, chờ số liệu",
    });
  });

  it("never overwrites or deletes the user's own note on a marked cell", async () => {
    const book = await templateBook();
    const { fake, sheet } = book;
    fake.user.addNote(sheet, book.at("PT01"), "Số của quý III");
    book.type("PT01", "'92.387");
    await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    expect(fake.cell(sheet, book.at("PT01"))).toMatchObject({ fill: ERROR_FILL, note: "Số của quý III" });
    book.type("PT01", 92387);
    await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    expect(fake.cell(sheet, book.at("PT01"))).toMatchObject({ fill: null, note: "Số của quý III" });
  });

  it("does not raise onChanged for its own writes (events off during the batch), but users' edits still do", async () => {
    const book = await templateBook();
    const { fake, sheet } = book;
    const seen: string[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(sheet).onChanged.add(async (e) => {
        seen.push(`${e.address}:${e.triggerSource}`);
      });
      await ctx.sync();
    });
    book.type("PT01", "'92.387");
    await fake.flushEvents();
    seen.length = 0;
    const first = await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    await fake.run((ctx) => applyFixes(ctx, sheet, fixesOf(first.checked.issues), { support: fake }));
    await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    await fake.flushEvents();
    expect(seen).toEqual([]);
    expect(fake.state.enableEvents).toBe(true);
    book.type("PT02", 126);
    await fake.flushEvents();
    expect(seen).toEqual([`${book.at("PT02")}:Unknown`]);
  });

  it("falls back to threaded comments below ExcelApi 1.18, and to fills alone below 1.10", async () => {
    const withComments = await templateBook({ apiVersion: "1.17" });
    withComments.type("PT01", "'92.387");
    const run1 = await withComments.fake.run((ctx) =>
      checkAndMarkSheet(ctx, withComments.sheet, check, { support: withComments.fake }),
    );
    expect(run1.stats.annotation).toBe("comment");
    expect(withComments.fake.cell(withComments.sheet, withComments.at("PT01")).comment).toContain("92.387");
    withComments.type("PT01", 92387);
    await withComments.fake.run((ctx) =>
      checkAndMarkSheet(ctx, withComments.sheet, check, { support: withComments.fake }),
    );
    expect(withComments.fake.sheet(withComments.sheet).comments).toEqual({});
    expect(withComments.fake.cell(withComments.sheet, withComments.at("PT01")).fill).toBeNull();

    const bare = await templateBook({ apiVersion: "1.9" });
    bare.type("PT01", "'92.387");
    const run2 = await bare.fake.run((ctx) =>
      checkAndMarkSheet(ctx, bare.sheet, check, { support: bare.fake }),
    );
    expect(run2.stats.annotation).toBe("none");
    expect(bare.fake.cell(bare.sheet, bare.at("PT01"))).toMatchObject({
      fill: ERROR_FILL,
      note: null,
      comment: null,
    });
  });

  it("on an ExcelApi 1.8 host (no tintAndShade): still three syncs, and an unfilled cell returns to No Fill", async () => {
    const book = await templateBook({ apiVersion: "1.8" });
    const { fake, sheet } = book;
    fake.user.fill(sheet, book.at("GD05"), "#FFFF00");
    book.type("PT01", "'92.387");
    book.type("GD05", "4.500 người");
    await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    expect(fake.syncCount).toBe(3);
    book.type("PT01", 92387);
    book.type("GD05", 4500);
    const { checked } = await fake.run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support: fake }));
    expect(checked.issues).toEqual([]);
    expect(fake.cell(sheet, book.at("PT01")).fill).toBeNull();
    expect(fake.cell(sheet, book.at("GD05")).fill).toBe("#FFFF00");
  });

  it("reads the active sheet when no name is given, and forgets the record of a re-rendered sheet", async () => {
    const book = await templateBook();
    const { fake } = book;
    book.type("PT01", "'92.387");
    const run = await fake.run((ctx) => checkAndMarkSheet(ctx, undefined, check, { support: fake }));
    expect(run.grid.sheet).toBe(book.sheet);
    const before = Object.keys(parseRecord(fake.state.settings.get(MARKS_KEY)).sheets);
    expect(before).toHaveLength(1);
    // Tạo mẫu again in this workbook: the old sheet (and its id) is gone.
    await fake.run((ctx) => renderPlan(ctx, book.plan, { support: fake }));
    await fake.run((ctx) => checkAndMarkSheet(ctx, book.sheet, check, { support: fake }));
    const after = Object.keys(parseRecord(fake.state.settings.get(MARKS_KEY)).sheets);
    expect(after).not.toContain(before[0]);
  });
});

describe("applyMarks", () => {
  it("applies given marks, ignores marks for other sheets, and [] clears everything", async () => {
    const book = await templateBook();
    const { fake, sheet } = book;
    const marks: CellMark[] = [
      { address: "$F$11", severity: "error", fill: "#ffc7ce", note: "một" },
      { sheet, address: "F12", severity: "warning", fill: WARNING_FILL, note: "hai" },
      { sheet: "Khác", address: "F13", severity: "error", fill: ERROR_FILL, note: "ba" },
    ];
    const stats = await fake.run((ctx) => applyMarks(ctx, sheet, marks, { support: fake }));
    expect(stats.marked).toBe(2);
    expect(fake.syncCount).toBe(3);
    expect(fake.sheet(sheet).notes).toEqual({ F11: "một", F12: "hai" });
    expect(fake.cell(sheet, "F11").fill).toBe(ERROR_FILL);
    expect(fake.cell(sheet, "F13").fill).toBeNull();

    await fake.run((ctx) => applyMarks(ctx, sheet, [], { support: fake }));
    expect(fake.sheet(sheet).notes).toEqual({});
    expect([fake.cell(sheet, "F11").fill, fake.cell(sheet, "F12").fill]).toEqual([null, null]);
  });
});
