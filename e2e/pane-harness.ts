// The task pane in headless Chromium against a real `wrangler dev`, for e2e files that need the pane:
// Office.js replaced (its CDN URL routed) by a bundle of the in-memory Excel fake. The setup of
// e2e/taskpane.test.ts, as functions; that file takes its Office.js stand-in from here too.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import type { Page } from "playwright-core";
import { type DevServer, startDevServer } from "../scripts/addin-dev-server.ts";
import { buildAddin } from "../scripts/build-addin.ts";
import { type LaunchedChromium, launchChromium } from "../scripts/chromium.ts";
import { type RunningWorker, startWorker } from "../scripts/wrangler-dev.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The fake, bundled for the browser: a handle on window for the test, Excel.run and Office.onReady installed. */
export async function fakeExcelScript(): Promise<string> {
  const result = await esbuild.build({
    stdin: {
      contents: [
        'import { createFakeExcel } from "./addin/excel/fake/index.ts";',
        "const fake = createFakeExcel();",
        "window.__BAOCAO_FAKE__ = fake;",
        "fake.installGlobals(window);",
      ].join("\n"),
      resolveDir: ROOT,
      sourcefile: "office-fake.ts",
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "warning",
  });
  const text = result.outputFiles[0]?.text;
  if (!text) throw new Error("esbuild produced no fake Excel bundle");
  return text;
}

export interface Pane {
  worker: RunningWorker;
  page: Page;
  stop(): Promise<void>;
}

export async function startPane(): Promise<Pane> {
  const outDir = mkdtempSync(join(tmpdir(), "baocao-addin-"));
  // The dev server first: the Worker must allow its origin (CORS).
  const server: DevServer = await startDevServer({ root: outDir, https: false, host: "127.0.0.1", port: 0 });
  const worker = await startWorker({ vars: { ALLOWED_ORIGIN: server.url } });
  await buildAddin({ outDir, defaultServer: worker.url, requestTimeoutMs: 4000 });
  const fake = await fakeExcelScript();
  const browser: LaunchedChromium = await launchChromium({
    viewport: { width: 380, height: 900 },
    deviceScaleFactor: 2,
    locale: "vi-VN",
  });
  await browser.context.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fake }),
  );
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector("body[data-ready=true]");
  return {
    worker,
    page,
    async stop() {
      await browser.close();
      await server.close();
      await worker.stop();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Does something in the pane and waits until the action it started has finished. */
export async function act(page: Page, start: () => Promise<void>): Promise<void> {
  const before = Number(await page.getAttribute("#app", "data-completed"));
  await start();
  await page.waitForFunction((n) => Number(document.getElementById("app")?.dataset.completed) > n, before);
}

export const click = (page: Page, testid: string) => act(page, () => page.getByTestId(testid).click());

export async function saveSettings(page: Page, serverUrl: string, token: string): Promise<void> {
  await page.getByTestId("open-settings").click();
  await page.getByTestId("settings-serverUrl").fill(serverUrl);
  await page.getByTestId("settings-token").fill(token);
  await click(page, "settings-save");
  await page.getByTestId("notice").filter({ hasText: "Đã lưu cài đặt" }).waitFor();
}

/** Presses Gửi báo cáo and confirms when the pane asks about warnings. */
export async function submit(page: Page): Promise<void> {
  await click(page, "action-submit");
  if ((await page.getByTestId("confirm").count()) > 0) await click(page, "confirm-send");
}

interface FakeHandle {
  user: {
    type(s: string, a: string, v: unknown): void;
    select(s: string, a: string): void;
  };
  cell(s: string, a: string): { value: unknown; note: string | null; fill: string | null };
}

/** Types into cells as a person would (raises onChanged like real edits). */
export function typeCells(page: Page, sheet: string, cells: Record<string, string | number>): Promise<void> {
  return page.evaluate(
    ({ sheet, cells }) => {
      const fake = (window as unknown as { __BAOCAO_FAKE__: FakeHandle }).__BAOCAO_FAKE__;
      for (const [address, value] of Object.entries(cells)) fake.user.type(sheet, address, value);
    },
    { sheet, cells },
  );
}

/** Clicks a cell: activates its sheet and selects it. */
export function selectCell(page: Page, sheet: string, address: string): Promise<void> {
  return page.evaluate(
    ({ sheet, address }) => {
      (window as unknown as { __BAOCAO_FAKE__: FakeHandle }).__BAOCAO_FAKE__.user.select(sheet, address);
    },
    { sheet, address },
  );
}

export function cellAt(
  page: Page,
  sheet: string,
  address: string,
): Promise<{ value: unknown; note: string | null; fill: string | null }> {
  return page.evaluate(
    ({ sheet, address }) => {
      const c = (window as unknown as { __BAOCAO_FAKE__: FakeHandle }).__BAOCAO_FAKE__.cell(sheet, address);
      return { value: c.value, note: c.note, fill: c.fill };
    },
    { sheet, address },
  );
}
