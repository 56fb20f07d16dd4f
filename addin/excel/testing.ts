// Test helpers for the adapter: a workbook rendered from the real template, filled like a unit would.
import { checkSheet } from "../../shared/check.ts";
import { SEED_FIGURES } from "../../shared/grid/testing.ts";
import type { Grid } from "../../shared/grid/types.ts";
import type { Issue } from "../../shared/issues.ts";
import { marksPlan } from "../../shared/plans/marks.ts";
import { templateCell, templateSheetPlan } from "../../shared/plans/template-sheet.ts";
import type { CellMark, SheetPlan } from "../../shared/plans/types.ts";
import { doan2024 } from "../../shared/template/doan-2024.ts";
import { createFakeExcel, type FakeExcel, type FakeOptions } from "./fake/index.ts";
import { renderPlan } from "./render-plan.ts";
import type { ValueFix } from "./write-values.ts";

export const HEADER = { unitName: "Huyện đoàn Mai Sơn", unitCode: "SL.MAISON", period: "2023" };

export interface TemplateBook {
  fake: FakeExcel;
  plan: SheetPlan;
  sheet: string;
  /** Address of an indicator's cell on the fresh sheet. */
  at(code: string, column?: "target" | "actual" | "note" | "rate"): string;
  /** Types like a user into an indicator's cell. */
  type(code: string, value: string | number, column?: "target" | "actual"): void;
}

/** Tạo mẫu on a fake workbook, then the seed figures typed in (a sheet with no issue at all). */
export async function templateBook(options: FakeOptions = {}, fill = true): Promise<TemplateBook> {
  const fake = createFakeExcel(options);
  const plan = templateSheetPlan(doan2024, HEADER);
  await fake.run((ctx) => renderPlan(ctx, plan, { support: fake }));
  const at = (code: string, column: "target" | "actual" | "note" | "rate" = "actual") =>
    templateCell(doan2024, code, column);
  const book: TemplateBook = {
    fake,
    plan,
    sheet: plan.name,
    at,
    type: (code, value, column = "actual") => fake.user.type(plan.name, at(code, column), value),
  };
  if (fill) {
    for (const [code, f] of Object.entries(SEED_FIGURES)) {
      if (f.target !== undefined) book.type(code, f.target, "target");
      if (f.actual !== undefined) book.type(code, f.actual, "actual");
    }
  }
  fake.resetSyncCount();
  return book;
}

export interface Checked {
  marks: CellMark[];
  issues: Issue[];
}

/** What the pane passes to checkAndMarkSheet: shared's checkSheet + marksPlan. */
export function check(grid: Grid): Checked {
  const { issues } = checkSheet(grid, { template: doan2024 });
  return { marks: marksPlan(issues, doan2024), issues };
}

/** Sửa tất cả: the one-click fixes of the issues. */
export function fixesOf(issues: readonly Issue[]): ValueFix[] {
  return issues.flatMap((i) => (i.fix && i.cell ? [{ address: i.cell, value: i.fix.value }] : []));
}
