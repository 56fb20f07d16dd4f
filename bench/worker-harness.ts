// The built Worker in workerd through Miniflare's programmatic API: the bundle `wrangler deploy
// --dry-run` makes (what would be deployed), file-backed local D1 (the same SQLite-in-workerd that
// `wrangler dev` uses), served on 127.0.0.1 only. Plus the few API calls the bench needs to seed it.
// D1 costs are read from the Worker's own X-D1-Rows-Read / X-D1-Rows-Written answer headers (its Db
// wrapper sums meta.rows_read / rows_written over every statement and batch of the request), checked
// against a bench-only probe entry that wraps env.DB from outside (PROBE_ENTRY below).
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Miniflare } from "miniflare";
import { unstable_readConfig, unstable_splitSqlQuery } from "wrangler";
import { WRANGLER_ENV } from "../scripts/wrangler-dev.ts";
import type { SubmissionBody, SubmissionRow, UnitsImport } from "../shared/api/schemas.ts";
import { log, onCleanup, pool } from "./lib.ts";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

interface RateLimitConfig {
  name: string;
  simple: { limit: number; period: number };
}

/** wrangler.toml as wrangler reads it, so the bench runs the Worker with the bindings it is deployed with. */
function workerConfig() {
  const c = unstable_readConfig({ config: join(ROOT, "wrangler.toml") }, { hideWarnings: true });
  if (!c.compatibility_date) throw new Error("wrangler.toml: no compatibility_date");
  const ratelimits = Object.fromEntries(
    c.ratelimits.map((r: RateLimitConfig) => [
      r.name,
      { simple: { limit: r.simple.limit, period: r.simple.period } },
    ]),
  );
  return {
    compatibilityDate: c.compatibility_date,
    compatibilityFlags: c.compatibility_flags,
    vars: Object.fromEntries(Object.entries(c.vars).map(([k, v]) => [k, String(v)])),
    d1: c.d1_databases.map((d: { binding: string }) => d.binding),
    ratelimits,
    migrations: join(ROOT, c.d1_databases[0]?.migrations_dir ?? "migrations"),
  };
}

let built: Promise<string> | undefined;

/** Bundles the Worker once per bench run; resolves with the directory holding index.js. */
export function buildWorker(): Promise<string> {
  built ??= new Promise<string>((ok, fail) => {
    const outdir = mkdtempSync(join(tmpdir(), "baocao-bench-worker-"));
    // Removed with everything else after each section; the next section builds again.
    onCleanup(async () => {
      built = undefined;
      rmSync(outdir, { recursive: true, force: true });
    });
    execFile(
      join(ROOT, "node_modules/.bin/wrangler"),
      ["deploy", "--dry-run", "--outdir", outdir],
      { cwd: ROOT, env: WRANGLER_ENV, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) =>
        err ? fail(new Error(`wrangler build failed: ${err.message}\n${stdout}${stderr}`)) : ok(outdir),
    );
  });
  return built;
}

/** The migrations' statements in file order, split the way `wrangler d1 execute` splits them. */
function migrationStatements(dir: string): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  return files.flatMap((file) => unstable_splitSqlQuery(readFileSync(join(dir, file), "utf8")));
}

export interface Api {
  url: string;
  adminToken: string;
  /** One request; the token defaults to the admin token. */
  call(
    method: string,
    path: string,
    body?: unknown,
    opts?: { token?: string; headers?: Record<string, string> },
  ): Promise<Response>;
}

export function api(url: string, adminToken: string): Api {
  return {
    url,
    adminToken,
    call: (method, path, body, opts = {}) => {
      const headers: Record<string, string> = {
        authorization: `Bearer ${opts.token ?? adminToken}`,
        ...opts.headers,
      };
      if (body !== undefined) headers["content-type"] = "application/json";
      return fetch(`${url}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      });
    },
  };
}

export interface LocalWorker extends Api {
  /** CPU ms the workerd process serving this Worker has used so far (NaN where /proc is missing). */
  workerdCpuMs(): number;
  stop(): Promise<void>;
}

/** utime + stime of a process from /proc, in ms (NaN when unreadable). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ: 100 on every Linux we run on. */
const CLOCK_TICKS = 100;

/** The workerd processes this bench started (children of this process), by PID. */
function childWorkerds(): Set<number> {
  const out = new Set<number>();
  if (!existsSync("/proc")) return out;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (comm === "workerd" && ppid === process.pid) out.add(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/**
 * A bench-only entry around the built Worker (written as JS next to the bundle, so production code
 * and its types stay untouched): it wraps env.DB and answers, per request, how many D1 round trips the
 * Worker made and the rows_read / rows_written D1 reported for them, and how long it waited on D1.
 * An independent check of the Worker's own X-D1-Rows-* headers, which also counts the round trips.
 * `first()` answers carry no meta: it is counted as a round trip only (the Worker uses all/run/batch).
 */
const PROBE_ENTRY = `import app from "./index.js";
function tally(acc, meta) {
  if (!meta) return;
  acc.read += meta.rows_read ?? 0;
  acc.written += meta.rows_written ?? 0;
}
function statement(s, acc) {
  return new Proxy(s, {
    get(target, key) {
      const v = Reflect.get(target, key);
      if (key === "bind") return (...args) => statement(v.apply(target, args), acc);
      if (key === "all" || key === "run" || key === "first" || key === "raw") {
        return async (...args) => {
          const t0 = Date.now();
          const r = await v.apply(target, args);
          acc.calls++;
          acc.waitMs += Date.now() - t0;
          if (key !== "first" && key !== "raw") tally(acc, r.meta);
          return r;
        };
      }
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}
function database(db, acc) {
  return new Proxy(db, {
    get(target, key) {
      const v = Reflect.get(target, key);
      if (key === "prepare") return (sql) => statement(v.call(target, sql), acc);
      if (key === "batch" || key === "exec") {
        return async (arg) => {
          const t0 = Date.now();
          const r = await v.call(target, arg);
          acc.calls++;
          acc.waitMs += Date.now() - t0;
          for (const x of Array.isArray(r) ? r : []) tally(acc, x.meta);
          return r;
        };
      }
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}
export default {
  async fetch(request, env, ctx) {
    const acc = { calls: 0, read: 0, written: 0, waitMs: 0 };
    const res = await app.fetch(request, { ...env, DB: database(env.DB, acc) }, ctx);
    const out = new Response(res.body, res);
    out.headers.set("x-bench-d1-calls", String(acc.calls));
    out.headers.set("x-bench-d1-rows-read", String(acc.read));
    out.headers.set("x-bench-d1-rows-written", String(acc.written));
    out.headers.set("x-bench-d1-wait-ms", String(acc.waitMs));
    return out;
  },
};
`;

export interface StartOptions {
  /** Serve the Worker through the D1 probe entry (PROBE_ENTRY) instead of the bundle alone. */
  probe?: boolean;
  /**
   * Where D1's SQLite files live: "disk" (the temp dir, like `wrangler dev`'s .wrangler/state) or
   * "tmpfs" (/dev/shm, where fsync costs nothing: separates the disk's share from the Worker's).
   */
  storage?: "disk" | "tmpfs";
}

/** /dev/shm when this machine has it (Linux), else undefined. */
export function tmpfsRoot(): string | undefined {
  return existsSync("/dev/shm") ? "/dev/shm" : undefined;
}

/** The Worker's own Miniflare options (script, modules, bindings); launch adds the rest. */
type WorkerOptions = Record<string, unknown>;

interface Launched {
  mf: Miniflare;
  url: string;
  workerdCpuMs(): number;
  stop(): Promise<void>;
}

/**
 * A Worker in its own workerd on 127.0.0.1, with wrangler.toml's compatibility settings and a fresh
 * file-backed D1 under `persistRoot`; `stop` (also run by cleanupAll) disposes of it and its files.
 */
async function launch(worker: WorkerOptions, persistRoot: string): Promise<Launched> {
  const persist = mkdtempSync(join(persistRoot, "baocao-bench-d1-"));
  const config = workerConfig();
  const before = childWorkerds();
  const mf = new Miniflare({
    ...worker,
    compatibilityDate: config.compatibilityDate,
    compatibilityFlags: config.compatibilityFlags,
    d1Databases: config.d1,
    d1Persist: persist,
    host: "127.0.0.1",
    port: 0,
  } as ConstructorParameters<typeof Miniflare>[0]);
  // dispose() ends workerd (Miniflare owns that process); registered before anything can throw.
  const stop = onCleanup(async () => {
    await mf.dispose();
    rmSync(persist, { recursive: true, force: true });
  });
  try {
    const url = (await mf.ready).origin;
    // The workerd Miniflare just started: the one child that was not there before.
    const pid = [...childWorkerds()].find((p) => !before.has(p));
    return { mf, url, workerdCpuMs: () => (pid === undefined ? Number.NaN : processCpuMs(pid)), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Starts the built Worker in workerd on 127.0.0.1 with a fresh file-backed D1, migrated. */
export async function startMiniflare(opts: StartOptions = {}): Promise<LocalWorker> {
  const outdir = await buildWorker();
  const adminToken = randomBytes(24).toString("hex");
  const config = workerConfig();
  if (opts.probe) writeFileSync(join(outdir, "probe.js"), PROBE_ENTRY);
  const w = await launch(
    {
      ...(opts.probe
        ? {
            modules: [
              { type: "ESModule", path: join(outdir, "probe.js") },
              { type: "ESModule", path: join(outdir, "index.js") },
            ],
          }
        : { modules: true, scriptPath: join(outdir, "index.js") }),
      // Module names are paths relative to this root.
      modulesRoot: outdir,
      ratelimits: config.ratelimits,
      bindings: { ...config.vars, ADMIN_TOKEN: adminToken },
    },
    opts.storage === "tmpfs" ? (tmpfsRoot() ?? tmpdir()) : tmpdir(),
  );
  try {
    const db = await w.mf.getD1Database(config.d1[0] ?? "DB");
    await db.batch(migrationStatements(config.migrations).map((s) => db.prepare(s)));
    return { ...api(w.url, adminToken), workerdCpuMs: w.workerdCpuMs, stop: w.stop };
  } catch (e) {
    await w.stop();
    throw e;
  }
}

/**
 * The cost of Miniflare's D1 itself, for comparison with the Worker's. GET: one D1 batch of trivial
 * `SELECT ?1` statements per number in `?batches=` ("2,6": a batch of 2, then one of 6), one after
 * the other, then "ok". POST `{ copies, repeat }`: ONE batch of `repeat` copies of the given
 * statements (copy r is `copies[r % copies.length]`), answering the rows D1 says they wrote; many
 * copies per round trip put the SQL's own cost above the round trip's.
 */
const FLOOR_SCRIPT = `export default {
  async fetch(request, env) {
    if (request.method === "POST") {
      const { copies, repeat } = await request.json();
      const list = [];
      for (let r = 0; r < repeat; r++) {
        for (const s of copies[r % copies.length]) list.push(env.DB.prepare(s.sql).bind(...s.params));
      }
      const out = await env.DB.batch(list);
      return Response.json({ written: out.reduce((n, x) => n + (x.meta.rows_written ?? 0), 0) });
    }
    const sizes = (new URL(request.url).searchParams.get("batches") ?? "").split(",").filter(Boolean).map(Number);
    for (const n of sizes) {
      await env.DB.batch(Array.from({ length: n }, (_, i) => env.DB.prepare("SELECT ?1 AS x").bind(i)));
    }
    return new Response("ok");
  },
};`;

export type FloorWorker = Omit<Launched, "mf">;

/** FLOOR_SCRIPT with the same runtime, settings and file-backed local D1 (migrated) as the bench's Worker. */
export async function startFloorWorker(): Promise<FloorWorker> {
  const w = await launch({ modules: true, script: FLOOR_SCRIPT }, tmpdir());
  try {
    const config = workerConfig();
    const db = await w.mf.getD1Database(config.d1[0] ?? "DB");
    await db.batch(migrationStatements(config.migrations).map((s) => db.prepare(s)));
    return { url: w.url, workerdCpuMs: w.workerdCpuMs, stop: w.stop };
  } catch (e) {
    await w.stop();
    throw e;
  }
}

async function expectStatus(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

/** Imports units in chunks (each PUT stays far below the 1 MB body limit). */
export async function importUnits(w: Api, units: UnitsImport["units"], chunk = 2500): Promise<void> {
  for (let i = 0; i < units.length; i += chunk) {
    await expectStatus(
      await w.call("PUT", "/v1/admin/units", { units: units.slice(i, i + chunk) }),
      200,
      "import units",
    );
  }
}

/** A reporter token for each unit, `concurrency` requests at a time. */
export async function reporterTokens(
  w: Api,
  units: readonly string[],
  concurrency = 8,
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  await pool(units, concurrency, async (unit) => {
    const res = await expectStatus(
      await w.call("POST", "/v1/admin/tokens", { unit, role: "reporter" }),
      201,
      "token",
    );
    tokens.set(unit, ((await res.json()) as { token: string }).token);
  });
  return tokens;
}

export function submissionBody(unit: string, rows: SubmissionRow[], period = "2023"): SubmissionBody {
  return { unit, period, template: "doan-2024", mode: "replace", rows };
}

/** Posts a submission and insists on 201 (the bench's reports are valid). */
export async function submit(
  w: Api,
  body: SubmissionBody,
  opts: { token?: string; key?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { "idempotency-key": opts.key ?? randomBytes(12).toString("hex") };
  const res = await w.call("POST", "/v1/submissions", body, {
    headers,
    ...(opts.token ? { token: opts.token } : {}),
  });
  return expectStatus(res, 201, `submit ${body.unit}`);
}

/** Many submissions at once, for seeding. */
export async function submitAll(w: Api, bodies: readonly SubmissionBody[], concurrency = 16): Promise<void> {
  const t0 = Date.now();
  await pool(bodies, concurrency, async (body) => {
    await (await submit(w, body)).arrayBuffer();
  });
  if (bodies.length >= 1000)
    log(`  (seeded ${bodies.length} submissions in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

export function rowsRead(res: Response): number {
  return Number(res.headers.get("x-d1-rows-read"));
}

export function rowsWritten(res: Response): number {
  return Number(res.headers.get("x-d1-rows-written"));
}

/** What the probe entry saw (NaN without it). */
export function probe(res: Response): { calls: number; read: number; written: number; waitMs: number } {
  const n = (h: string) => Number(res.headers.get(`x-bench-d1-${h}`) ?? Number.NaN);
  return { calls: n("calls"), read: n("rows-read"), written: n("rows-written"), waitMs: n("wait-ms") };
}
