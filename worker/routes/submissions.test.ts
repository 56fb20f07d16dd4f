import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import type { Receipt, SubmissionsAnswer } from "../../shared/api/schemas.ts";
import {
  call,
  createToken,
  fullRows,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  storedCounts,
  submit,
  submitOk,
} from "../test/helpers.ts";

beforeEach(async () => {
  await resetDb();
  expect((await importUnits(SMALL_TREE)).status).toBe(200);
});

const submissionsOf = async (unit: string, period = "2023") =>
  json<SubmissionsAnswer>(await call("GET", `/v1/submissions?unit=${unit}&period=${period}`));

describe("POST /v1/submissions", () => {
  it("stores revision 1 and answers 201 with the receipt", async () => {
    const res = await submit(
      report("SL.MAISON", [...minimalRows(), { code: "PT02", target: 10, actual: 12 }]),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("etag")).toBe('"1"');
    const receipt = await json<Receipt>(res);
    expect(receipt).toMatchObject({ unit: "SL.MAISON", period: "2023", revision: 1, warnings: [] });
    expect(receipt.summary).toMatchObject({ withTarget: 1, achieved: 1, exceeded: 1 });
    expect(Date.parse(receipt.receivedAt)).not.toBeNaN();
  });

  it("numbers resubmissions 1, 2, 3 and keeps every revision", async () => {
    for (let i = 1; i <= 3; i++) {
      expect((await submitOk(report("SL.MAISON", minimalRows(i, 100)))).revision).toBe(i);
    }
    const answer = await submissionsOf("SL.MAISON");
    expect(answer.revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(answer.current?.revision).toBe(3);
    expect(answer.current?.rows).toEqual([
      { code: "GD01", actual: 3 },
      { code: "GD04", actual: 100 },
    ]);
    const rows = await env.DB.prepare("SELECT revision, body FROM submissions ORDER BY revision").all();
    expect(rows.results).toHaveLength(3);
  });

  it("lets a reporter submit for its unit and any unit below, recorded on behalf", async () => {
    const district = await createToken("SL.MAISON", "reporter");
    const own = await submitOk(report("SL.MAISON", minimalRows()), { token: district });
    expect(own.onBehalfOf).toBeUndefined();
    const below = await submitOk(report("SL.MAISON.CHIENGDONG", minimalRows()), { token: district });
    expect(below.onBehalfOf).toBe("SL.MAISON.CHIENGDONG");
    const answer = await submissionsOf("SL.MAISON.CHIENGDONG");
    expect(answer.revisions[0]).toMatchObject({
      submittedBy: "SL.MAISON",
      onBehalfOf: "SL.MAISON.CHIENGDONG",
    });
    expect((await submissionsOf("SL.MAISON")).revisions[0]).toMatchObject({
      submittedBy: "SL.MAISON",
      onBehalfOf: null,
    });
  });

  it("refuses a reporter above its subtree, a reviewer and an unknown unit with 403, storing nothing", async () => {
    const grassroots = await createToken("SL.MAISON.CHIENGDONG", "reporter");
    const reviewer = await createToken("SL", "reviewer");
    const before = await storedCounts();
    for (const [token, unit] of [
      [grassroots, "SL.MAISON"],
      [grassroots, "SL.TPSL.CHIENGLE"],
      [grassroots, "NO.SUCH.UNIT"],
      [reviewer, "SL.MAISON"],
    ] as const) {
      const res = await submit(report(unit, minimalRows()), { token });
      expect(res.status).toBe(403);
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe("forbidden");
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("answers 404 unknown_unit to an admin, storing nothing", async () => {
    const before = await storedCounts();
    const res = await submit(report("NO.SUCH", minimalRows()));
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ error: { code: "unknown_unit" } });
    expect(await storedCounts()).toEqual(before);
  });

  describe("Idempotency-Key", () => {
    it("answers the first receipt again with 200 and stores nothing more", async () => {
      const body = report("SL.MAISON", minimalRows());
      const first = await submit(body, { key: "k-1" });
      expect(first.status).toBe(201);
      const receipt = await json<Receipt>(first);
      const after = await storedCounts();
      const again = await submit(body, { key: "k-1" });
      expect(again.status).toBe(200);
      expect(await json(again)).toEqual(receipt);
      expect(await storedCounts()).toEqual(after);
    });

    it("treats the same body with keys in another order as the same body", async () => {
      const body = report("SL.MAISON", minimalRows());
      await submitOk(body, { key: "k-order" });
      const reordered = { rows: body.rows, template: body.template, period: body.period, unit: body.unit };
      expect((await submit(reordered, { key: "k-order" })).status).toBe(200);
    });

    it("answers 409 idempotency_conflict for another body under the same key, storing nothing", async () => {
      await submitOk(report("SL.MAISON", minimalRows()), { key: "k-2" });
      const before = await storedCounts();
      const res = await submit(report("SL.MAISON", minimalRows(11, 100)), { key: "k-2" });
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({ error: { code: "idempotency_conflict" } });
      expect(await storedCounts()).toEqual(before);
    });

    it("scopes keys per token", async () => {
      const other = await createToken("SL", "reporter");
      await submitOk(report("SL.MAISON", minimalRows()), { key: "shared-key" });
      const res = await submit(report("SL.MAISON", minimalRows(12, 100)), {
        key: "shared-key",
        token: other,
      });
      expect(res.status).toBe(201);
      expect((await json<Receipt>(res)).revision).toBe(2);
    });

    it("turns 10 parallel sends with one key into one revision and 10 identical receipts", async () => {
      const body = report("SL.MAISON", [
        ...minimalRows(),
        { code: "PT02", actual: 125 },
        { code: "PT03", actual: 555.125 },
      ]);
      const answers = await Promise.all(Array.from({ length: 10 }, () => submit(body, { key: "burst" })));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      const receipts = await Promise.all(answers.map((r) => json<Receipt>(r)));
      for (const r of receipts) expect(r).toEqual(receipts[0]);
      expect((await submissionsOf("SL.MAISON")).revisions).toHaveLength(1);
      const c = await json<{ indicators: { code: string; actual?: number }[] }>(
        await call("GET", "/v1/consolidation?unit=SL&period=2023"),
      );
      expect(c.indicators.find((i) => i.code === "PT03")?.actual).toBe(555.125);
    });

    it("refuses a malformed key with 400 invalid_params", async () => {
      const res = await submit(report("SL.MAISON", minimalRows()), { key: "has space" });
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({
        error: { code: "invalid_params", issues: [{ field: "Idempotency-Key" }] },
      });
    });
  });

  describe("If-Match", () => {
    it("accepts the current revision and answers 409 revision_conflict with the current one otherwise", async () => {
      await submitOk(report("SL.MAISON", minimalRows()));
      expect((await submitOk(report("SL.MAISON", minimalRows(2, 100)), { ifMatch: 1 })).revision).toBe(2);
      const before = await storedCounts();
      const res = await submit(report("SL.MAISON", minimalRows(3, 100)), { ifMatch: 1 });
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({ error: { code: "revision_conflict", currentRevision: 2 } });
      expect(await storedCounts()).toEqual(before);
    });

    it('takes "0" to mean "no revision yet"', async () => {
      expect((await submitOk(report("SL.MAISON", minimalRows()), { ifMatch: 0 })).revision).toBe(1);
      expect((await submit(report("SL.MAISON", minimalRows()), { ifMatch: 0 })).status).toBe(409);
    });

    it("lets exactly one of two concurrent edits of the same revision win", async () => {
      await submitOk(report("SL.MAISON", minimalRows()));
      const [a, b] = await Promise.all([
        submit(report("SL.MAISON", minimalRows(5, 100)), { ifMatch: 1 }),
        submit(report("SL.MAISON", minimalRows(6, 100)), { ifMatch: 1 }),
      ]);
      expect([a?.status, b?.status].sort()).toEqual([201, 409]);
      expect((await submissionsOf("SL.MAISON")).revisions).toHaveLength(2);
    });

    it("refuses a malformed If-Match with 400", async () => {
      expect((await submit(report("SL.MAISON", minimalRows()), { ifMatch: "abc" })).status).toBe(400);
    });
  });

  describe("replace and merge", () => {
    const base = [
      ...minimalRows(),
      { code: "PT02", actual: 5 },
      { code: "PT09", actual: 100, note: "quà Tết" },
    ];

    it("replace makes the rows the whole report: rows not sent are gone", async () => {
      await submitOk(report("SL.MAISON", base));
      await submitOk(report("SL.MAISON", [...minimalRows(), { code: "PT02", actual: 7 }]));
      expect((await submissionsOf("SL.MAISON")).current?.rows).toEqual([
        { code: "GD01", actual: 10 },
        { code: "GD04", actual: 100 },
        { code: "PT02", actual: 7 },
      ]);
    });

    it("merge changes only the rows sent; an explicit null clears a figure", async () => {
      await submitOk(report("SL.MAISON", base));
      await submitOk(
        report(
          "SL.MAISON",
          [
            { code: "PT02", actual: 9 },
            { code: "PT09", actual: null },
          ],
          { mode: "merge" },
        ),
      );
      expect((await submissionsOf("SL.MAISON")).current?.rows).toEqual([
        { code: "GD01", actual: 10 },
        { code: "GD04", actual: 100 },
        { code: "PT02", actual: 9 },
      ]);
      const answer = await submissionsOf("SL.MAISON");
      expect(answer.revisions.map((r) => r.mode)).toEqual(["replace", "merge"]);
    });

    it("checks required rows on the merged report", async () => {
      // A merge without the required rows is fine once the unit has them…
      await submitOk(report("SL.MAISON", base));
      expect(
        (await submit(report("SL.MAISON", [{ code: "PT02", actual: 1 }], { mode: "merge" }))).status,
      ).toBe(201);
      // …but not for a unit that has none yet, and not when the merge blanks one.
      const first = await submit(report("SL.TPSL", [{ code: "PT02", actual: 1 }], { mode: "merge" }));
      expect(first.status).toBe(422);
      const blanked = await submit(report("SL.MAISON", [{ code: "GD01", actual: null }], { mode: "merge" }));
      expect(blanked.status).toBe(422);
      expect(await json(blanked)).toMatchObject({
        error: { issues: [{ code: "rule.required_missing", field: "rows.0.actual", indicator: "GD01" }] },
      });
    });

    it("checks rules across sent rows and kept rows", async () => {
      await submitOk(report("SL.MAISON", [...minimalRows(100, 100), { code: "GD02", actual: 50 }]));
      const res = await submit(report("SL.MAISON", [{ code: "GD01", actual: 40 }], { mode: "merge" }));
      expect(res.status).toBe(422);
      // The rule names GD02 (kept, not sent), so the issue has no row of the body to point at.
      expect(await json(res)).toMatchObject({
        error: { issues: [{ code: "rule.compare", indicator: "GD02", field: "rows" }] },
      });
    });

    it("serializes concurrent merges of different rows without losing any", async () => {
      await submitOk(report("SL.MAISON", minimalRows()));
      const codes = ["PT01", "PT02", "PT05", "PT07", "PT09"];
      const answers = await Promise.all(
        codes.map((code, i) => submit(report("SL.MAISON", [{ code, actual: i + 1 }], { mode: "merge" }))),
      );
      expect(answers.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      const answer = await submissionsOf("SL.MAISON");
      expect(answer.revisions.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(answer.current?.rows.map((r) => r.code)).toEqual(["GD01", "GD04", ...codes]);
    });

    it("ignores typed ratio actuals but keeps a ratio row's target", async () => {
      await submitOk(
        report("SL.MAISON", [
          ...minimalRows(),
          { code: "GD05", actual: 80 },
          { code: "GD06", target: 80, actual: 999 },
        ]),
      );
      expect((await submissionsOf("SL.MAISON")).current?.rows).toContainEqual({ code: "GD06", target: 80 });
      const c = await json<{ indicators: { code: string }[] }>(
        await call("GET", "/v1/consolidation?unit=SL.MAISON&period=2023"),
      );
      expect(c.indicators.find((i) => i.code === "GD06")).toEqual({
        code: "GD06",
        kind: "ratio",
        target: 80,
        actual: 80,
        rate: 100,
      });
    });
  });

  describe("422 validation_failed", () => {
    it("lists every error with code, field, rule, severity and a vi / en message, storing nothing", async () => {
      const before = await storedCounts();
      const res = await submit(
        report("SL.MAISON", [
          { code: "GD01", actual: 10 },
          { code: "GD02", actual: 12 },
          { code: "PT02", actual: 1.5 },
          { code: "ZZ99", actual: 1 },
          { code: "TD01", actual: "excellent" },
        ]),
      );
      expect(res.status).toBe(422);
      const { error } = await json<{
        error: {
          code: string;
          message: string;
          issues: {
            code: string;
            field?: string;
            rule?: string;
            severity: string;
            message: string;
            i18n: { vi: string; en: string };
          }[];
        };
      }>(res);
      expect(error.code).toBe("validation_failed");
      expect(error.message).toContain(" / ");
      const summary = error.issues.map((i) => [i.code, i.field, i.severity]);
      expect(summary).toEqual(
        expect.arrayContaining([
          ["rule.compare", "rows.1.actual", "error"],
          ["rule.required_missing", "rows", "error"],
          ["cell.fraction_in_count", "rows.2.actual", "error"],
          ["rule.unknown_indicator", "rows.3", "error"],
          ["rule.wrong_kind", "rows.4.actual", "error"],
        ]),
      );
      expect(error.issues.find((i) => i.code === "rule.compare")?.rule).toBe("GD02<=GD01");
      for (const issue of error.issues) {
        expect(issue.message).toBe(`${issue.i18n.vi} / ${issue.i18n.en}`);
      }
      expect(await storedCounts()).toEqual(before);
    });

    it("returns warnings in the receipt instead of refusing", async () => {
      const receipt = await submitOk(
        report("SL.MAISON", [...minimalRows(), { code: "XD02", actual: 1 }, { code: "XD03", actual: 5 }]),
      );
      expect(receipt.warnings).toMatchObject([
        { code: "rule.compare", rule: "XD03<=XD02", severity: "warning", field: "rows.3.actual" },
      ]);
    });

    it("warns when a figure is 5× the previous period's", async () => {
      await submitOk(
        report("SL.MAISON", [...minimalRows(), { code: "PT01", actual: 100 }], { period: "2022" }),
      );
      const receipt = await submitOk(report("SL.MAISON", [...minimalRows(), { code: "PT01", actual: 1000 }]));
      expect(receipt.warnings).toMatchObject([
        { code: "rule.outlier", indicator: "PT01", severity: "warning" },
      ]);
    });

    it("refuses an unknown template, naming the field", async () => {
      const res = await submit(report("SL.MAISON", minimalRows(), { template: "doan-1999" }));
      expect(res.status).toBe(422);
      expect(await json(res)).toMatchObject({
        error: { issues: [{ code: "template.unknown", field: "template" }] },
      });
    });
  });

  describe("money and exactness", () => {
    it("sums money exactly in thousandths: 100.125 + 111.5 + 100.375 = 312", async () => {
      const units = ["SL.MAISON.CHIENGDONG", "SL.MAISON.HATLOT", "SL.MAISON"];
      const values = [100.125, 111.5, 100.375];
      for (const [i, unit] of units.entries()) {
        await submitOk(
          report(unit, [...minimalRows(), { code: "KN02", actual: 1 }, { code: "KN03", actual: values[i] }]),
        );
      }
      const stored = await env.DB.prepare(
        "SELECT actual_sum FROM totals WHERE ancestor = 'SL' AND code = 'KN03'",
      ).first();
      expect(stored).toEqual({ actual_sum: 312000 });
      const c = await json<{ indicators: { code: string; actual?: number }[] }>(
        await call("GET", "/v1/consolidation?unit=SL&period=2023"),
      );
      expect(c.indicators.find((i) => i.code === "KN03")?.actual).toBe(312);
      const typeof_ = await env.DB.prepare(
        "SELECT DISTINCT typeof(actual) AS t FROM current_values WHERE code = 'KN03'",
      ).all();
      expect(typeof_.results).toEqual([{ t: "integer" }]);
    });
  });

  describe("what a resubmission writes", () => {
    it("touches about 3 × (depth + 1) totals rows when 3 of 45 values change", async () => {
      // Depth 2 (SL → SL.MAISON → SL.MAISON.CHIENGDONG): 3 totals rows per changed value.
      const unit = "SL.MAISON.CHIENGDONG";
      const full = fullRows();
      expect(full).toHaveLength(45);
      const first = await submit(report(unit, full));
      expect(first.status).toBe(201);
      const firstWritten = Number(first.headers.get("x-d1-rows-written"));
      const changed = full.map((r, i) => (i < 3 ? { ...r, actual: (r.actual as number) + 1 } : r));
      const res = await submit(report(unit, changed));
      expect(res.status).toBe(201);
      const written = Number(res.headers.get("x-d1-rows-written"));
      // 9 totals rows, 3 current values, the revision with its index entries, report_status: a fraction
      // of the first submission, which wrote all 45 values and 44 totals rows × 3 levels.
      expect(written).toBeLessThanOrEqual(30);
      expect(firstWritten).toBeGreaterThan(45 + 44 * 3);
      const resend = await submit(report(unit, changed));
      expect(Number(resend.headers.get("x-d1-rows-written"))).toBeLessThanOrEqual(written - 9 - 3);
    });
  });
});

describe("GET /v1/submissions", () => {
  it("answers current null and no revisions for a unit that has not reported", async () => {
    expect(await submissionsOf("SL.MAISON")).toEqual({
      unit: "SL.MAISON",
      period: "2023",
      current: null,
      revisions: [],
    });
  });

  it("lists number, time, sender, on-behalf, mode and digest of every revision", async () => {
    const district = await createToken("SL.MAISON", "reporter");
    await submitOk(report("SL.MAISON.HATLOT", minimalRows()), { token: district });
    await submitOk(report("SL.MAISON.HATLOT", [{ code: "PT02", actual: 3 }], { mode: "merge" }));
    const answer = await submissionsOf("SL.MAISON.HATLOT");
    expect(answer.revisions).toHaveLength(2);
    expect(answer.revisions[0]).toMatchObject({
      revision: 1,
      submittedBy: "SL.MAISON",
      onBehalfOf: "SL.MAISON.HATLOT",
      mode: "replace",
    });
    expect(answer.revisions[1]).toMatchObject({ revision: 2, submittedBy: "admin", mode: "merge" });
    for (const r of answer.revisions) expect(r.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(answer.current).toMatchObject({ revision: 2, template: "doan-2024" });
  });

  it("is readable by reviewers of the subtree, not outside it", async () => {
    await submitOk(report("SL.MAISON.HATLOT", minimalRows()));
    const reviewer = await createToken("SL.MAISON", "reviewer");
    expect(
      (await call("GET", "/v1/submissions?unit=SL.MAISON.HATLOT&period=2023", { token: reviewer })).status,
    ).toBe(200);
    expect((await call("GET", "/v1/submissions?unit=SL.TPSL&period=2023", { token: reviewer })).status).toBe(
      403,
    );
    expect((await call("GET", "/v1/submissions?unit=NOPE&period=2023", { token: reviewer })).status).toBe(
      403,
    );
  });

  it("refuses bad query parameters with 400 invalid_params naming them", async () => {
    const res = await call("GET", "/v1/submissions?unit=sl&period=23");
    expect(res.status).toBe(400);
    const body = await json<{ error: { code: string; issues: { field: string }[] } }>(res);
    expect(body.error.code).toBe("invalid_params");
    expect(body.error.issues.map((i) => i.field).sort()).toEqual(["period", "unit"]);
  });
});
