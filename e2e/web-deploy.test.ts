// One deploy: the `wrangler deploy --dry-run` bundle holds the API, the add-in and the web page; the
// smoke test of docs/deploy.md passes against a local `wrangler dev`; `baocao tokens issue` writes one
// working token and sign-in link per unit.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/main.ts";
import { buildSite } from "../scripts/build-site.ts";
import { smoke } from "../scripts/smoke.ts";
import { type RunningWorker, startWorker } from "../scripts/wrangler-dev.ts";
import { createApiClient } from "../shared/api/client.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
let worker: RunningWorker;
let dir: string;

function captured() {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      env: {},
      cwd: dir,
    },
    text: () => out + err,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "baocao-deploy-"));
  await buildSite();
  worker = await startWorker();
});

afterAll(async () => {
  await worker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("one deploy", () => {
  it("wrangler deploy --dry-run bundles the Worker with the page, the add-in and the manifest", () => {
    const out = join(dir, "bundle");
    const log = execFileSync(
      join(ROOT, "node_modules/.bin/wrangler"),
      ["deploy", "--dry-run", "--outdir", out],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          WRANGLER_SEND_METRICS: "false",
          CLOUDFLARE_CF_FETCH_ENABLED: "false",
          NO_COLOR: "1",
        },
        encoding: "utf8",
      },
    );
    expect(log).toMatch(/Read \d+ files from the assets directory .*dist\/public/);
    expect(log).toContain("env.ASSETS");
    const assets = join(ROOT, "dist/public");
    for (const f of [
      "index.html",
      "web.js",
      "web.css",
      "_headers",
      "manifest.xml",
      "addin/taskpane.html",
      "addin/taskpane.js",
    ]) {
      expect(existsSync(join(assets, f)), f).toBe(true);
    }
    const worker = readdirSync(out).find((f) => f.endsWith(".js"))!;
    const code = readFileSync(join(out, worker), "utf8");
    expect(code).toContain('"/submissions"');
    expect(code).toContain('"/consolidation"');
    expect(code).toContain("/manifest.xml");
  });

  it("the smoke test passes against wrangler dev", async () => {
    const results = await smoke(worker.url, worker.adminToken, true);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.map((r) => r.name)).toContain("submit and consolidate (ZZSMOKE)");
  });

  it("baocao tokens issue writes one working token and sign-in link per unit of the subtree", async () => {
    const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
    await admin.importUnits({
      units: [
        { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
        { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn", parent: "SL" },
        { code: "SL.MAISON.CONOI", name: "Đoàn xã Cò Nòi", parent: "SL.MAISON" },
        { code: "SL.VANHO", name: "Huyện đoàn Vân Hồ", parent: "SL" },
        { code: "HN", name: "Thành đoàn Hà Nội", parent: null },
      ],
    });
    const c = captured();
    const argv = [
      "tokens",
      "issue",
      "--unit",
      "SL.MAISON",
      "--out",
      "ma.xlsx",
      "--server",
      worker.url,
      "--token",
      worker.adminToken,
    ];
    expect(await run(argv, c.io), c.text()).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "ma.xlsx"));
    const ws = wb.worksheets[0]!;
    const rows = [];
    for (let r = 2; r <= ws.rowCount; r++) rows.push([1, 2, 3, 4, 5].map((col) => ws.getCell(r, col).text));
    expect(rows.map((r) => r[0])).toEqual(["SL.MAISON", "SL.MAISON.CONOI"]);
    for (const [code, , role, token, link] of rows) {
      expect(role).toBe("reporter");
      expect(link).toBe(`${worker.url}/#token=${token}`);
      const units = await createApiClient({ baseUrl: worker.url, token }).units();
      expect(units.map((u) => u.code)).toContain(code);
      expect(units.map((u) => u.code)).not.toContain("SL.VANHO");
    }
  });
});
