/// <reference types="office-js" />
// What the consolidated workbook uses beyond the first facts: fonts and row heights (§3), freezeAt,
// AutoFilter (1.9), conditional formats (1.6), margins and footers (§12). Strict where unconfirmed.
import { describe, expect, it } from "vitest";
import { createFakeExcel, errorCode } from "./index.ts";

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    return errorCode(e);
  }
  return undefined;
}

describe("fonts and row heights (§3)", () => {
  it("writes the font name, size and underline per cell; reads null when mixed", async () => {
    const fake = createFakeExcel();
    const read = await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const r = s.getRange("A1:B1");
      r.format.font.name = "Times New Roman";
      r.format.font.size = 12;
      s.getRange("A1").format.font.underline = "Single";
      const both = s.getRange("A1:C1").format.font;
      both.load("name,size");
      await ctx.sync();
      return { name: both.name, size: both.size };
    });
    expect(read).toEqual({ name: null, size: null });
    expect(fake.cell("Sheet1", "A1")).toMatchObject({
      fontName: "Times New Roman",
      fontSize: 12,
      underline: "Single",
    });
    expect(fake.cell("Sheet1", "C1")).toMatchObject({ fontName: "Calibri", fontSize: 11 });
  });

  it("refuses an empty font name and a size outside 1–409", async () => {
    const fake = createFakeExcel();
    const bad = (set: (f: Excel.RangeFont) => void) =>
      codeOf(
        fake.run(async (ctx) => {
          set(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.font);
          await ctx.sync();
        }),
      );
    expect(await bad((f) => (f.name = ""))).toBe("InvalidArgument");
    expect(await bad((f) => (f.size = 0))).toBe("InvalidArgument");
    expect(await bad((f) => (f.underline = "Wavy" as Excel.RangeUnderlineStyle))).toBe("InvalidArgument");
  });

  it("sets row heights in points (0–409) and reads null when the rows differ", async () => {
    const fake = createFakeExcel();
    const heights = await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A2").format.rowHeight = 31.5;
      const one = s.getRange("B2").format;
      const two = s.getRange("A1:A2").format;
      one.load("rowHeight");
      two.load("rowHeight");
      await ctx.sync();
      return [one.rowHeight, two.rowHeight];
    });
    expect(heights).toEqual([31.5, null]);
    expect(fake.sheet("Sheet1").rowHeights).toEqual({ 2: 31.5 });
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").getRange("A3").format.rowHeight = 500;
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidArgument");
  });
});

describe("freezeAt (1.7)", () => {
  it("freezes the rows above and the columns left of the range's far corner; freezeRows replaces it", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").freezePanes.freezeAt("A1:C7");
      await ctx.sync();
    });
    expect([fake.sheet("Sheet1").freezeRows, fake.sheet("Sheet1").freezeColumns]).toEqual([7, 3]);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").freezePanes.freezeRows(2);
      await ctx.sync();
    });
    expect([fake.sheet("Sheet1").freezeRows, fake.sheet("Sheet1").freezeColumns]).toEqual([2, 0]);
  });
});

describe("AutoFilter (1.9)", () => {
  it("applies to a bounded range; one per sheet; needs ExcelApi 1.9", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.autoFilter.apply("A7:F20");
      s.autoFilter.apply(s.getRange("A9:I30"));
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").autoFilter).toBe("A9:I30");
    const old = createFakeExcel({ apiVersion: "1.8" });
    expect(
      await codeOf(
        old.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").autoFilter.apply("A1:B2");
          await ctx.sync();
        }),
      ),
    ).toBe("ApiNotFound");
  });
});

describe("conditional formats (1.6)", () => {
  it("adds a data bar and a formula fill; a part of another type is refused", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const bar = s
        .getRange("F8:F20")
        .conditionalFormats.add("DataBar" as Excel.ConditionalFormatType).dataBar;
      bar.positiveFormat.fillColor = "#5B9BD5";
      bar.positiveFormat.gradientFill = false;
      const custom = s
        .getRange("A8:K20")
        .conditionalFormats.add("Custom" as Excel.ConditionalFormatType).custom;
      custom.rule.formula = '=$D8="Chưa nộp"';
      custom.format.fill.color = "pink";
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").conditionalFormats).toEqual([
      { type: "DataBar", range: "F8:F20", formula: null, fill: null, fontColor: null, barColor: "#5B9BD5" },
      {
        type: "Custom",
        range: "A8:K20",
        formula: '=$D8="Chưa nộp"',
        fill: "#FFC0CB",
        fontColor: null,
        barColor: null,
      },
    ]);
    const wrong = (fn: (r: Excel.Range) => void) =>
      codeOf(
        fake.run(async (ctx) => {
          fn(ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2"));
          await ctx.sync();
        }),
      );
    expect(
      await wrong(
        (r) =>
          (r.conditionalFormats.add("DataBar" as Excel.ConditionalFormatType).custom.rule.formula = "=1"),
      ),
    ).toBe("InvalidOperation");
    expect(
      await wrong(
        (r) =>
          (r.conditionalFormats.add("Custom" as Excel.ConditionalFormatType).custom.rule.formula = "A1>0"),
      ),
    ).toBe("InvalidArgument");
    expect(await wrong((r) => r.conditionalFormats.add("Sparkle" as Excel.ConditionalFormatType))).toBe(
      "InvalidArgument",
    );
  });
});

describe("margins and footers (§12, 1.9)", () => {
  it("keeps margins in points and the footer text with its page codes", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem("Sheet1").pageLayout;
      layout.leftMargin = 28.8;
      layout.headersFooters.defaultForAllPages.centerFooter = "Trang &P/&N";
      await ctx.sync();
    });
    const pl = fake.sheet("Sheet1").pageLayout;
    expect(pl.margins.left).toBe(28.8);
    expect(pl.margins.right).toBe(50.4);
    expect(pl.headersFooters).toEqual({ centerFooter: "Trang &P/&N" });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleColumns("$A:$C");
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").pageLayout.printTitleColumns).toBe("A:C");
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleColumns("A1:C3");
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidArgument");
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").pageLayout.headersFooters.defaultForAllPages.leftFooter =
            "x".repeat(256);
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidArgument");
  });
});
