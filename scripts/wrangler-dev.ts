// Starts a real `wrangler dev` Worker on a fresh local D1 for tests, benchmarks and the demo, and stops it
// again. wrangler is started directly (never through npx, whose exit orphans workerd) in its own process
// group, so stop() can end wrangler and workerd together by the group's id.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface StartWorkerOptions {
  /** D1 storage directory; a fresh temp directory (removed by stop()) when omitted. */
  persistTo?: string;
  /** The bootstrap ADMIN_TOKEN; random when omitted. */
  adminToken?: string;
  /** A fixed port; a free one is picked when omitted. */
  port?: number;
  /** How long to wait for /v1/health, in ms (default 60 000). */
  timeoutMs?: number;
  /** Extra `--var NAME:value` bindings. */
  vars?: Record<string, string>;
  /** Project root holding wrangler.toml (default: this repository). */
  cwd?: string;
  /** Also append everything wrangler prints (migrations included) to this file. */
  logFile?: string;
  /** The host to listen on (default 127.0.0.1). */
  ip?: string;
}

export interface RunningWorker {
  url: string;
  adminToken: string;
  port: number;
  persistTo: string;
  /** wrangler's pid, which is also its process group's id. */
  pid: number;
  /** Everything wrangler printed so far, for error messages. */
  log(): string;
  stop(): Promise<void>;
}

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const LOG_TAIL = 4000;
const ATTEMPTS = 3;

/** The one environment every script runs wrangler with: no metrics, no fetches of Cloudflare's hosts. */
export const WRANGLER_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

function wranglerEnv(): NodeJS.ProcessEnv {
  // No colour codes in the log we quote in errors and keep in files.
  return { ...WRANGLER_ENV, FORCE_COLOR: "0", NO_COLOR: "1" };
}

function wranglerBin(cwd: string): string {
  return join(cwd, "node_modules", ".bin", "wrangler");
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => (port ? ok(port) : fail(new Error("no free port"))));
    });
  });
}

function applyMigrations(cwd: string, persistTo: string, logFile: string | undefined): Promise<void> {
  return new Promise((ok, fail) => {
    execFile(
      wranglerBin(cwd),
      ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo],
      { cwd, env: wranglerEnv(), timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (logFile) appendFileSync(logFile, `${stdout}${stderr}`);
        if (err) fail(new Error(`wrangler d1 migrations apply failed: ${err.message}\n${stdout}\n${stderr}`));
        else ok();
      },
    );
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function waitHealthy(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`wrangler dev exited (${child.exitCode ?? child.signalCode}) before answering`);
    }
    try {
      const res = await fetch(`${url}/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("timed out waiting for /v1/health");
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once("exit", () => r()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  const done = exited(child);
  killGroup(child, "SIGTERM");
  const grace = new Promise<"late">((r) => setTimeout(() => r("late"), 5000).unref());
  if ((await Promise.race([done.then(() => "done" as const), grace])) === "late") {
    killGroup(child, "SIGKILL");
    await done;
  }
  // workerd may outlive wrangler by a moment; make sure nothing of the group is left.
  killGroup(child, "SIGKILL");
}

interface Launch {
  cwd: string;
  port: number;
  ip: string;
  persistTo: string;
  adminToken: string;
  vars: Record<string, string>;
  timeoutMs: number;
  logFile: string | undefined;
}

async function startOnce(o: Launch): Promise<RunningWorker> {
  const { cwd, port, persistTo, adminToken, timeoutMs } = o;
  // The inspector's default port (9229) is often taken by another wrangler or a debugger: any free one.
  const inspector = String(await freePort());
  const args = [
    "dev",
    "--port",
    String(port),
    "--ip",
    o.ip,
    "--persist-to",
    persistTo,
    "--inspector-port",
    inspector,
  ];
  for (const [k, v] of Object.entries({ ...o.vars, ADMIN_TOKEN: adminToken }))
    args.push("--var", `${k}:${v}`);
  const child = spawn(wranglerBin(cwd), args, {
    cwd,
    env: wranglerEnv(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const keep = (b: Buffer) => {
    log = (log + b.toString("utf8")).slice(-64 * 1024);
    if (o.logFile) appendFileSync(o.logFile, b);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  // If the caller's process dies without stop(), do not leave workerd running.
  const onExit = () => killGroup(child, "SIGKILL");
  process.on("exit", onExit);

  const url = `http://${o.ip}:${port}`;
  try {
    await waitHealthy(url, child, Date.now() + timeoutMs);
  } catch (e) {
    process.off("exit", onExit);
    await stopChild(child);
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`wrangler dev on port ${port}: ${why}\n--- wrangler log ---\n${log.slice(-LOG_TAIL)}`);
  }
  let stopped: Promise<void> | undefined;
  return {
    url,
    adminToken,
    port,
    persistTo,
    pid: child.pid ?? 0,
    log: () => log,
    stop: () => {
      stopped ??= stopChild(child).finally(() => process.off("exit", onExit));
      return stopped;
    },
  };
}

/** Applies the D1 migrations to a local store and starts `wrangler dev` on it; resolves once /v1/health answers. */
export async function startWorker(opts: StartWorkerOptions = {}): Promise<RunningWorker> {
  const cwd = opts.cwd ?? ROOT;
  const ownDir = opts.persistTo === undefined;
  const persistTo = opts.persistTo ?? mkdtempSync(join(tmpdir(), "baocao-d1-"));
  const adminToken = opts.adminToken ?? randomBytes(24).toString("hex");
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const cleanup = () => {
    if (ownDir) rmSync(persistTo, { recursive: true, force: true });
  };
  try {
    await applyMigrations(cwd, persistTo, opts.logFile);
  } catch (e) {
    cleanup();
    throw e;
  }
  // A free port can be taken between the probe and wrangler's bind: try a few.
  let lastError: unknown;
  for (let attempt = 0; attempt < (opts.port ? 1 : ATTEMPTS); attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      const w = await startOnce({
        cwd,
        port,
        ip: opts.ip ?? "127.0.0.1",
        persistTo,
        adminToken,
        vars: opts.vars ?? {},
        timeoutMs,
        logFile: opts.logFile,
      });
      const stop = w.stop;
      return { ...w, stop: () => stop().finally(cleanup) };
    } catch (e) {
      lastError = e;
      if (!/EADDRINUSE|address already in use/i.test(String(e))) break;
    }
  }
  cleanup();
  throw lastError;
}
