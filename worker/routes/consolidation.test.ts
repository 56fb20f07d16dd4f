import { beforeEach, describe, expect, it } from "vitest";
import { type Consolidation, consolidation } from "../../shared/api/schemas.ts";
import {
  call,
  createToken,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  submitOk,
} from "../test/helpers.ts";
import { expectTotalsMatchOracle } from "../test/oracle.ts";

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
});

const get = async (unit: string, period = "2023", token?: string) =>
  consolidation.parse(
    await json(await call("GET", `/v1/consolidation?unit=${unit}&period=${period}`, { token })),
  );

const indicator = (c: Consolidation, code: string) => c.indicators.find((i) => i.code === code);

describe("GET /v1/consolidation", () => {
  it("sums counts and money over the subtree, recomputes ratios, counts grades, and breaks down by child", async () => {
    await submitOk(
      report("SL.MAISON.CHIENGDONG", [
        ...minimalRows(10, 100),
        { code: "GD05", actual: 90 },
        { code: "PT02", target: 10, actual: 12 },
        { code: "PT03", actual: 100.125 },
        { code: "PT04", actual: 3 },
        { code: "TD01", actual: "XS" },
      ]),
    );
    await submitOk(
      report("SL.MAISON.HATLOT", [
        ...minimalRows(5, 100),
        { code: "GD05", actual: 60 },
        { code: "PT02", target: 20, actual: 13 },
        { code: "PT03", actual: 211.5 },
        { code: "PT04", actual: 2 },
        { code: "TD01", actual: "XS" },
      ]),
    );
    await submitOk(
      report("SL.TPSL", [...minimalRows(1, 50), { code: "GD06", target: 80 }, { code: "TD01", actual: "T" }]),
    );
    await submitOk(report("SL", [...minimalRows(2, 0), { code: "GD06", target: 85 }]));

    const c = await get("SL");
    expect(c).toMatchObject({ unit: "SL", name: "Tỉnh đoàn Sơn La", period: "2023", template: "doan-2024" });
    expect(c.indicators.map((i) => i.code)).toHaveLength(50);
    expect(indicator(c, "GD01")).toEqual({
      code: "GD01",
      kind: "count",
      actual: 18,
    });
    expect(indicator(c, "PT02")).toEqual({
      code: "PT02",
      kind: "count",
      target: 30,
      actual: 25,
      rate: 83.3,
    });
    expect(indicator(c, "PT03")).toEqual({
      code: "PT03",
      kind: "money",
      actual: 311.625,
    });
    // (90 + 60) / 250 members, never an average of percentages; the target is SL's own.
    expect(indicator(c, "GD06")).toEqual({ code: "GD06", kind: "ratio", target: 85, actual: 60, rate: 70.6 });
    expect(indicator(c, "TD01")).toEqual({
      code: "TD01",
      kind: "grade",
      grades: { XS: 2, T: 1, HT: 0, KHT: 0 },
    });
    expect(indicator(c, "PT04")).toEqual({
      code: "PT04",
      kind: "count",
      actual: 5,
      unitsMet: 1,
      unitsReported: 2,
    });
    expect(indicator(c, "PT01")).toEqual({ code: "PT01", kind: "count" });

    expect(c.children.map((k) => [k.unit, k.name, k.submitted])).toEqual([
      ["SL.MAISON", "Huyện đoàn Mai Sơn", false],
      ["SL.TPSL", "Thành đoàn Sơn La", true],
    ]);
    const maison = c.children[0];
    expect(maison?.indicators.find((i) => i.code === "GD06")).toEqual({
      code: "GD06",
      kind: "ratio",
      actual: 75,
    });
    expect(c.reporting).toMatchObject({
      expected: 5,
      submitted: 3,
      late: 0,
      missing: ["SL.MAISON", "SL.TPSL.CHIENGLE"],
      lateUnits: [],
      accepted: 0,
      returned: [],
    });
    expect(c.summary).toMatchObject({ withTarget: 2, achieved: 0 });
    await expectTotalsMatchOracle("2023");
  });

  it("says how many units gave a summed target and actual when they are not the same units", async () => {
    // The province's own target against two communes' actuals; after a resubmission, one commune's too.
    await submitOk(report("SL", [...minimalRows(2, 0), { code: "PT01", target: 90000 }]));
    await submitOk(report("SL.MAISON.CHIENGDONG", [...minimalRows(), { code: "PT01", actual: 52387 }]));
    await submitOk(report("SL.MAISON.HATLOT", [...minimalRows(), { code: "PT01", actual: 40000 }]));
    expect(indicator(await get("SL"), "PT01")).toEqual({
      code: "PT01",
      kind: "count",
      target: 90000,
      actual: 92387,
      rate: 102.7,
      unitsWithTarget: 1,
      unitsWithActual: 2,
    });
    // Mai Sơn's block: two actuals, no target below it, so nothing to qualify.
    const maison = (await get("SL")).children.find((k) => k.unit === "SL.MAISON");
    expect(maison?.indicators.find((i) => i.code === "PT01")).toEqual({
      code: "PT01",
      kind: "count",
      actual: 92387,
    });
    await submitOk(
      report("SL.MAISON.HATLOT", [...minimalRows(), { code: "PT01", target: 30000, actual: 40000 }]),
    );
    // Two targets, two actuals: the counts agree, so the row carries none.
    expect(indicator(await get("SL"), "PT01")).toEqual({
      code: "PT01",
      kind: "count",
      target: 120000,
      actual: 92387,
      rate: 77,
    });
    expect(indicator(await get("SL.MAISON"), "PT01")).toMatchObject({
      unitsWithTarget: 1,
      unitsWithActual: 2,
    });
    await expectTotalsMatchOracle("2023");
  });

  it("counts late units against the deadline, and recounts when the deadline moves", async () => {
    await call("PUT", "/v1/admin/periods/2023", { json: { deadline: "2000-01-01T00:00:00Z" } });
    await submitOk(report("SL.MAISON.HATLOT", minimalRows()));
    await submitOk(report("SL.MAISON.CHIENGDONG", minimalRows()));
    let c = await get("SL");
    expect(c.reporting).toMatchObject({
      submitted: 2,
      late: 2,
      lateUnits: ["SL.MAISON.CHIENGDONG", "SL.MAISON.HATLOT"],
    });
    await call("PUT", "/v1/admin/periods/2023", { json: { deadline: "2100-12-31T23:59:59Z" } });
    c = await get("SL");
    expect(c.reporting).toMatchObject({ submitted: 2, late: 0, lateUnits: [] });
    await expectTotalsMatchOracle("2023");
  });

  it("judges lateness on the first revision, not on resubmissions", async () => {
    await submitOk(report("SL.MAISON.HATLOT", minimalRows()));
    const { revisions } = await json<{ revisions: { receivedAt: string }[] }>(
      await call("GET", "/v1/submissions?unit=SL.MAISON.HATLOT&period=2023"),
    );
    // A deadline after the first revision but before the second.
    await call("PUT", "/v1/admin/periods/2023", { json: { deadline: revisions[0]?.receivedAt } });
    await new Promise((r) => setTimeout(r, 5));
    await submitOk(report("SL.MAISON.HATLOT", minimalRows(11, 100)));
    expect((await get("SL.MAISON")).reporting).toMatchObject({ submitted: 1, late: 0 });
    await expectTotalsMatchOracle("2023");
  });

  it("reads a token's subtree only; unknown units are 403 to it and 404 to an admin", async () => {
    const reviewer = await createToken("SL.MAISON", "reviewer");
    expect((await get("SL.MAISON.HATLOT", "2023", reviewer)).unit).toBe("SL.MAISON.HATLOT");
    expect((await call("GET", "/v1/consolidation?unit=SL&period=2023", { token: reviewer })).status).toBe(
      403,
    );
    expect((await call("GET", "/v1/consolidation?unit=NOPE&period=2023", { token: reviewer })).status).toBe(
      403,
    );
    expect((await call("GET", "/v1/consolidation?unit=NOPE&period=2023")).status).toBe(404);
    expect((await call("GET", "/v1/consolidation?unit=SL&period=2023&template=x")).status).toBe(404);
  });

  it("answers an empty period with every indicator and every unit missing", async () => {
    const c = await get("SL", "2024");
    expect(c.indicators).toHaveLength(50);
    expect(indicator(c, "TD01")).toEqual({
      code: "TD01",
      kind: "grade",
      grades: { XS: 0, T: 0, HT: 0, KHT: 0 },
    });
    expect(c.reporting).toMatchObject({
      expected: 5,
      submitted: 0,
      late: 0,
      missing: ["SL.MAISON", "SL.MAISON.CHIENGDONG", "SL.MAISON.HATLOT", "SL.TPSL", "SL.TPSL.CHIENGLE"],
      lateUnits: [],
      accepted: 0,
      returned: [],
    });
  });
});
