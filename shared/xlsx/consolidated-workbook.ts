// The consolidated workbook as a file: the shared plans (Tổng hợp, Theo đơn vị, Tình hình nộp) rendered
// into one ExcelJS workbook, the same cells the add-in writes.
import ExcelJS from "exceljs";
import type { Consolidation } from "../api/schemas.ts";
import { consolidatedWorkbookPlans, type WorkbookOptions } from "../plans/consolidated-workbook.ts";
import type { Template } from "../template/types.ts";
import { renderPlan } from "./render-plan.ts";

export interface ConsolidatedWorkbook {
  wb: ExcelJS.Workbook;
  sheets: string[];
  tableFallbacks: string[];
}

export async function consolidatedWorkbook(
  c: Consolidation,
  template: Template,
  opts: WorkbookOptions = {},
): Promise<ConsolidatedWorkbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "baocao";
  const sheets: string[] = [];
  const tableFallbacks: string[] = [];
  for (const { plan } of consolidatedWorkbookPlans(c, template, opts)) {
    const { tableFallbacks: why } = await renderPlan(wb, plan);
    sheets.push(plan.name);
    tableFallbacks.push(...why);
  }
  return { wb, sheets, tableFallbacks };
}
