// Validation marks: one fill and one note per problem cell. Several issues on one cell share a note (a
// cell holds one note in Excel), and the cell takes the colour of its worst issue.

import { compareA1 } from "../grid/address.ts";
import type { Issue } from "../issues.ts";
import type { Client } from "../messages/fix-action.ts";
import { formatIssue } from "../messages/index.ts";
import type { Lang } from "../messages/types.ts";
import type { Template } from "../template/types.ts";
import type { CellMark } from "./types.ts";

/** Excel's own "bad" and "neutral" cell-style fills, familiar to users. */
export const ERROR_FILL = "#FFC7CE";
export const WARNING_FILL = "#FFEB9C";

export function marksPlan(
  issues: Issue[],
  template: Template | undefined,
  lang: Lang = "vi",
  client: Client = "addin",
): CellMark[] {
  const byCell = new Map<string, { sheet?: string; address: string; issues: Issue[] }>();
  for (const issue of issues) {
    if (issue.cell === undefined || issue.cell === "") continue;
    const key = `${issue.sheet ?? ""}!${issue.cell}`;
    let entry = byCell.get(key);
    if (!entry) {
      entry = { address: issue.cell, issues: [] };
      if (issue.sheet !== undefined) entry.sheet = issue.sheet;
      byCell.set(key, entry);
    }
    entry.issues.push(issue);
  }
  const marks: CellMark[] = [];
  for (const entry of byCell.values()) {
    // Errors first in the note: they are what blocks submission.
    const ordered = [
      ...entry.issues.filter((i) => i.severity === "error"),
      ...entry.issues.filter((i) => i.severity !== "error"),
    ];
    const severity = ordered[0]?.severity === "error" ? "error" : "warning";
    const note = [...new Set(ordered.map((i) => formatIssue(i, template, lang, client)))].join("\n");
    marks.push({
      ...(entry.sheet !== undefined ? { sheet: entry.sheet } : {}),
      address: entry.address,
      severity,
      fill: severity === "error" ? ERROR_FILL : WARNING_FILL,
      note,
    });
  }
  return marks.sort(
    (a, b) => (a.sheet ?? "").localeCompare(b.sheet ?? "") || compareA1(a.address, b.address),
  );
}
