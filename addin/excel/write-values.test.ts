import { describe, expect, it } from "vitest";
import { createFakeExcel } from "./fake/index.ts";
import { applyFixes } from "./write-values.ts";

describe("applyFixes", () => {
  it("writes numbers as numbers, switching a '@' cell to General (or the given format) first", async () => {
    const fake = createFakeExcel();
    fake.user.numberFormat("Sheet1", "A1:B1", "@");
    fake.user.type("Sheet1", "A1:B1", "92.387");
    fake.user.numberFormat("Sheet1", "C1", "#,##0");
    fake.user.type("Sheet1", "C1", "'1.758");
    await fake.run((ctx) =>
      applyFixes(
        ctx,
        "Sheet1",
        [
          { address: "A1", value: 92387 },
          { address: "B1", value: 92387, numberFormat: "#,##0" },
          { address: "C1", value: 1758 },
        ],
        { support: fake },
      ),
    );
    expect(fake.syncCount).toBe(2);
    expect(fake.cell("Sheet1", "A1")).toMatchObject({
      value: 92387,
      valueType: "Double",
      numberFormat: "General",
    });
    expect(fake.cell("Sheet1", "B1")).toMatchObject({ value: 92387, text: "92,387", numberFormat: "#,##0" });
    expect(fake.cell("Sheet1", "C1")).toMatchObject({ value: 1758, numberFormat: "#,##0" });
  });

  it("writes text into '@' cells only, so '=…' stays text; null empties the cell", async () => {
    const fake = createFakeExcel();
    fake.user.type("Sheet1", "B2", 5);
    await fake.run((ctx) =>
      applyFixes(
        ctx,
        "Sheet1",
        [
          { address: "A2", value: "XS" },
          { address: "A3", value: '=HYPERLINK("http://x","y")' },
          { address: "B2", value: null },
        ],
        { support: fake },
      ),
    );
    expect(fake.cell("Sheet1", "A2")).toMatchObject({ value: "XS", numberFormat: "@" });
    expect(fake.cell("Sheet1", "A3")).toMatchObject({
      valueType: "String",
      formula: '=HYPERLINK("http://x","y")',
    });
    expect(fake.cell("Sheet1", "B2").valueType).toBe("Empty");
  });

  it("lifts and restores the sheet's protection with its options, with events off", async () => {
    const fake = createFakeExcel();
    let events = 0;
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").format.protection.locked = false;
      sheet.protection.protect({ allowFormatColumns: true });
      sheet.onChanged.add(async () => {
        events++;
      });
      await ctx.sync();
    });
    await fake.run((ctx) => applyFixes(ctx, "Sheet1", [{ address: "A1", value: "T" }], { support: fake }));
    await fake.flushEvents();
    expect(events).toBe(0);
    expect(fake.cell("Sheet1", "A1").value).toBe("T");
    expect(fake.sheet("Sheet1").protection).toMatchObject({
      protected: true,
      options: { allowFormatColumns: true },
    });
  });

  it("does nothing, not even a sync, for no fixes; refuses a non-finite number before touching Excel", async () => {
    const fake = createFakeExcel();
    await fake.run((ctx) => applyFixes(ctx, "Sheet1", [], { support: fake }));
    await expect(
      fake.run((ctx) => applyFixes(ctx, "Sheet1", [{ address: "A1", value: Number.NaN }], { support: fake })),
    ).rejects.toBeInstanceOf(RangeError);
    expect(fake.syncCount).toBe(0);
  });
});
