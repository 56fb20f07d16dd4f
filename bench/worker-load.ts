// Throughput and latency of the built Worker in workerd (Miniflare's programmatic API, file-backed local
// D1), then through `wrangler dev` for reference. A province of 20 districts and 1,000 grassroots units,
// each with its own reporter token. autocannon, 32 connections, bounded runs; every response counted,
// non-2xx included. Times depend on the machine: the docs print its cores and load beside them.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { startWorker } from "../scripts/wrangler-dev.ts";
import { fullRows, PERIOD, province } from "./fixtures.ts";
import { Figures, log, median, onCleanup, quantile } from "./lib.ts";
import {
  type Api,
  api,
  importUnits,
  type LocalWorker,
  reporterTokens,
  startFloorWorker,
  startMiniflare,
  submissionBody,
  submitAll,
  tmpfsRoot,
} from "./worker-harness.ts";
import { writeSqlFigures } from "./worker-sql.ts";

const UNITS = 1000;
const CONNECTIONS = 32;
const SUBMIT_SECONDS = 15;
const CONSOLIDATION_SECONDS = 10;
const TMPFS_SECONDS = 10;
const SINGLE_RUNS = 100;
/** Enough reviewer tokens that a 10 s run at 1,000 req/s stays under 300 a minute per token. */
const REVIEWERS = 64;

/** Pre-serialized rows: a request only splices unit and rows into a string (the client shares the CPU). */
const ROWS_JSON = Array.from({ length: 7 }, (_, k) => JSON.stringify(fullRows(k)));

function bodyText(unit: string, variant: number): string {
  return `{"unit":"${unit}","period":"${PERIOD}","template":"doan-2024","mode":"replace","rows":${ROWS_JSON[variant % ROWS_JSON.length]}}`;
}

interface Setup {
  units: string[];
  tokens: Map<string, string>;
  /** Reviewer tokens of the province: the limiter allows 300 requests a minute per token. */
  reviewers: string[];
}

async function setUp(w: Api): Promise<Setup> {
  const p = province("L", UNITS);
  await importUnits(w, p.units);
  const t0 = performance.now();
  const tokens = await reporterTokens(w, p.grassroots);
  log(`  (${tokens.size} reporter tokens in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const reviewers: string[] = [];
  for (let i = 0; i < REVIEWERS; i++) {
    const res = await w.call("POST", "/v1/admin/tokens", { unit: "L", role: "reviewer" });
    reviewers.push(((await res.json()) as { token: string }).token);
  }
  return { units: p.grassroots, tokens, reviewers };
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  /** Requests issued, so the caller knows which units were reached. */
  issued: number;
}

/** 32 connections posting submissions for the next unit in turn, each with its own token and a fresh key. */
async function submitLoad(w: Api, s: Setup, seconds: number, firstUnit: number): Promise<LoadResult> {
  let next = firstUnit;
  const result = await autocannon({
    url: w.url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "POST",
        path: "/v1/submissions",
        setupRequest: (req) => {
          const i = next++;
          const unit = s.units[i % s.units.length] as string;
          // Each round over the units sends other figures, so every request writes its whole delta.
          const round = Math.floor(i / s.units.length);
          req.headers = {
            authorization: `Bearer ${s.tokens.get(unit)}`,
            "content-type": "application/json",
            "idempotency-key": `bench-${i}-${randomBytes(6).toString("hex")}`,
          };
          req.body = bodyText(unit, round + 1);
          return req;
        },
      },
    ],
  });
  return summarize(result, next - firstUnit);
}

function summarize(r: autocannon.Result, issued: number): LoadResult {
  const ok = r["2xx"];
  const failed = r.non2xx + r.errors + r.timeouts;
  if (failed > 0)
    log(`  ! ${failed} failed requests: ${JSON.stringify(r.statusCodeStats ?? {})}, errors ${r.errors}`);
  return { rps: ok / r.duration, p50: r.latency.p50, p99: r.latency.p99, ok, failed, issued };
}

async function consolidationLoad(w: Api, s: Setup, seconds: number): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: `${w.url}/v1/consolidation?unit=L&period=${PERIOD}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: "GET",
        setupRequest: (req) => {
          req.headers = { authorization: `Bearer ${s.reviewers[next++ % s.reviewers.length]}` };
          return req;
        },
      },
    ],
  });
  return summarize(result, 0);
}

/** Sequential requests, one client: the latency of one request on an otherwise idle Worker. */
async function sequential(
  w: LocalWorker,
  runs: number,
  send: (i: number) => Promise<Response>,
): Promise<{ times: number[]; cpuMs: number }> {
  const times: number[] = [];
  const cpu0 = w.workerdCpuMs();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await send(i);
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status >= 300) throw new Error(`sequential request ${i}: HTTP ${res.status}`);
  }
  return { times, cpuMs: (w.workerdCpuMs() - cpu0) / runs };
}

/**
 * The figures on one Miniflare: "disk" gives the primary names, "tmpfs" the same measures with a
 * `.tmpfs` suffix (D1's files in memory: what is left once the disk's fsyncs cost nothing).
 */
async function miniflareFigures(f: Figures, storage: "disk" | "tmpfs"): Promise<void> {
  const w = await startMiniflare({ storage });
  const suffix = storage === "disk" ? "" : ".tmpfs";
  try {
    log(`  (Miniflare at ${w.url}, D1 on ${storage})`);
    const s = await setUp(w);
    // First submissions of the first SINGLE_RUNS units, one at a time.
    const single = await sequential(w, SINGLE_RUNS, (i) => {
      const unit = s.units[i] as string;
      return w.call("POST", "/v1/submissions", bodyText(unit, 0), {
        token: s.tokens.get(unit) as string,
        headers: { "idempotency-key": `single-${i}` },
      });
    });
    f.add(`worker.submit.median_ms.single${suffix}`, median(single.times), "ms");
    if (storage === "disk") {
      f.add("worker.submit.p90_ms.single", quantile(single.times, 0.9), "ms");
      f.add("worker.submit.workerd_cpu_ms", single.cpuMs, "ms/req");
    }

    const cpu0 = w.workerdCpuMs();
    const load = await submitLoad(w, s, storage === "disk" ? SUBMIT_SECONDS : TMPFS_SECONDS, SINGLE_RUNS);
    const loadCpu = (w.workerdCpuMs() - cpu0) / Math.max(1, load.ok + load.failed);
    f.add(`worker.submit.rps${suffix}`, load.rps, "req/s");
    f.add(`worker.submit.p99_ms${suffix}`, load.p99, "ms");
    f.add(`worker.submit.errors${suffix}`, load.failed, "requests");
    if (storage === "tmpfs") return;
    f.add("worker.submit.p50_ms", load.p50, "ms");
    f.add("worker.submit.workerd_cpu_ms.load", loadCpu, "ms/req");

    // Every unit of the province reports before its consolidation is measured.
    // The last requests issued may have been cut off when the run ended: send those units again too.
    const reached = Math.min(s.units.length, SINGLE_RUNS + load.issued);
    const from = Math.max(0, reached - CONNECTIONS);
    await submitAll(
      w,
      s.units.slice(from).map((u) => submissionBody(u, fullRows(1))),
    );
    const reads = await sequential(w, 20, () =>
      w.call("GET", `/v1/consolidation?unit=L&period=${PERIOD}`, undefined, {
        token: s.reviewers[0] as string,
      }),
    );
    f.add("worker.consolidation.median_ms.1000units.reviewer", median(reads.times), "ms");
    f.add("worker.consolidation.workerd_cpu_ms.1000units.reviewer", reads.cpuMs, "ms/req");
    const cons = await consolidationLoad(w, s, CONSOLIDATION_SECONDS);
    f.add("worker.consolidation.rps.1000units", cons.rps, "req/s");
    f.add("worker.consolidation.p99_ms.1000units", cons.p99, "ms");
    f.add("worker.consolidation.errors", cons.failed, "requests");
  } finally {
    await w.stop();
  }
}

/**
 * What Miniflare's local D1 costs by itself, measured in the same run: a Worker that only makes D1
 * round trips of trivial statements (harness FLOOR_SCRIPT), under the same 32-connection load.
 * "2,6" has the submission's shape (a read batch of 2 statements, a write batch of 6), so its rate
 * is the ceiling of any Worker that reads once and writes once through this D1 on this machine.
 * Then, on the same Worker, what the submission's write batch costs in SQL alone (worker-sql.ts).
 */
const FLOOR_SHAPES: { name: string; batches: string }[] = [
  { name: "http", batches: "" },
  { name: "1trip", batches: "1" },
  { name: "1trip_8statements", batches: "8" },
  { name: "submission_shape", batches: "2,6" },
];
const FLOOR_SECONDS = 6;

async function floorFigures(f: Figures): Promise<void> {
  const w = await startFloorWorker();
  try {
    const cpu: Record<string, number> = {};
    for (const shape of FLOOR_SHAPES) {
      const url = `${w.url}/?batches=${shape.batches}`;
      await autocannon({ url, connections: CONNECTIONS, duration: 1 });
      const cpu0 = w.workerdCpuMs();
      const r = await autocannon({ url, connections: CONNECTIONS, duration: FLOOR_SECONDS });
      const failed = r.non2xx + r.errors + r.timeouts;
      if (failed > 0) log(`  ! floor ${shape.name}: ${failed} failed requests`);
      cpu[shape.name] = (w.workerdCpuMs() - cpu0) / Math.max(1, r["2xx"]);
      f.add(`worker.floor.workerd_cpu_ms.${shape.name}`, cpu[shape.name] as number, "ms/req");
      if (shape.name === "submission_shape")
        f.add("worker.floor.rps.submission_shape", r["2xx"] / r.duration, "req/s");
    }
    f.add("worker.floor.d1_round_trip_cpu_ms", (cpu["1trip"] as number) - (cpu.http as number), "ms");
    f.add(
      "worker.floor.d1_statement_cpu_ms",
      ((cpu["1trip_8statements"] as number) - (cpu["1trip"] as number)) / 7,
      "ms",
    );
    await writeSqlFigures(f, w);
  } finally {
    await w.stop();
  }
}

async function wranglerDevFigures(f: Figures): Promise<void> {
  const running = await startWorker();
  const stop = onCleanup(() => running.stop());
  try {
    log(`  (wrangler dev at ${running.url}, pid ${running.pid})`);
    const w = api(running.url, running.adminToken);
    const s = await setUp(w);
    const load = await submitLoad(w, s, SUBMIT_SECONDS, 0);
    f.add("worker.submit.rps.wrangler_dev", load.rps, "req/s");
    f.add("worker.submit.p99_ms.wrangler_dev", load.p99, "ms");
    f.add("worker.submit.errors.wrangler_dev", load.failed, "requests");
  } finally {
    await stop();
  }
}

export async function runWorkerLoad(): Promise<Figures> {
  const f = new Figures();
  await floorFigures(f);
  await miniflareFigures(f, "disk");
  if (tmpfsRoot()) await miniflareFigures(f, "tmpfs");
  await wranglerDevFigures(f);
  return f;
}
