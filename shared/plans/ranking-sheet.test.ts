import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScoresAnswer } from "../api/scores.ts";
import { getScheme } from "../scoring/registry.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { rankingSheetName, rankingSheetPlan } from "./ranking-sheet.ts";

const scheme = getScheme()!;

function unit(code: string, total: number, rank: number, extra: Partial<ScoresAnswer["units"][number]> = {}) {
  return {
    unit: code,
    name: `Đoàn xã ${code}`,
    criteria: scheme.criteria.map((c) => ({ code: c.code, points: total / 6, max: 90 })),
    self: total,
    total,
    grade: total >= 430 ? ("XS" as const) : ("HT" as const),
    rank,
    ...extra,
  };
}

function answer(units: ScoresAnswer["units"]): ScoresAnswer {
  return { unit: "SL", period: "2026", scheme: { id: scheme.id, version: 1, max: 500 }, units };
}

const valueAt = (plan: ReturnType<typeof rankingSheetPlan>, address: string) =>
  plan.cells.find((c) => c.address === address)?.value;

describe("rankingSheetPlan", () => {
  it("writes one row per unit in rank order with criteria points, total and grade in words", () => {
    const plan = rankingSheetPlan(
      answer([unit("A", 450, 1), unit("B", 310, 2, { reviewed: 300 })]),
      scheme,
      doan2024,
      {
        unitName: "Tỉnh đoàn Sơn La",
      },
    );
    expect(plan.name).toBe("Xếp loại SL 2026");
    expect(valueAt(plan, "A4")).toBe("BẢNG XẾP LOẠI THI ĐUA – NĂM 2026");
    expect(valueAt(plan, "D7")).toBe("TC1 (90)");
    expect([valueAt(plan, "A8"), valueAt(plan, "B8"), valueAt(plan, "L8"), valueAt(plan, "M8")]).toEqual([
      1,
      "A",
      450,
      "Hoàn thành xuất sắc nhiệm vụ",
    ]);
    expect(valueAt(plan, "K9")).toBe(300);
    const typed = rankingSheetPlan(answer([unit("A", 310, 1, { typedGrade: "XS" })]), scheme, doan2024, {
      unitName: "SL",
    });
    expect(valueAt(typed, "M8")).toBe("Hoàn thành nhiệm vụ (đơn vị tự xếp: Hoàn thành xuất sắc nhiệm vụ)");
    expect(plan.print).toMatchObject({ orientation: "Landscape", titleRows: "$7:$7" });
  });

  it("groups by cụm thi đua where units have one, keeping the API's ranks", () => {
    const plan = rankingSheetPlan(
      answer([
        unit("A", 450, 1, { cluster: "Cụm 2" }),
        unit("B", 400, 2, { cluster: "Cụm 1" }),
        unit("C", 100, 3),
      ]),
      scheme,
      doan2024,
      { unitName: "SL" },
    );
    expect(valueAt(plan, "A8")).toBe("Cụm thi đua: Cụm 1");
    expect(valueAt(plan, "B9")).toBe("B");
    expect(valueAt(plan, "A10")).toBe("Cụm thi đua: Cụm 2");
    expect(valueAt(plan, "B11")).toBe("A");
    expect(valueAt(plan, "A12")).toBe("Chưa xếp cụm");
    expect(valueAt(plan, "A13")).toBe(3);
  });

  it("writes every unit name as text, so a name like =HYPERLINK(…) never runs", () => {
    const plan = rankingSheetPlan(answer([unit("A", 1, 1, { name: '=HYPERLINK("x")' })]), scheme, doan2024, {
      unitName: "+SL",
    });
    const strings = plan.cells.filter((c) => typeof c.value === "string");
    expect(strings.every((c) => c.numberFormat === "@" && c.formula === undefined)).toBe(true);
  });

  it("keeps the sheet name within Excel's 31 characters and free of forbidden characters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 64, unit: "binary" }), (code) => {
        const name = rankingSheetName(code, "2026-Q3");
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[[\]:*?/\\]/);
      }),
    );
  });
});
