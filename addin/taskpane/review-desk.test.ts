// Both sides of the review in the pane, against the in-memory Excel and an in-memory API that keeps
// revisions and reviews like the Worker (state from shared/review/state.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiClient } from "../../shared/api/client.ts";
import type { ReviewInfo, ReviewRequest } from "../../shared/api/reviews.ts";
import type { SubmissionBody, SubmissionsAnswer } from "../../shared/api/schemas.ts";
import { REVIEW_FILL } from "../../shared/plans/review-marks.ts";
import { CHANGED_FILL } from "../../shared/plans/review-sheet.ts";
import { TEMPLATE_LAYOUT, templateRows } from "../../shared/plans/template-sheet.ts";
import { jsonStorage, memoryBackend } from "../../shared/queue/storage.ts";
import { SubmissionQueue } from "../../shared/queue/submission-queue.ts";
import { changesBetween } from "../../shared/review/changes.ts";
import { currentState, DECISION_STATE } from "../../shared/review/state.ts";
import { getTemplate } from "../../shared/template/registry.ts";
import { createFakeExcel, type FakeExcel } from "../excel/fake/index.ts";
import { createExcelPort } from "../excel/port.ts";
import { defaultSettings, SettingsStore } from "../state/settings.ts";
import { Controller } from "./controller.ts";

const SHEET = "Báo cáo";
const rows = templateRows(getTemplate("doan-2024")!);
const F = (code: string) => `${TEMPLATE_LAYOUT.columns.actual}${rows.indicators.get(code)}`;

/** The API's review behaviour, in memory: enough for the pane. */
function memoryApi() {
  const revisions: SubmissionBody["rows"][] = [];
  const reviews: (ReviewInfo & { rows: SubmissionBody["rows"] })[] = [];
  const answer = (): SubmissionsAnswer => {
    const current = revisions.at(-1);
    const latest = reviews.at(-1);
    const base = reviews.findLast((r) => r.state !== "submitted");
    return {
      unit: "SL.MAISON",
      period: "2023",
      current: current
        ? {
            revision: revisions.length,
            receivedAt: "2026-12-02T03:00:00.000Z",
            template: "doan-2024",
            rows: current,
          }
        : null,
      revisions: [],
      review:
        latest && currentState(latest, revisions.length) === latest.state ? latest : { state: "submitted" },
      reviews,
      ...(base && current && base.revision < revisions.length
        ? { changes: { since: base.revision, items: changesBetween(base.rows, current) } }
        : {}),
    };
  };
  const client = {
    submit: async (body: SubmissionBody) => {
      revisions.push(body.rows);
      const receipt = {
        unit: body.unit,
        period: body.period,
        revision: revisions.length,
        receivedAt: "2026-12-02T03:00:00.000Z",
        warnings: [],
        summary: { withTarget: 0, achieved: 0, exceeded: 0, text: { vi: "", en: "" } },
      };
      return { receipt, replayed: false };
    },
    units: async () => [{ code: "SL", name: "Tỉnh đoàn Sơn La", parent: null }],
    consolidation: async () => {
      throw new Error("not used");
    },
    submissions: async () => answer(),
    reviews: async (unit: string, period: string) => ({
      unit,
      period,
      units: [
        {
          unit: "SL.MAISON",
          name: "Huyện đoàn Mai Sơn",
          parent: "SL",
          state: answer().review?.state ?? "submitted",
          revision: revisions.length,
        },
      ],
    }),
    review: async (body: ReviewRequest) => {
      const state = DECISION_STATE[body.decision];
      reviews.push({
        revision: body.revision,
        decision: body.decision,
        state,
        ...(body.comment ? { comment: body.comment } : {}),
        ...(body.items ? { items: body.items } : {}),
        reviewedAt: "2026-12-02T03:05:00.000Z",
        reviewer: "SL",
        rows: revisions.at(-1) ?? [],
      });
      return {
        unit: body.unit,
        period: body.period,
        revision: body.revision,
        state,
        reviewedAt: "x",
        reviewer: "SL",
      };
    },
  } satisfies Pick<ApiClient, "submit" | "units" | "consolidation" | "submissions" | "review" | "reviews">;
  return client;
}

let fake: FakeExcel;
let api: ReturnType<typeof memoryApi>;
let pane: Controller;

beforeEach(async () => {
  fake = createFakeExcel();
  api = memoryApi();
  const storage = jsonStorage(memoryBackend());
  pane = new Controller({
    excel: createExcelPort(fake.run, { support: fake }),
    settings: await SettingsStore.open(storage, { ...defaultSettings("http://api.test"), token: "t" }),
    queue: await SubmissionQueue.open(storage),
    makeClient: () => api as unknown as ReturnType<typeof memoryApi> & Pick<ApiClient, "submit" | "unitTree">,
    debounceMs: 10,
    retryIntervalMs: 60_000,
  });
  await pane.start();
});

afterEach(async () => {
  await pane.stop();
});

async function reporterSends(members: number): Promise<void> {
  await pane.createTemplate({ unitCode: "SL.MAISON", unitName: "Huyện đoàn Mai Sơn", period: "2023" });
  fake.user.type(SHEET, F("GD01"), 10);
  fake.user.type(SHEET, F("GD04"), members);
  await pane.submit({ confirmed: true });
}

describe("review in the pane", () => {
  it("reporter: a return's comment lands on its cell as a note, is listed, and leaves with the fix", async () => {
    await reporterSends(100);
    await api.review({
      unit: "SL.MAISON",
      period: "2023",
      revision: 1,
      decision: "return",
      comment: "Số đoàn viên chưa khớp",
      items: [{ code: "GD04", comment: "Kiểm tra lại số đoàn viên" }],
    });
    fake.user.select(SHEET, "A1");
    await pane.validate();
    expect(pane.state.ownReview?.review).toMatchObject({
      state: "returned",
      comment: "Số đoàn viên chưa khớp",
    });
    expect(fake.cell(SHEET, F("GD04")).note).toBe("Cấp trên (SL) trả lại: Kiểm tra lại số đoàn viên");
    expect(fake.cell(SHEET, F("GD04")).fill).toBe(REVIEW_FILL);

    fake.user.type(SHEET, F("GD04"), 120);
    await pane.submit({ confirmed: true });
    await fake.flushEvents();
    await pane.whenIdle();
    const events = fake.events.length;
    const done = pane.state.completed;
    await new Promise((r) => setTimeout(r, 200));
    await fake.flushEvents();
    await pane.whenIdle();
    // Quiet once done: our own writes (notes placed, then cleared) raise no change event.
    expect([fake.events.length, pane.state.completed]).toEqual([events, done]);
    expect(pane.state.ownReview).toBeNull();
    expect(fake.cell(SHEET, F("GD04")).note).toBeNull();
    expect(fake.cell(SHEET, F("GD04")).fill).toBeNull();
  });

  it("reviewer: opens the report read-only with the change in yellow, comments a selected cell, returns", async () => {
    await reporterSends(100);
    await api.review({ unit: "SL.MAISON", period: "2023", revision: 1, decision: "return", comment: "x" });
    await api.submit({
      unit: "SL.MAISON",
      period: "2023",
      template: "doan-2024",
      rows: [
        { code: "GD01", actual: 10 },
        { code: "GD04", actual: 120 },
      ],
    });
    pane.openReviewDesk();
    await pane.loadReviewList("SL", "2023");
    expect(pane.state.desk?.units?.map((u) => [u.unit, u.state])).toEqual([["SL.MAISON", "submitted"]]);
    await pane.openReview("SL.MAISON");
    const open = pane.state.desk?.open;
    expect(open).toMatchObject({ revision: 2, sheet: "Duyệt SL.MAISON 2023" });
    expect(open?.changes?.items).toEqual([{ code: "GD04", field: "actual", old: 100, new: 120 }]);
    const review = "Duyệt SL.MAISON 2023";
    expect(fake.cell(review, F("GD04")).value).toBe(120);
    expect(fake.cell(review, F("GD04")).fill).toBe(CHANGED_FILL);
    expect(fake.cell(review, F("GD01")).fill).toBeNull();

    fake.user.select(review, F("GD01"));
    await pane.addReviewComment("Số cán bộ?");
    expect(pane.state.desk?.open?.items).toEqual([{ code: "GD01", comment: "Số cán bộ?" }]);
    fake.user.select(review, "A1");
    await pane.addReviewComment("ngoài bảng");
    expect(pane.state.notice?.tone).toBe("warning");

    await pane.decideReview("return", "Xem lại");
    expect(pane.state.desk?.units?.[0]?.state).toBe("returned");
    expect(pane.state.desk?.open).toBeNull();
    expect((await api.submissions()).review).toMatchObject({
      state: "returned",
      comment: "Xem lại",
      items: [{ code: "GD01", comment: "Số cán bộ?" }],
    });
  });

  it("a background re-check after an edit leaves the reviewer in Duyệt báo cáo", async () => {
    await reporterSends(100);
    pane.openReviewDesk();
    fake.user.type(SHEET, F("GD04"), 101);
    await fake.flushEvents();
    await pane.whenIdle();
    expect(pane.state.check?.report?.rows.find((r) => r.code === "GD04")?.actual).toBe(101);
    expect(pane.state.view).toBe("review");
  });
});
