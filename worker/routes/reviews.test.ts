// The review flow through the API: return with comments, what changed, accept, 423, reopen; the
// body's checks; the consolidation's accepted and returned; GET /v1/reviews.
import { beforeEach, describe, expect, it } from "vitest";
import { reviewList } from "../../shared/api/reviews.ts";
import { consolidation, errorEnvelope, receipt } from "../../shared/api/schemas.ts";
import {
  call,
  createToken,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  submit,
  submitOk,
} from "../test/helpers.ts";
import { expectTotalsMatchOracle } from "../test/oracle.ts";
import { reportOf, reviewOk, sendReview } from "../test/review-helpers.ts";

const UNIT = "SL.MAISON.HATLOT";

beforeEach(async () => {
  await resetDb();
  expect((await importUnits(SMALL_TREE)).status).toBe(200);
});

const rows = (members: number, note?: string) => [
  { code: "GD01", actual: 10 },
  { code: "GD04", actual: members, ...(note === undefined ? {} : { note }) },
  { code: "PT02", target: 5, actual: 3 },
];

describe("return, fix, accept, refuse, reopen", () => {
  it("walks the whole flow with a reviewer of the district and the unit's reporter", async () => {
    const reporter = await createToken(UNIT, "reporter");
    const reviewer = await createToken("SL.MAISON", "reviewer");
    const r1 = await submitOk(report(UNIT, rows(100)), { token: reporter });
    expect(r1.changes).toBeUndefined();

    const returned = await sendReview(
      {
        unit: UNIT,
        period: "2023",
        revision: r1.revision,
        decision: "return",
        comment: "Số đoàn viên chưa khớp",
        items: [{ code: "GD04", comment: "Kiểm tra lại số đoàn viên" }],
      },
      reviewer,
    );
    expect(returned.status).toBe(201);
    const seen = await reportOf(UNIT);
    expect(seen.review).toMatchObject({
      state: "returned",
      revision: 1,
      comment: "Số đoàn viên chưa khớp",
      items: [{ code: "GD04", comment: "Kiểm tra lại số đoàn viên" }],
      reviewer: "SL.MAISON",
    });
    expect(seen.changes).toBeUndefined();

    // The fix: the next revision's receipt and GET say only what changed since the returned one.
    const r2 = receipt.parse(
      await json(await submit(report(UNIT, rows(120, "đã rà soát")), { token: reporter })),
    );
    const changed = [
      { code: "GD04", field: "actual", old: 100, new: 120 },
      { code: "GD04", field: "note", old: null, new: "đã rà soát" },
    ];
    expect(r2.changes).toEqual({ since: 1, items: changed });
    const after = await reportOf(UNIT);
    expect(after.review).toEqual({ state: "submitted" });
    expect(after.changes).toEqual({ since: 1, items: changed });

    expect(
      (await sendReview({ unit: UNIT, period: "2023", revision: 2, decision: "accept" }, reviewer)).status,
    ).toBe(201);
    const refused = await submit(report(UNIT, rows(121)), { token: reporter });
    expect(refused.status).toBe(423);
    const envelope = errorEnvelope.parse(await json(refused));
    expect(envelope.error.code).toBe("report_accepted");
    expect(envelope.error.i18n?.vi).toMatch(
      /^Báo cáo của SL\.MAISON\.HATLOT \(năm 2023\) đã được cấp trên duyệt lúc \d\d\/\d\d\/\d{4} \d\d:\d\d \(SL\.MAISON\): số liệu đã chốt nên không nhận bản gửi mới\. Nếu cần sửa, hãy đề nghị cấp trên mở lại báo cáo$/,
    );
    expect(envelope.error.i18n?.en).toContain("was accepted");
    expect((await reportOf(UNIT)).current?.revision).toBe(2);

    await reviewOk(UNIT, "reopen");
    const r3 = await submitOk(report(UNIT, rows(121, "đã rà soát")), { token: reporter });
    expect(r3.changes).toEqual({ since: 2, items: [{ code: "GD04", field: "actual", old: 120, new: 121 }] });
    expect((await reportOf(UNIT)).reviews?.map((r) => [r.decision, r.state, r.revision])).toEqual([
      ["return", "returned", 1],
      ["accept", "accepted", 2],
      ["reopen", "submitted", 2],
    ]);
  });

  it("a merge after a return lists changes against the whole report, not the rows sent", async () => {
    await submitOk(report(UNIT, rows(100)));
    await reviewOk(UNIT, "return");
    const r = await submitOk(report(UNIT, [{ code: "PT02", target: 5, actual: 4 }], { mode: "merge" }));
    expect(r.changes?.items).toEqual([{ code: "PT02", field: "actual", old: 3, new: 4 }]);
  });

  it("an identical resend after the acceptance is the earlier receipt again, not a refusal", async () => {
    const body = report(UNIT, rows(100));
    await submitOk(body, { key: "k1" });
    await reviewOk(UNIT, "accept");
    expect((await submit(body, { key: "k1" })).status).toBe(200);
  });
});

describe("the body's checks", () => {
  it("a stale revision is 409 revision_conflict with the current one; no report at all too", async () => {
    const none = await sendReview({ unit: UNIT, period: "2023", revision: 1, decision: "accept" });
    expect(none.status).toBe(409);
    expect(errorEnvelope.parse(await json(none)).error.currentRevision).toBe(0);
    await submitOk(report(UNIT, rows(100)));
    await submitOk(report(UNIT, rows(101)));
    const stale = await sendReview({ unit: UNIT, period: "2023", revision: 1, decision: "accept" });
    expect(stale.status).toBe(409);
    const e = errorEnvelope.parse(await json(stale)).error;
    expect([e.code, e.currentRevision]).toEqual(["revision_conflict", 2]);
  });

  it("a return needs a reason; item codes must be the template's, once each (422 naming the field)", async () => {
    await submitOk(report(UNIT, rows(100)));
    const cases: [unknown, string[]][] = [
      [{ decision: "return" }, ["comment"]],
      [
        {
          decision: "return",
          items: [
            { code: "ZZ99", comment: "?" },
            { code: "GD04", comment: "a" },
            { code: "GD04", comment: "b" },
          ],
        },
        ["items.0.code", "items.2.code"],
      ],
    ];
    for (const [extra, fields] of cases) {
      const res = await call("POST", "/v1/reviews", {
        json: { unit: UNIT, period: "2023", revision: 1, ...(extra as object) },
      });
      expect(res.status).toBe(422);
      const issues = errorEnvelope.parse(await json(res)).error.issues ?? [];
      expect(issues.map((i) => i.field)).toEqual(fields);
      for (const i of issues) expect(i.i18n?.vi).toMatch(/\S/);
    }
    const bad = await call("POST", "/v1/reviews", {
      json: { unit: UNIT, period: "2023", revision: 1, decision: "approve" },
    });
    expect(bad.status).toBe(400);
    expect((await reportOf(UNIT)).reviews).toEqual([]);
  });

  it("an admin naming an unknown unit gets 404; a reviewer gets 403 (no probing)", async () => {
    const body = { unit: "SL.NOWHERE", period: "2023", revision: 1, decision: "accept" as const };
    expect((await sendReview(body)).status).toBe(404);
    expect((await sendReview(body, await createToken("SL", "reviewer"))).status).toBe(403);
  });
});

describe("consolidation reporting and GET /v1/reviews", () => {
  it("count the accepted, name the returned, below the asked unit only", async () => {
    for (const u of ["SL.MAISON", "SL.MAISON.HATLOT", "SL.MAISON.CHIENGDONG", "SL.TPSL.CHIENGLE"]) {
      await submitOk(report(u, minimalRows()));
    }
    await reviewOk("SL.MAISON.HATLOT", "accept");
    await reviewOk("SL.TPSL.CHIENGLE", "accept");
    await reviewOk("SL.MAISON.CHIENGDONG", "return");
    await reviewOk("SL.MAISON", "return");
    const at = async (unit: string) =>
      consolidation.parse(await json(await call("GET", `/v1/consolidation?unit=${unit}&period=2023`)))
        .reporting;
    expect(await at("SL")).toMatchObject({ accepted: 2, returned: ["SL.MAISON", "SL.MAISON.CHIENGDONG"] });
    expect(await at("SL.MAISON")).toMatchObject({ accepted: 1, returned: ["SL.MAISON.CHIENGDONG"] });
    expect(await at("SL.TPSL")).toMatchObject({ accepted: 1, returned: [] });
    // A returned unit that sends again is no longer returned.
    await submitOk(report("SL.MAISON.CHIENGDONG", minimalRows(11)));
    expect(await at("SL")).toMatchObject({ accepted: 2, returned: ["SL.MAISON"] });

    const list = reviewList.parse(await json(await call("GET", "/v1/reviews?unit=SL.MAISON&period=2023")));
    expect(list.units.map((u) => [u.unit, u.state, u.revision ?? null])).toEqual([
      ["SL.MAISON.CHIENGDONG", "submitted", 2],
      ["SL.MAISON.HATLOT", "accepted", 1],
    ]);
    const all = reviewList.parse(await json(await call("GET", "/v1/reviews?unit=SL&period=2023")));
    expect(all.units.map((u) => [u.unit, u.state])).toEqual([
      ["SL.MAISON", "returned"],
      ["SL.MAISON.CHIENGDONG", "submitted"],
      ["SL.MAISON.HATLOT", "accepted"],
      ["SL.TPSL", "missing"],
      ["SL.TPSL.CHIENGLE", "accepted"],
    ]);
    expect(all.units.find((u) => u.unit === "SL.MAISON")).toMatchObject({ reviewer: "admin" });
    // The Tình hình nộp detail says Bị trả lại / Đã duyệt per unit.
    const detail = consolidation.parse(
      await json(await call("GET", "/v1/consolidation?unit=SL&period=2023&detail=units")),
    ).reporting.units;
    expect(detail?.map((u) => [u.code, u.status])).toEqual([
      ["SL.MAISON", "returned"],
      ["SL.MAISON.CHIENGDONG", "submitted"],
      ["SL.MAISON.HATLOT", "accepted"],
      ["SL.TPSL", "missing"],
      ["SL.TPSL.CHIENGLE", "accepted"],
    ]);
    await expectTotalsMatchOracle("2023");
  });
});
