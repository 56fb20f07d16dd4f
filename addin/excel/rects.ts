// Groups cells into few rectangles, so one format command covers many cells: vertical runs per column,
// then runs with the same rows in adjacent columns side by side.
import { type CellRef, rangeA1 } from "../../shared/grid/address.ts";

export function coalesce(cells: readonly CellRef[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    let rows = byCol.get(col);
    if (!rows) {
      rows = [];
      byCol.set(col, rows);
    }
    rows.push(row);
  }
  // Vertical runs, keyed by their rows, listing the columns that have them.
  const runs = new Map<string, number[]>();
  for (const [col, rows] of byCol) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = sorted[0];
    let prev = start;
    const flush = (end: number | undefined) => {
      if (start === undefined || end === undefined) return;
      const k = `${start}:${end}`;
      const cols = runs.get(k) ?? [];
      cols.push(col);
      runs.set(k, cols);
    };
    for (const r of sorted.slice(1)) {
      if (prev !== undefined && r === prev + 1) {
        prev = r;
        continue;
      }
      flush(prev);
      start = r;
      prev = r;
    }
    flush(prev);
  }
  const out: { r0: number; r1: number; c0: number; c1: number }[] = [];
  for (const [k, cols] of runs) {
    const [r0, r1] = k.split(":").map(Number) as [number, number];
    cols.sort((a, b) => a - b);
    let c0 = cols[0] as number;
    let prev = c0;
    for (const c of cols.slice(1)) {
      if (c === prev + 1) {
        prev = c;
        continue;
      }
      out.push({ r0, r1, c0, c1: prev });
      c0 = c;
      prev = c;
    }
    out.push({ r0, r1, c0, c1: prev });
  }
  out.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return out.map((r) => rangeA1({ row: r.r0, col: r.c0 }, { row: r.r1, col: r.c1 }));
}
