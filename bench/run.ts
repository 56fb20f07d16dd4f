// npm run bench [-- --only <section>[,<section>…]]: runs the sections in order, prints each figure with
// its budget, writes bench/results.json and the generated part of docs/performance.md. Exits non-zero
// only when a section crashes, never because a budget is missed.
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { runAddin } from "./addin.ts";
import { cleanupAll, type Figures, log, type Metric, SECTIONS, type Section } from "./lib.ts";
import { runPayload } from "./payload.ts";
import {
  consoleTable,
  DOCS_PATH,
  mergeResults,
  missedBudgets,
  RESULTS_PATH,
  readResults,
  writeDocs,
} from "./report.ts";
import { runShared } from "./shared.ts";
import { runWorkerLoad } from "./worker-load.ts";
import { runWorkerRows } from "./worker-rows.ts";
import { runWorkerUnits } from "./worker-units.ts";

const RUNNERS: Record<Section, () => Promise<Figures>> = {
  shared: runShared,
  addin: runAddin,
  "worker-rows": runWorkerRows,
  "worker-units": runWorkerUnits,
  "worker-load": runWorkerLoad,
  payload: runPayload,
};

function chosenSections(argv: readonly string[]): Section[] {
  const picked: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--only") picked.push(...(argv[++i] ?? "").split(","));
    else if (arg.startsWith("--only=")) picked.push(...arg.slice("--only=".length).split(","));
    else throw new Error(`unknown argument ${arg}; usage: npm run bench -- [--only ${SECTIONS.join("|")}]`);
  }
  const names = picked.map((s) => s.trim()).filter((s) => s !== "");
  for (const s of names) {
    if (!(SECTIONS as readonly string[]).includes(s))
      throw new Error(`unknown section ${s}; one of ${SECTIONS.join(", ")}`);
  }
  return names.length === 0 ? [...SECTIONS] : SECTIONS.filter((s) => names.includes(s));
}

async function main(): Promise<number> {
  const sections = chosenSections(process.argv.slice(2));
  const startedAt = new Date();
  const loadAtStart = loadavg()[0] ?? 0;
  const t0 = performance.now();
  const fresh: Metric[] = [];
  const crashed: string[] = [];
  for (const section of sections) {
    log(`\n== ${section}`);
    const s0 = performance.now();
    try {
      fresh.push(...(await RUNNERS[section]()).list);
    } catch (e) {
      crashed.push(section);
      log(`!! ${section} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    } finally {
      await cleanupAll();
    }
    log(`   (${section}: ${((performance.now() - s0) / 1000).toFixed(1)} s)`);
  }
  const wallSeconds = (performance.now() - t0) / 1000;

  // A partial run (--only) keeps the other sections' figures from the previous results.
  const results =
    sections.length === SECTIONS.length ? fresh : mergeResults(readResults(RESULTS_PATH), fresh);
  writeFileSync(RESULTS_PATH, `${JSON.stringify(results, null, 2)}\n`);
  writeDocs(DOCS_PATH, results, { startedAt, wallSeconds, sections, loadAtStart });

  log(`\n${consoleTable(results)}\n`);
  const missed = missedBudgets(results);
  log(missed.length === 0 ? "Every budget met." : `Budgets missed: ${missed.join(", ")}`);
  log(
    `Wrote ${RESULTS_PATH} and ${DOCS_PATH} in ${wallSeconds.toFixed(0)} s (load average at start ${loadAtStart.toFixed(2)}).`,
  );
  if (crashed.length > 0) log(`Sections that crashed: ${crashed.join(", ")}`);
  return crashed.length > 0 ? 1 : 0;
}

/** Far above a normal run (~4 min): a hung request must not leave the bench and workerd running. */
const WATCHDOG_MS = 20 * 60_000;

setTimeout(() => {
  log(`\nbench still running after ${WATCHDOG_MS / 60_000} min: stopping the Worker processes`);
  void cleanupAll().finally(() => process.exit(3));
}, WATCHDOG_MS).unref();

// Ctrl-C or a kill must still stop workerd and wrangler.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the Worker processes`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

try {
  process.exitCode = await main();
} catch (e) {
  log(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
} finally {
  await cleanupAll();
}
