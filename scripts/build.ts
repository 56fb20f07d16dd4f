// `npm run build`: the Worker's static assets (dist/public: the web page, the add-in, its manifest) and
// the Worker bundle with them (dist/worker, via `wrangler deploy --dry-run`, which needs no account and no
// network). BAOCAO_PUBLIC_URL: the Worker's public URL, to fix the manifest's URLs at build (default: the
// Worker answers /manifest.xml for the origin it is asked on). `npm start`, the tests and CI run it first.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./build-addin.ts";
import { buildSite } from "./build-site.ts";
import { WRANGLER_ENV } from "./wrangler-dev.ts";

const publicDir = await buildSite({
  ...(process.env.BAOCAO_PUBLIC_URL ? { publicUrl: process.env.BAOCAO_PUBLIC_URL } : {}),
  minify: true,
  clean: true,
});
console.log(`static assets → ${publicDir} (web page /, add-in /addin/, manifest /manifest.xml)`);

if (!process.argv.includes("--assets-only")) {
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
}
