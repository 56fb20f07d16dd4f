// "Trong đó: …" rows: a part of the coded row above (shared/grid/loose-rows.ts finds them). They are never
// sent; a part larger than its whole is a warning on the part's cell, for the target and the actual
// alike. A figure that does not read as a number is left alone here (the row above decides its kind).
import type { Breakdown } from "./grid/loose-rows.ts";
import type { Issue } from "./issues.ts";
import { parseCell } from "./parse/cell.ts";
import type { ReportRow, Template } from "./template/types.ts";

export function breakdownIssues(
  breakdowns: readonly Breakdown[],
  rows: ReadonlyMap<string, ReportRow>,
  template: Template,
  sheet: string,
): Issue[] {
  const issues: Issue[] = [];
  for (const b of breakdowns) {
    const indicator = template.indicators.find((i) => i.code === b.parent);
    const whole = rows.get(b.parent);
    if (!indicator || !whole || indicator.kind === "grade" || indicator.kind === "ratio") continue;
    for (const field of ["target", "actual"] as const) {
      const part = parseCell(b.raw[field], indicator, field, template).value;
      const total = whole[field];
      if (typeof part !== "number" || typeof total !== "number" || part <= total) continue;
      issues.push({
        code: "grid.breakdown_exceeds",
        severity: "warning",
        sheet,
        cell: b.cells[field],
        indicator: b.parent,
        field,
        params: { row: b.row, label: b.label, parent: b.parent, value: part, parentValue: total },
      });
    }
  }
  return issues;
}
