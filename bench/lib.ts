// Small pieces every bench section uses: the metric record, timing (medians of bounded runs), a
// bounded concurrency pool, and a cleanup registry so a failing section never leaves workerd running.
import { performance } from "node:perf_hooks";

/** One figure of bench/results.json. */
export interface Metric {
  name: string;
  value: number;
  unit: string;
}

export type Section = "shared" | "addin" | "worker-rows" | "worker-units" | "worker-load" | "payload";

export const SECTIONS: readonly Section[] = [
  "shared",
  "addin",
  "worker-rows",
  "worker-units",
  "worker-load",
  "payload",
];

/** Collects a section's figures and echoes each one as it is measured (long sections show progress). */
export class Figures {
  readonly list: Metric[] = [];

  add(name: string, value: number, unit: string): number {
    // A figure this machine cannot give (no /proc for CPU times) is left out, never written as null.
    if (!Number.isFinite(value)) {
      log(`  ${name}: not measurable here`);
      return value;
    }
    // Times keep 2 decimals, counts stay exact: results.json should not carry float noise.
    const v = Number.isInteger(value) ? value : Math.round(value * 100) / 100;
    this.list.push({ name, value: v, unit });
    log(`  ${name} = ${v} ${unit}`);
    return v;
  }
}

export function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The q-quantile (0..1) by nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i] as number;
}

export interface TimingOptions {
  /** Untimed runs first (JIT warm-up). */
  warmup?: number;
  /** Timed runs wanted. */
  runs?: number;
  /** Stop timing after this many ms even if fewer runs were made (at least one is always timed). */
  maxMs?: number;
}

/** Median ms of `fn` over bounded runs. */
export function medianMs(fn: () => unknown, opts: TimingOptions = {}): { median: number; runs: number } {
  const { warmup = 2, runs = 15, maxMs = 10_000 } = opts;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const stopAt = performance.now() + maxMs;
  while (times.length < runs && (times.length === 0 || performance.now() < stopAt)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return { median: median(times), runs: times.length };
}

/** Runs `fn` over `items` with at most `concurrency` in flight; rejects on the first failure. */
export async function pool<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, i: number) => Promise<void>,
) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

type Cleanup = () => Promise<void>;
const cleanups = new Set<Cleanup>();

/** Registers a stop function; returns one that runs it once and unregisters it. */
export function onCleanup(fn: Cleanup): Cleanup {
  let done: Promise<void> | undefined;
  const once: Cleanup = () => {
    cleanups.delete(once);
    done ??= fn();
    return done;
  };
  cleanups.add(once);
  return once;
}

/** Stops everything still registered (the orchestrator's finally and signal handlers). */
export async function cleanupAll(): Promise<void> {
  const pending = [...cleanups].map((fn) => fn().catch((e: unknown) => log(`cleanup failed: ${String(e)}`)));
  await Promise.all(pending);
}
