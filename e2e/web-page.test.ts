// The web page (GET /) in headless Chromium against a real `wrangler dev` serving the built static
// assets: sign in, check a workbook with three mistakes (and the same file saved by LibreOffice), see
// them by cell, download the fixed copy, submit with the server unreachable, reload with the report
// queued, deliver it once, see the status change as a reviewer, download the consolidated workbook and
// compare its totals with the API. axe-core checks accessibility; the keyboard alone drives sign-in,
// the file picker and the status form.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import type { Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../scripts/build-site.ts";
import { type LaunchedChromium, launchChromium } from "../scripts/chromium.ts";
import { type RunningWorker, startWorker } from "../scripts/wrangler-dev.ts";
import { createApiClient } from "../shared/api/client.ts";
import { checkSheet } from "../shared/check.ts";
import { rankingSheetName } from "../shared/plans/ranking-sheet.ts";
import { templateCell, templateSheetPlan } from "../shared/plans/template-sheet.ts";
import { doan2024 as template } from "../shared/template/doan-2024.ts";
import { renderPlan } from "../shared/xlsx/render-plan.ts";
import { findReportSheet } from "../shared/xlsx/report-sheet.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SHOTS = join(ROOT, "e2e/screenshots");
const UNIT = "SL.MAISON.CONOI";
const PERIOD = "2023";
const at = (code: string, column: "target" | "actual" = "actual") => templateCell(template, code, column);
/** The three mistakes, each with its one proposed fix. */
const MISTAKES: Record<string, { typed: string; fixed: number }> = {
  PT01: { typed: "92.387", fixed: 92387 },
  XD01: { typed: "12 người", fixed: 12 },
  KN02: { typed: "1.758", fixed: 1758 },
};
const CLEAN: Record<string, string | number> = {
  [at("GD01")]: 120,
  [at("GD02")]: 118,
  [at("GD04")]: 4500,
  [at("GD05")]: 4200,
  [at("PT01", "target")]: 90000,
  [at("PT02", "target")]: 100,
  [at("PT02")]: 125,
  [at("PT03")]: 555,
  [at("TD01")]: "XS",
};

let worker: RunningWorker;
let browser: LaunchedChromium;
let page: Page;
let dir: string;
let reporterToken = "";
let reviewerToken = "";
let hatlot: ReturnType<typeof createApiClient>;
const requests: Request[] = [];

async function shot(name: string, width = 1000): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.screenshot({ path: join(SHOTS, `web-${name}.png`), fullPage: true });
}

/** The page from one part down (at most `height` px), so a long table keeps the picture small. */
async function shotOf(selector: string, name: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  // Page coordinates (a bounding box is relative to the scrolled viewport).
  const box = await page.locator(selector).evaluate((e) => {
    const y = e.getBoundingClientRect().top + window.scrollY;
    return { y, below: document.documentElement.scrollHeight - y };
  });
  await page.screenshot({
    path: join(SHOTS, `web-${name}.png`),
    fullPage: true,
    clip: { x: 0, y: Math.max(box.y - 8, 0), width, height: Math.min(box.below + 8, height) },
  });
}

/** Cò Nòi's report: the three mistakes as typed, or (`fixed`) corrected, with `changes` on top. */
async function writeReport(file: string, fixed = false, changes: Record<string, number> = {}): Promise<void> {
  const plan = templateSheetPlan(template, { unitCode: UNIT, period: PERIOD, unitName: "Đoàn xã Cò Nòi" });
  const wb = new ExcelJS.Workbook();
  const { sheet } = await renderPlan(wb, plan);
  for (const [cell, v] of Object.entries(CLEAN)) sheet.getCell(cell).value = v;
  for (const [code, m] of Object.entries(MISTAKES)) sheet.getCell(at(code)).value = fixed ? m.fixed : m.typed;
  for (const [code, v] of Object.entries(changes)) sheet.getCell(at(code)).value = v;
  await wb.xlsx.writeFile(file);
}

/** The reviewer's "Tình hình nộp" for the district, the period shown. */
async function reviewerStatus(): Promise<void> {
  await signIn(reviewerToken);
  await page.selectOption("#status-unit", "SL.MAISON");
  await page.fill("#status-period", PERIOD);
  await page.click("#show-status");
  await page.waitForSelector(`tr[data-unit="${UNIT}"] [data-review]`);
}

const reviewOf = (unit: string) => page.getAttribute(`tr[data-unit="${unit}"] [data-review]`, "data-review");

async function signIn(token: string): Promise<void> {
  await page.goto(`${worker.url}/`);
  await page.waitForSelector("body[data-ready=true]");
  // A token kept by the tab signs in again on its own: wait for that before signing out.
  if (await page.evaluate(() => sessionStorage.getItem("baocao:web.token"))) {
    await page.click("#sign-out");
  }
  await page.locator('input[type="password"][name="token"]').fill(token);
  await page.keyboard.press("Enter");
  await page.waitForSelector("#files");
  // Signing in also re-sends the queue and reads the reviews of reports sent before: let them land.
  await page.waitForLoadState("networkidle");
}

async function upload(file: string): Promise<void> {
  const before = await page.locator("article.file").count();
  await page.setInputFiles('input[type="file"]', file);
  await page.waitForFunction((n) => {
    const cards = document.querySelectorAll("article.file");
    return (
      cards.length > n &&
      !cards[cards.length - 1]!.querySelector('[role="status"]')?.textContent?.includes("…")
    );
  }, before);
}

/** The last file card's issues as [cell, indicator, text]. */
async function issuesShown(): Promise<{ cell: string; code: string; text: string }[]> {
  return page
    .locator("article.file")
    .last()
    .locator("li[data-cell]")
    .evaluateAll((items) =>
      items.map((li) => ({
        cell: li.getAttribute("data-cell") ?? "",
        code: li.getAttribute("data-code") ?? "",
        text: li.textContent ?? "",
      })),
    );
}

async function axeViolations(): Promise<{ id: string; nodes: number }[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
    ).axe;
    return (await axe.run()).violations.map((v) => ({ id: v.id, nodes: v.nodes.length }));
  });
  return result;
}

/** Every input, select and button has an accessible name from a label, aria-label or its text. */
async function unlabelled(): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("input, select, button")]
      .filter((c) => {
        const labels = (c as HTMLInputElement).labels;
        const named = (labels && labels.length > 0) || c.getAttribute("aria-label") || c.textContent?.trim();
        return !named;
      })
      .map((c) => c.outerHTML),
  );
}

beforeAll(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), "baocao-web-"));
  // The page under test is the one `wrangler deploy` would publish, with a short request timeout.
  await buildSite({ requestTimeoutMs: 4000 });
  worker = await startWorker();
  const admin = createApiClient({ baseUrl: worker.url, token: worker.adminToken });
  await admin.importUnits({
    units: [
      { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
      { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn", parent: "SL" },
      { code: UNIT, name: "Đoàn xã Cò Nòi", parent: "SL.MAISON" },
      { code: "SL.MAISON.HATLOT", name: "Đoàn xã Hát Lót", parent: "SL.MAISON" },
    ],
  });
  reporterToken = (await admin.createToken(UNIT, "reporter")).token;
  reviewerToken = (await admin.createToken("SL.MAISON", "reviewer")).token;
  hatlot = createApiClient({
    baseUrl: worker.url,
    token: (await admin.createToken("SL.MAISON.HATLOT", "reporter")).token,
  });
  // Hát Lót's own report, so the province's totals hold two units' figures.
  const hatlotRows = [
    { code: "GD01", actual: 12 },
    { code: "GD02", actual: 12 },
    { code: "GD04", actual: 310 },
    { code: "PT01", target: 900, actual: 3200 },
    { code: "PT02", target: 4, actual: 5 },
    { code: "XD06", actual: 3.75 },
  ];
  await hatlot.submit(
    { unit: "SL.MAISON.HATLOT", period: PERIOD, template: "doan-2024", rows: hatlotRows },
    { idempotencyKey: "hatlot-1" },
  );
  browser = await launchChromium({ acceptDownloads: true, viewport: { width: 1000, height: 900 } });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on("request", (r) => requests.push(r));
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the web page", () => {
  it("is served by the Worker with its CSP, and the manifest points at the same origin", async () => {
    const res = await fetch(`${worker.url}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    const manifest = await (await fetch(`${worker.url}/manifest.xml`)).text();
    expect(manifest).toContain(`<SourceLocation DefaultValue="${worker.url}/addin/taskpane.html"/>`);
    expect(manifest).not.toContain("localhost:3000");
    expect((await fetch(`${worker.url}/addin/taskpane.html`)).status).toBe(200);
  });

  it("shows the reviewer the unit missing before it reports (keyboard only, no axe violations)", async () => {
    await page.goto(`${worker.url}/`);
    await page.waitForSelector("body[data-ready=true]");
    expect(await axeViolations()).toEqual([]);
    await shot("sign-in", 390);
    await page.focus('input[name="token"]');
    await page.keyboard.type(reviewerToken);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#status-unit");
    await page.focus("#status-unit");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("status-period");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(PERIOD);
    await page.keyboard.press("Enter");
    await page.waitForSelector(`tr[data-unit="${UNIT}"]`);
    expect(await page.getAttribute(`tr[data-unit="${UNIT}"]`, "data-status")).toBe("missing");
    expect(await page.getAttribute('tr[data-unit="SL.MAISON.HATLOT"]', "data-status")).toBe("submitted");
  });

  it("lists the three mistakes by cell with the indicator and the proposed fix, from Excel's and LibreOffice's file", async () => {
    const file = join(dir, "bao-cao-co-noi.xlsx");
    await writeReport(file);
    const lo = join(dir, "libreoffice");
    execFileSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
        "--convert-to",
        "xlsx",
        "--outdir",
        lo,
        file,
      ],
      {
        timeout: 120_000,
        stdio: "ignore",
      },
    );
    await signIn(reporterToken);
    // Keyboard: Tab from the language buttons reaches the file picker, and Enter opens it.
    const chooser = page.waitForEvent("filechooser");
    await page.focus("#files");
    await page.keyboard.press("Enter");
    await (await chooser).setFiles(file);
    await page.waitForSelector("article.file li[data-cell]");
    for (const source of [file, join(lo, basename(file))]) {
      if (source !== file) await upload(source);
      const shown = await issuesShown();
      for (const [code, m] of Object.entries(MISTAKES)) {
        const issue = shown.find((i) => i.code === code);
        expect(issue, `${code} in ${source}`).toBeDefined();
        expect(issue!.cell).toBe(at(code));
        expect(issue!.text).toContain(`Ô ${at(code)} (${code}`);
        expect(issue!.text).toContain(`Đề xuất sửa thành: ${m.fixed}`);
      }
      expect(await page.locator("article.file").last().locator("button.primary").isDisabled()).toBe(true);
    }
    // Dropped on the box instead of picked: the same check.
    await page.evaluate(
      ({ b64, name }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name));
        document
          .getElementById("drop")!
          .dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      { b64: readFileSync(file).toString("base64"), name: "keo-tha.xlsx" },
    );
    await page.waitForSelector('article.file[data-file="keo-tha.xlsx"] li[data-cell]');
    expect((await issuesShown()).map((i) => i.code).sort()).toEqual(Object.keys(MISTAKES).sort());
    expect(await axeViolations()).toEqual([]);
    expect(await unlabelled()).toEqual([]);
    await shot("issues");
    await shot("issues-phone", 390);
  });

  it("downloads a fixed copy that checks clean, and English is one switch away", async () => {
    const download = page.waitForEvent("download");
    await page
      .locator("article.file")
      .first()
      .getByRole("button", { name: /Tải bản đã sửa/ })
      .click();
    const saved = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(saved);
    expect(basename(saved)).toBe("bao-cao-co-noi-da-sua.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const picked = findReportSheet(wb)!;
    const check = checkSheet(picked.grid);
    expect(check.issues.filter((i) => i.severity === "error")).toEqual([]);
    for (const [code, m] of Object.entries(MISTAKES))
      expect(picked.sheet.getCell(at(code)).value).toBe(m.fixed);
    await page.click("#lang");
    expect(await page.textContent("h2#submit-title")).toBe("Submit a report");
    expect(await page.locator("article.file").first().textContent()).toContain("Proposed fix: 92387");
    await page.click("#lang");
    expect(await page.getAttribute("html", "lang")).toBe("vi");
  });

  it("queues the report when the answer is lost, keeps it over a reload, and counts it once", async () => {
    const fixed = join(dir, "bao-cao-co-noi-da-sua.xlsx");
    await upload(fixed);
    const keys: string[] = [];
    // The first send reaches the Worker (it stores revision 1) but its answer never reaches the page.
    await page.route("**/v1/submissions", async (route) => {
      keys.push(route.request().headers()["idempotency-key"] ?? "");
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.locator("article.file").last().locator("button.primary").click();
    await page.waitForSelector("article.file .outcome.warn");
    expect(await page.locator("article.file").last().textContent()).toContain("Chưa gửi được");
    expect(await page.locator("#queue li[data-key]").count()).toBe(1);
    await page.reload();
    await page.waitForSelector("#queue li[data-key]");
    await shot("queued", 390);
    await page.unroute("**/v1/submissions");
    page.on("request", (r) => {
      if (r.url().endsWith("/v1/submissions")) keys.push(r.headers()["idempotency-key"] ?? "");
    });
    await page.click("#retry");
    await page.waitForFunction(() => document.querySelector("#queue li[data-key]") === null);
    expect(await page.textContent("#notice")).toContain(`Đã nhận báo cáo ${UNIT} kỳ ${PERIOD} (lần nộp 1)`);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(1);
    const api = createApiClient({ baseUrl: worker.url, token: reviewerToken });
    const stored = await api.submissions(UNIT, PERIOD);
    expect(stored.revisions).toHaveLength(1);
    expect(stored.current?.rows.find((r) => r.code === "PT01")?.actual).toBe(92387);
  });

  it("shows the reviewer the unit as submitted, and the consolidated workbook matches the API", async () => {
    await signIn(reviewerToken);
    await page.selectOption("#status-unit", "SL.MAISON");
    await page.fill("#status-period", PERIOD);
    await page.click("#show-status");
    await page.waitForSelector(`tr[data-unit="${UNIT}"][data-status="submitted"]`);
    expect(await axeViolations()).toEqual([]);
    expect(await unlabelled()).toEqual([]);
    await shot("status");
    await shot("status-phone", 390);
    const download = page.waitForEvent("download");
    await page.click("#pull");
    const file = join(dir, (await download).suggestedFilename());
    await (await download).saveAs(file);
    const api = createApiClient({ baseUrl: worker.url, token: reviewerToken });
    const c = await api.consolidation("SL.MAISON", PERIOD);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets.find((s) => !s.name.startsWith("_"))!;
    let codeCol = 0;
    let actualCol = 0;
    let headerRow = 0;
    ws.eachRow((row, r) =>
      row.eachCell((cell, col) => {
        if (cell.text === "Mã chỉ tiêu" && !headerRow) [codeCol, headerRow] = [col, r];
        if (cell.text === "Kết quả thực hiện" && r === headerRow) actualCol = col;
      }),
    );
    expect(headerRow).toBeGreaterThan(0);
    const sheetActual = new Map<string, unknown>();
    for (let r = headerRow + 1; r <= ws.rowCount; r++) {
      const code = ws.getCell(r, codeCol).text;
      if (code) sheetActual.set(code, ws.getCell(r, actualCol).value);
    }
    const summed = c.indicators.filter(
      (i) => (i.kind === "count" || i.kind === "money") && i.actual !== undefined,
    );
    expect(summed.length).toBeGreaterThan(3);
    for (const i of summed) expect(sheetActual.get(i.code), i.code).toBe(i.actual);
    expect(c.indicators.find((i) => i.code === "PT01")?.actual).toBe(92387 + 3200);
    // The period is scored: Xếp loại is in the download, a row per child as GET /v1/scores ranks them.
    const scores = await api.scores("SL.MAISON", PERIOD);
    const ranking = wb.getWorksheet(rankingSheetName("SL.MAISON", PERIOD));
    expect(ranking, "Xếp loại sheet").toBeDefined();
    const rankingText = ranking!.getSheetValues().flat().map(String).join(" ");
    expect(scores.units.length).toBe(2);
    for (const u of scores.units) expect(rankingText).toContain(u.name);
  });

  const COMMENT = "Số đoàn viên (GD04) chưa khớp danh sách: kiểm tra lại";

  it("lets the reviewer open Cò Nòi's report and return it; an empty comment is refused, named, in both languages", async () => {
    await reviewerStatus();
    expect(await reviewOf(UNIT)).toBe("submitted");
    expect(await page.textContent(`tr[data-unit="${UNIT}"] td.review`)).toContain("Chờ duyệt");
    // Keyboard: Enter on "Mở" opens the report and puts the focus on its heading.
    await page.focus(`#open-${UNIT.replaceAll(".", "\\.")}`);
    await page.keyboard.press("Enter");
    await page.waitForSelector("#review-panel");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("review-title");
    expect(await page.textContent("#review-title")).toContain("bản 1");
    expect(await page.textContent('#review-panel tr[data-code="PT01"]')).toContain("92.387");
    expect(await page.locator("#review-checks").count()).toBe(1);
    expect(await axeViolations()).toEqual([]);
    expect(await unlabelled()).toEqual([]);

    await page.click("#review-return");
    await page.waitForSelector("#review-error");
    expect(await page.textContent("#review-error")).toContain("Ô “Nhận xét” đang trống");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("review-comment");
    expect(await page.getAttribute("#review-comment", "aria-invalid")).toBe("true");
    await page.click("#lang");
    expect(await page.textContent("#review-error")).toContain("The “Comment” field is empty");
    await page.click("#lang");
    await page.focus("#review-comment");
    await page.keyboard.type(COMMENT);
    // Keyboard alone: from the comment, Tab reaches Duyệt then Trả lại, and Enter returns the report.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("review-accept");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("review-return");
    await page.keyboard.press("Enter");
    await page.waitForSelector(`tr[data-unit="${UNIT}"] [data-review="returned"]`);
    expect(await page.locator("#review-panel").count()).toBe(0);
    // The focus comes back to the unit's "Mở", not to the top of the page.
    await page.waitForFunction((id) => document.activeElement?.id === id, `open-${UNIT}`);
    const cell = await page.textContent(`tr[data-unit="${UNIT}"] td.review`);
    expect(cell).toContain("Bị trả lại");
    expect(cell).toContain(COMMENT);
    expect(cell).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(await page.textContent(".overview")).toContain("bị trả lại 1");
    expect(await page.textContent("#notice")).toContain("Bị trả lại");
    const api = createApiClient({ baseUrl: worker.url, token: reviewerToken });
    expect((await api.submissions(UNIT, PERIOD)).review).toMatchObject({
      state: "returned",
      comment: COMMENT,
    });
  });

  it("tells the reporter on signing in that the report was returned, with the comment, until it is sent again", async () => {
    await signIn(reporterToken);
    const card = `.own-review[data-unit="${UNIT}"][data-period="${PERIOD}"]`;
    await page.waitForSelector(`${card}[data-state="returned"]`);
    const text = await page.textContent(card);
    expect(text).toContain(`Báo cáo ${UNIT} kỳ ${PERIOD} bị trả lại`);
    expect(text).toContain(COMMENT);
    expect(await axeViolations()).toEqual([]);
    const again = join(dir, "bao-cao-co-noi-lan-2.xlsx");
    await writeReport(again, true, { GD04: 4520 });
    await upload(again);
    await page.locator("article.file").last().locator("button.primary").click();
    await page.waitForSelector("article.file .outcome.ok");
    expect(await page.locator("article.file").last().textContent()).toContain("(lần nộp 2)");
    await page.waitForSelector(card, { state: "detached" });
  });

  it("shows the reviewer what changed, says a report re-sent meanwhile in words, and accepts: Đã duyệt", async () => {
    await reviewerStatus();
    expect(await reviewOf(UNIT)).toBe("submitted");
    await page.click(`[data-open="${UNIT}"]`);
    await page.waitForSelector("#review-changes");
    expect(await page.textContent("#review-changes")).toContain("GD04 thực hiện: 4.500 → 4.520");
    expect(await page.getAttribute('#review-panel tr[data-code="GD04"] td.changed', "data-label")).toBe(
      "Thực hiện",
    );
    expect(await axeViolations()).toEqual([]);
    expect(await unlabelled()).toEqual([]);
    await shotOf("#status-result", "review", 1000, 1400);
    await shotOf("#status-result", "review-phone", 390, 2000);
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.click("#review-accept");
    await page.waitForSelector(`tr[data-unit="${UNIT}"] [data-review="accepted"]`);
    expect(await page.textContent(`tr[data-unit="${UNIT}"] td.review`)).toContain("Đã duyệt");
    expect(await page.textContent(".overview")).toContain("đã duyệt 1, bị trả lại 0");

    // Hát Lót re-sends while its report is open: the reviewer is told in words and sees the new one.
    await page.click('[data-open="SL.MAISON.HATLOT"]');
    await page.waitForSelector('#review-panel[data-unit="SL.MAISON.HATLOT"]');
    await hatlot.submit(
      {
        unit: "SL.MAISON.HATLOT",
        period: PERIOD,
        template: "doan-2024",
        rows: [{ code: "GD01", actual: 13 }],
        mode: "merge",
      },
      { idempotencyKey: "hatlot-2" },
    );
    await page.click("#review-accept");
    await page.waitForSelector("#review-error");
    const said = (await page.textContent("#review-error")) ?? "";
    expect(said).toContain("Đoàn xã Hát Lót vừa gửi bản 2");
    expect(said).not.toMatch(/\b(409|423)\b|revision_conflict/);
    expect(await page.textContent("#review-title")).toContain("bản 2");
    await page.click("#review-accept");
    await page.waitForSelector('tr[data-unit="SL.MAISON.HATLOT"] [data-review="accepted"]');
    expect(await page.locator("#review-panel").count()).toBe(0);
    const api = createApiClient({ baseUrl: worker.url, token: reviewerToken });
    expect((await api.submissions(UNIT, PERIOD)).review?.state).toBe("accepted");
  });

  it("tells the reporter the report is accepted, and a new send is refused in words", async () => {
    await signIn(reporterToken);
    await page.waitForSelector(`.own-review[data-unit="${UNIT}"][data-state="accepted"]`);
    await upload(join(dir, "bao-cao-co-noi-lan-2.xlsx"));
    await page.locator("article.file").last().locator("button.primary").click();
    await page.waitForSelector("article.file .outcome.error");
    const said = (await page.locator("article.file").last().locator(".outcome").textContent()) ?? "";
    expect(said).toContain("đã được cấp trên duyệt");
    expect(said).not.toMatch(/\b(409|423)\b|report_accepted/);
  });

  it("sent nothing to any other origin, and no file left the browser", () => {
    const origins = new Set(requests.map((r) => new URL(r.url()).origin));
    expect([...origins]).toEqual([worker.url]);
    const posts = requests.filter((r) => r.method() !== "GET");
    expect(posts.length).toBeGreaterThan(0);
    for (const r of posts) {
      expect(["/v1/submissions", "/v1/reviews"]).toContain(new URL(r.url()).pathname);
      expect(() => JSON.parse(r.postData() ?? "")).not.toThrow();
    }
  });
});
