// Review (§3) end to end in Chromium against a real `wrangler dev`: a reporter submits, the province's
// reviewer returns the report with a comment on one cell, the reporter sees the note on that cell,
// fixes it and resubmits, the reviewer sees only that change and accepts, and a further submission is
// refused with a clear Vietnamese message. One pane, two people: each switches the token in Cài đặt.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../shared/api/client.ts";
import { REVIEW_FILL } from "../shared/plans/review-marks.ts";
import { CHANGED_FILL } from "../shared/plans/review-sheet.ts";
import { TEMPLATE_LAYOUT, templateRows } from "../shared/plans/template-sheet.ts";
import { getTemplate } from "../shared/template/registry.ts";
import {
  cellAt,
  click,
  type Pane,
  ROOT,
  saveSettings,
  selectCell,
  startPane,
  submit,
  typeCells,
} from "./pane-harness.ts";

const SHOTS = join(ROOT, "e2e/screenshots");
const SHEET = "Báo cáo";
const REVIEW_SHEET = "Duyệt SL.MAISON 2023";
const rows = templateRows(getTemplate("doan-2024")!);
const actual = (code: string) => `${TEMPLATE_LAYOUT.columns.actual}${rows.indicators.get(code)}`;

let pane: Pane;
let reporter = "";
let reviewer = "";

const page = () => pane.page;
const shot = (name: string) => page().screenshot({ path: join(SHOTS, `review-${name}.png`), fullPage: true });
const asReporter = () => saveSettings(page(), pane.worker.url, reporter);
const asReviewer = () => saveSettings(page(), pane.worker.url, reviewer);

async function openReport(): Promise<void> {
  await page().getByTestId("action-review").click();
  await page().locator("#review-unit").fill("SL");
  await page().locator("#review-period").fill("2023");
  await click(page(), "review-load");
  await click(page(), "review-open-SL.MAISON");
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  pane = await startPane();
  const admin = createApiClient({ baseUrl: pane.worker.url, token: pane.worker.adminToken });
  await admin.importUnits({
    units: [
      { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
      { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn", parent: "SL" },
      { code: "SL.SOPCOP", name: "Huyện đoàn Sốp Cộp", parent: "SL" },
    ],
  });
  reporter = (await admin.createToken("SL.MAISON", "reporter")).token;
  reviewer = (await admin.createToken("SL", "reviewer")).token;
});

afterAll(async () => {
  await pane?.stop();
});

describe("review, end to end", () => {
  it("the reporter fills and submits revision 1", async () => {
    await asReporter();
    await page().getByTestId("action-create").click();
    await page().getByTestId("create-period").fill("2023");
    await click(page(), "create-submit");
    // Tạo mẫu first asks the server for the period's template: wait until the sheet is made.
    await page().getByTestId("notice").filter({ hasText: "Đã tạo trang" }).waitFor();
    await typeCells(page(), SHEET, { [actual("GD01")]: 120, [actual("GD02")]: 100, [actual("GD04")]: 1500 });
    await submit(page());
    expect(await page().getByTestId("receipt-revision").textContent()).toBe("1");
  });

  it("the reviewer opens it read-only and returns it with a comment on the GD04 cell", async () => {
    await asReviewer();
    await openReport();
    expect(await page().getByTestId("review-unit-SL.MAISON").getAttribute("data-state")).toBe("submitted");
    expect(await page().getByTestId("review-unit-SL.SOPCOP").textContent()).toContain("Chưa nộp");
    expect((await cellAt(page(), REVIEW_SHEET, actual("GD04"))).value).toBe(1500);
    await selectCell(page(), REVIEW_SHEET, actual("GD04"));
    await page().locator("#review-cell-comment").fill("Số đoàn viên thấp hơn năm trước nhiều, kiểm tra lại");
    await click(page(), "review-add-cell");
    expect(await page().getByTestId("review-items").textContent()).toContain("GD04: Số đoàn viên thấp hơn");
    await page().locator("#review-comment").fill("Đề nghị rà soát số đoàn viên");
    await shot("reviewer-return");
    await click(page(), "review-return");
    expect(await page().getByTestId("notice").textContent()).toContain("SL.MAISON: Bị trả lại");
    expect(await page().getByTestId("review-unit-SL.MAISON").getAttribute("data-state")).toBe("returned");
  });

  it("the reporter sees Bị trả lại, the comment listed and as a note on the cell", async () => {
    await asReporter();
    await selectCell(page(), SHEET, "A1");
    await click(page(), "action-validate");
    const card = page().getByTestId("own-review");
    expect(await card.textContent()).toContain("Bị trả lại");
    expect(await page().getByTestId("own-review-comment").textContent()).toBe("Đề nghị rà soát số đoàn viên");
    expect(await page().getByTestId("own-review-items").textContent()).toContain(
      "GD04: Số đoàn viên thấp hơn",
    );
    const cell = await cellAt(page(), SHEET, actual("GD04"));
    expect(cell.note).toBe("Cấp trên (SL) trả lại: Số đoàn viên thấp hơn năm trước nhiều, kiểm tra lại");
    expect(cell.fill).toBe(REVIEW_FILL);
    await shot("reporter-returned");
  });

  it("the reporter fixes GD04 and resubmits: the note and the card go", async () => {
    await typeCells(page(), SHEET, { [actual("GD04")]: 15000 });
    await submit(page());
    expect(await page().getByTestId("receipt-revision").textContent()).toBe("2");
    expect(await page().getByTestId("own-review").count()).toBe(0);
    const cell = await cellAt(page(), SHEET, actual("GD04"));
    expect([cell.note, cell.fill]).toEqual([null, null]);
  });

  it("the reviewer sees only that change, highlighted, and accepts", async () => {
    await asReviewer();
    await openReport();
    const changes = page().getByTestId("review-changes");
    expect(await changes.textContent()).toContain("Thay đổi từ bản 1");
    expect(await changes.locator("li").allTextContents()).toEqual(["GD04 thực hiện: 1.500 → 15.000"]);
    expect((await cellAt(page(), REVIEW_SHEET, actual("GD04"))).fill).toBe(CHANGED_FILL);
    expect((await cellAt(page(), REVIEW_SHEET, actual("GD01"))).fill).not.toBe(CHANGED_FILL);
    await shot("reviewer-changes");
    await click(page(), "review-accept");
    expect(await page().getByTestId("review-unit-SL.MAISON").getAttribute("data-state")).toBe("accepted");
  });

  it("a further submission is refused with a clear Vietnamese message", async () => {
    await asReporter();
    await selectCell(page(), SHEET, "A1");
    await typeCells(page(), SHEET, { [actual("GD04")]: 15001 });
    await submit(page());
    const refusal = await page().getByTestId("refusal").textContent();
    expect(refusal).toContain("đã được cấp trên duyệt");
    expect(refusal).toContain("không nhận bản gửi mới");
    expect(refusal).toContain("đề nghị cấp trên mở lại");
    await click(page(), "action-validate");
    expect(await page().getByTestId("own-review").textContent()).toContain("Đã duyệt");
    await shot("reporter-refused");
  });
});
