// Restart and recovery against a real `wrangler dev` on a persisted local D1: the Worker is stopped and
// started again on the same storage; a resubmission continues the revision numbers and a retry of a
// pre-restart key is answered, not stored again. A total corrupted on disk while the Worker was down is
// found by `npm run recompute` (scripts/recompute.ts) and fixed with --fix.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { main as recompute } from "../scripts/recompute.ts";
import { type RunningWorker, startWorker, WRANGLER_ENV } from "../scripts/wrangler-dev.ts";
import { createApiClient } from "../shared/api/client.ts";
import type { Receipt, SubmissionBody } from "../shared/api/schemas.ts";
import { consolidate } from "../shared/consolidation/consolidate.ts";
import { doan2024 } from "../shared/template/doan-2024.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const persistTo = mkdtempSync(join(tmpdir(), "baocao-restart-"));
const adminToken = randomBytes(24).toString("hex");
let worker: RunningWorker | undefined;

afterAll(async () => {
  await worker?.stop();
  rmSync(persistTo, { recursive: true, force: true });
});

const UNITS = [
  { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
  { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn", parent: "SL" },
  { code: "SL.TPSL", name: "Thành đoàn Sơn La", parent: "SL" },
];

const body = (pt02: number): SubmissionBody => ({
  unit: "SL.MAISON",
  period: "2023",
  template: "doan-2024",
  rows: [
    { code: "GD01", actual: 10 },
    { code: "GD04", actual: 100 },
    { code: "PT02", actual: pt02 },
  ],
});

/** SQL on the stopped Worker's local D1, as an operator would run it. */
async function d1Execute(sql: string): Promise<void> {
  await promisify(execFile)(
    join(ROOT, "node_modules/.bin/wrangler"),
    ["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--command", sql],
    {
      cwd: ROOT,
      timeout: 120_000,
      env: WRANGLER_ENV,
    },
  );
}

async function runRecompute(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await recompute(["--server", worker?.url ?? "", "--token", adminToken, ...args], {
    out: (l) => lines.push(l),
    env: {},
    cwd: persistTo,
  });
  return { code, out: lines.join("\n") };
}

describe("a restart on the same local D1", () => {
  let reporter = "";
  let second: Receipt;

  it("stores two revisions before the restart", async () => {
    worker = await startWorker({ persistTo, adminToken });
    const admin = createApiClient({ baseUrl: worker.url, token: adminToken });
    await admin.importUnits({ units: UNITS });
    reporter = (await admin.createToken("SL.MAISON", "reporter")).token;
    const api = createApiClient({ baseUrl: worker.url, token: reporter });
    expect((await api.submit(body(4), { idempotencyKey: "before-1" })).receipt.revision).toBe(1);
    second = (await api.submit(body(5), { idempotencyKey: "before-2" })).receipt;
    expect(second.revision).toBe(2);
    await worker.stop();
    worker = undefined;
  });

  it("continues at revision 3 after the restart; a retried key is answered, not stored", async () => {
    // Damage on disk while the Worker is down: the province's PT02 total is off by 1000.
    await d1Execute(
      "UPDATE totals SET actual_sum = actual_sum + 1000 WHERE ancestor = 'SL' AND code = 'PT02'",
    );
    worker = await startWorker({ persistTo, adminToken });
    const api = createApiClient({ baseUrl: worker.url, token: reporter });
    const retried = await api.submit(body(5), { idempotencyKey: "before-2" });
    expect(retried).toEqual({ receipt: second, replayed: true });
    const third = await api.submit(body(6), { idempotencyKey: "after-1" });
    expect(third).toMatchObject({ replayed: false, receipt: { revision: 3 } });
    const answer = await api.submissions("SL.MAISON", "2023");
    expect(answer.revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(answer.current?.rows.find((r) => r.code === "PT02")?.actual).toBe(6);
  });

  it("npm run recompute reports the corrupted total, --fix repairs it", async () => {
    const admin = createApiClient({ baseUrl: worker?.url ?? "", token: adminToken });
    // The incremental updates carried the damage along: 6 + 1000.
    const pt02 = async () =>
      (await admin.consolidation("SL", "2023")).indicators.find((i) => i.code === "PT02");
    expect((await pt02())?.actual).toBe(1006);

    const found = await runRecompute(["--period", "2023"]);
    expect(found.code).toBe(1);
    expect(found.out).toContain("2023 SL total PT02.actual: stored 1006, from the revisions 6");
    expect(found.out).toContain("1 difference(s)");

    const fixed = await runRecompute(["--fix"]);
    expect(fixed.code).toBe(0);
    expect(fixed.out).toContain("0 difference(s) remain");
    expect((await pt02())?.actual).toBe(6);

    const again = await runRecompute([]);
    expect(again).toMatchObject({ code: 0 });
    expect(again.out).toContain("3 revisions of 3 units replayed, 0 difference(s)");

    // And the totals equal the shared consolidation of the current values.
    const current = await admin.submissions("SL.MAISON", "2023");
    const truth = consolidate({
      template: doan2024,
      units: UNITS,
      reports: [
        {
          unit: "SL.MAISON",
          rows: current.current?.rows ?? [],
          firstReceivedAt: current.revisions[0]?.receivedAt ?? "",
          receivedAt: current.current?.receivedAt ?? "",
        },
      ],
      period: "2023",
    });
    expect(await admin.consolidation("SL", "2023")).toEqual(truth.get("SL"));
  });
});
