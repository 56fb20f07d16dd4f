// Builds everything the Worker serves as static assets into dist/public (wrangler.toml [assets]):
//   /               the web page (web/): index.html, web.js, web.css
//   /addin/…        the add-in's task pane, help and icons, talking to the origin it is loaded from
//   /manifest.xml   the add-in's manifest; its URLs hold ORIGIN_PLACEHOLDER, which the Worker replaces
//                   with the request's origin (worker/routes/manifest.ts), unless publicUrl fixed them here
//   /_headers       the page's Content-Security-Policy (read by Workers static assets, also in wrangler dev)
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { SAME_ORIGIN } from "../addin/state/settings.ts";
import { buildAddin, ROOT } from "./build-addin.ts";

export const PUBLIC_DIR = join(ROOT, "dist/public");
/** Stands for the Worker's origin in the built manifest until the Worker answers it. */
export const ORIGIN_PLACEHOLDER = "https://baocao-origin.invalid";

/** Only our own origin, no inline script or style: the page and its bundle are all 'self'. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const HEADERS = `# The web page: nothing but our own origin (docs/deploy.md). The add-in under /addin/ keeps Office's
# defaults: Excel frames it and it loads Office.js from Microsoft's CDN.
/
  Content-Security-Policy: ${PAGE_CSP}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
/index.html
  Content-Security-Policy: ${PAGE_CSP}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
`;

export interface SiteBuildOptions {
  outDir?: string;
  /** The Worker's public URL, when known at build; otherwise the manifest follows the request's origin. */
  publicUrl?: string;
  /** The pane's and the page's request timeout (tests shorten it). */
  requestTimeoutMs?: number;
  minify?: boolean;
  /** Empty the folder first (`npm run build`). Tests rebuild in place: a Worker test starting meanwhile
   * must still find the folder wrangler.toml names. */
  clean?: boolean;
}

async function buildWeb(outDir: string, o: SiteBuildOptions): Promise<void> {
  for (const f of ["index.html", "web.css"]) cpSync(join(ROOT, "web", f), join(outDir, f));
  await esbuild.build({
    entryPoints: [join(ROOT, "web/main.ts")],
    // web.js stays small for a phone; ExcelJS comes in its own chunk when the first file is read.
    outdir: outDir,
    entryNames: "web",
    chunkNames: "chunks/[name]-[hash]",
    splitting: true,
    bundle: true,
    format: "esm",
    target: "es2020",
    platform: "browser",
    sourcemap: true,
    minify: o.minify ?? false,
    define: { __BAOCAO_REQUEST_TIMEOUT_MS__: String(o.requestTimeoutMs ?? 20_000) },
    logLevel: "warning",
  });
}

export async function buildSite(opts: SiteBuildOptions = {}): Promise<string> {
  const outDir = opts.outDir ?? PUBLIC_DIR;
  if (opts.clean) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const origin = (opts.publicUrl ?? ORIGIN_PLACEHOLDER).replace(/\/+$/, "");
  // buildAddin writes the manifest beside its output folder: dist/public/manifest.xml.
  await buildAddin({
    outDir: join(outDir, "addin"),
    addinUrl: `${origin}/addin`,
    defaultServer: SAME_ORIGIN,
    ...(opts.requestTimeoutMs !== undefined && { requestTimeoutMs: opts.requestTimeoutMs }),
    minify: opts.minify ?? false,
  });
  await buildWeb(outDir, opts);
  writeFileSync(join(outDir, "_headers"), HEADERS);
  return outDir;
}
