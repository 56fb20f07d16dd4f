// The task pane opened outside Excel (a plain browser, Office.js loaded but no Excel behind it): it shows
// what the product is, how to sideload or deploy it, and where the manifest, help, web page and CLI are,
// Vietnamese first. No Worker is needed: nothing is sent.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../scripts/addin-dev-server.ts";
import { buildAddin } from "../scripts/build-addin.ts";
import { type LaunchedChromium, launchChromium } from "../scripts/chromium.ts";

const SERVER = "https://bao-cao.example.vn";
let outDir: string;
let server: DevServer;
let browser: LaunchedChromium;
let page: Page;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "baocao-first-"));
  server = await startDevServer({ root: outDir, https: false, host: "127.0.0.1", port: 0 });
  await buildAddin({ outDir, defaultServer: SERVER });
  browser = await launchChromium({ viewport: { width: 380, height: 900 }, locale: "vi-VN" });
  // Office.js as in a plain browser: onReady resolves, there is no Excel.
  await browser.context.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/javascript; charset=utf-8",
      body: "window.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };",
    }),
  );
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector("body[data-ready='true']");
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe("the task pane outside Excel", () => {
  it("says what the product is and how to get it into Excel, Vietnamese first", async () => {
    const text = await page.locator("[data-testid='first-screen']").innerText();
    expect(text).toContain("Báo cáo Đoàn");
    expect(text.indexOf("Add-in Excel để điền")).toBeLessThan(text.indexOf("An Excel add-in to fill"));
    expect(text).toContain("Tải lên phần bổ trợ của tôi");
    expect(text).toContain("Upload My Add-in");
    expect(text).toContain("Ứng dụng tích hợp");
    expect(text).toContain("npx baocao --help");
    expect(await page.locator("[role='alert']").count()).toBe(0);
  });

  it("links the manifest (served beside the pane), the help page and the web page", async () => {
    const hrefs = await page
      .locator("[data-testid='first-screen'] a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual([`${server.url}/manifest.xml`, `${server.url}/help.html`, `${SERVER}/`]);
    const manifest = await page.request.get(`${server.url}/manifest.xml`);
    expect(manifest.status()).toBe(200);
    expect(await manifest.text()).toContain("<OfficeApp");
  });
});
