// Applies the issues' own fixes (only those that carry one: the unambiguous corrections decided in
// shared/) to the workbook, and says what changed in each cell.
import type { Worksheet } from "exceljs";
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

export function applyFixes(ws: Worksheet, issues: Issue[], template: Template | undefined): CellChange[] {
  const changes: CellChange[] = [];
  const done = new Set<string>();
  for (const issue of issues) {
    if (!issue.fix || !issue.cell || done.has(issue.cell)) continue;
    if (issue.sheet !== undefined && issue.sheet !== ws.name) continue;
    done.add(issue.cell);
    const cell = ws.getCell(issue.cell);
    const before = typeof issue.params.raw === "string" ? issue.params.raw : cell.text;
    const v = issue.fix.value;
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
      cell: issue.cell,
      ...(issue.indicator !== undefined && { indicator: issue.indicator }),
      code: issue.code,
      before,
      after: v,
    });
  }
  return changes;
}
