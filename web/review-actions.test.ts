import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../shared/api/client.ts";
import { decide, reviewSaid } from "./review-actions.ts";
import type { AppContext, State } from "./state.ts";
import { t } from "./text.ts";

const refusal = (status: number, code: string, vi: string, en: string) =>
  new ApiError(status, { error: { code, message: en, i18n: { vi, en } } }, null);

describe("reviewSaid", () => {
  it("says a stale revision and a locked or accepted report in words, with the next step, never the code", () => {
    const cases = [
      refusal(
        409,
        "revision_conflict",
        "Báo cáo đã có bản 3, không phải bản 2",
        "Revision 3 is current, not 2",
      ),
      refusal(423, "report_accepted", "Báo cáo đã được cấp trên duyệt", "The report was accepted"),
      refusal(409, "review_not_allowed", 'Báo cáo đang ở trạng thái "Đã duyệt"', 'The report is "accepted"'),
    ];
    for (const error of cases) {
      const said = reviewSaid(error);
      if (!("i18n" in said)) throw new Error("expected both languages");
      expect(said.i18n.vi).toContain(error.envelope!.error.i18n!.vi);
      expect(said.i18n.en).toContain(error.envelope!.error.i18n!.en);
      for (const text of [said.i18n.vi, said.i18n.en]) {
        expect(text).not.toMatch(/\b(409|423)\b|_/);
        // The server's sentence is followed by what to do next.
        expect(text.length).toBeGreaterThan(error.envelope!.error.i18n!.en.length + 5);
      }
    }
  });
  it("turns no answer, a wrong token and a token that may not review into the page's own sentences", () => {
    expect(reviewSaid(new NetworkError("down"))).toEqual({ key: "offline" });
    expect(reviewSaid(refusal(401, "unauthenticated", "x", "x"))).toEqual({ key: "badToken" });
    expect(reviewSaid(refusal(403, "forbidden", "x", "x"))).toEqual({ key: "reviewForbidden" });
  });
});

describe("decide", () => {
  function context(comment: string): { ctx: AppContext; patches: Partial<State>[] } {
    const patches: Partial<State>[] = [];
    const state = {
      token: "t",
      reviewComment: comment,
      reviewOpen: {
        unit: "SL.A",
        name: "Đoàn xã A",
        answer: {
          unit: "SL.A",
          period: "2023",
          current: { revision: 2, receivedAt: "2026-01-01T00:00:00Z", template: "doan-2024", rows: [] },
          revisions: [],
        },
      },
    } as unknown as State;
    const ctx = {
      state,
      update: (p: Partial<State>) => {
        patches.push(p);
        Object.assign(state, p);
      },
    } as unknown as AppContext;
    return { ctx, patches };
  }

  it("refuses a return without a comment before sending anything, naming the field", async () => {
    const { ctx, patches } = context("   ");
    let reloaded = false;
    await decide(ctx, "return", async () => {
      reloaded = true;
    });
    expect(patches).toEqual([{ reviewError: { key: "reviewReasonMissing" } }]);
    expect(ctx.state.reviewOpen).not.toBeNull();
    expect(reloaded).toBe(false);
    expect(t("vi", "reviewReasonMissing")).toContain("“Nhận xét”");
    expect(t("en", "reviewReasonMissing")).toContain("“Comment”");
  });
});
