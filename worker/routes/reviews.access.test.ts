// POST /v1/reviews: every caller × every state (submitted, returned, accepted) × every decision. The
// unit reviewed is SL.MAISON.HATLOT, below SL.MAISON below SL; SL.TPSL is a sibling subtree.
import { beforeAll, describe, expect, it } from "vitest";
import type { ReviewDecision, ReviewState } from "../../shared/api/reviews.ts";
import { isAllowed } from "../../shared/review/state.ts";
import {
  ADMIN,
  call,
  createToken,
  dispatchDirectly,
  importUnits,
  json,
  resetDb,
  SMALL_TREE,
} from "../test/helpers.ts";
import { bringTo, reportOf, sendReview } from "../test/review-helpers.ts";

dispatchDirectly();

const UNIT = "SL.MAISON.HATLOT";

type Who =
  | "none"
  | "adminSecret"
  | "adminToken"
  | "reviewerRoot"
  | "reviewerDistrict"
  | "reviewerOwnUnit"
  | "reviewerSibling"
  | "reporterOwnUnit"
  | "reporterDistrict";

/** May this caller review UNIT at all (then the state decides), and its status when it may not. */
const MAY: Record<Who, true | 401 | 403> = {
  none: 401,
  adminSecret: true,
  adminToken: true,
  reviewerRoot: true,
  reviewerDistrict: true,
  reviewerOwnUnit: 403,
  reviewerSibling: 403,
  reporterOwnUnit: 403,
  reporterDistrict: 403,
};
const tokens = {} as Record<Who, string | null>;

beforeAll(async () => {
  await resetDb();
  expect((await importUnits(SMALL_TREE)).status).toBe(200);
  tokens.none = null;
  tokens.adminSecret = ADMIN;
  tokens.adminToken = await createToken("SL", "admin");
  tokens.reviewerRoot = await createToken("SL", "reviewer");
  tokens.reviewerDistrict = await createToken("SL.MAISON", "reviewer");
  tokens.reviewerOwnUnit = await createToken(UNIT, "reviewer");
  tokens.reviewerSibling = await createToken("SL.TPSL", "reviewer");
  tokens.reporterOwnUnit = await createToken(UNIT, "reporter");
  tokens.reporterDistrict = await createToken("SL.MAISON", "reporter");
});

const STATES: ReviewState[] = ["submitted", "returned", "accepted"];
const DECISIONS: ReviewDecision[] = ["accept", "return", "reopen"];

describe("POST /v1/reviews: caller × state × decision", () => {
  for (const who of Object.keys(MAY) as Who[]) {
    for (const state of STATES) {
      for (const decision of DECISIONS) {
        const may = MAY[who];
        const want = may !== true ? may : isAllowed(decision, state) ? 201 : 409;
        it(`${who}, ${state}, ${decision} → ${want}`, async () => {
          const revision = await bringTo(UNIT, state);
          const before = (await reportOf(UNIT)).reviews ?? [];
          const res = await sendReview(
            { unit: UNIT, period: "2023", revision, decision, comment: "Xem lại GD04" },
            tokens[who],
          );
          expect(res.status).toBe(want);
          const after = await reportOf(UNIT);
          // Append-only: earlier reviews unchanged, one more only when answered 201.
          expect((after.reviews ?? []).slice(0, before.length)).toEqual(before);
          expect((after.reviews ?? []).length).toBe(before.length + (want === 201 ? 1 : 0));
          if (want === 201) {
            const body = await json<Record<string, unknown>>(res);
            const next = { accept: "accepted", return: "returned", reopen: "submitted" }[decision];
            expect(body).toMatchObject({ unit: UNIT, period: "2023", revision, state: next });
            expect(Object.keys(body).sort()).toEqual(
              ["period", "reviewedAt", "reviewer", "revision", "state", "unit"].sort(),
            );
            expect(after.review?.state).toBe(next);
          } else {
            const code = { 401: "unauthenticated", 403: "forbidden", 409: "review_not_allowed" }[want];
            expect((await json<{ error: { code: string } }>(res)).error.code).toBe(code);
            expect(after.review?.state).toBe(state);
          }
        });
      }
    }
  }
});

describe("GET routes with review fields, per caller", () => {
  it("GET /v1/reviews answers tokens that see the unit, 403 to the others", async () => {
    const want: Record<Who, number> = {
      none: 401,
      adminSecret: 200,
      adminToken: 200,
      reviewerRoot: 200,
      reviewerDistrict: 200,
      reviewerOwnUnit: 200,
      reviewerSibling: 403,
      reporterOwnUnit: 200,
      reporterDistrict: 200,
    };
    for (const who of Object.keys(want) as Who[]) {
      const res = await call("GET", `/v1/reviews?unit=${UNIT}&period=2023`, { token: tokens[who] });
      expect([who, res.status]).toEqual([who, want[who]]);
    }
  });

  it("a reporter reads its own report's review (the comments it must answer)", async () => {
    await bringTo(UNIT, "returned");
    const res = await call("GET", `/v1/submissions?unit=${UNIT}&period=2023`, {
      token: tokens.reporterOwnUnit,
    });
    expect(res.status).toBe(200);
    expect((await json<{ review: { state: string; comment: string } }>(res)).review).toMatchObject({
      state: "returned",
      comment: "ok",
    });
  });
});
