// The demo's seeding against a real `wrangler dev`: Sơn La on three tiers with 2023 and 2024, the 2025
// change lists, 2025 and 2026 on two tiers; a second run stores nothing; 2026 compared with 2024 keeps
// the province's total as reported.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SeedResult, seedDemo } from "../scripts/seed-demo.ts";
import { type RunningWorker, startWorker } from "../scripts/wrangler-dev.ts";
import { createApiClient } from "../shared/api/client.ts";

let worker: RunningWorker;
let first: SeedResult;
const dir = mkdtempSync(join(tmpdir(), "baocao-demo-seed-"));
const tokens = join(dir, "demo-tokens.json");

beforeAll(async () => {
  worker = await startWorker();
  first = await seedDemo(worker.url, worker.adminToken, tokens);
}, 600_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm start's demo seeding", () => {
  it("imports the three-tier tree, applies the 2025 change lists and stores every period's reports", () => {
    expect(first.units?.created).toBe(240);
    expect(first.changes.map((c) => [c.effective, c.status, c.created, c.ended])).toEqual([
      ["2025-02-01", 201, 0, 0],
      ["2025-07-01", 201, 68, 207],
      ["2025-07-01", 201, 4, 16],
    ]);
    for (const period of ["2023", "2024", "2025", "2026"]) {
      expect(first.reports[period]?.stored).toBeGreaterThan(70);
      expect(first.reports[period]?.alreadyThere).toBe(0);
    }
  });

  it("runs 2026 on two tiers: 75 commune and ward unions directly under the Tỉnh đoàn", async () => {
    const client = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
    const tree = (await client.unitTree({ period: "2026" })).units;
    const communes = tree.filter((u) => u.parent === "SL" && (u.kind === "xa" || u.kind === "phuong"));
    expect(communes).toHaveLength(75);
    expect(tree.some((u) => u.code === "SL.MAISON" || u.code === "BK")).toBe(false);
    const old = (await client.unitTree({ period: "2024" })).units;
    expect(
      old.filter((u) => u.parent === "SL" && (u.kind === "huyen" || u.kind === "thanh-pho")),
    ).toHaveLength(12);
  });

  it("compares 2026 with 2024 restated onto 2026's tree: the province's 2024 total as reported", async () => {
    const client = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
    const compared = await client.consolidation("SL", "2026", "2024");
    const reported = await client.consolidation("SL", "2024");
    const members = (c: typeof reported) => c.indicators.find((i) => i.code === "GD04");
    expect(members(compared)).toMatchObject({ previous: { actual: members(reported)?.actual } });
    expect(compared.compare).toEqual({ period: "2024" });
  });

  it("ranks Sơn La's 2026 units by cụm, with all four grades, from figures, reporting and council points", async () => {
    expect(first.scores.clusters).toBe(77);
    expect(first.scores.scored).toBeGreaterThan(60);
    const client = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
    const scores = await client.scores("SL", "2026");
    expect(scores.units).toHaveLength(77);
    expect(new Set(scores.units.map((u) => u.cluster)).size).toBe(5);
    for (const g of ["XS", "T", "HT", "KHT"] as const)
      expect(scores.grades?.[g], g).toBeGreaterThanOrEqual(5);
    expect(scores.units.some((u) => u.reviewed !== undefined && u.reviewed < (u.self ?? 0))).toBe(true);
  });

  it("stores nothing when run again", async () => {
    const again = await seedDemo(worker.url, worker.adminToken, tokens);
    expect(again.units).toBeNull();
    expect(again.changes.map((c) => c.status)).toEqual([200, 200, 200]);
    expect(again.scores).toEqual({ clusters: 77, scored: 0 });
    for (const [period, r] of Object.entries(again.reports)) {
      expect(r.stored, period).toBe(0);
      expect(r.alreadyThere, period).toBe(first.reports[period]?.stored);
    }
  }, 600_000);
});
