import { describe, expect, it } from "vitest";
import { doan2024 } from "../template/doan-2024.ts";
import { GRADES } from "../template/types.ts";
import { gradeText } from "./compare-columns.ts";
import { consolidatedWorkbookPlans } from "./consolidated-workbook.ts";
import { scoredGrades } from "./scored-grades.ts";
import { rankingOf, wideConsolidation } from "./testing.ts";

const AT = "2026-12-02T01:18:44Z";

describe("the grade row (TD01) once a scheme grades the units", () => {
  const c = wideConsolidation(12);
  const { answer } = rankingOf(c);

  it("counts the scored grades of the children, says so, and warns of each typed grade that disagrees", () => {
    const row = scoredGrades(c, answer);
    for (const g of GRADES) expect(row.grades[g]).toBe(answer.units.filter((u) => u.grade === g).length);
    const typed = gradeText(c.indicators.find((i) => i.code === "TD01")?.grades);
    expect(row.note.vi).toContain(`Xếp loại theo điểm thi đua (tieu-chi-2021 v1) của 12 đơn vị trực thuộc`);
    expect(row.note.vi).toContain(`báo cáo tự xếp: ${typed}`);
    const disagree = answer.units.filter((u) => u.typedGrade !== undefined).map((u) => u.unit);
    expect(disagree.length).toBeGreaterThan(0);
    expect(row.note.vi).toContain(
      `Cảnh báo: ${disagree.length} đơn vị tự xếp khác với điểm (${disagree.slice(0, 8).join(", ")}`,
    );
    expect(row.note.en).toContain(
      `Warning: ${disagree.length} units typed a grade their score does not give`,
    );
  });

  it("says nothing of a disagreement when every typed grade matches its score", () => {
    const agreeing = { ...answer, units: answer.units.map(({ typedGrade: _, ...u }) => u) };
    expect(scoredGrades(c, agreeing).note.vi).not.toContain("Cảnh báo");
  });

  it("is what the pulled summary sheet shows in the TD01 row, and the typed counts without a ranking", () => {
    const cellsOfTd01 = (withRanking: boolean) => {
      const [summary] = consolidatedWorkbookPlans(c, doan2024, {
        at: AT,
        ...(withRanking && { ranking: rankingOf(c) }),
      });
      const codeCell = summary?.plan.cells.find((x) => x.value === "TD01");
      const row = codeCell?.address.replace(/^[A-Z]+/, "");
      return summary?.plan.cells.filter((x) => x.address.replace(/^[A-Z]+/, "") === row).map((x) => x.value);
    };
    const row = scoredGrades(c, answer);
    expect(cellsOfTd01(true)).toEqual(expect.arrayContaining([gradeText(row.grades), row.note.vi]));
    const typed = gradeText(c.indicators.find((i) => i.code === "TD01")?.grades);
    expect(cellsOfTd01(false)).toContain(typed);
    expect(cellsOfTd01(false)).not.toContain(row.note.vi);
  });
});
