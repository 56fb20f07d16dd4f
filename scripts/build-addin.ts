// Builds the add-in's static site (task pane + ribbon functions share one page: the shared runtime)
// into dist/addin, and dist/manifest.xml pointing at the URL it will be served from.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const DEV_ADDIN_URL = "https://localhost:3000";

export interface AddinBuildOptions {
  outDir?: string;
  /** Where the add-in is served from; replaces the dev URL in the manifest. */
  addinUrl?: string;
  /** The Worker's URL the pane uses until the user changes it in Settings. */
  defaultServer?: string;
  /** How long the pane waits for an answer before it queues the report (default 20 s; tests shorten it). */
  requestTimeoutMs?: number;
  minify?: boolean;
}

const STATIC = ["taskpane.html", "taskpane.css", "help.html"];

function esbuildOptions(o: Required<AddinBuildOptions>): esbuild.BuildOptions {
  return {
    entryPoints: [join(ROOT, "addin/taskpane/main.ts")],
    outfile: join(o.outDir, "taskpane.js"),
    bundle: true,
    format: "esm",
    target: "es2020",
    platform: "browser",
    sourcemap: true,
    minify: o.minify,
    define: {
      __BAOCAO_DEFAULT_SERVER__: JSON.stringify(o.defaultServer),
      __BAOCAO_REQUEST_TIMEOUT_MS__: String(o.requestTimeoutMs),
    },
    logLevel: "warning",
  };
}

function resolveOptions(opts: AddinBuildOptions): Required<AddinBuildOptions> {
  return {
    outDir: opts.outDir ?? join(ROOT, "dist/addin"),
    addinUrl: (opts.addinUrl ?? DEV_ADDIN_URL).replace(/\/+$/, ""),
    defaultServer: opts.defaultServer ?? "http://127.0.0.1:8787",
    requestTimeoutMs: opts.requestTimeoutMs ?? 20_000,
    minify: opts.minify ?? false,
  };
}

function copyStatic(o: Required<AddinBuildOptions>): void {
  mkdirSync(o.outDir, { recursive: true });
  for (const f of STATIC) {
    const src = join(ROOT, "addin/taskpane", f);
    if (existsSync(src)) cpSync(src, join(o.outDir, f));
  }
  cpSync(join(ROOT, "addin/assets"), join(o.outDir, "assets"), { recursive: true });
  const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8").replaceAll(DEV_ADDIN_URL, o.addinUrl);
  writeFileSync(join(dirname(o.outDir), "manifest.xml"), manifest);
  // Also beside the pane, so its first screen (opened outside Excel) can offer it for download.
  writeFileSync(join(o.outDir, "manifest.xml"), manifest);
}

export async function buildAddin(opts: AddinBuildOptions = {}): Promise<string> {
  const o = resolveOptions(opts);
  copyStatic(o);
  await esbuild.build(esbuildOptions(o));
  return o.outDir;
}

/** Rebuilds on every change of the pane's sources (the dev server serves the output directory). */
export async function watchAddin(
  opts: AddinBuildOptions = {},
): Promise<{ outDir: string; stop: () => Promise<void> }> {
  const o = resolveOptions(opts);
  copyStatic(o);
  const ctx = await esbuild.context(esbuildOptions(o));
  await ctx.watch();
  return { outDir: o.outDir, stop: () => ctx.dispose() };
}
