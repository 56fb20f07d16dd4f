// THE check of a report sheet, as the add-in's "Kiểm tra" and the CLI's `validate` run it:
// locate → parse every input cell → build the report → run the template's rules → put every issue on a
// cell → sort by row. Pure: a grid in, issues with A1 addresses out.
//
// Decisions:
// - One mistake, one issue: a rule (and "required row blank") is not raised when one of its rows already
//   has an unreadable actual cell (an error from parseCell that yields no value); the parse issue says it.
// - Only checkFigures runs here: parseCell has already judged every cell's kind, so 12.5 in a count
//   cell is one fraction_in_count, never a second one from checkRows.
// - "Required row blank" is not raised for a row missing from the sheet: `grid.row_missing` says it.
// - Rule issues land on their indicator's actual cell (the rule's left side, or the side that is blank);
//   issues about a row that is not on the sheet land on the table header's code cell.
// - `report` is null when no template is known or the table is not found. Otherwise it holds the rows
//   found, in template order, with parsed values (null when blank or unreadable); unit and period are
//   "" when missing (a header error is raised, so it cannot be submitted as is).
import { breakdownIssues } from "./breakdowns.ts";
import { compareA1 } from "./grid/address.ts";
import { type LocatedReport, locateReport } from "./grid/locate.ts";
import type { Grid } from "./grid/types.ts";
import type { Issue } from "./issues.ts";
import { parseCell } from "./parse/cell.ts";
import { checkFigures } from "./rules/check-report.ts";
import type { Report, ReportRow, Template } from "./template/types.ts";

export interface SheetCheck {
  located: LocatedReport;
  report: Report | null;
  issues: Issue[];
  /** How many issues are errors and warnings: counted here once, read by every client. */
  errors: number;
  warnings: number;
}

export interface CheckOptions {
  template?: Template;
  /** The unit's rows for the previous period (outlier warnings). */
  previous?: ReportRow[];
}

export function checkSheet(grid: Grid, opts: CheckOptions = {}): SheetCheck {
  const located = locateReport(grid, opts.template ? { template: opts.template } : {});
  const sheet = typeof grid.sheet === "string" ? grid.sheet : "";
  const template = located.template;
  if (!template || !located.table) {
    return counted(located, null, located.issues);
  }

  const rowsByCode = new Map(located.rows.map((r) => [r.code, r]));
  const issues: Issue[] = [...located.issues];
  // A row whose code was deleted is said once, on its own row (grid.row_code_missing): its rules wait
  // for the code to be written back, like the rules of an unreadable cell.
  const unreadable = new Set<string>(
    located.issues.flatMap((i) => (i.code === "grid.row_code_missing" && i.indicator ? [i.indicator] : [])),
  );
  const rows: ReportRow[] = [];

  for (const ind of template.indicators) {
    const row = rowsByCode.get(ind.code);
    const raw = located.raw.get(ind.code);
    if (!row || !raw) continue;
    const target = parseCell(raw.target, ind, "target", template);
    const actual = parseCell(raw.actual, ind, "actual", template);
    for (const i of target.issues) issues.push({ ...i, sheet, cell: row.cells.target });
    for (const i of actual.issues) issues.push({ ...i, sheet, cell: row.cells.actual });
    if (actual.value === null && actual.issues.some((i) => i.severity === "error")) unreadable.add(ind.code);
    const out: ReportRow = {
      code: ind.code,
      target: typeof target.value === "number" ? target.value : null,
      actual: actual.value,
    };
    if (raw.note !== "") out.note = raw.note;
    rows.push(out);
  }

  const report: Report = {
    unit: located.header.unitCode ?? "",
    period: located.header.period ?? "",
    template: template.id,
    templateVersion: template.version,
    rows,
  };

  // The rows are the template's, read by parseCell: only the figures remain to check. A row absent
  // from the sheet is grid.row_missing's, an unreadable cell its parse issue's.
  const absent = new Set(template.indicators.filter((i) => !rowsByCode.has(i.code)).map((i) => i.code));
  const ruleIssues = checkFigures(template, rows, {
    ...(opts.previous !== undefined ? { previous: opts.previous } : {}),
    unreadable,
    absent,
  });

  const reportRows = new Map(rows.map((r) => [r.code, r]));
  issues.push(...breakdownIssues(located.breakdowns, reportRows, template, sheet));

  for (const i of ruleIssues) {
    const row = i.indicator !== undefined ? rowsByCode.get(i.indicator) : undefined;
    const cell = !row
      ? located.table.anchor
      : i.field === "target"
        ? row.cells.target
        : i.field === "note" && row.cells.note !== ""
          ? row.cells.note
          : i.field === "row"
            ? row.cells.code
            : row.cells.actual;
    issues.push({ ...i, sheet, cell });
  }

  return counted(located, report, issues);
}

function counted(located: LocatedReport, report: Report | null, issues: Issue[]): SheetCheck {
  const errors = issues.filter((i) => i.severity === "error").length;
  return { located, report, issues: sortIssues(issues), errors, warnings: issues.length - errors };
}

/** Top to bottom, left to right; issues without a cell first; ties keep their order. */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => compareA1(a.issue.cell, b.issue.cell) || a.i - b.i)
    .map((x) => x.issue);
}
