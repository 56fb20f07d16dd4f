// The demo's reports, seeded deterministically: each unit's size and figures come from a hash of its
// code and the period, so every run (and every machine) sends the same numbers. Sizes are those the seed
// articles describe (../shared/seeds): some 60,000 members in Sơn La, 150–450 in a commune union, a few
// per cent more each year; a commune made in 2025 starts from the sum of the communes it was made from.
import type { SubmissionBody } from "../shared/api/schemas.ts";
import { DEMO_UNITS, type DemoUnit, predecessorsAfter, unitsAfter } from "./demo-province.ts";

export interface DemoReport {
  unit: string;
  period: string;
  rows: SubmissionBody["rows"];
}

/** The periods the demo reports: two on the old tree, two on the new one. */
export const DEMO_PERIODS = ["2023", "2024", "2025", "2026"] as const;

/** FNV-1a: a stable 32-bit hash of a string. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32: a small seeded generator, uniform in [0, 1). */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Members of an old commune union in 2023 (a unit's "size"). */
function baseMembers(code: string): number {
  return 150 + Math.floor(generator(hash(`size:${code}`))() * 300);
}

const GROWTH: Record<string, number> = { "2023": 1, "2024": 1.03, "2025": 1.05, "2026": 1.08 };

const PREDECESSORS = predecessorsAfter();

/** How many members a unit has in a period: the old units' sizes summed for a unit made in 2025. */
function members(code: string, period: string): number {
  const from = PREDECESSORS.get(code) ?? [code];
  const sum = from.reduce((n, c) => n + baseMembers(c), 0);
  return Math.round(sum * (GROWTH[period] ?? 1));
}

const GRADES = ["XS", "T", "T", "T", "HT", "HT", "XS", "KHT", "T", "HT"] as const;

/** One commune-like union's year: counts in proportion to its members, rules of the template kept. */
function communeRows(code: string, period: string): SubmissionBody["rows"] {
  const r = generator(hash(`${period}:${code}`));
  const between = (lo: number, hi: number) => lo + r() * (hi - lo);
  const int = (lo: number, hi: number) => Math.floor(between(lo, hi + 1));
  // A commune made of three does about what the three did: its counts scale with its predecessors.
  const k = PREDECESSORS.get(code)?.length ?? 1;
  const many = (lo: number, hi: number) => int(lo * k, hi * k);
  const m = members(code, period);
  const officers = Math.round(5 + m / 40);
  const youth = Math.round(m * between(2.6, 3.4));
  const works = many(2, 4);
  const blood = many(0, 2);
  const ideas = many(0, 3);
  const recommended = many(1, 6);
  const rows: SubmissionBody["rows"] = [
    { code: "GD01", actual: officers },
    { code: "GD02", actual: officers - int(0, 1) },
    { code: "GD04", actual: m },
    { code: "GD05", actual: Math.round(m * between(0.78, 0.97)) },
    { code: "GD07", actual: youth },
    { code: "GD08", actual: Math.round(youth * between(0.7, 0.9)) },
    { code: "GD10", actual: many(4, 12) },
    { code: "PT01", actual: Math.round(m * between(6, 11)) },
    { code: "PT02", target: works, actual: Math.max(0, works + int(-1, 2)) },
    { code: "PT04", actual: many(2, 6) },
    { code: "CD01", actual: many(2, 8) },
    { code: "CD02", actual: many(150, 900) },
    { code: "KN01", actual: many(3, 15) },
    { code: "KN05", actual: Math.round(m * between(0.3, 0.8)) },
    { code: "XD01", actual: Math.round(m * between(0.08, 0.15)) },
    { code: "XD02", actual: recommended },
    { code: "XD03", actual: Math.max(0, recommended - int(0, 2)) },
    { code: "XD04", actual: Math.round(m * between(0.85, 1)) },
    { code: "TD01", actual: GRADES[int(0, GRADES.length - 1)] ?? "T" },
  ];
  const done = rows.find((x) => x.code === "PT02")?.actual;
  if (typeof done === "number" && done > 0) {
    rows.push({ code: "PT03", actual: Math.round(done * between(8, 25) * 2) / 2 });
  }
  if (blood > 0) {
    rows.push({ code: "PT05", actual: blood }, { code: "PT06", actual: blood * int(20, 60) });
  }
  if (ideas > 0) rows.push({ code: "KN02", actual: ideas }, { code: "KN03", actual: ideas * int(3, 8) });
  return period === SCORED_PERIOD ? withScoredFigures(rows, code, m) : rows;
}

/** The period the demo scores (thi đua): its communes get targets and the figures the criteria read. */
export const SCORED_PERIOD = "2026";

/**
 * How far a commune got toward its 2026 targets (0.55–1.15, evenly): the one number its computed
 * points follow, so the ranking's spread comes from the figures, as it does in life. Its own generator:
 * the figures drawn above stay the same.
 */
export function drive(code: string): number {
  return 0.55 + 0.6 * generator(hash(`drive:${code}`))();
}

/** The grade a commune types for itself: what its year suggests, one level higher for one in ten. */
function expectedGrade(d: number, optimism: number): string {
  const levels = ["KHT", "HT", "T", "XS"];
  const level = d >= 1.045 ? 3 : d >= 0.92 ? 2 : d >= 0.66 ? 1 : 0;
  return levels[Math.min(3, level + (optimism < 0.1 ? 1 : 0))] ?? "T";
}

/** Targets on what the scheme checks (XD01, XD02, KN05, PT06) and the rows it reads that were absent. */
function withScoredFigures(rows: SubmissionBody["rows"], code: string, m: number): SubmissionBody["rows"] {
  const r = generator(hash(`scored:${code}`));
  const d = drive(code);
  const near = () => d * (0.94 + r() * 0.12);
  const targetFor = (actual: number) => Math.max(1, Math.round(actual / near()));
  const targeted = rows.map((row) =>
    ["XD01", "XD02", "KN05", "PT06"].includes(row.code) && typeof row.actual === "number"
      ? { ...row, target: targetFor(row.actual) }
      : row,
  );
  const youth = Math.round(m * (2 + r()));
  const school = Math.round(m * (0.4 + r() * 0.3));
  const gifts = Math.round(m * (0.1 + r() * 0.1));
  const dues = Math.round(m * 0.024 * near() * 10) / 10;
  return [
    ...targeted.map((row) => (row.code === "TD01" ? { ...row, actual: expectedGrade(d, r()) } : row)),
    { code: "PT09", target: targetFor(gifts), actual: gifts },
    { code: "CD03", actual: youth },
    { code: "CD04", actual: Math.min(youth, Math.round(youth * 0.82 * near())) },
    { code: "KN07", actual: school },
    { code: "KN08", actual: Math.min(school, Math.round(school * 0.8 * near())) },
    { code: "XD06", target: Math.round(m * 0.024 * 10) / 10, actual: dues },
  ];
}

/** A district or province office's own figures: its officers and the activities it ran itself. */
function officeRows(code: string, period: string): SubmissionBody["rows"] {
  const r = generator(hash(`${period}:${code}:office`));
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const officers = int(6, 10);
  return [
    { code: "GD01", actual: officers },
    { code: "GD02", actual: officers },
    // The office's own branch: its officers and a few young staff.
    { code: "GD04", actual: officers + int(4, 12) },
    { code: "GD10", actual: int(10, 24) },
    { code: "GD11", actual: int(4, 12) },
    { code: "PT02", target: 2, actual: int(1, 4) },
    { code: "PT03", actual: int(40, 160) },
    { code: "KN06", actual: int(1, 4) },
    { code: "XD07", actual: int(60, 240) },
    { code: "TD02", actual: int(2, 8) },
    { code: "TD03", actual: int(3, 12) },
  ];
}

/** Share of units that have not reported (yet): 2026's deadline is mid-December. */
const MISSING: Record<string, number> = { "2023": 0.02, "2024": 0.01, "2025": 0, "2026": 0.1 };

/** The units with an office of their own (districts, the Khối, the university), not communes. */
const OFFICE_KINDS = new Set(["huyen", "thanh-pho", "khoi", "truong"]);

function reportsOn(units: DemoUnit[], period: string): DemoReport[] {
  const out: DemoReport[] = [];
  for (const u of units) {
    if (u.parent === null) continue;
    if (generator(hash(`missing:${period}:${u.code}`))() < (MISSING[period] ?? 0)) continue;
    const rows = OFFICE_KINDS.has(u.kind ?? "") ? officeRows(u.code, period) : communeRows(u.code, period);
    out.push({ unit: u.code, period, rows });
  }
  return out;
}

/** Every demo report: 2023 and 2024 on the three-tier tree, 2025 and 2026 on the two-tier one. */
export function demoReports(): DemoReport[] {
  const after = unitsAfter();
  return DEMO_PERIODS.flatMap((period) => reportsOn(period < "2025" ? DEMO_UNITS : after, period));
}
