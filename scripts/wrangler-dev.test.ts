import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { startWorker } from "./wrangler-dev.ts";

/** Processes of a group that still run (zombies waiting for init to reap them do not count). */
function groupAlive(pgid: number): boolean {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state ppid pgrp …": comm may hold spaces, so read after the last ")".
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === pgid && state !== "Z" && state !== "X") return true;
  }
  return false;
}

/** Live processes whose command line mentions `needle`. */
function running(needle: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
      if (cmd.includes(needle) && state !== "Z") found.push(`${entry} ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe("startWorker", () => {
  it("starts wrangler dev on a free port with a fresh D1, and stop() ends its whole process group", async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), "baocao-wd-log-")), "wrangler.log");
    const w = await startWorker({ logFile });
    expect(w.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${w.url}/v1/health`)).json()).toEqual({ ok: true });
    // The admin token is the one the Worker was given.
    const units = await fetch(`${w.url}/v1/units`, { headers: { authorization: `Bearer ${w.adminToken}` } });
    expect(units.status).toBe(200);
    expect(groupAlive(w.pid)).toBe(true);
    await w.stop();
    expect(groupAlive(w.pid)).toBe(false);
    await expect(fetch(`${w.url}/v1/health`)).rejects.toThrow();
    expect(existsSync(w.persistTo)).toBe(false);
    // npm start keeps wrangler's own output in a file rather than on the terminal: migrations and dev.
    const log = readFileSync(logFile, "utf8");
    expect(log).toMatch(/0001_init\.sql/);
    expect(log).toContain(`Ready on ${w.url}`);
    rmSync(dirname(logFile), { recursive: true, force: true });
  }, 90_000);

  it("fails with wrangler's log when the Worker does not answer in time, leaving nothing running", async () => {
    const persistTo = mkdtempSync(join(tmpdir(), "baocao-wd-test-"));
    const error = await startWorker({ timeoutMs: 1, persistTo }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      /^wrangler dev on port \d+: timed out waiting for \/v1\/health\n--- wrangler log ---/,
    );
    expect(running(persistTo)).toEqual([]);
    rmSync(persistTo, { recursive: true, force: true });
  }, 90_000);
});
