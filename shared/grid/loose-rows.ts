// Rows inside the report table that have no indicator code. Nothing of such a row is ever sent, so a
// figure in it would be lost without a word. Three cases:
// - its label is a template row's label and that code is not on the sheet: the code was deleted. The
//   issue (grid.row_code_missing) sits on the empty code cell and its fix writes the code back; an error
//   when the row holds a figure or is required (the figure would be lost), else a warning.
// - its label starts with "Trong đó" (of which) under a coded row: a breakdown of that row. It is never
//   sent on its own; shared/check.ts warns when its figure is larger than the row above.
// - any other row with a figure: a warning naming the row and the figure (grid.row_uncoded).
// The table runs from its header row to the last coded row, and on through the rows right after it
// until the first blank row (a row added at the end of the table is still inside it), and never into
// the signature block (shared/grid/signature.ts).
import type { Issue, IssueParam } from "../issues.ts";
import type { Indicator, Template } from "../template/types.ts";
import { a1 } from "./address.ts";
import { cellAt, cellString, gridOrigin, gridSize, isBlank } from "./cells.ts";
import type { CodeHit, LocatedTable } from "./locate.ts";
import { signatureRow } from "./signature.ts";
import { foldWords } from "./text.ts";
import type { Grid, RawCell } from "./types.ts";

export interface Breakdown {
  /** 1-based sheet row. */
  row: number;
  label: string;
  /** Code of the coded row it details. */
  parent: string;
  cells: { target: string; actual: string };
  raw: { target: RawCell; actual: RawCell };
}

export interface LooseRows {
  /** Issues without their sheet (the locator adds it). */
  issues: Issue[];
  breakdowns: Breakdown[];
  /** Template codes found by their label on a row whose code is blank. */
  lostCodes: Set<string>;
}

const BREAKDOWN_RE = /^trong do\b/;

interface RowCells {
  row: number;
  label: string;
  target: RawCell;
  actual: RawCell;
}

function rowCells(grid: Grid, table: LocatedTable, row: number): RowCells {
  const { label, target, actual } = table.columns;
  return {
    row,
    label: label === undefined ? "" : cellString(cellAt(grid, row, label)).trim(),
    target: cellAt(grid, row, target!),
    actual: cellAt(grid, row, actual!),
  };
}

/** Rows of the table whose code cell is blank, in sheet order. */
function uncodedRows(grid: Grid, table: LocatedTable, hits: CodeHit[]): RowCells[] {
  const coded = new Set(hits.map((h) => h.row));
  const last = Math.max(table.headerRow, ...hits.map((h) => h.row));
  // The table never runs into the signature block under it ("T/M BAN THƯỜNG VỤ" is no figure).
  const sign = signatureRow(grid, table.headerRow + 1);
  const gridEnd = gridOrigin(grid).row + gridSize(grid).rows - 1;
  const end = sign === undefined ? gridEnd : Math.min(gridEnd, sign - 1);
  const out: RowCells[] = [];
  for (let row = table.headerRow + 1; row <= end; row++) {
    const cells = rowCells(grid, table, row);
    const blank = cells.label === "" && isBlank(cells.target) && isBlank(cells.actual);
    if (row > last && blank && !coded.has(row)) break;
    if (coded.has(row) || !isBlank(cellAt(grid, row, table.columns.code!))) continue;
    if (!blank) out.push(cells);
  }
  return out;
}

function shown(cell: RawCell): string {
  return cell.text !== "" ? cell.text : cellString(cell);
}

function lostCodeIssue(r: RowCells, ind: Indicator, table: LocatedTable): Issue {
  const hasFigure = !isBlank(r.target) || !isBlank(r.actual);
  const params: Record<string, IssueParam> = { row: r.row, code: ind.code, label: r.label, hasFigure };
  return {
    code: "grid.row_code_missing",
    severity: hasFigure || ind.required ? "error" : "warning",
    cell: a1(r.row, table.columns.code!),
    indicator: ind.code,
    field: "row",
    params,
    fix: { value: ind.code },
  };
}

function uncodedIssue(r: RowCells, table: LocatedTable): Issue {
  const useActual = !isBlank(r.actual);
  const cell = useActual ? r.actual : r.target;
  return {
    code: "grid.row_uncoded",
    severity: "warning",
    cell: a1(r.row, useActual ? table.columns.actual! : table.columns.target!),
    field: useActual ? "actual" : "target",
    params: { row: r.row, label: r.label, value: shown(cell) },
  };
}

export function findLooseRows(
  grid: Grid,
  table: LocatedTable,
  hits: CodeHit[],
  template: Template | undefined,
  seen: ReadonlyMap<string, string>,
): LooseRows {
  const byLabel = new Map<string, Indicator>();
  for (const ind of template?.indicators ?? []) {
    if (!seen.has(ind.code)) byLabel.set(foldWords(ind.label.vi), ind);
  }
  const located = hits.filter((h) => seen.get(h.code) === h.address);
  const out: LooseRows = { issues: [], breakdowns: [], lostCodes: new Set() };
  for (const r of uncodedRows(grid, table, hits)) {
    const folded = foldWords(r.label);
    const lost = folded === "" ? undefined : byLabel.get(folded);
    if (lost && !out.lostCodes.has(lost.code)) {
      out.lostCodes.add(lost.code);
      out.issues.push(lostCodeIssue(r, lost, table));
      continue;
    }
    if (isBlank(r.target) && isBlank(r.actual)) continue;
    const parent = located.filter((h) => h.row < r.row).at(-1);
    if (BREAKDOWN_RE.test(folded) && parent) {
      const { target, actual } = table.columns;
      out.breakdowns.push({
        row: r.row,
        label: r.label,
        parent: parent.code,
        cells: { target: a1(r.row, target!), actual: a1(r.row, actual!) },
        raw: { target: r.target, actual: r.actual },
      });
      continue;
    }
    out.issues.push(uncodedIssue(r, table));
  }
  return out;
}
