/// <reference types="office-js" />
// One test per fact of docs/excel-behaviour.md that the fake implements (§ numbers below).
import { describe, expect, it } from "vitest";
import {
  createFakeExcel,
  errorCode,
  type FakeExcel,
  FakeRichApiError,
  FakeUnsupportedError,
} from "./index.ts";

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  return errorCode(await failure(p));
}

/** Writes then reads one range in two syncs. */
async function roundTrip(
  fake: FakeExcel,
  address: string,
  write: (r: Excel.Range) => void,
): Promise<{
  values: unknown[][];
  valueTypes: string[][];
  text: string[][];
  formulas: unknown[][];
  numberFormat: string[][];
}> {
  return fake.run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem("Sheet1");
    write(sheet.getRange(address));
    await ctx.sync();
    const r = sheet.getRange(address);
    r.load("values,valueTypes,text,formulas,numberFormat");
    await ctx.sync();
    return {
      values: r.values,
      valueTypes: r.valueTypes as string[][],
      text: r.text,
      formulas: r.formulas,
      numberFormat: r.numberFormat,
    };
  });
}

describe("§1 reading", () => {
  it("every property is a 2-D array [row][col], even for one cell", async () => {
    const fake = createFakeExcel();
    const got = await roundTrip(fake, "B2", (r) => {
      r.values = [[7.5]];
    });
    expect(got.values).toEqual([[7.5]]);
    expect(got.text).toEqual([["7.5"]]);
  });

  it("an empty cell reads '' / '' / '' / Empty / General", async () => {
    const got = await roundTrip(createFakeExcel(), "C3", () => {});
    expect(got).toEqual({
      values: [[""]],
      valueTypes: [["Empty"]],
      text: [[""]],
      formulas: [[""]],
      numberFormat: [["General"]],
    });
  });

  it("7.5 reads 7.5 / '7.5' / 7.5 / Double", async () => {
    const got = await roundTrip(createFakeExcel(), "A1", (r) => {
      r.values = [[7.5]];
    });
    expect([got.values[0]?.[0], got.text[0]?.[0], got.formulas[0]?.[0], got.valueTypes[0]?.[0]]).toEqual([
      7.5,
      "7.5",
      7.5,
      "Double",
    ]);
  });

  it("'92.387 in a Text cell reads String '92.387' with numberFormat @", async () => {
    const got = await roundTrip(createFakeExcel(), "A1", (r) => {
      r.numberFormat = [["@"]];
      r.values = [["92.387"]];
    });
    expect(got).toEqual({
      values: [["92.387"]],
      valueTypes: [["String"]],
      text: [["92.387"]],
      formulas: [["92.387"]],
      numberFormat: [["@"]],
    });
  });

  it("a date reads its serial (2000-01-01 = 36526) and displays formatted", async () => {
    const got = await roundTrip(createFakeExcel(), "A1", (r) => {
      r.values = [["2000-01-01"]];
    });
    expect(got.values).toEqual([[36526]]);
    expect(got.valueTypes).toEqual([["Double"]]);
    expect(got.text).toEqual([["1/1/2000"]]);
    expect(got.numberFormat).toEqual([["d/m/yyyy"]]);
  });

  it("TRUE reads true / 'TRUE' / Boolean", async () => {
    const got = await roundTrip(createFakeExcel(), "A1", (r) => {
      r.values = [[true]];
    });
    expect([got.values[0]?.[0], got.text[0]?.[0], got.valueTypes[0]?.[0]]).toEqual([true, "TRUE", "Boolean"]);
  });

  it("=1/0 reads #DIV/0! with valueType Error, and the formula as written", async () => {
    const got = await roundTrip(createFakeExcel(), "A1", (r) => {
      r.formulas = [["=1/0"]];
    });
    expect(got.values).toEqual([["#DIV/0!"]]);
    expect(got.text).toEqual([["#DIV/0!"]]);
    expect(got.formulas).toEqual([["=1/0"]]);
    expect(got.valueTypes).toEqual([["Error"]]);
  });

  it("a formula reads its computed result, displayed through the cell's format", async () => {
    const got = await roundTrip(createFakeExcel(), "A1:C1", (r) => {
      r.numberFormat = [["General", "General", "0.0"]];
      r.values = [[10, 4, "=B1/A1*100"]];
    });
    expect(got.values).toEqual([[10, 4, 40]]);
    expect(got.text).toEqual([["10", "4", "40.0"]]);
    expect(got.formulas).toEqual([[10, 4, "=B1/A1*100"]]);
  });

  it("a leading apostrophe is never returned", async () => {
    const got = await roundTrip(createFakeExcel(), "A1", (r) => {
      r.values = [["'007"]];
    });
    expect(got.values).toEqual([["007"]]);
    expect(got.valueTypes).toEqual([["String"]]);
    expect(got.formulas).toEqual([["007"]]);
  });

  it("mixed formats read null", async () => {
    const fake = createFakeExcel();
    fake.user.fill("Sheet1", "A1", "#FFFF00");
    const color = await fake.run(async (ctx) => {
      const fill = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").format.fill;
      fill.load("color");
      await ctx.sync();
      return fill.color;
    });
    expect(color).toBeNull();
  });

  it("unbounded addresses (A:B, 2:2) read null", async () => {
    const got = await createFakeExcel().run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const cols = sheet.getRange("A:B").load("values,address");
      const rows = sheet.getRange("2:2").load("values,address");
      await ctx.sync();
      return [cols.values, cols.address, rows.values, rows.address];
    });
    expect(got).toEqual([null, "Sheet1!A:B", null, "Sheet1!2:2"]);
  });

  it("getUsedRange on a blank sheet gives A1; getUsedRangeOrNullObject gives a null object", async () => {
    const got = await createFakeExcel().run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const used = sheet.getUsedRange().load("address");
      const orNull = sheet.getUsedRangeOrNullObject();
      await ctx.sync();
      return [used.address, orNull.isNullObject];
    });
    expect(got).toEqual(["Sheet1!A1", true]);
  });

  it("trap: Range.getUsedRange throws ItemNotFound when the range has no used cells", async () => {
    const fake = createFakeExcel();
    fake.user.type("Sheet1", "A1", "x");
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("C3:D4").getUsedRange().load("address");
        await ctx.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
  });

  it("address is sheet-qualified, quoted when the name needs it", async () => {
    const fake = createFakeExcel({ sheets: ["Báo cáo", "Data"] });
    const got = await fake.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem("Báo cáo").getRange("a1:b4").load("address");
      const b = ctx.workbook.worksheets.getItem("Data").getRange("C2").load("address");
      await ctx.sync();
      return [a.address, b.address];
    });
    expect(got).toEqual(["'Báo cáo'!A1:B4", "Data!C2"]);
  });

  it("text does not depend on column width (never ####)", async () => {
    const got = await roundTrip(createFakeExcel(), "A1", (r) => {
      r.format.columnWidth = 3;
      r.values = [[123456789]];
    });
    expect(got.text).toEqual([["123456789"]]);
  });
});

describe("§2 writing", () => {
  it("text '=HYPERLINK(…)' written to a General cell becomes a formula; to a '@' cell it stays text", async () => {
    const fake = createFakeExcel();
    const link = '=HYPERLINK("http://x.example","bấm vào đây")';
    const got = await roundTrip(fake, "A1:B1", (r) => {
      r.numberFormat = [["General", "@"]];
      r.values = [[link, link]];
    });
    expect(got.formulas).toEqual([[link, link]]);
    expect(got.values).toEqual([["bấm vào đây", link]]);
    expect(fake.cell("Sheet1", "A1").formula).toBe(link);
    expect(fake.cell("Sheet1", "B1")).toMatchObject({ value: link, valueType: "String" });
  });

  it("values [[1, 2, '=SUM(A1:B1)']] reads back 3 (PERF)", async () => {
    const got = await roundTrip(createFakeExcel(), "A1:C1", (r) => {
      r.values = [[1, 2, "=SUM(A1:B1)"]];
    });
    expect(got.values).toEqual([[1, 2, 3]]);
  });

  it("numeric strings become numbers; '-' alone and '- ghi chú' stay text; '-x' is a formula", async () => {
    const got = await roundTrip(createFakeExcel(), "A1:E1", (r) => {
      r.values = [["92.387", "-5", "-", "- ghi chú", "-x"]];
    });
    expect(got.values).toEqual([[92.387, -5, "-", "- ghi chú", "#NAME?"]]);
    expect(got.formulas[0]?.[4]).toBe("=-x");
  });

  it("ISO YYYY-MM-DD becomes a date serial; nl-NL '19-8-2025' stays text", async () => {
    const got = await roundTrip(createFakeExcel(), "A1:B1", (r) => {
      r.values = [["2025-08-19", "19-8-2025"]];
    });
    expect(got.values).toEqual([[45888, "19-8-2025"]]);
    expect(got.valueTypes).toEqual([["Double", "String"]]);
  });

  it("null in the 2-D array leaves the cell unchanged; '' clears; values = null is invalid", async () => {
    const fake = createFakeExcel();
    const got = await roundTrip(fake, "A1:C1", (r) => {
      r.values = [["a", "b", "c"]];
      r.values = [[null, "", "z"]];
    });
    expect(got.values).toEqual([["a", "", "z"]]);
    expect(got.valueTypes).toEqual([["String", "Empty", "String"]]);
    const code = await codeOf(
      fake.run(async (ctx) => {
        (ctx.workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as { values: unknown }).values =
          null;
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("a shape mismatch throws InvalidArgument at sync, located at Range.values", async () => {
    const fake = createFakeExcel();
    const e = await failure(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
        await ctx.sync();
      }),
    );
    expect(e).toBeInstanceOf(FakeRichApiError);
    expect(e).toMatchObject({
      name: "RichApi.Error",
      code: "InvalidArgument",
      debugInfo: { errorLocation: "Range.values" },
    });
  });

  it("a scalar (non-array) value broadcasts to every cell", async () => {
    const got = await roundTrip(createFakeExcel(), "A1:B2", (r) => {
      (r as unknown as { values: unknown }).values = 5;
    });
    expect(got.values).toEqual([
      [5, 5],
      [5, 5],
    ]);
  });

  it("a 1×1 array on a multi-cell range: InvalidArgument for values and formulas, broadcast for numberFormat", async () => {
    const fake = createFakeExcel();
    for (const prop of ["values", "formulas"] as const) {
      const code = await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A3")[prop] = [[1]];
          await ctx.sync();
        }),
      );
      expect(code).toBe("InvalidArgument");
    }
    const got = await roundTrip(fake, "E3:E6", (r) => {
      r.numberFormat = [["0.0"]];
    });
    expect(got.numberFormat).toEqual([["0.0"], ["0.0"], ["0.0"], ["0.0"]]);
  });

  it("numberFormat '@' set before the value keeps '12' as text; set after, the number stays a number", async () => {
    const got = await roundTrip(createFakeExcel(), "A1:B1", (r) => {
      r.getCell(0, 0).numberFormat = [["@"]];
      r.values = [["12", "12"]];
      r.getCell(0, 1).numberFormat = [["@"]];
    });
    expect(got.values).toEqual([["12", 12]]);
    expect(got.valueTypes).toEqual([["String", "Double"]]);
  });

  it("a number written into a '@' cell is stored as text (✘: strict, as if typed)", async () => {
    const got = await roundTrip(createFakeExcel(), "A1", (r) => {
      r.numberFormat = [["@"]];
      r.values = [[92387]];
    });
    expect(got.values).toEqual([["92387"]]);
    expect(got.valueTypes).toEqual([["String"]]);
  });

  it('writing "\'abc" consumes the apostrophe and stores abc as text; "\'=1+1" stays text', async () => {
    const got = await roundTrip(createFakeExcel(), "A1:B1", (r) => {
      r.values = [["'abc", "'=1+1"]];
    });
    expect(got.values).toEqual([["abc", "=1+1"]]);
    expect(got.valueTypes).toEqual([["String", "String"]]);
  });

  it("reading formulas and writing them back turns '=… text into a live formula (#6687)", async () => {
    const fake = createFakeExcel();
    const got = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [["'=1+1"]];
      r.load("formulas");
      await ctx.sync();
      const again = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      again.formulas = r.formulas;
      again.load("values,valueTypes");
      await ctx.sync();
      return [again.values, again.valueTypes];
    });
    expect(got).toEqual([[[2]], [["Double"]]]);
  });

  it("a string that is not a valid formula is refused with InvalidArgument (✘: strict)", async () => {
    const code = await codeOf(
      createFakeExcel().run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [['=HYPERLINK("x"']];
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("writes to unbounded ranges throw", async () => {
    const code = await codeOf(
      createFakeExcel().run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A:A").numberFormat = [["@"]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });
});

describe("§3 formatting", () => {
  it("fill colours read back as upper-case hex: 'pink' reads #FFC0CB", async () => {
    const got = await createFakeExcel().run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").format.fill.color = "pink";
      sheet.getRange("A2").format.fill.color = "#ffeb9c";
      const a = sheet.getRange("A1").format.fill.load("color");
      const b = sheet.getRange("A2").format.fill.load("color");
      await ctx.sync();
      return [a.color, b.color];
    });
    expect(got).toEqual(["#FFC0CB", "#FFEB9C"]);
  });

  it("an unfilled cell reads #FFFFFF, exactly like a white fill; tintAndShade is null only for No Fill", async () => {
    const fake = createFakeExcel();
    fake.user.fill("Sheet1", "B1", "#FFFFFF");
    const got = await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      const none = sheet.getRange("A1").format.fill.load("color,tintAndShade");
      const white = sheet.getRange("B1").format.fill.load("color,tintAndShade");
      await ctx.sync();
      return [none.color, white.color, none.tintAndShade, white.tintAndShade];
    });
    expect(got).toEqual(["#FFFFFF", "#FFFFFF", null, 0]);
  });

  it("fill.color = null throws; fill.clear() restores No Fill", async () => {
    const fake = createFakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        (
          ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill as unknown as {
            color: unknown;
          }
        ).color = null;
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    fake.user.fill("Sheet1", "A1", "#FFFF00");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.clear();
      await ctx.sync();
    });
    expect(fake.cell("Sheet1", "A1").fill).toBeNull();
  });

  it("columnWidth is in points and reads null when not uniform", async () => {
    const got = await createFakeExcel().run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B:B").format.columnWidth = 90;
      const b = sheet.getRange("B3").format.load("columnWidth");
      const ab = sheet.getRange("A3:B3").format.load("columnWidth");
      await ctx.sync();
      return [b.columnWidth, ab.columnWidth];
    });
    expect(got).toEqual([90, null]);
  });
});

describe("§4 notes and comments", () => {
  it("notes.add takes one cell: a multi-cell range throws InvalidArgument", async () => {
    const code = await codeOf(
      createFakeExcel().run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").notes.add("A1:B2", "x");
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("notes.getItem throws ItemNotFound; getItemOrNullObject gives a null object; Note.delete removes", async () => {
    const fake = createFakeExcel();
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").notes.getItem("A1").load("content");
          await ctx.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    const got = await fake.run(async (ctx) => {
      const notes = ctx.workbook.worksheets.getItem("Sheet1").notes;
      const missing = notes.getItemOrNullObject("A1");
      notes.add("B2", "ghi chú");
      await ctx.sync();
      const found = notes.getItem("B2").load("content");
      await ctx.sync();
      const content = found.content;
      found.delete();
      await ctx.sync();
      return [missing.isNullObject, content];
    });
    expect(got).toEqual([true, "ghi chú"]);
    expect(fake.sheet("Sheet1").notes).toEqual({});
  });

  it("notes need ExcelApi 1.18: a 1.17 host reports it in isSetSupported and refuses them with ApiNotFound", async () => {
    const fake = createFakeExcel({ apiVersion: "1.17" });
    expect(fake.isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(fake.isSetSupported("ExcelApi", "1.10")).toBe(true);
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").notes.add("A1", "x");
        await ctx.sync();
      }),
    );
    expect(code).toBe("ApiNotFound");
  });

  it("comments.add: a string address must include the sheet; getItemByCell throws ItemNotFound when none", async () => {
    const fake = createFakeExcel({ apiVersion: "1.10" });
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.comments.add("A1", "x");
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidArgument");
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.comments.getItemByCell("Sheet1!C3").load("content");
          await ctx.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    await fake.run(async (ctx) => {
      ctx.workbook.comments.add("Sheet1!A1", "bình luận");
      await ctx.sync();
    });
    expect(fake.cell("Sheet1", "A1").comment).toBe("bình luận");
  });
});

describe("§5 data validation", () => {
  it("a rule takes exactly one type; formula1 reads back as a formula string", async () => {
    const fake = createFakeExcel();
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
            wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" },
            decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
          };
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidArgument");
    const got = await fake.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").dataValidation;
      dv.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      dv.load("rule,type,prompt,errorAlert,ignoreBlanks");
      await ctx.sync();
      return [dv.rule, dv.type, dv.prompt, dv.errorAlert, dv.ignoreBlanks];
    });
    expect(got).toEqual([
      { wholeNumber: { formula1: "=0", operator: "GreaterThanOrEqualTo" } },
      "WholeNumber",
      { message: "", showPrompt: false, title: "" },
      { message: "", showAlert: true, style: "Stop", title: "" },
      true,
    ]);
  });

  it("API writes are not validated: -1 goes into a ≥ 0 cell, and `valid` says so", async () => {
    const got = await createFakeExcel().run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      r.values = [[-1]];
      r.load("values");
      r.dataValidation.load("valid");
      await ctx.sync();
      return [r.values, r.dataValidation.valid];
    });
    expect(got).toEqual([[[-1]], false]);
  });

  it("clear() clears only the overlapping cells; a mixed range reads type Inconsistent", async () => {
    const got = await createFakeExcel().run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A3").dataValidation.rule = { list: { inCellDropDown: true, source: "XS,T,HT,KHT" } };
      sheet.getRange("A2").dataValidation.clear();
      const all = sheet.getRange("A1:A3").dataValidation.load("type");
      const a3 = sheet.getRange("A3").dataValidation.load("type,rule");
      await ctx.sync();
      return [all.type, a3.type, a3.rule];
    });
    expect(got).toEqual(["Inconsistent", "List", { list: { inCellDropDown: true, source: "XS,T,HT,KHT" } }]);
  });

  it("a prompt longer than Excel's input-message limit (255) is refused (✘: strict)", async () => {
    const code = await codeOf(
      createFakeExcel().run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.prompt = {
          message: "x".repeat(256),
          showPrompt: true,
          title: "",
        };
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });
});

describe("§6 tables", () => {
  it("tables.add overlapping another table throws", async () => {
    const fake = createFakeExcel();
    const code = await codeOf(
      fake.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1:B1").values = [["Mã", "Giá trị"]];
        sheet.tables.add("A1:B3", true);
        sheet.tables.add("B2:C4", true);
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
    expect(fake.sheet("Sheet1").tables).toHaveLength(1);
  });

  it("blank and duplicate header cells are renamed, as Excel does", async () => {
    const fake = createFakeExcel();
    const got = await roundTrip(fake, "A1:C1", (r) => {
      r.values = [["Mã", "", "mã"]];
      r.worksheet.tables.add("A1:C2", true);
    });
    expect(got.values).toEqual([["Mã", "Column2", "mã2"]]);
  });

  it("a table cannot overlap merged cells (strict); the style must be a real one", async () => {
    const fake = createFakeExcel();
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          const sheet = ctx.workbook.worksheets.getItem("Sheet1");
          sheet.getRange("A1:B1").merge();
          sheet.tables.add("A1:C3", true);
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidOperation");
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          const t = ctx.workbook.worksheets.getItem("Sheet1").tables.add("E1:F3", true);
          t.style = "TableStyleMedium29";
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidArgument");
  });
});

describe("§7 workbook metadata", () => {
  it("custom property keys are case-insensitive; the desktop cuts values to 255 characters", async () => {
    const fake = createFakeExcel();
    const got = await fake.run(async (ctx) => {
      const custom = ctx.workbook.properties.custom;
      custom.add("baocao.template", "x".repeat(300));
      custom.add("BAOCAO.TEMPLATE", "doan-2024");
      const item = custom.getItem("Baocao.Template").load("key,value");
      const missing = custom.getItemOrNullObject("nope");
      await ctx.sync();
      return [item.key, item.value, missing.isNullObject];
    });
    expect(got).toEqual(["baocao.template", "doan-2024", true]);
    await fake.run(async (ctx) => {
      ctx.workbook.properties.custom.add("long", "y".repeat(300));
      await ctx.sync();
    });
    expect(fake.state.customProperties.get("long")?.value).toHaveLength(255);
  });

  it("settings persist as JSON: what does not round-trip does not survive", async () => {
    const got = await createFakeExcel().run(async (ctx) => {
      ctx.workbook.settings.add("k", { a: 1, when: new Date(0), gone: undefined });
      const s = ctx.workbook.settings.getItem("k").load("value");
      const missing = ctx.workbook.settings.getItemOrNullObject("nope");
      await ctx.sync();
      return [s.value, missing.isNullObject];
    });
    expect(got).toEqual([{ a: 1, when: "1970-01-01T00:00:00.000Z" }, true]);
  });
});

describe("§8 protection", () => {
  it("every cell starts locked; on a protected sheet a locked cell refuses values, an unlocked one accepts them", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2").format.protection.locked = false;
      sheet.protection.protect();
      sheet.getRange("B2").values = [[1]];
      await ctx.sync();
    });
    expect(fake.cell("Sheet1", "A1").locked).toBe(true);
    expect(fake.cell("Sheet1", "B2").value).toBe(1);
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
  });

  it("protecting an already-protected sheet throws AccessDenied (2026 builds)", async () => {
    const code = await codeOf(
      createFakeExcel().run(async (ctx) => {
        const p = ctx.workbook.worksheets.getItem("Sheet1").protection;
        p.protect();
        p.protect();
        await ctx.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
  });

  it("formatting a protected sheet needs allowFormatCells (✘ for unlocked cells: strict)", async () => {
    const code = await codeOf(
      createFakeExcel().run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").format.protection.locked = false;
        sheet.protection.protect();
        sheet.getRange("A1").format.fill.color = "#FFC7CE";
        await ctx.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
  });
});

describe("§9 events", () => {
  it("onChanged fires for the add-in's own writes: RangeEdited, triggerSource ThisLocalAddin, details only for one cell", async () => {
    const fake = createFakeExcel();
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (e) => {
        seen.push(e);
      });
      await ctx.sync();
    });
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").values = [[5]];
      sheet.getRange("B1:C2").values = [
        [1, 2],
        [3, 4],
      ];
      await ctx.sync();
    });
    await fake.flushEvents();
    expect(seen.map((e) => [e.address, e.changeType, e.triggerSource, e.details !== undefined])).toEqual([
      ["A1", "RangeEdited", "ThisLocalAddin", true],
      ["B1:C2", "RangeEdited", "ThisLocalAddin", false],
    ]);
    expect(seen[0]?.details).toMatchObject({ valueBefore: "", valueAfter: 5, valueTypeAfter: "Double" });
  });

  it("enableEvents = false, queued before the writes and restored after, silences them", async () => {
    const fake = createFakeExcel();
    let count = 0;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async () => {
        count++;
      });
      await ctx.sync();
    });
    await fake.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      ctx.runtime.enableEvents = true;
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      await ctx.sync();
    });
    fake.user.type("Sheet1", "A3", "3");
    await fake.flushEvents();
    expect(count).toBe(2);
    expect(fake.events.map((e) => [e.address, e.triggerSource])).toEqual([
      ["A2", "ThisLocalAddin"],
      ["A3", "Unknown"],
    ]);
  });
});

describe("§10 selection", () => {
  it("getSelectedRange throws InvalidSelection when several areas are selected", async () => {
    const fake = createFakeExcel();
    fake.user.select("Sheet1", "A1", "C3");
    const code = await codeOf(
      fake.run(async (ctx) => {
        ctx.workbook.getSelectedRange().load("address");
        await ctx.sync();
      }),
    );
    expect(code).toBe("InvalidSelection");
  });

  it("select() on a sheet that is not active is refused (✘: strict); activate() first works", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "Data"] });
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Data").getRange("B2").select();
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidOperation");
    const address = await fake.run(async (ctx) => {
      const data = ctx.workbook.worksheets.getItem("Data");
      data.activate();
      data.getRange("B2").select();
      const sel = ctx.workbook.getSelectedRange().load("address");
      await ctx.sync();
      return sel.address;
    });
    expect(address).toBe("Data!B2");
  });
});

describe("§11 sync semantics", () => {
  it("reading a property before load + sync throws PropertyNotLoaded", async () => {
    await createFakeExcel().run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      r.load("values");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(r.values).toEqual([[""]]);
    });
  });

  it("a property written locally reads back as written until a load replaces it (like Office.js)", async () => {
    await createFakeExcel().run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [["=1+1"]];
      expect(r.values).toEqual([["=1+1"]]);
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([[2]]);
    });
  });

  it("writes are queued and applied in order at sync; reads see the state at their place in the queue", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [[1]];
      const before = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      r.values = [[2]];
      expect(fake.cell("Sheet1", "A1").value).toBe("");
      await ctx.sync();
      expect(before.values).toEqual([[1]]);
      expect(fake.cell("Sheet1", "A1").value).toBe(2);
    });
  });

  it("*OrNullObject: isNullObject is set by sync; commands on a null object do nothing", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      missing.delete();
      missing.getRange("A1").values = [[1]];
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  });

  it("every getRange returns a new, unloaded proxy", async () => {
    await createFakeExcel().run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").load("values");
      await ctx.sync();
      expect(() => sheet.getRange("A1").values).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" }),
      );
    });
  });

  it("load paths use slashes: range.load('format/fill/color')", async () => {
    const fake = createFakeExcel();
    fake.user.fill("Sheet1", "A1", "#FFC7CE");
    const color = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("format/fill/color");
      await ctx.sync();
      return r.format.fill.color;
    });
    expect(color).toBe("#FFC7CE");
  });

  it("errors come at sync as RichApi.Error; commands before the failure stay applied", async () => {
    const fake = createFakeExcel();
    const e = await failure(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["kept"]];
        const missing = ctx.workbook.worksheets.getItem("Missing");
        missing.getRange("A1").values = [[1]];
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["never"]];
        await ctx.sync();
      }),
    );
    expect(e).toMatchObject({ name: "RichApi.Error", code: "ItemNotFound" });
    expect((e as FakeRichApiError).debugInfo.errorLocation).toBeDefined();
    expect(fake.cell("Sheet1", "A1").value).toBe("kept");
    expect(fake.cell("Sheet1", "A2").value).toBe("");
  });

  it("syncs are counted; Excel.run's final flush counts only when commands are pending", async () => {
    const fake = createFakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      await ctx.sync();
    });
    expect(fake.syncCount).toBe(2);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[1]];
    });
    expect(fake.syncCount).toBe(3);
    expect(fake.syncLog.map((s) => s.commands)).toEqual([1, 0, 1]);
    fake.resetSyncCount();
    expect(fake.syncCount).toBe(0);
  });

  it("a proxy used after its Excel.run throws InvalidObjectPath", async () => {
    const fake = createFakeExcel();
    const r = await fake.run(async (ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("A1"));
    expect(() => {
      r.values = [[1]];
    }).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("getCount returns a ClientResult filled in by sync", async () => {
    await createFakeExcel({ sheets: ["a", "b"] }).run(async (ctx) => {
      const count = ctx.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(count.value).toBe(2);
    });
  });
});

describe("§12 page layout", () => {
  it("setPrintTitleRows needs whole rows; zoom is assigned as a whole object", async () => {
    const fake = createFakeExcel();
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleRows("A9:H9");
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidArgument");
    await fake.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem("Sheet1").pageLayout;
      layout.setPrintTitleRows("$9:$9");
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.load("zoom");
      await ctx.sync();
      layout.zoom.scale = 50; // a loaded copy: changing it does nothing
      await ctx.sync();
    });
    expect(fake.sheet("Sheet1").pageLayout).toMatchObject({
      printTitleRows: "9:9",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
  });
});

describe("worksheets", () => {
  it("a duplicate name throws ItemAlreadyExists; the last visible sheet cannot be deleted", async () => {
    const fake = createFakeExcel();
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.add("sheet1");
          await ctx.sync();
        }),
      ),
    ).toBe("ItemAlreadyExists");
    expect(
      await codeOf(
        fake.run(async (ctx) => {
          ctx.workbook.worksheets.getItem("Sheet1").delete();
          await ctx.sync();
        }),
      ),
    ).toBe("InvalidOperation");
  });

  it("a number shown under a format the fake does not know is a FakeUnsupportedError, not a guess", async () => {
    const e = await failure(
      roundTrip(createFakeExcel(), "A1", (r) => {
        r.numberFormat = [['#,##0;[Red]-#,##0;"-"']];
        r.values = [[5]];
      }),
    );
    expect(e).toBeInstanceOf(FakeUnsupportedError);
  });
});
