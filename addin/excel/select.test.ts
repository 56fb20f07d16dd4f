import { expect, it } from "vitest";
import { createFakeExcel } from "./fake/index.ts";
import { selectCell } from "./select.ts";

it("activates the cell's sheet and selects the cell, in one sync", async () => {
  const fake = createFakeExcel({ sheets: ["Sheet1", "Báo cáo"] });
  await fake.run((ctx) => selectCell(ctx, "Báo cáo", "F14"));
  expect(fake.syncCount).toBe(1);
  const address = await fake.run(async (ctx) => {
    const r = ctx.workbook.getSelectedRange().load("address");
    await ctx.sync();
    return r.address;
  });
  expect(address).toBe("'Báo cáo'!F14");
  expect(fake.sheet("Báo cáo").active).toBe(true);
});
