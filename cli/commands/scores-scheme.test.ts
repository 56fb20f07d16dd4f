// `baocao scores scheme publish / get` against a real `wrangler dev`.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "../../scripts/wrangler-dev.ts";
import { createApiClient } from "../../shared/api/client.ts";
import { tieuChi2021 } from "../../shared/scoring/tieu-chi-2021.ts";
import { run } from "../main.ts";
import { captureIo, tempDir } from "../testing/fixtures.ts";

let worker: RunningWorker;
const dir = tempDir();
const { version: _v, ...builtIn } = JSON.parse(JSON.stringify(tieuChi2021));
const definition = { ...builtIn, id: "tinh-sl-2026" };

beforeAll(async () => {
  worker = await startWorker();
  writeFileSync(join(dir, "sl.json"), JSON.stringify(definition, null, 2));
  const bad = JSON.parse(JSON.stringify(definition));
  bad.criteria[2].items[0].max = 0;
  bad.grades[0].minTotal = 100;
  writeFileSync(join(dir, "bad.json"), JSON.stringify(bad));
  const v2 = JSON.parse(JSON.stringify(builtIn));
  v2.criteria[3].items[3].max = 60; // TC4.4, the council's mark: 50 → 60
  writeFileSync(join(dir, "v2.json"), JSON.stringify(v2));
  const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
  await admin.importUnits({ units: [{ code: "SL", name: "Tỉnh đoàn Sơn La", parent: null }] });
  const unknownCode = JSON.parse(JSON.stringify(definition));
  unknownCode.criteria[0].items[1].measure.indicator = "ZZ99";
  writeFileSync(join(dir, "zz.json"), JSON.stringify(unknownCode));
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const remote = () => ["--server", worker.url, "--token", worker.adminToken];

describe("baocao scores scheme publish / get", () => {
  it("publishes a scheme, then finds the same one already published, and gets it as JSON", async () => {
    const first = captureIo(dir);
    expect(await run(["scores", "scheme", "publish", "sl.json", ...remote()], first.io)).toBe(0);
    expect(first.out()).toContain("Published: tinh-sl-2026 v1");
    const again = captureIo(dir);
    expect(await run(["scores", "scheme", "publish", "sl.json", ...remote()], again.io)).toBe(0);
    expect(again.out()).toContain("Unchanged, already published: tinh-sl-2026 v1");
    const get = captureIo(dir);
    expect(await run(["scores", "scheme", "get", "tinh-sl-2026", ...remote()], get.io)).toBe(0);
    expect(JSON.parse(get.out())).toEqual({ ...definition, version: 1 });
    const builtInGet = captureIo(dir);
    const args = ["scores", "scheme", "get", "tieu-chi-2021", "--version", "1", ...remote()];
    expect(await run(args, builtInGet.io)).toBe(0);
    expect(JSON.parse(builtInGet.out())).toEqual(JSON.parse(JSON.stringify(tieuChi2021)));
  });

  it("lists every issue of an invalid scheme before sending anything, even without a server", async () => {
    const c = captureIo(dir);
    expect(await run(["scores", "scheme", "publish", "bad.json"], c.io)).toBe(1);
    expect(c.out()).toContain("criteria.2.items.0.max:");
    expect(c.out()).toContain("nothing sent");
  });

  it("says what the server refused: a code no published template has", async () => {
    const c = captureIo(dir);
    expect(await run(["scores", "scheme", "publish", "zz.json", ...remote()], c.io)).not.toBe(0);
    expect(c.out() + c.err()).toContain("ZZ99");
    const missing = captureIo(dir);
    const args = ["scores", "scheme", "get", "tinh-sl-2026", "--version", "2", ...remote()];
    expect(await run(args, missing.io)).not.toBe(0);
  });

  it("checks manual points with the version the server scores with, once a new one is published", async () => {
    const set = ["scores", "set", "--unit", "SL", "--period", "2026", "--kind", "self", "--item", "TC4.4=60"];
    const refused = captureIo(dir);
    expect(await run([...set, ...remote()], refused.io)).toBe(1);
    expect(refused.err()).toContain("TC4.4");
    const published = captureIo(dir);
    expect(await run(["scores", "scheme", "publish", "v2.json", ...remote()], published.io)).toBe(0);
    expect(published.out()).toContain("Published: tieu-chi-2021 v2");
    const saved = captureIo(dir);
    expect(await run([...set, ...remote()], saved.io)).toBe(0);
    const shown = captureIo(dir);
    expect(await run(["scores", "--unit", "SL", "--period", "2026", ...remote()], shown.io)).toBe(0);
    expect(shown.out()).toContain("/510");
  });
});
