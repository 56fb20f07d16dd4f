// The budgets (issue 6) beside the figures: the console table, bench/results.json, and the generated
// part of docs/performance.md (between the bench markers; the hand-written rest of the file is kept).
// A missed budget is reported, never fatal: benchmarks are not tests.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import type { Metric } from "./lib.ts";
import { ROOT } from "./worker-harness.ts";

type Lookup = (name: string) => number | undefined;

interface Budget {
  text: string;
  /** undefined: the figure it compares with was not measured. */
  ok(value: number, get: Lookup): boolean | undefined;
}

const at = (limit: number, text = `≤ ${limit}`): Budget => ({ text, ok: (v) => v <= limit });
const below = (limit: number, unit: string): Budget => ({ text: `< ${limit} ${unit}`, ok: (v) => v < limit });
const relative = (text: string, other: string, ok: (v: number, o: number) => boolean): Budget => ({
  text,
  ok: (v, get) => {
    const o = get(other);
    return o === undefined ? undefined : ok(v, o);
  },
});

/** Same 20 children, 1 + 20 totals blocks of 50 indicators: twice that is ample for a read that does not grow. */
const CONSOLIDATION_READ = 2 * (20 + 1) * 50;

export const BUDGETS: Record<string, Budget> = {
  "addin.validate.syncs.50": at(3),
  "addin.validate.syncs.5000": relative(
    "≤ 3, = the 50-row figure",
    "addin.validate.syncs.50",
    (v, o) => v <= 3 && v === o,
  ),
  "addin.pull.syncs.170children": at(2, "≤ 2 (one read, one write batch)"),
  "worker.consolidation.rows_read.170children": at(2 * 171 * 50, "≤ 2 × 171 × 50 = 17,100"),
  "shared.validate.ms.5000": below(50, "ms"),
  "worker.consolidation.rows_read.10units": at(CONSOLIDATION_READ, `≤ 2 × 21 × 50 = ${CONSOLIDATION_READ}`),
  "worker.consolidation.rows_read.100units": at(CONSOLIDATION_READ, `≤ ${CONSOLIDATION_READ}`),
  "worker.consolidation.rows_read.1000units": at(CONSOLIDATION_READ, `≤ ${CONSOLIDATION_READ}`),
  "worker.consolidation.rows_read.10000units": relative(
    "≈ the 100-unit figure",
    "worker.consolidation.rows_read.100units",
    (v, o) => v <= o * 1.2,
  ),
  "worker.consolidation.rows_read.ratio.10000_vs_100": { text: "≈ 1 (≤ 1.2)", ok: (v) => v <= 1.2 },
  "worker.units.changes.rows_written.3years": relative(
    "≈ the 1-year figure",
    "worker.units.changes.rows_written.1years",
    (v, o) => v <= o * 1.2,
  ),
  "worker.consolidation.rows_read.compare_vs_plain.100units": { text: "≤ 2", ok: (v) => v <= 2 },
  "worker.consolidation.rows_read.compare_vs_plain.10000units": { text: "≤ 2", ok: (v) => v <= 2 },
  "worker.consolidation.rows_read.compare.10000units": relative(
    "≈ the 100-unit figure",
    "worker.consolidation.rows_read.compare.100units",
    (v, o) => v <= o * 1.2,
  ),
  "worker.consolidation.rows_read.100units.4revisions": relative(
    "= the 100-unit figure",
    "worker.consolidation.rows_read.100units",
    (v, o) => v <= o,
  ),
  "worker.submit.rows_written.depth2": at(45 * 4, "≤ 45 × (2 + 2) = 180"),
  "worker.submit.rows_written.depth3": at(45 * 5, "≤ 45 × (3 + 2) = 225"),
  "worker.submit.rows_written.depth4": at(45 * 6, "≤ 45 × (4 + 2) = 270"),
  "worker.submit.rows_written.resubmit3changed": relative(
    "≤ unchanged resubmission + 3 × (3 + 1)",
    "worker.submit.rows_written.resubmit0changed",
    (v, o) => v <= o + 3 * (3 + 1),
  ),
  "worker.submit.rps": { text: "≥ 300 req/s", ok: (v) => v >= 300 },
  "worker.submit.p99_ms": below(250, "ms"),
  "worker.submit.errors": at(0, "0"),
  "worker.submit.median_ms.single": below(25, "ms"),
  "worker.consolidation.errors": at(0, "0"),
  "worker.submit.errors.wrangler_dev": at(0, "0"),
};

/** Old figures kept, re-measured ones replaced in place, new ones appended (so --only runs merge). */
export function mergeResults(previous: readonly Metric[], fresh: readonly Metric[]): Metric[] {
  const byName = new Map(fresh.map((m) => [m.name, m]));
  const merged = previous.map((m) => byName.get(m.name) ?? m);
  const known = new Set(previous.map((m) => m.name));
  return [...merged, ...fresh.filter((m) => !known.has(m.name))];
}

export function readResults(path: string): Metric[] {
  if (!existsSync(path)) return [];
  try {
    const data: unknown = JSON.parse(readFileSync(path, "utf8"));
    return Array.isArray(data) ? (data as Metric[]).filter((m) => typeof m?.name === "string") : [];
  } catch {
    return [];
  }
}

interface Row {
  name: string;
  value: string;
  unit: string;
  budget: string;
  ok: string;
}

function rows(results: readonly Metric[]): Row[] {
  const values = new Map(results.map((m) => [m.name, m.value]));
  return results.map((m) => {
    const budget = BUDGETS[m.name];
    const ok = budget?.ok(m.value, (n) => values.get(n));
    return {
      name: m.name,
      value: String(m.value),
      unit: m.unit,
      budget: budget?.text ?? "",
      ok: ok === undefined ? "" : ok ? "yes" : "NO",
    };
  });
}

export function missedBudgets(results: readonly Metric[]): string[] {
  return rows(results)
    .filter((r) => r.ok === "NO")
    .map((r) => r.name);
}

export function consoleTable(results: readonly Metric[]): string {
  const all = rows(results);
  const head: Row = { name: "name", value: "value", unit: "unit", budget: "budget", ok: "ok?" };
  const keys = ["name", "value", "unit", "budget", "ok"] as const;
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(...[head, ...all].map((r) => r[k].length))]));
  const line = (r: Row) =>
    keys.map((k) => (k === "value" ? r[k].padStart(width[k] ?? 0) : r[k].padEnd(width[k] ?? 0))).join(" | ");
  return [line(head), keys.map((k) => "-".repeat(width[k] ?? 0)).join("-|-"), ...all.map(line)].join("\n");
}

function markdownTable(results: readonly Metric[]): string {
  const esc = (s: string) => s.replaceAll("|", "\\|");
  return [
    "| name | value | unit | budget | ok? |",
    "|---|---:|---|---|---|",
    ...rows(results).map((r) => `| \`${r.name}\` | ${r.value} | ${r.unit} | ${esc(r.budget)} | ${r.ok} |`),
  ].join("\n");
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

export interface RunInfo {
  startedAt: Date;
  wallSeconds: number;
  sections: string[];
  /** 1-minute load average when the run started: other processes on the machine skew the times. */
  loadAtStart: number;
}

export const START = "<!-- bench:start -->";
export const END = "<!-- bench:end -->";

/** A missed throughput budget, set beside what Miniflare's D1 alone allows in the same run. */
function floorNote(results: readonly Metric[], missed: readonly string[]): string {
  const floor = results.find((m) => m.name === "worker.floor.rps.submission_shape");
  if (!floor || !missed.includes("worker.submit.rps")) return "";
  return (
    ` In the same run, a Worker that only makes the submission's two D1 round trips (trivial statements) ` +
    `served ${floor.value} req/s (\`worker.floor.rps.submission_shape\`): see Findings.`
  );
}

function generated(results: readonly Metric[], run: RunInfo): string {
  const cpu = cpus();
  const missed = missedBudgets(results);
  return [
    START,
    "<!-- Generated by `npm run bench` (bench/report.ts): edits between these markers are overwritten. -->",
    "",
    `Measured ${run.startedAt.toISOString().replace(/\.\d+Z$/, "Z")} at commit \`${commit()}\` on ${cpu.length} cores ` +
      `(${cpu[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}. Load average ${run.loadAtStart.toFixed(2)} ` +
      `at the start, ${loadavg()[0]?.toFixed(2)} at the end; sections run: ${run.sections.join(", ")} ` +
      `(${run.wallSeconds.toFixed(0)} s). Figures of sections not run come from the previous bench/results.json.`,
    "",
    markdownTable(results),
    "",
    missed.length === 0
      ? "Every budget is met."
      : `Budgets missed: ${missed.map((n) => `\`${n}\``).join(", ")}.${floorNote(results, missed)}`,
    END,
  ].join("\n");
}

const SKELETON = `# Performance

What \`npm run bench\` measures, and the budgets it is held to (issue 6). The table between the markers
is regenerated by the bench; the rest of this file is written by hand and kept.

${START}
${END}
`;

/** Rewrites only the part between the markers (creating the file, or the markers, when missing). */
export function writeDocs(path: string, results: readonly Metric[], run: RunInfo): void {
  let doc = existsSync(path) ? readFileSync(path, "utf8") : SKELETON;
  if (!doc.includes(START) || !doc.includes(END)) doc = `${doc.trimEnd()}\n\n${START}\n${END}\n`;
  const before = doc.slice(0, doc.indexOf(START));
  const after = doc.slice(doc.indexOf(END) + END.length);
  writeFileSync(path, `${before}${generated(results, run)}${after}`);
}

export const RESULTS_PATH = join(ROOT, "bench/results.json");
export const DOCS_PATH = join(ROOT, "docs/performance.md");
