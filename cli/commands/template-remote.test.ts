// `baocao template` against a real `wrangler dev`: publish, get, the period's template fetched and kept,
// then used offline by `baocao validate` (a sheet of an older version is checked with that version).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningWorker, startWorker } from "../../scripts/wrangler-dev.ts";
import { createApiClient } from "../../shared/api/client.ts";
import { doan2026 } from "../../shared/template/doan-2026.ts";
import { run } from "../main.ts";
import { captureIo, tempDir } from "../testing/fixtures.ts";

let worker: RunningWorker;
const dir = tempDir();
const { version: _v, ...definition } = { ...doan2026, id: "tinh-sl-2026" };

beforeAll(async () => {
  worker = await startWorker();
  const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
  await admin.importUnits({ units: [{ code: "SL", name: "Tỉnh đoàn Sơn La", parent: null }] });
  writeFileSync(join(dir, "tinh-sl-2026.json"), JSON.stringify(definition, null, 2));
  writeFileSync(
    join(dir, "bad.json"),
    JSON.stringify({ ...definition, rules: [{ ...definition.rules[0], expression: "GD02 <= PT99" }] }),
  );
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const remote = () => ["--server", worker.url, "--token", worker.adminToken];

describe("baocao template publish / get / for a period", () => {
  it("publishes a definition, then finds the same one already published", async () => {
    const first = captureIo(dir);
    expect(await run(["template", "publish", "tinh-sl-2026.json", ...remote()], first.io)).toBe(0);
    expect(first.out()).toContain("Published: tinh-sl-2026 v1");
    const again = captureIo(dir);
    expect(await run(["template", "publish", "tinh-sl-2026.json", ...remote()], again.io)).toBe(0);
    expect(again.out()).toContain("Unchanged, already published: tinh-sl-2026 v1");
  });

  it("lists every issue of an invalid definition and sends nothing", async () => {
    const c = captureIo(dir);
    expect(await run(["template", "publish", "bad.json", ...remote()], c.io)).toBe(1);
    expect(c.out()).toContain("rules.0.expression: cột 9: không có mã PT99 / col 9: unknown code PT99");
    const get = captureIo(dir);
    expect(await run(["template", "get", "tinh-sl-2026", "--version", "2", ...remote()], get.io)).not.toBe(0);
  });

  it("gets a published definition as JSON", async () => {
    const c = captureIo(dir);
    expect(await run(["template", "get", "tinh-sl-2026", ...remote()], c.io)).toBe(0);
    expect(JSON.parse(c.out())).toEqual({ ...JSON.parse(JSON.stringify(definition)), version: 1 });
  });

  it("renders the period's template from the server, keeps it, and validates offline with the version the sheet names", async () => {
    const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
    await admin.setPeriodTemplate("2026", "tinh-sl-2026");
    const made = captureIo(dir);
    const args = ["template", "--unit", "SL", "--period", "2026", "--out", "sl-2026.xlsx", ...remote()];
    expect(await run(args, made.io)).toBe(0);
    expect(made.out()).toContain("template from the server: tinh-sl-2026 v1");

    // A second version is published; the sheet made from v1 is still read with v1, offline.
    await admin.publishTemplate("tinh-sl-2026", { ...definition, title: { vi: "Mẫu mới", en: "New" } });
    const offline = captureIo(dir);
    expect(await run(["validate", "sl-2026.xlsx", "--json"], offline.io)).toBe(1);
    const result = JSON.parse(offline.out()) as {
      files: { template?: string; issues: { code: string }[] }[];
    };
    const file = result.files[0];
    expect(file?.issues.map((i) => i.code)).toEqual(["rule.required_missing", "rule.required_missing"]);

    // Elsewhere, with nothing kept, the template is unknown.
    const elsewhere = join(dir, "elsewhere");
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "x"), "");
    const fresh = captureIo(elsewhere);
    expect(await run(["validate", join(dir, "sl-2026.xlsx"), "--json"], fresh.io)).toBe(1);
    expect(fresh.out()).toContain("grid.template_unknown");
  });

  it("says when a sheet was made from another template than its period's", async () => {
    const made = captureIo(dir);
    const args = [
      "template",
      "--unit",
      "SL",
      "--period",
      "2026",
      "--template",
      "doan-2024",
      "--out",
      "old.xlsx",
    ];
    expect(await run([...args, ...remote()], made.io)).toBe(0);
    const c = captureIo(dir);
    await run(["validate", "old.xlsx", ...remote()], c.io);
    expect(c.out()).toContain("mẫu doan-2024 v1; kỳ này dùng tinh-sl-2026: tải mẫu mới");
    // Checked with doan-2024 all the same: its two required rows are blank.
    expect(c.out()).toContain("2 lỗi");
  });

  it("falls back to the kept or built-in template when the server cannot be reached", async () => {
    const port = await freePort();
    const c = captureIo(dir);
    const args = [
      "template",
      "--unit",
      "SL",
      "--period",
      "2026",
      "--template",
      "doan-2026",
      "--out",
      "off.xlsx",
    ];
    expect(await run([...args, "--server", `http://127.0.0.1:${port}`, "--token", "x"], c.io)).toBe(0);
    expect(c.err()).toContain("Server unreachable: using the kept template");
    expect(c.out()).toContain("doan-2026 v1");
  });
});
