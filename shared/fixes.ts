// Which fixes to write: the add-in's "Sửa"/"Sửa tất cả" and the CLI's `baocao fix` both ask here.
// One fix per cell. A cell two issues want to change to different values is ambiguous: it is never
// fixed silently, and is returned in `conflicts` so the client can say so.
import type { Issue } from "./issues.ts";

export interface CellFix {
  /** Sheet name, when the issue names one. */
  sheet?: string;
  /** A1 address. */
  address: string;
  value: number | string | null;
  /** The first issue that proposed it (its code, indicator and raw text tell what changed). */
  issue: Issue;
}

export interface ChosenFixes {
  fixes: CellFix[];
  /** Cells left alone because their issues propose different values. */
  conflicts: { sheet?: string; address: string; values: (number | string | null)[] }[];
}

export function chooseFixes(issues: readonly Issue[]): ChosenFixes {
  const byCell = new Map<string, { first: CellFix; values: (number | string | null)[] }>();
  for (const issue of issues) {
    if (!issue.fix || !issue.cell) continue;
    const key = `${issue.sheet ?? ""}!${issue.cell}`;
    const seen = byCell.get(key);
    const value = issue.fix.value;
    if (seen === undefined) {
      const first: CellFix = { address: issue.cell, value, issue };
      if (issue.sheet !== undefined) first.sheet = issue.sheet;
      byCell.set(key, { first, values: [value] });
    } else if (!seen.values.includes(value)) {
      seen.values.push(value);
    }
  }
  const out: ChosenFixes = { fixes: [], conflicts: [] };
  for (const { first, values } of byCell.values()) {
    if (values.length === 1) out.fixes.push(first);
    else
      out.conflicts.push({
        ...(first.sheet !== undefined && { sheet: first.sheet }),
        address: first.address,
        values,
      });
  }
  return out;
}
