import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Consolidation } from "../api/schemas.ts";
import { type CurrentReport, consolidateUnit, type UnitNode } from "../consolidation/consolidate.ts";
import { columnLetter } from "../grid/address.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { consolidatedSheetName, consolidatedSheetPlan, consolidatedTableName } from "./consolidated-sheet.ts";
import { NUMBER_FORMATS } from "./template-sheet.ts";
import type { PlanCell, SheetPlan } from "./types.ts";

const at = "2023-12-10T08:00:00Z";
const rep = (unit: string, rows: CurrentReport["rows"], first = at): CurrentReport => ({
  unit,
  rows,
  firstReceivedAt: first,
  receivedAt: first,
});

function sonLa(names: Partial<Record<string, string>> = {}): Consolidation {
  const units: UnitNode[] = [
    { code: "SL", name: names.SL ?? "Tỉnh đoàn Sơn La", parent: null },
    { code: "SL.MS", name: names["SL.MS"] ?? "Huyện đoàn Mai Sơn", parent: "SL" },
    { code: "SL.YC", name: names["SL.YC"] ?? "Huyện đoàn Yên Châu", parent: "SL" },
    { code: "SL.MS.HL", name: "Đoàn xã Hát Lót", parent: "SL.MS" },
    { code: "SL.SC", name: names["SL.SC"] ?? "Huyện đoàn Sốp Cộp", parent: "SL" },
  ];
  const reports = [
    rep("SL.MS", [
      { code: "PT01", actual: 52387, target: 50000 },
      { code: "KN03", actual: 211.625 },
      { code: "GD01", actual: 10 },
      { code: "GD02", actual: 10 },
      { code: "TD01", actual: "XS" },
    ]),
    rep("SL.MS.HL", [
      { code: "PT04", actual: 4 },
      { code: "TD01", actual: "T" },
    ]),
    rep(
      "SL.YC",
      [
        { code: "PT01", actual: 40000 },
        { code: "KN03", actual: 100.375 },
        { code: "GD01", actual: 90 },
        { code: "GD02", actual: 70 },
      ],
      "2023-12-20T00:00:00Z",
    ),
    rep("SL", [{ code: "GD03", target: 80 }]),
  ];
  return consolidateUnit(
    { template: doan2024, units, reports, period: "2023", deadline: "2023-12-15T17:00:00+07:00" },
    "SL",
  );
}

function cell(plan: SheetPlan, address: string): PlanCell | undefined {
  return plan.cells.find((c) => c.address === address);
}

/** Row of the table whose column A holds the indicator code. */
function rowOf(plan: SheetPlan, code: string): number {
  const found = plan.cells.find((c) => c.address.startsWith("A") && c.value === code);
  if (!found) throw new Error(`no row for ${code}`);
  return Number(found.address.slice(1));
}

describe("consolidated sheet plan", () => {
  const c = sonLa();
  const plan = consolidatedSheetPlan(c, doan2024, { generatedAt: "2023-12-21T09:00:00+07:00" });

  it("names the sheet and the table validly", () => {
    expect(plan.name).toBe("Tổng hợp SL 2023");
    expect(plan.tables).toHaveLength(1);
    expect(plan.tables[0]?.name).toBe("TongHop_SL_2023");
    expect(plan.tables[0]?.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(plan.tables[0]?.style).toBeTruthy();
  });

  it("puts one table row per indicator, main columns then a block per child", () => {
    const headerRow = 14;
    const header = plan.cells.filter(
      (x) => x.address.endsWith(`${headerRow}`) && /^[A-Z]+14$/.test(x.address),
    );
    expect(header.map((h) => h.value)).toEqual([
      "Mã chỉ tiêu",
      "Nội dung chỉ tiêu",
      "ĐVT",
      "Chỉ tiêu giao",
      "Kết quả thực hiện",
      "Tỷ lệ đạt %",
      "Ghi chú",
      "Huyện đoàn Mai Sơn – Chỉ tiêu",
      "Huyện đoàn Mai Sơn – Kết quả",
      "Huyện đoàn Sốp Cộp – Chỉ tiêu",
      "Huyện đoàn Sốp Cộp – Kết quả",
      "Huyện đoàn Yên Châu – Chỉ tiêu",
      "Huyện đoàn Yên Châu – Kết quả",
    ]);
    const last = headerRow + doan2024.indicators.length;
    expect(plan.tables[0]?.range).toBe(`A14:M${last}`);
    expect(doan2024.indicators.map((i) => rowOf(plan, i.code))).toEqual(
      doan2024.indicators.map((_, k) => headerRow + 1 + k),
    );
  });

  it("writes totals, rates and each child's figures", () => {
    const pt01 = rowOf(plan, "PT01");
    expect(cell(plan, `D${pt01}`)).toMatchObject({ value: 50000, numberFormat: "#,##0" });
    expect(cell(plan, `E${pt01}`)).toMatchObject({ value: 92387, numberFormat: "#,##0" });
    expect(cell(plan, `F${pt01}`)).toMatchObject({ value: 184.8, numberFormat: "0.0" });
    // Mai Sơn's target against both districts' actuals: the note says so beside the rate.
    expect(cell(plan, `G${pt01}`)?.value).toBe("Đơn vị có chỉ tiêu: 1, có kết quả: 2");
    const english = consolidatedSheetPlan(sonLa(), doan2024, { lang: "en" });
    expect(cell(english, `G${pt01}`)?.value).toBe("Units with a target: 1, with a result: 2");
    expect(cell(plan, `I${pt01}`)?.value).toBe(52387); // Mai Sơn – Kết quả
    expect(cell(plan, `K${pt01}`)?.value).toBeNull(); // Sốp Cộp sent nothing: blank, not 0
    expect(cell(plan, `M${pt01}`)?.value).toBe(40000);
    const kn03 = rowOf(plan, "KN03");
    expect(cell(plan, `E${kn03}`)).toMatchObject({ value: 312, numberFormat: "#,##0.0##" });
    expect(cell(plan, `G${kn03}`)?.value).toBeNull(); // no target anywhere: nothing to qualify
    // The same money format as the template sheet's, from one constant.
    expect(cell(plan, `E${kn03}`)?.numberFormat).toBe(NUMBER_FORMATS.money);
  });

  it("shows ratios as percentages and grades as counts per grade", () => {
    const gd03 = rowOf(plan, "GD03");
    expect(cell(plan, `D${gd03}`)).toMatchObject({ value: 80, numberFormat: "0.0" });
    expect(cell(plan, `E${gd03}`)).toMatchObject({ value: 80, numberFormat: "0.0" });
    expect(cell(plan, `I${gd03}`)).toMatchObject({ value: 100, numberFormat: "0.0" });
    expect(cell(plan, `M${gd03}`)).toMatchObject({ value: 77.8, numberFormat: "0.0" });
    const td01 = rowOf(plan, "TD01");
    expect(cell(plan, `E${td01}`)).toMatchObject({ value: "XS: 1; T: 1; HT: 0; KHT: 0", numberFormat: "@" });
    expect(cell(plan, `I${td01}`)?.value).toBe("XS: 1; T: 1; HT: 0; KHT: 0");
    expect(cell(plan, `K${td01}`)?.value).toBe("XS: 0; T: 0; HT: 0; KHT: 0");
    const pt04 = rowOf(plan, "PT04");
    expect(cell(plan, `G${pt04}`)?.value).toBe("Đơn vị đạt (≥ 3): 1/1");
  });

  it("states the reporting status by name and the target summary above the table", () => {
    expect(cell(plan, "B2")?.value).toBe("Tỉnh đoàn Sơn La");
    expect(cell(plan, "B3")?.value).toBe("SL");
    expect(cell(plan, "B4")?.value).toBe("2023");
    expect(cell(plan, "B6")?.value).toBe("2023-12-21T09:00:00+07:00");
    expect(cell(plan, "B7")?.value).toBe("đạt 2/2 chỉ tiêu, vượt 1");
    expect(cell(plan, "B10")?.value).toBe("3/4 đơn vị");
    expect(cell(plan, "A11")?.value).toBe("Nộp muộn (1)");
    expect(cell(plan, "B11")?.value).toBe("Huyện đoàn Yên Châu");
    expect(cell(plan, "A12")?.value).toBe("Chưa nộp (1)");
    expect(cell(plan, "B12")?.value).toBe("Huyện đoàn Sốp Cộp");
  });

  it("maps codes below the children to names when given, and keeps the code otherwise", () => {
    const deep: Consolidation = {
      ...c,
      reporting: {
        expected: 9,
        submitted: 6,
        late: 1,
        lateUnits: ["SL.MS.HL"],
        missing: ["SL.X.Y", "SL.MS.CN"],
      },
    };
    const p = consolidatedSheetPlan(deep, doan2024, { unitNames: { "SL.MS.CN": "Đoàn xã Cò Nòi" } });
    expect(cell(p, "B11")?.value).toBe("SL.MS.HL");
    expect(cell(p, "B12")?.value).toBe("SL.X.Y; Đoàn xã Cò Nòi");
    const none = consolidatedSheetPlan(
      { ...c, reporting: { expected: 0, submitted: 0, late: 0, missing: [] } },
      doan2024,
    );
    expect(cell(none, "B12")?.value).toBe("không có");
  });

  it("speaks English when asked", () => {
    const en = consolidatedSheetPlan(c, doan2024, { lang: "en" });
    expect(cell(en, "A14")?.value).toBe("Code");
    expect(cell(en, "B7")?.value).toBe("met 2/2 targets, exceeded 1");
    expect(cell(en, `B${rowOf(en, "PT01")}`)?.value).toBe("Participations in activities and movements");
  });

  it("sets widths, frozen header, A4 landscape printing and the sheet's identity", () => {
    expect(plan.freezeRows).toBe(14);
    expect(plan.print).toMatchObject({ orientation: "Landscape", paperSize: "A4", titleRows: "$14:$14" });
    expect(plan.print?.area).toBe(`A1:M${14 + doan2024.indicators.length}`);
    for (let i = 1; i <= 13; i++) expect(plan.columnWidths[columnLetter(i)]).toBeGreaterThan(0);
    expect(plan.properties).toMatchObject({
      kind: "consolidated",
      unit: "SL",
      period: "2023",
      template: "doan-2024",
    });
  });

  it("writes no formula, and every string as text", () => {
    expect(plan.cells.filter((x) => x.formula !== undefined)).toEqual([]);
    for (const x of plan.cells) {
      if (typeof x.value === "string") expect(x.numberFormat, x.address).toBe("@");
    }
    expect(new Set(plan.cells.map((x) => x.address)).size).toBe(plan.cells.length);
  });
});

describe("data that looks like a formula stays text", () => {
  const dangerous = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)", "=1+1", "\t=cmd|' /C calc'!A0"];

  it.each(dangerous)("unit named %j: plain text value cells with number format @", (name) => {
    const c = sonLa({ SL: name, "SL.SC": name });
    const plan = consolidatedSheetPlan(c, doan2024, { unitNames: { "SL.SC": name } });
    const own = cell(plan, "B2");
    expect(own).toMatchObject({ value: name, numberFormat: "@" });
    expect(own?.formula).toBeUndefined();
    expect(cell(plan, "B12")).toMatchObject({ value: name, numberFormat: "@" }); // the missing unit
    const header = plan.cells.find((x) => x.value === `${name} – Kết quả`);
    expect(header).toMatchObject({ numberFormat: "@" });
    expect(plan.cells.some((x) => x.formula !== undefined)).toBe(false);
  });

  it("holds for any name", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 60 }), (name) => {
        const plan = consolidatedSheetPlan(sonLa({ "SL.MS": name }), doan2024);
        expect(plan.cells.some((x) => x.formula !== undefined)).toBe(false);
        expect(plan.cells.filter((x) => typeof x.value === "string" && x.numberFormat !== "@")).toEqual([]);
        const headers = plan.cells.filter((x) => /^[A-Z]+14$/.test(x.address)).map((x) => String(x.value));
        expect(new Set(headers.map((h) => h.toLowerCase())).size).toBe(headers.length);
      }),
      { numRuns: 50 },
    );
  });
});

describe("names Excel accepts", () => {
  it("cleans and truncates the sheet name to 31 characters", () => {
    expect(consolidatedSheetName("SL", "2023-Q3")).toBe("Tổng hợp SL 2023-Q3");
    const long = consolidatedSheetName("TW.TINHDOAN.SONLA.HUYENDOAN.MAISON", "2023-11");
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.startsWith("Tổng hợp TW.TINHDOAN")).toBe(true);
    expect(consolidatedSheetName("A[1]:*?/\\B", "2023")).toBe("Tổng hợp A1B 2023");
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 10 }), (unit, period) => {
        const name = consolidatedSheetName(unit, period);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\]|^'|'$/);
      }),
    );
  });

  it("makes table names of letters, digits and underscores", () => {
    expect(consolidatedTableName("SL.MAISON", "2023-H1")).toBe("TongHop_SL_MAISON_2023_H1");
    fc.assert(
      fc.property(fc.string(), fc.string(), (unit, period) => {
        expect(consolidatedTableName(unit, period)).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      }),
    );
  });

  it("keeps header names unique when two children share a name", () => {
    const c = sonLa({ "SL.MS": "Huyện đoàn X", "SL.YC": "Huyện đoàn X" });
    const plan = consolidatedSheetPlan(c, doan2024);
    const headers = plan.cells.filter((x) => /^[A-Z]+14$/.test(x.address)).map((x) => x.value);
    expect(headers).toContain("Huyện đoàn X – Kết quả");
    expect(headers).toContain("Huyện đoàn X – Kết quả (SL.YC)");
  });
});
