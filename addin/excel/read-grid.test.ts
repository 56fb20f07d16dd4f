import { describe, expect, it } from "vitest";
import { createFakeExcel } from "./fake/index.ts";
import { originOf, readSheetGrid } from "./read-grid.ts";

describe("readSheetGrid", () => {
  it("reads the used range (values only) in one sync, with its origin", async () => {
    const fake = createFakeExcel({ sheets: ["Sheet1", "Báo cáo"] });
    fake.user.fill("Báo cáo", "A1", "#FFFF00");
    fake.user.type("Báo cáo", "B2", "12");
    fake.user.numberFormat("Báo cáo", "C3", "@");
    fake.user.type("Báo cáo", "C3", "92.387");
    fake.user.type("Báo cáo", "D3", "=B2*2");
    const grid = await fake.run((ctx) => readSheetGrid(ctx, "Báo cáo"));
    expect(fake.syncCount).toBe(1);
    expect(grid).toEqual({
      sheet: "Báo cáo",
      origin: "B2",
      values: [
        [12, "", ""],
        ["", "92.387", 24],
      ],
      valueTypes: [
        ["Double", "Empty", "Empty"],
        ["Empty", "String", "Double"],
      ],
      text: [
        ["12", "", ""],
        ["", "92.387", "24"],
      ],
      formulas: [
        [12, "", ""],
        ["", "92.387", "=B2*2"],
      ],
      numberFormat: [
        ["General", "General", "General"],
        ["General", "@", "General"],
      ],
    });
  });

  it("reads the active sheet by default; a blank sheet is an empty grid", async () => {
    const fake = createFakeExcel();
    expect(await fake.run((ctx) => readSheetGrid(ctx))).toEqual({
      sheet: "Sheet1",
      origin: "A1",
      values: [],
      valueTypes: [],
      text: [],
      formulas: [],
      numberFormat: [],
    });
  });

  it("takes the origin from a sheet-qualified address", () => {
    expect(originOf("'Báo cáo'!$B$2:$H$60")).toBe("B2");
    expect(originOf("Sheet1!C3")).toBe("C3");
  });
});
