// Applies the issues' own fixes (only those that carry one: the unambiguous corrections decided in
// shared/, chosen by shared/fixes.ts) to the workbook, and says what changed in each cell.
import type { Worksheet } from "exceljs";
import { chooseFixes } from "../fixes.ts";
import type { Issue } from "../issues.ts";
import { NUMBER_FORMATS } from "../plans/template-sheet.ts";
import type { Template } from "../template/types.ts";

export interface CellChange {
  sheet: string;
  cell: string;
  indicator?: string;
  code: Issue["code"];
  before: string;
  after: string | number | null;
}

/** The number format a fixed number gets when its cell was formatted as text (or not at all). */
function numberFormatFor(issue: Issue, template: Template | undefined): string {
  const kind = template?.indicators.find((i) => i.code === issue.indicator)?.kind;
  return kind === "count" || kind === "money" || kind === "ratio" ? NUMBER_FORMATS[kind] : "General";
}

/** Writes the fixes the shared chooser keeps; a cell with two different proposed fixes is left alone. */
export function applyFixes(ws: Worksheet, issues: Issue[], template: Template | undefined): CellChange[] {
  const changes: CellChange[] = [];
  for (const fix of chooseFixes(issues).fixes) {
    if (fix.sheet !== undefined && fix.sheet !== ws.name) continue;
    const { issue, value: v } = fix;
    const cell = ws.getCell(fix.address);
    const before = typeof issue.params.raw === "string" ? issue.params.raw : cell.text;
    if (typeof v === "number") {
      cell.value = v;
      if (!cell.numFmt || cell.numFmt === "@" || cell.numFmt === "General") {
        cell.numFmt = numberFormatFor(issue, template);
      }
    } else if (typeof v === "string") {
      cell.value = v;
      cell.numFmt = NUMBER_FORMATS.text;
    } else {
      cell.value = null;
    }
    changes.push({
      sheet: ws.name,
      cell: fix.address,
      ...(issue.indicator !== undefined && { indicator: issue.indicator }),
      code: issue.code,
      before,
      after: v,
    });
  }
  return changes;
}
