import { describe, expect, it } from "vitest";
import type { Consolidation } from "../api/schemas.ts";
import { parseA1 } from "../grid/address.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { byUnitSheetName } from "./by-unit.ts";
import { changePercent, consolidatedSheetName } from "./consolidated-sheet.ts";
import { consolidatedWorkbookPlans, pulledSheetKey } from "./consolidated-workbook.ts";
import { placeOf } from "./official.ts";
import { reportingStatusSheetName } from "./reporting-status.ts";
import { freeSheetName, pullSheetName } from "./sheet-names.ts";
import { rankingOf, wideConsolidation } from "./testing.ts";
import type { PlanCell, SheetPlan } from "./types.ts";

const AT = "2026-12-02T01:18:44.523Z"; // 08:18 in Vietnam, 2 December 2026

const plansOf = (c: Consolidation) => consolidatedWorkbookPlans(c, doan2024, { at: AT }).map((p) => p.plan);
const value = (plan: SheetPlan, address: string) => plan.cells.find((c) => c.address === address)?.value;
const row = (plan: SheetPlan, r: number) =>
  plan.cells
    .filter((c) => parseA1(c.address)?.row === r)
    .sort((a, b) => (parseA1(a.address)?.col ?? 0) - (parseA1(b.address)?.col ?? 0))
    .map((c) => c.value ?? null);
/** The row whose column B holds `code`. */
const rowWith = (plan: SheetPlan, col: string, text: string) =>
  Number(
    plan.cells
      .find((c) => c.address.startsWith(col) && /^[A-Z]+\d+$/.test(c.address) && c.value === text)
      ?.address.replace(/^[A-Z]+/, ""),
  );
const maxCol = (plan: SheetPlan) => Math.max(...plan.cells.map((c) => parseA1(c.address)?.col ?? 0));

describe.each([1, 20, 85, 170])("the consolidated workbook of a province with %i children", (n) => {
  const c = wideConsolidation(n);
  const [summary, byUnit, status] = plansOf(c) as [SheetPlan, SheetPlan, SheetPlan];

  it("has three sheets named within 31 characters", () => {
    expect([summary.name, byUnit.name, status.name]).toEqual([
      "Tổng hợp SL 2026",
      "Theo đơn vị SL 2026",
      "Tình hình nộp SL 2026",
    ]);
  });

  it("Tổng hợp: one row per indicator under sections, no column per child, one page wide", () => {
    expect(maxCol(summary)).toBe(8); // STT … Ghi chú, whatever the number of children
    expect(
      summary.cells.filter((x) => /^B\d+$/.test(x.address) && /^[A-Z]{2}\d{2}$/.test(String(x.value))),
    ).toHaveLength(50);
    const gd01 = rowWith(summary, "B", "GD01");
    const total = c.indicators.find((i) => i.code === "GD01");
    expect(row(summary, gd01).slice(0, 7)).toEqual([
      1,
      "GD01",
      "Tổng số cán bộ đoàn (*)",
      "người",
      total?.target,
      total?.actual,
      total?.rate,
    ]);
    expect(value(summary, "A13")).toBe("I");
    expect(value(summary, "E2")).toBe("Sơn La, ngày 02 tháng 12 năm 2026");
    expect(value(summary, "A8")).toContain(`đã nộp ${c.reporting.submitted}/${n} đơn vị`);
    expect(summary.print).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      fitToWidth: true,
      titleRows: "$12:$12",
      footer: "Trang &P/&N",
    });
  });

  it("Theo đơn vị: own figures first, a row per child, Tổng cộng equal to the totals", () => {
    expect(value(byUnit, "C8")).toBe("Tỉnh đoàn Sơn La (trực tiếp)");
    const totalRow = rowWith(byUnit, "C", "Tổng cộng");
    expect(totalRow).toBe(8 + n + 1);
    const header = byUnit.cells.filter((x) => parseA1(x.address)?.row === 7);
    const col = (h: string) => header.find((x) => x.value === h)?.address.replace(/\d+$/, "");
    for (const ind of c.indicators.filter((i) => i.kind === "count" || i.kind === "money")) {
      const letter = col(`${ind.code} KQ`) ?? col(ind.code);
      expect(value(byUnit, `${letter}${totalRow}`), ind.code).toBe(ind.actual ?? null);
    }
    // Own figures + every child = the total (the province's own PT01 target).
    const pt01 = col("PT01 CT");
    const sum = [8, ...c.children.map((_, i) => 9 + i)].reduce(
      (s, r) => s + Number(value(byUnit, `${pt01}${r}`) ?? 0),
      0,
    );
    expect(sum).toBeCloseTo(Number(value(byUnit, `${pt01}${totalRow}`)), 6);
    expect(byUnit).toMatchObject({
      freezeRows: 7,
      freezeColumns: 3,
      autoFilter: expect.stringMatching(/^A7:[A-Z]+\d+$/),
    });
    expect(byUnit.conditionalFormats?.map((f) => f.type)).toEqual(["formula", "dataBar"]);
    expect(byUnit.print?.titleRows).toBe("$7:$7");
  });

  it("Tình hình nộp: every expected unit, missing first, Vietnam times, reporters", () => {
    const inTable = (x: PlanCell) =>
      (parseA1(x.address)?.row ?? 0) > 9 && (parseA1(x.address)?.row ?? 0) <= 9 + n;
    const lines = status.cells.filter((x) => /^E\d+$/.test(x.address) && inTable(x));
    expect(lines).toHaveLength(n);
    const states = lines.map((x) => x.value);
    const firstOther = states.findIndex((s) => s !== "Chưa nộp");
    expect(states.slice(firstOther).includes("Chưa nộp")).toBe(false);
    expect(states.filter((s) => s === "Chưa nộp")).toHaveLength(c.reporting.missing.length);
    expect(states.filter((s) => s === "Nộp muộn")).toHaveLength(c.reporting.late);
    const times = status.cells.filter(
      (x) => /^G\d+$/.test(x.address) && (parseA1(x.address)?.row ?? 0) > 9 && x.value,
    );
    for (const t of times) expect(t.value).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });

  it("official look: Times New Roman, union header, signature, no ISO time, text never a formula", () => {
    for (const plan of [summary, byUnit, status]) {
      expect(plan.font).toEqual({ name: "Times New Roman", size: 12 });
      expect(value(plan, "A1")).toBe("TỈNH ĐOÀN SƠN LA");
      expect(plan.cells.some((x) => x.value === "ĐOÀN TNCS HỒ CHÍ MINH")).toBe(true);
      expect(plan.cells.some((x) => x.value === "T/M BAN THƯỜNG VỤ")).toBe(true);
      expect(plan.cells.some((x) => x.value === "NGƯỜI LẬP BIỂU")).toBe(true);
      for (const x of plan.cells) {
        expect(x.formula).toBeUndefined();
        if (typeof x.value === "string") {
          expect(x.numberFormat, x.address).toBe("@");
          expect(x.value).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
        }
      }
    }
  });
});

describe("wrapped rows are tall enough", () => {
  it("gives a wrapped label of two lines a taller row", () => {
    const [summary] = plansOf(wideConsolidation(3)) as [SheetPlan];
    const long = summary.cells.find(
      (x) => typeof x.value === "string" && x.wrapText && x.address.startsWith("C") && x.value.length > 60,
    ) as PlanCell;
    expect(summary.rowHeights?.[parseA1(long.address)?.row ?? 0]).toBeGreaterThanOrEqual(30);
  });
});

describe("a compared period (api §1)", () => {
  it("adds Cùng kỳ and Tăng/giảm (%) before the notes", () => {
    const c = wideConsolidation(4);
    c.compare = { period: "2025" };
    c.indicators = c.indicators.map((i) =>
      i.code === "PT04"
        ? { ...i, previous: { actual: 10 } }
        : i.code === "GD03"
          ? { ...i, previous: { actual: 50 } }
          : i,
    );
    const [summary] = plansOf(c) as [SheetPlan];
    expect(row(summary, 12)).toEqual([
      "STT",
      "Mã chỉ tiêu",
      "Nội dung chỉ tiêu",
      "ĐVT",
      "Chỉ tiêu giao",
      "Kết quả thực hiện",
      "Tỷ lệ đạt %",
      "Cùng kỳ Năm 2025",
      "Tăng/giảm (%)",
      "Ghi chú",
    ]);
    expect(value(summary, "A6")).toBe("Kỳ báo cáo: Năm 2026 (so sánh cùng kỳ Năm 2025)");
    const pt04 = rowWith(summary, "B", "PT04");
    const actual = c.indicators.find((i) => i.code === "PT04")?.actual ?? 0;
    expect(value(summary, `H${pt04}`)).toBe(10);
    expect(value(summary, `I${pt04}`)).toBe(changePercent(actual, 10));
    const gd03 = rowWith(summary, "B", "GD03");
    expect(value(summary, `J${gd03}`)).toContain("điểm %");
    expect(summary.print?.area).toMatch(/^A1:J\d+$/);
  });

  it("changePercent is blank from zero or without both figures", () => {
    expect(changePercent(150, 100)).toBe(50);
    expect(changePercent(90, 120)).toBe(-25);
    expect(changePercent(5, 0)).toBeUndefined();
    expect(changePercent(undefined, 5)).toBeUndefined();
  });
});

describe("review states (api §3)", () => {
  it("shows Bị trả lại and Đã duyệt, and counts them in the summary", () => {
    const c = wideConsolidation(6);
    const units = c.reporting.units ?? [];
    c.reporting = {
      ...c.reporting,
      units: units.map((u, i) => (i === 0 ? { ...u, status: "accepted" as const } : u)),
      accepted: 1,
      returned: [units[1]?.code ?? ""],
    };
    const [summary, byUnit, status] = plansOf(c) as [SheetPlan, SheetPlan, SheetPlan];
    expect(value(summary, "A8")).toMatch(/đã duyệt 1; bị trả lại 1\.$/);
    expect(status.cells.filter((x) => x.value === "Bị trả lại")).toHaveLength(1);
    expect(status.cells.filter((x) => x.value === "Đã duyệt")).toHaveLength(1);
    expect(value(byUnit, "D9")).toBe("Đã duyệt");
    expect(value(byUnit, "D10")).toBe("Bị trả lại");
  });
});

describe("names", () => {
  it("fits any unit code and period in 31 characters, long codes kept apart", () => {
    const long = `SL.${"X".repeat(60)}`;
    for (const name of [
      consolidatedSheetName(long, "2026-Q3"),
      byUnitSheetName(long, "2026-11"),
      reportingStatusSheetName(long, "2026-H1"),
    ]) {
      expect(name.length).toBeLessThanOrEqual(31);
    }
    expect(reportingStatusSheetName(`${long}A`, "2026")).not.toBe(
      reportingStatusSheetName(`${long}B`, "2026"),
    );
    expect(pullSheetName("Tổng hợp", "SL", "2026")).toBe("Tổng hợp SL 2026");
  });

  it("never takes a user's sheet; replaces an earlier pull of the same unit and period", () => {
    expect(freeSheetName("Tổng hợp SL 2026", ["tổng hợp sl 2026"])).toBe("Tổng hợp SL 2026 (2)");
    const c = wideConsolidation(2);
    const existing = new Map<string, string | null>([
      ["Tổng hợp SL 2026", null],
      ["Theo đơn vị SL 2026", "by-unit SL 2026"],
    ]);
    const plans = consolidatedWorkbookPlans(c, doan2024, { at: AT, existing });
    expect(plans.map((p) => [p.plan.name, p.replaces])).toEqual([
      ["Tổng hợp SL 2026 (2)", false],
      ["Theo đơn vị SL 2026", true],
      ["Tình hình nộp SL 2026", false],
    ]);
    expect(plans[0]?.plan.properties).toEqual({
      [pulledSheetKey("Tổng hợp SL 2026 (2)")]: "summary SL 2026",
    });
  });

  it("adds the ranking (Xếp loại) last when the pull fetched one, marked like the other pulled sheets", () => {
    const c = wideConsolidation(4);
    expect(plansOf(c).map((p) => p.name)).not.toContain("Xếp loại SL 2026");
    const plans = consolidatedWorkbookPlans(c, doan2024, { at: AT, ranking: rankingOf(c) });
    expect(plans.map((p) => p.kind)).toEqual(["summary", "by-unit", "reporting-status", "ranking"]);
    expect(plans[3]?.plan.name).toBe("Xếp loại SL 2026");
    expect(plans[3]?.plan.properties).toEqual({ [pulledSheetKey("Xếp loại SL 2026")]: "ranking SL 2026" });
    const again = consolidatedWorkbookPlans(c, doan2024, {
      at: AT,
      ranking: rankingOf(c),
      existing: new Map([["Xếp loại SL 2026", "ranking SL 2026"]]),
    });
    expect(again[3]).toMatchObject({ replaces: true, plan: { name: "Xếp loại SL 2026" } });
  });

  it("takes the place of the date line from the unit's name", () => {
    expect(placeOf("Tỉnh đoàn Sơn La")).toBe("Sơn La");
    expect(placeOf("Đoàn xã Chiềng Mai")).toBe("Chiềng Mai");
    expect(placeOf("SL")).toBe("…………");
  });
});

describe("text from other units stays text", () => {
  it("writes a child named like a formula, and a reporter's phone, as text", () => {
    const c = wideConsolidation(2);
    c.children = c.children.map((ch, i) => (i === 0 ? { ...ch, name: '=HYPERLINK("http://x","y")' } : ch));
    c.reporting.units = (c.reporting.units ?? []).map((u, i) =>
      i === 0 ? { ...u, name: "+1", reporter: { name: "@x", phone: "-2" } } : u,
    );
    for (const plan of plansOf(c)) {
      for (const x of plan.cells)
        if (typeof x.value === "string" && /^[=+\-@]/.test(x.value)) expect(x.numberFormat).toBe("@");
    }
    const byUnit = plansOf(c)[1] as SheetPlan;
    expect(value(byUnit, "C9")).toBe('=HYPERLINK("http://x","y")');
  });
});
