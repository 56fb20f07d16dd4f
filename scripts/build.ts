// `npm run build`: the add-in's static site + manifest (dist/addin, dist/manifest.xml) and the Worker
// bundle (dist/worker, via `wrangler deploy --dry-run`, which needs no account and no network).
// BAOCAO_ADDIN_URL: where the add-in will be served (default the dev URL); BAOCAO_SERVER: the Worker's URL.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildAddin, ROOT } from "./build-addin.ts";
import { WRANGLER_ENV } from "./wrangler-dev.ts";

const outDir = await buildAddin({
  addinUrl: process.env.BAOCAO_ADDIN_URL,
  defaultServer: process.env.BAOCAO_SERVER,
  minify: true,
});
console.log(`add-in  → ${outDir} (manifest: ${join(ROOT, "dist/manifest.xml")})`);

const wrangler = spawnSync(
  join(ROOT, "node_modules/.bin/wrangler"),
  ["deploy", "--dry-run", "--outdir", join(ROOT, "dist/worker")],
  {
    cwd: ROOT,
    stdio: "inherit",
    env: WRANGLER_ENV,
  },
);
if (wrangler.status !== 0) process.exit(wrangler.status ?? 1);
console.log(`worker  → ${join(ROOT, "dist/worker")}`);
