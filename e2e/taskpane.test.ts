// The built task pane in headless Chromium, used as a person would, against a real `wrangler dev` Worker
// on local D1. Office.js is replaced (by routing its CDN URL) with a bundle of the in-memory Excel fake,
// which installs itself where Office.js would be; the pane's code runs unchanged.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DevServer, startDevServer } from "../scripts/addin-dev-server.ts";
import { buildAddin } from "../scripts/build-addin.ts";
import { type LaunchedChromium, launchChromium } from "../scripts/chromium.ts";
import { type RunningWorker, startWorker } from "../scripts/wrangler-dev.ts";
import { createApiClient } from "../shared/api/client.ts";
import { formatDateTimeVn, formatPeriodVn } from "../shared/format/vietnam-time.ts";
import { TEMPLATE_LAYOUT, templateCell, templateRows } from "../shared/plans/template-sheet.ts";
import { getTemplate } from "../shared/template/registry.ts";
import { fakeExcelScript } from "./pane-harness.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHOTS = join(ROOT, "e2e/screenshots");
const SHEET = "Báo cáo";
const UNIT = "SL.MAISON";
const PERIOD = "2023";
/** The pane's request timeout in this build. */
const PANE_TIMEOUT_MS = 4000;

const template = getTemplate("doan-2024")!;
const rows = templateRows(template);
const col = TEMPLATE_LAYOUT.columns;
/** The actual (Kết quả thực hiện) and target (Chỉ tiêu giao) cells of an indicator on a fresh template sheet. */
const actualCell = (code: string) => `${col.actual}${rows.indicators.get(code)}`;
const targetCell = (code: string) => `${col.target}${rows.indicators.get(code)}`;

let worker: RunningWorker;
let server: DevServer;
let browser: LaunchedChromium;
let context: BrowserContext;
let page: Page;
let outDir: string;
let reporterToken = "";
let provinceToken = "";
let shot = 0;

async function screenshot(name: string): Promise<void> {
  shot += 1;
  await page.screenshot({
    path: join(SHOTS, `${String(shot).padStart(2, "0")}-${name}.png`),
    fullPage: true,
  });
}

/** Types into cells through the fake, as a person typing in Excel (raises onChanged like real edits). */
async function typeCells(cells: Record<string, string | number>, sheet = SHEET): Promise<void> {
  await page.evaluate(
    ({ sheet, cells }) => {
      const fake = (
        window as unknown as { __BAOCAO_FAKE__: { user: { type(s: string, a: string, v: unknown): void } } }
      ).__BAOCAO_FAKE__;
      for (const [address, value] of Object.entries(cells)) fake.user.type(sheet, address, value);
    },
    { sheet, cells },
  );
}

async function cellValues(sheet: string, rowsToRead: number, colsToRead: number): Promise<unknown[][]> {
  return page.evaluate(
    ({ sheet, rowsToRead, colsToRead }) => {
      const fake = (
        window as unknown as { __BAOCAO_FAKE__: { cell(s: string, a: string): { value: unknown } } }
      ).__BAOCAO_FAKE__;
      const letter = (c: number) => String.fromCharCode(64 + c);
      const out: unknown[][] = [];
      for (let r = 1; r <= rowsToRead; r++) {
        const row: unknown[] = [];
        for (let c = 1; c <= colsToRead; c++) row.push(fake.cell(sheet, `${letter(c)}${r}`).value);
        out.push(row);
      }
      return out;
    },
    { sheet, rowsToRead, colsToRead },
  );
}

async function sheetNames(): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as { __BAOCAO_FAKE__: { sheetNames(): string[] } }).__BAOCAO_FAKE__.sheetNames(),
  );
}

async function openPane(): Promise<void> {
  await page.goto(`${server.url}/taskpane.html`);
  await page.waitForSelector("body[data-ready=true]");
}

/** Does something in the pane and waits until the action it started has finished. */
async function act(start: () => Promise<void>): Promise<void> {
  const before = Number(await page.getAttribute("#app", "data-completed"));
  await start();
  await page.waitForFunction((n) => Number(document.getElementById("app")?.dataset.completed) > n, before);
}

const click = (testid: string) => act(() => page.getByTestId(testid).click());

async function statusText(): Promise<string> {
  return (await page.getByTestId("status-text").textContent()) ?? "";
}

async function issueCells(): Promise<string[]> {
  return page.$$eval("[data-testid=issue]", (els) =>
    els.map((e) => e.getAttribute("data-cell") ?? "").sort(),
  );
}

async function saveSettings(serverUrl: string, token: string): Promise<void> {
  await page.getByTestId("open-settings").click();
  await page.getByTestId("settings-serverUrl").fill(serverUrl);
  await page.getByTestId("settings-token").fill(token);
  await click("settings-save");
  await page.getByTestId("notice").filter({ hasText: "Đã lưu cài đặt" }).waitFor();
}

/** Presses Gửi báo cáo and, if the pane asks about warnings, confirms. */
async function submit(onConfirm?: () => Promise<void>): Promise<void> {
  await click("action-submit");
  if ((await page.getByTestId("confirm").count()) > 0) {
    await onConfirm?.();
    await click("confirm-send");
  }
}

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  outDir = mkdtempSync(join(tmpdir(), "baocao-addin-"));
  // The dev server first: the Worker must allow its origin (CORS).
  server = await startDevServer({ root: outDir, https: false, host: "127.0.0.1", port: 0 });
  worker = await startWorker({ vars: { ALLOWED_ORIGIN: server.url } });
  // A short request timeout, so the timeout step waits seconds rather than the default 20 s.
  await buildAddin({ outDir, defaultServer: worker.url, requestTimeoutMs: PANE_TIMEOUT_MS });

  const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
  await admin.importUnits({
    units: [
      { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
      { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn", parent: "SL" },
      { code: "SL.SOPCOP", name: "Huyện đoàn Sốp Cộp", parent: "SL" },
      { code: "SL.VANHO", name: "Huyện đoàn Vân Hồ", parent: "SL" },
    ],
  });
  reporterToken = (await admin.createToken(UNIT, "reporter")).token;
  provinceToken = (await admin.createToken("SL", "reviewer")).token;
  // Another district has already reported, so the province total is a real sum.
  const sopcop = createApiClient({
    baseUrl: worker.url,
    token: (await admin.createToken("SL.SOPCOP", "reporter")).token,
  });
  await sopcop.submit(
    {
      unit: "SL.SOPCOP",
      period: PERIOD,
      template: "doan-2024",
      rows: [
        { code: "GD01", actual: 40 },
        { code: "GD02", actual: 38 },
        { code: "GD04", actual: 5200 },
        { code: "PT01", actual: 10000 },
        { code: "KN02", actual: 42 },
        { code: "KN03", actual: 18.5 },
        { code: "TD01", actual: "T" },
      ],
    },
    { idempotencyKey: "sopcop-1" },
  );

  const fake = await fakeExcelScript();
  browser = await launchChromium({
    viewport: { width: 380, height: 900 },
    deviceScaleFactor: 2,
    locale: "vi-VN",
    // A browser far from Vietnam: the pane must still show Vietnam time.
    timezoneId: "America/New_York",
  });
  context = browser.context;
  await context.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fake }),
  );
  page = context.pages()[0] ?? (await context.newPage());
  await openPane();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await worker?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe("task pane, end to end", () => {
  it("starts in Vietnamese with the four actions and asks for a token", async () => {
    for (const id of ["action-create", "action-validate", "action-submit", "action-pull"]) {
      await expect(page.getByTestId(id).isVisible()).resolves.toBe(true);
    }
    expect(await page.getByTestId("action-create").textContent()).toContain("Tạo mẫu");
    expect(await statusText()).toContain("Chưa có mã truy cập");
    await screenshot("start");
  });

  it("saves the server and the token in Settings", async () => {
    await saveSettings(worker.url, reporterToken);
    await screenshot("settings");
    expect(await statusText()).toBe("Sẵn sàng");
  });

  it("Tạo mẫu creates the template sheet for the token's unit", async () => {
    await page.getByTestId("action-create").click();
    await page.getByTestId("create-unit").waitFor();
    expect(await page.getByTestId("create-unit").inputValue()).toBe(UNIT);
    await page.getByTestId("create-period").fill(PERIOD);
    await page.getByTestId("create-reporter").fill("Nguyễn Văn An");
    await page.getByTestId("create-phone").fill("0212 3852 123");
    await screenshot("create-form");
    await click("create-submit");
    await page
      .getByTestId("notice")
      .filter({ hasText: `Đã tạo trang “${SHEET}”` })
      .waitFor();
    expect(await sheetNames()).toContain(SHEET);
  });

  it("Kiểm tra lists exactly the three mistakes, on their cells", async () => {
    await typeCells({
      [targetCell("PT01")]: 90000,
      [targetCell("KN02")]: 1500,
      [targetCell("KN03")]: 400,
      [actualCell("GD01")]: 120,
      [actualCell("GD02")]: 150, // more officers studied than there are: GD02 > GD01
      [actualCell("GD04")]: 15000,
      [actualCell("PT01")]: "'92.387", // typed as text with "." thousands separators
      [actualCell("KN02")]: 1758,
      [actualCell("KN03")]: 312,
      [actualCell("XD03")]: "12 người", // a number with its unit
    });
    await click("action-validate");
    expect(await issueCells()).toEqual([actualCell("GD02"), actualCell("PT01"), actualCell("XD03")].sort());
    expect(await page.getByTestId("count-errors").textContent()).toBe("Lỗi 3");
    await screenshot("three-issues");
  });

  it("a click on an issue selects its cell", async () => {
    await act(() => page.locator(`[data-testid=issue][data-cell=${actualCell("PT01")}] .issue-main`).click());
    const selected = await page.evaluate(() => {
      const fake = (window as unknown as { __BAOCAO_FAKE__: { state: { selection?: { rects: unknown[] } } } })
        .__BAOCAO_FAKE__;
      return fake.state.selection?.rects.length ?? 0;
    });
    expect(selected).toBe(1);
  });

  it("Sửa tất cả fixes the two fixable cells; GD02 fixed by hand; Kiểm tra finds no error", async () => {
    expect(await page.getByTestId("fix-all").textContent()).toContain("Sửa tất cả (2)");
    await click("fix-all");
    expect(await page.getByTestId("notice").textContent()).toContain("Đã sửa 2 ô");
    expect(await issueCells()).toEqual([actualCell("GD02")]);
    const fixed = await page.evaluate(
      ({ sheet, a, b }) => {
        const fake = (
          window as unknown as { __BAOCAO_FAKE__: { cell(s: string, a: string): { value: unknown } } }
        ).__BAOCAO_FAKE__;
        return [fake.cell(sheet, a).value, fake.cell(sheet, b).value];
      },
      { sheet: SHEET, a: actualCell("PT01"), b: actualCell("XD03") },
    );
    expect(fixed).toEqual([92387, 12]);

    await typeCells({ [actualCell("GD02")]: 120 });
    await click("action-validate");
    expect(await page.getByTestId("count-errors").textContent()).toBe("Lỗi 0");
    expect(await issueCells()).not.toContain(actualCell("GD02"));
    await screenshot("no-errors");
  });

  it("Gửi báo cáo sends it and shows receipt revision 1", async () => {
    await submit();
    expect(await page.getByTestId("receipt-revision").textContent()).toBe("1");
    // Targets: PT01 and KN02 exceeded, KN03 (312 of 400) not met.
    expect(await page.getByTestId("receipt-summary").textContent()).toBe("đạt 2/3 chỉ tiêu, vượt 2");
    // The server answers ISO UTC; the pane shows Vietnam time, whatever the browser's own time zone.
    const received = (
      await createApiClient({ baseUrl: worker.url, token: reporterToken }).submissions(UNIT, PERIOD)
    ).current?.receivedAt;
    expect(await page.getByTestId("receipt-time").textContent()).toBe(formatDateTimeVn(received ?? ""));
    await screenshot("receipt");
  });

  it("shows the unit its own score and what it misses per criterion (thi đua)", async () => {
    await click("load-own-score");
    const total = (await page.getByTestId("own-score-total").textContent()) ?? "";
    const own = (await createApiClient({ baseUrl: worker.url, token: reporterToken }).scores(UNIT, PERIOD))
      .own;
    expect(total).toBe(
      `${own?.name}: ${String(own?.total).replace(".", ",")}/500 điểm · Không hoàn thành nhiệm vụ`,
    );
    const card = (await page.getByTestId("own-score").textContent()) ?? "";
    // Sent on time: TC5 misses only the inspection item; nobody gave council points yet.
    expect(card).toContain("Thiếu 20 điểm ở TC5 – Công tác kiểm tra và thông tin báo cáo: TC5.2");
    expect(card).toContain("TC4.4 Chất lượng tổ chức cơ sở Đoàn (hội đồng đánh giá) (50)");
  });

  it("a 500 from the server queues the report; Gửi lại delivers it", async () => {
    const workerGlob = `${worker.url}/v1/submissions`;
    await page.route(workerGlob, (route) =>
      route.request().method() === "POST"
        ? route.fulfill({
            status: 500,
            contentType: "application/json",
            headers: { "access-control-allow-origin": server.url },
            body: JSON.stringify({ error: { code: "internal", message: "Lỗi máy chủ / Server error" } }),
          })
        : route.continue(),
    );
    await typeCells({ [actualCell("KN02")]: 1760 });
    await submit();
    await page.getByTestId("queued").waitFor();
    expect(await statusText()).toBe("Đang chờ gửi (1)");
    expect(await page.getByTestId("status").textContent()).toContain("máy chủ đang lỗi hoặc quá tải");
    await screenshot("queued-500");

    await page.unroute(workerGlob);
    await click("retry-queue");
    expect(await page.getByTestId("receipt-revision").textContent()).toBe("2");
    expect(await statusText()).toBe("Sẵn sàng");
  });

  it("a lost answer is retried with the same key and not counted twice", async () => {
    const workerGlob = `${worker.url}/v1/submissions`;
    let delivered = 0;
    // The server stores the report, but its answer never reaches the pane.
    await page.route(workerGlob, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      await route.fetch();
      delivered += 1;
      await route.abort("connectionreset");
    });
    await typeCells({ [actualCell("KN02")]: 1758 });
    await submit();
    await page.getByTestId("queued").waitFor();
    expect(delivered).toBe(1);
    await page.unroute(workerGlob);
    await click("retry-queue");
    expect(await page.getByTestId("receipt-revision").textContent()).toBe("3");
    expect(await page.getByTestId("receipt").textContent()).toContain("Máy chủ đã nhận báo cáo này từ trước");
  });

  it("warnings need a confirmation; a 409 shows what changed and resends on the new revision", async () => {
    // Another computer of the same unit sends revision 4 with another PT01.
    const other = createApiClient({ baseUrl: worker.url, token: reporterToken });
    const current = (await other.submissions(UNIT, PERIOD)).current!;
    const rows = current.rows.map((r) => (r.code === "PT01" ? { ...r, actual: 95000 } : r));
    await other.submit(
      { unit: UNIT, period: PERIOD, template: "doan-2024", rows },
      { idempotencyKey: "other-computer-1", ifMatch: current.revision },
    );

    await typeCells({ [actualCell("XD02")]: 10 }); // XD03 = 12 > XD02: a warning
    await submit(() => screenshot("confirm-warnings"));
    await page.getByTestId("conflict").waitFor();
    expect(await page.getByTestId("conflict").textContent()).toContain("máy chủ đang có bản 4");
    const changes = await page.getByTestId("conflict-changes").textContent();
    expect(changes).toContain("PT01");
    expect(changes).toContain("95.000");
    await screenshot("conflict");

    await click("resend");
    if ((await page.getByTestId("confirm").count()) > 0) await click("confirm-send");
    expect(await page.getByTestId("receipt-revision").textContent()).toBe("5");
  });

  it("offline: queued, still queued after a reload, sent once when the network is back", async () => {
    await typeCells({ [actualCell("KN03")]: 315 });
    await context.setOffline(true);
    await submit();
    await page.getByTestId("queued").waitFor();
    expect(await statusText()).toBe("Đang chờ gửi (1)");
    await screenshot("queued-offline");

    // Reload with the Worker still unreachable (the page itself must load).
    await context.route(`${worker.url}/**`, (route) => route.abort("internetdisconnected"));
    await context.setOffline(false);
    await openPane();
    expect(await statusText()).toBe("Đang chờ gửi (1)");
    await screenshot("queued-after-reload");

    // The network comes back: the browser's `online` event sends the queue.
    await context.unroute(`${worker.url}/**`);
    await context.setOffline(true);
    await context.setOffline(false);
    await page.getByTestId("receipt").waitFor();
    expect(await page.getByTestId("receipt-revision").textContent()).toBe("6");
    expect(await statusText()).toBe("Sẵn sàng");
    await screenshot("sent-from-queue");

    const api = createApiClient({ baseUrl: worker.url, token: reporterToken });
    const answer = await api.submissions(UNIT, PERIOD);
    expect(answer.revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(answer.current?.rows.find((r) => r.code === "KN03")?.actual).toBe(315);
  });

  it("a timeout: the server takes the report but answers too late; queued, still queued after a reload, sent once", async () => {
    const workerGlob = `${worker.url}/v1/submissions`;
    let release: () => void = () => undefined;
    const released = new Promise<void>((r) => {
      release = r;
    });
    let held = 0;
    let delivered = 0;
    // The first POST is held past the pane's timeout, then delivered: the server stores it, but the pane
    // gave up long before. Every later POST finds the server unreachable, until the route is removed.
    await page.route(workerGlob, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      if (held++ > 0) return route.abort("connectionrefused");
      await released;
      const res = await route.fetch();
      delivered += 1;
      // The pane has aborted this request by now: there is no one left to answer.
      await route.fulfill({ response: res }).catch(() => undefined);
    });
    // The reload above opened a fresh workbook: make the report again, as it was, with KN03 changed.
    await page.getByTestId("action-create").click();
    await page.getByTestId("create-period").fill(PERIOD);
    await click("create-submit");
    await page.getByTestId("notice").filter({ hasText: "Đã tạo trang" }).waitFor();
    await typeCells({
      [targetCell("PT01")]: 90000,
      [targetCell("KN02")]: 1500,
      [targetCell("KN03")]: 400,
      [actualCell("GD01")]: 120,
      [actualCell("GD02")]: 120,
      [actualCell("GD04")]: 15000,
      [actualCell("PT01")]: 92387,
      [actualCell("KN02")]: 1758,
      [actualCell("KN03")]: 317,
      [actualCell("XD02")]: 10,
      [actualCell("XD03")]: 12,
    });
    const started = Date.now();
    await submit();
    await page.getByTestId("queued").waitFor();
    expect(Date.now() - started).toBeGreaterThanOrEqual(PANE_TIMEOUT_MS - 500);
    expect(await statusText()).toBe("Đang chờ gửi (1)");
    expect(await page.getByTestId("status").textContent()).toContain("không kết nối được máy chủ");
    release();
    await expect.poll(() => delivered, { timeout: 30_000 }).toBe(1);
    const api = createApiClient({ baseUrl: worker.url, token: reporterToken });
    expect((await api.submissions(UNIT, PERIOD)).revisions).toHaveLength(7);

    // Closed and reopened while the server is still out of reach: the report is still waiting.
    await openPane();
    expect(await statusText()).toBe("Đang chờ gửi (1)");

    // The server is back: the queue sends the same key again; the server answers its stored receipt.
    await page.unroute(workerGlob);
    await context.setOffline(true);
    await context.setOffline(false);
    await page.getByTestId("receipt").waitFor();
    expect(await page.getByTestId("receipt-revision").textContent()).toBe("7");
    expect(await page.getByTestId("receipt").textContent()).toContain("Máy chủ đã nhận báo cáo này từ trước");
    expect(await statusText()).toBe("Sẵn sàng");
    const answer = await api.submissions(UNIT, PERIOD);
    expect(answer.revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(answer.current?.rows.find((r) => r.code === "KN03")?.actual).toBe(317);
  });

  it("Lấy tổng hợp for the province writes the numbers GET /v1/consolidation returns", async () => {
    await saveSettings(worker.url, provinceToken);
    await page.getByTestId("action-pull").click();
    await page.getByTestId("pull-unit").waitFor();
    await page.getByTestId("pull-unit").selectOption("SL");
    await page.getByTestId("pull-period").fill(PERIOD);
    // "So sánh với" follows the period: the same period a year earlier.
    expect(await page.getByTestId("pull-compare").inputValue()).toBe(String(Number(PERIOD) - 1));
    await screenshot("pull-form");
    await click("pull-submit");
    expect(await page.getByTestId("notice").textContent()).toContain("Đã ghi trang");
    expect(await page.getByTestId("pulled").textContent()).toContain("Huyện đoàn Vân Hồ");

    const consolidated = (await sheetNames()).find((n) => n.startsWith("Tổng hợp"));
    expect(consolidated).toBeDefined();
    const grid = await cellValues(consolidated!, 80, 16);
    const headerRow = grid.findIndex((r) => r.includes("Mã chỉ tiêu") && r.includes("Kết quả thực hiện"));
    expect(headerRow).toBeGreaterThanOrEqual(0);
    // The compared period as people write it ("Cùng kỳ Năm 2022").
    expect(grid[headerRow]).toContain(`Cùng kỳ ${formatPeriodVn(String(Number(PERIOD) - 1))}`);
    expect(grid[headerRow]).toContain("Tăng/giảm (%)");
    const codeCol = grid[headerRow]!.indexOf("Mã chỉ tiêu");
    const actualCol = grid[headerRow]!.indexOf("Kết quả thực hiện");
    const sheetActual = new Map<string, unknown>();
    for (const r of grid.slice(headerRow + 1)) {
      if (typeof r[codeCol] === "string" && r[codeCol] !== "")
        sheetActual.set(r[codeCol] as string, r[actualCol]);
    }

    const api = createApiClient({ baseUrl: worker.url, token: provinceToken });
    const truth = await api.consolidation("SL", PERIOD);
    const numeric = truth.indicators.filter((i) => i.kind !== "grade" && typeof i.actual === "number");
    expect(numeric.length).toBeGreaterThan(5);
    for (const ind of numeric) {
      const onSheet = sheetActual.get(ind.code);
      expect(typeof onSheet === "number" ? onSheet : Number.NaN, ind.code).toBeCloseTo(ind.actual!, 6);
    }
    // The sum of what the units sent: Mai Sơn's last revision plus Sốp Cộp's.
    expect(sheetActual.get("PT01")).toBe(92387 + 10000);
    expect(sheetActual.get("KN02")).toBe(1758 + 42);
    // A rate whose target and actual come from different units is noted in Ghi chú, as the API counts them.
    const noteCol = grid[headerRow]!.indexOf("Ghi chú");
    const notes = new Map(grid.slice(headerRow + 1).map((r) => [r[codeCol], r[noteCol]]));
    const qualified = truth.indicators.filter((i) => i.unitsWithTarget !== undefined);
    expect(qualified.length).toBeGreaterThan(0);
    for (const ind of qualified) {
      expect(notes.get(ind.code), ind.code).toContain(
        `Đơn vị có chỉ tiêu: ${ind.unitsWithTarget}, có kết quả: ${ind.unitsWithActual}`,
      );
    }
    await screenshot("pulled");
  });

  it("doan-2026: Tạo mẫu for 2026 renders the period's template; its new rows are checked and sent", async () => {
    const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
    await admin.setPeriodTemplate("2026", "doan-2026");
    await saveSettings(worker.url, reporterToken);
    await page.getByTestId("action-create").click();
    await page.getByTestId("create-period").waitFor();
    await page.getByTestId("create-period").fill("2026");
    await click("create-submit");
    await screenshot("doan-2026-created");
    const notice = (await page.getByTestId("notice").textContent()) ?? "";
    const sheet = /Đã tạo trang “(.+?)”/.exec(notice)?.[1] ?? "";
    expect(await sheetNames(), notice).toContain(sheet);
    const doan2026 = getTemplate("doan-2026")!;
    const at = (code: string) => templateCell(doan2026, code, "actual");
    await typeCells(
      {
        [at("GD01")]: 30,
        [at("GD04")]: 500,
        [at("GD16")]: 800, // GD14 of doan-2024, renamed
        [at("BD01")]: 4, // Bình dân học vụ số
        [at("BD02")]: 120,
        [at("PT01")]: 99000000, // implausible for 500 members (under the API's 100,000,000 cap): a warning
      },
      sheet,
    );
    await click("action-validate");
    expect(await page.getByTestId("count-errors").textContent()).toBe("Lỗi 0");
    expect(await issueCells()).toEqual([at("PT01")]);
    await screenshot("doan-2026");
    // A warning only: the pane asks first, then sends.
    await click("action-submit");
    await page.getByTestId("confirm").waitFor();
    await click("confirm-send");
    await page.getByTestId("receipt-revision").waitFor();
    const api = createApiClient({ baseUrl: worker.url, token: reporterToken });
    const answer = await api.submissions(UNIT, "2026");
    expect(answer.current?.template).toBe("doan-2026");
    const sent = new Map(answer.current?.rows.map((r) => [r.code, r.actual]));
    expect([sent.get("GD16"), sent.get("BD01"), sent.get("BD02"), sent.get("PT01")]).toEqual([
      800, 4, 120, 99000000,
    ]);
  });

  it("a doan-2024 sheet moved to 2026 is checked with doan-2024, says so, and Tải mẫu mới makes doan-2026 beside it", async () => {
    // 2026 runs on doan-2026 (the test above set it); the sheet is made for 2025, then its period retyped.
    const created = async (): Promise<string> => {
      const notice = (await page.getByTestId("notice").textContent()) ?? "";
      return /Đã tạo trang “(.+?)”/.exec(notice)?.[1] ?? notice;
    };
    await page.getByTestId("action-create").click();
    await page.getByTestId("create-period").waitFor();
    await page.getByTestId("create-period").fill("2025");
    await click("create-submit");
    const old = await created();
    await typeCells({ [TEMPLATE_LAYOUT.header.period.input]: "2026" }, old);
    await click("action-validate");
    expect(await page.getByTestId("checked-with").textContent()).toBe("Kiểm tra theo mẫu doan-2024 v1");
    expect(await page.getByTestId("template-news-text").textContent()).toBe(
      "mẫu doan-2024 v1; kỳ này dùng doan-2026: tải mẫu mới",
    );
    await screenshot("template-news");
    await click("get-new-template");
    const made = await created();
    expect(made).not.toBe(old);
    expect(await sheetNames()).toEqual(expect.arrayContaining([old, made]));
    const header = await cellValues(made, 7, 6);
    expect(String(header[5]?.[5])).toContain("doan-2026");
    expect(await page.getByTestId("template-news").count()).toBe(0);
  });

  it("Lấy tổng hợp for a wide province (85 units below it) writes the four sheets and draws the bar", async () => {
    const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
    const units = [{ code: "TN", name: "Tỉnh đoàn Thái Nguyên", parent: null as string | null }];
    for (let i = 1; i <= 85; i++)
      units.push({ code: `TN.X${String(i).padStart(2, "0")}`, name: `Đoàn xã Số ${i}`, parent: "TN" });
    await admin.importUnits({ units });
    const tn = createApiClient({
      baseUrl: worker.url,
      token: (await admin.createToken("TN", "reporter")).token,
    });
    for (const [i, u] of units.slice(1).entries()) {
      if ((i + 1) % 6 === 0) continue; // every sixth has not reported
      await tn.submit(
        {
          unit: u.code,
          period: PERIOD,
          template: "doan-2024",
          rows: [
            { code: "GD01", actual: 20 + i },
            { code: "GD04", actual: 300 + i },
            { code: "PT01", target: 500, actual: 400 + i * 3 },
          ],
          reporter: { name: `Bí thư ${i + 1}`, phone: `0912 ${String(i).padStart(3, "0")}` },
        },
        { idempotencyKey: `tn-${i}` },
      );
    }
    await saveSettings(worker.url, (await admin.createToken("TN", "reviewer")).token);
    await page.getByTestId("action-pull").click();
    await page.getByTestId("pull-unit").waitFor();
    await page.getByTestId("pull-unit").selectOption("TN");
    await page.getByTestId("pull-period").fill(PERIOD);
    await click("pull-submit");
    const names = await sheetNames();
    const all = ["Tổng hợp", "Theo đơn vị", "Tình hình nộp", "Xếp loại"].map((s) => `${s} TN ${PERIOD}`);
    for (const n of all) {
      expect(names).toContain(n);
    }
    // Tình hình nộp: 85 lines below its header (row 9), the 14 missing units first.
    const status = await cellValues(`Tình hình nộp TN ${PERIOD}`, 9 + 85, 9);
    const states = status.slice(9).map((r) => r[4]);
    expect(states).toHaveLength(85);
    expect(states.slice(0, 14).every((s) => s === "Chưa nộp")).toBe(true);
    expect(states.slice(14).every((s) => s === "Đã nộp")).toBe(true);
    expect(status.slice(23).every((r) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(String(r[6])))).toBe(true);
    // Theo đơn vị: own figures, 85 units, then Tổng cộng with the API's PT01 total.
    const byUnit = await cellValues(`Theo đơn vị TN ${PERIOD}`, 8 + 86, 26);
    const header = byUnit[6] ?? [];
    const total = byUnit[8 + 85] ?? [];
    expect(total[2]).toBe("Tổng cộng");
    const truth = await tn.consolidation("TN", PERIOD);
    expect(total[header.indexOf("PT01 KQ")]).toBe(truth.indicators.find((i) => i.code === "PT01")?.actual);
    const bar = page.getByTestId("pulled-bar");
    expect(await bar.getAttribute("aria-label")).toBe(
      "Đúng hạn 71, nộp muộn 0, chưa nộp 14 (trên 85 đơn vị)",
    );
    await screenshot("pulled-wide");
  });

  it("switching to English re-renders the pane", async () => {
    await page.getByTestId("open-settings").click();
    await page.getByTestId("settings-lang-en").check();
    await page.getByTestId("action-create").filter({ hasText: "New template" }).waitFor();
    await screenshot("english");
    await page.getByTestId("settings-lang-vi").check();
    await page.getByTestId("action-create").filter({ hasText: "Tạo mẫu" }).waitFor();
  });
});
