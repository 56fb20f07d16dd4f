import { describe, expect, it } from "vitest";
import { createFakeExcel } from "./fake/index.ts";
import {
  readTemplateInfo,
  readWorkbookProperties,
  TEMPLATE_ID_KEY,
  TEMPLATE_VERSION_KEY,
  writeTemplateInfo,
} from "./settings.ts";

describe("workbook settings", () => {
  it("writes the template to custom properties and settings, and reads it back in one sync", async () => {
    const fake = createFakeExcel();
    await fake.run((ctx) => writeTemplateInfo(ctx, { id: "doan-2024", version: 1 }));
    expect(fake.state.customProperties.get(TEMPLATE_ID_KEY)?.value).toBe("doan-2024");
    expect(fake.state.settings.get(TEMPLATE_VERSION_KEY)).toBe("1");
    fake.resetSyncCount();
    expect(await fake.run((ctx) => readTemplateInfo(ctx))).toEqual({ id: "doan-2024", version: 1 });
    expect(fake.syncCount).toBe(1);
  });

  it("falls back to the setting when the custom property is gone; null when neither says", async () => {
    const fake = createFakeExcel();
    expect(await fake.run((ctx) => readTemplateInfo(ctx))).toBeNull();
    await fake.run(async (ctx) => {
      ctx.workbook.settings.add(TEMPLATE_ID_KEY, "doan-2024");
      ctx.workbook.properties.custom.add("BAOCAO.VERSION", 2);
      await ctx.sync();
    });
    expect(await fake.run((ctx) => readTemplateInfo(ctx))).toEqual({ id: "doan-2024", version: 2 });
    expect(await fake.run((ctx) => readWorkbookProperties(ctx, ["missing"]))).toEqual({});
  });

  it("refuses values Excel would cut to 255 characters", async () => {
    const fake = createFakeExcel();
    await expect(
      fake.run((ctx) => writeTemplateInfo(ctx, { id: "x".repeat(300), version: 1 })),
    ).rejects.toBeInstanceOf(RangeError);
  });
});
