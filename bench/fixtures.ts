// Deterministic inputs for the bench: a valid 45-row report, provinces of a given size, and the
// report sheet at 50 and 5,000 rows. No randomness: two runs measure the same work.
import type { SubmissionRow, UnitsImport } from "../shared/api/schemas.ts";
import type { ConsolidationInput, CurrentReport, UnitNode } from "../shared/consolidation/consolidate.ts";
import { SEED_FIGURES } from "../shared/grid/testing.ts";
import {
  TEMPLATE_LAYOUT,
  templateCell,
  templateRows,
  templateSheetPlan,
} from "../shared/plans/template-sheet.ts";
import type { PlanCell, SheetPlan } from "../shared/plans/types.ts";
import { doan2024 } from "../shared/template/doan-2024.ts";
import type { ReportRow } from "../shared/template/types.ts";

export const TEMPLATE = doan2024;
export const PERIOD = "2023";

/** Rows other rows are parts of: kept far above any part so `part <= whole` holds for every k. */
const WHOLES = new Set(["GD01", "GD04", "GD07", "CD03", "KN07"]);

/**
 * A valid report with every one of the template's 45 input rows (the 5 ratio rows are derived), no
 * issue at all. `k` moves every figure, so a report with another k changes all 45 values.
 */
export function fullRows(k = 0): SubmissionRow[] {
  return TEMPLATE.indicators
    .filter((ind) => ind.kind !== "ratio")
    .map((ind, i): SubmissionRow => {
      if (ind.kind === "grade") return { code: ind.code, actual: "T" };
      if (ind.kind === "money") return { code: ind.code, target: 100.5 + i, actual: 12.345 + i + k };
      if (WHOLES.has(ind.code)) return { code: ind.code, target: 100_000, actual: 100_000 + k };
      // Admissions to the Party stay below recommendations (a warning otherwise).
      if (ind.code === "XD03") return { code: ind.code, actual: 1 };
      return { code: ind.code, target: 20 + i, actual: 10 + i + k };
    });
}

/** The same report with the first `n` actual figures moved by one (a resubmission changing n values). */
export function changeFirst(rows: readonly SubmissionRow[], n: number): SubmissionRow[] {
  let left = n;
  return rows.map((r) => {
    if (left > 0 && typeof r.actual === "number" && r.code !== "XD03") {
      left--;
      return { ...r, actual: r.actual + 1 };
    }
    return r;
  });
}

export interface Province {
  root: string;
  districts: string[];
  /** Units below the districts, in creation order. */
  grassroots: string[];
  units: UnitsImport["units"];
}

export const DISTRICTS = 20;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Grassroots unit i of a province: spread round-robin over the districts. */
export function grassrootsCode(root: string, i: number): string {
  return `${root}.D${pad(i % DISTRICTS, 2)}.G${pad(i, 5)}`;
}

/** A province with 20 districts and `grassroots` units below them (levels 1, 2 and 3 of the tree). */
export function province(root: string, grassroots: number, from = 0): Province {
  const districts = Array.from({ length: DISTRICTS }, (_, d) => `${root}.D${pad(d, 2)}`);
  const units: UnitsImport["units"] = [];
  if (from === 0) {
    units.push({ code: root, name: `Tỉnh đoàn ${root}`, parent: null });
    districts.forEach((code, d) => {
      units.push({ code, name: `Huyện đoàn ${d + 1}`, parent: root });
    });
  }
  const codes: string[] = [];
  for (let i = from; i < grassroots; i++) {
    const code = grassrootsCode(root, i);
    codes.push(code);
    units.push({ code, name: `Đoàn cơ sở ${i + 1}`, parent: `${root}.D${pad(i % DISTRICTS, 2)}` });
  }
  return { root, districts, grassroots: codes, units };
}

const asReportRows = (rows: readonly SubmissionRow[]): ReportRow[] =>
  rows.map((r) => ({
    code: r.code,
    ...(r.target !== undefined ? { target: r.target } : {}),
    ...(r.actual !== undefined ? { actual: r.actual } : {}),
  }));

/** The pure consolidation's input: a province of `total` units (root, 20 districts, the rest below), all reported. */
export function consolidationInput(total: number): ConsolidationInput {
  const p = province("P", total - 1 - DISTRICTS);
  const units: UnitNode[] = p.units.map((u) => ({ code: u.code, name: u.name, parent: u.parent }));
  const reports: CurrentReport[] = units
    .filter((u) => u.parent !== null)
    .map((u, i) => ({
      unit: u.code,
      rows: asReportRows(fullRows(i % 7)),
      firstReceivedAt: "2023-12-01T00:00:00.000Z",
      receivedAt: "2023-12-02T00:00:00.000Z",
    }));
  return { template: TEMPLATE, units, reports, period: PERIOD, deadline: "2023-12-15T00:00:00.000Z" };
}

export interface ReportSheet {
  plan: SheetPlan;
  /** Used rows of the sheet (its last row). */
  rows: number;
  /** Address of an indicator's cell on this sheet. */
  at(code: string, column: "target" | "actual"): string;
  /** The seed figures (a report with no issue), by address: what a unit types in. */
  figures: Record<string, string | number>;
  /** Two usual slips, by address, as a grid holds them: a text-typed number and a number with its unit. */
  slips: Record<string, string>;
  /** The same slips as typed into Excel (a leading apostrophe keeps "92.387" text). */
  typedSlips: Record<string, string>;
}

const A1_RE = /(\$?)([A-Z]{1,3})(\$?)(\d+)/g;

/**
 * "5,000-row sheet": the real template (header, 5 section rows, 50 indicator rows) with `totalRows - 66`
 * noise rows spread evenly between its body rows, as units leave them: blank rows, free-text notes,
 * "trong đó" sub-item lines with figures, and dash rows. The located table still has exactly the 50
 * template codes; no noise row holds anything code-like, so the issues are those of the 66-row sheet.
 * `totalRows` ≤ the template's own rows gives the template unchanged (the "50-row" sheet).
 */
export function reportSheet(totalRows: number): ReportSheet {
  const base = templateSheetPlan(TEMPLATE, {
    unitName: "Huyện đoàn Mai Sơn",
    unitCode: "SL.MAISON",
    period: PERIOD,
  });
  const first = TEMPLATE_LAYOUT.firstBodyRow;
  const last = templateRows(TEMPLATE).lastRow;
  const body = last - first + 1;
  const noise = Math.max(0, totalRows - last);
  // Body row i (0-based) moves down by the noise rows placed before it; the foot under the table (the
  // "(*)" legend and the signature block) by all of them.
  const shift = (row: number) =>
    row < first ? row : row > last ? row + noise : row + Math.floor(((row - first) * noise) / body);
  const moveRef = (text: string) =>
    text.replace(
      A1_RE,
      (_m, d1: string, col: string, d2: string, row: string) => `${d1}${col}${d2}${shift(Number(row))}`,
    );

  const cells: PlanCell[] = base.cells.map((c) => ({
    ...c,
    address: moveRef(c.address),
    ...(c.formula !== undefined ? { formula: moveRef(c.formula) } : {}),
  }));
  const taken = new Set<number>();
  for (let r = 1; r <= last; r++) taken.add(shift(r));
  const rows = last + noise;
  let k = 0;
  for (let r = first; r <= rows; r++) {
    if (taken.has(r)) continue;
    const kind = r === rows ? 1 : k % 4;
    k++;
    if (kind === 1)
      cells.push({ address: `C${r}`, value: `Ghi chú: số liệu lấy từ sổ theo dõi của chi đoàn, dòng ${k}` });
    else if (kind === 2) {
      // A breakdown label without a figure: with one, the check rightly warns (a figure with no code).
      cells.push(
        { address: `A${r}`, value: "-" },
        { address: `C${r}`, value: `Trong đó: chi đoàn thôn bản số ${k}` },
      );
    } else if (kind === 3)
      cells.push({ address: `B${r}`, value: "—" }, { address: `H${r}`, value: "xem phụ lục" });
  }
  const plan: SheetPlan = {
    ...base,
    cells,
    merges: base.merges.map(moveRef),
    validations: base.validations.map((v) => ({ ...v, range: moveRef(v.range) })),
    ...(base.print
      ? { print: { ...base.print, ...(base.print.area ? { area: moveRef(base.print.area) } : {}) } }
      : {}),
  };
  const at = (code: string, column: "target" | "actual") => moveRef(templateCell(TEMPLATE, code, column));
  const figures: Record<string, string | number> = {};
  for (const [code, f] of Object.entries(SEED_FIGURES)) {
    if (f.target !== undefined) figures[at(code, "target")] = f.target;
    if (f.actual !== undefined) figures[at(code, "actual")] = f.actual;
  }
  const slips = { [at("PT01", "actual")]: "92.387", [at("GD05", "actual")]: "4.500 người" };
  const typedSlips = { ...slips, [at("PT01", "actual")]: "'92.387" };
  return { plan, rows, at, figures, slips, typedSlips };
}
