// GET /v1/scores reads its scheme from D1: a version published by PUT /v1/admin/schemes/:id takes effect
// without a new build, and manual points are checked against it.
import { SELF } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { createApiClient } from "../../shared/api/client.ts";
import { type ScoresAnswer, scoresAnswer } from "../../shared/api/scores.ts";
import { rankingForPull } from "../../shared/scoring/pull-scores.ts";
import { tieuChi2021 } from "../../shared/scoring/tieu-chi-2021.ts";
import type { ScoringScheme } from "../../shared/scoring/types.ts";
import {
  ADMIN,
  call,
  fullRows,
  importUnits,
  json,
  report,
  resetDb,
  SMALL_TREE,
  submitOk,
} from "../test/helpers.ts";

async function scoresOf(unit: string): Promise<ScoresAnswer> {
  const res = await call("GET", `/v1/scores?unit=${unit}&period=2023`);
  expect(res.status).toBe(200);
  return scoresAnswer.parse(await json(res));
}

/** tieu-chi-2021 with reporting worth 40, not 30, and HT for any total: plainly another version. */
function version2(): Omit<ScoringScheme, "version"> {
  const { version: _v, ...rest } = JSON.parse(JSON.stringify(tieuChi2021)) as ScoringScheme;
  const tc5 = rest.criteria.find((c) => c.code === "TC5");
  const timeliness = tc5?.items.find((i) => i.code === "TC5.1");
  if (!timeliness) throw new Error("TC5.1 missing");
  timeliness.max = 40;
  rest.grades = rest.grades.map((g) => (g.grade === "HT" ? { grade: "HT", minTotal: 0 } : g));
  return rest;
}

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
  await submitOk(report("SL.MAISON.CHIENGDONG", fullRows()));
});

describe("GET /v1/scores with a published scheme version", () => {
  it("scores with the built-in v1 until v2 is published, then with v2", async () => {
    const before = await scoresOf("SL.MAISON");
    expect(before.scheme).toEqual({ id: "tieu-chi-2021", version: 1, max: 500 });
    expect(before.units.find((u) => u.unit === "SL.MAISON.HATLOT")?.grade).toBe("KHT");

    const published = await call("PUT", "/v1/admin/schemes/tieu-chi-2021", { json: version2() });
    expect(published.status).toBe(201);
    expect(await json(published)).toEqual({ id: "tieu-chi-2021", version: 2 });

    const after = await scoresOf("SL.MAISON");
    expect(after.scheme).toEqual({ id: "tieu-chi-2021", version: 2, max: 510 });
    const chiengDong = after.units.find((u) => u.unit === "SL.MAISON.CHIENGDONG");
    expect(chiengDong?.criteria.find((c) => c.code === "TC5")?.points).toBe(40);
    // Hát Lót sent nothing and scores 0, which v2 grades HT.
    expect(after.units.find((u) => u.unit === "SL.MAISON.HATLOT")).toMatchObject({ total: 0, grade: "HT" });
  });

  it("checks manual points against the published version's maximum", async () => {
    const given = (points: number) =>
      call("PUT", "/v1/scores", {
        json: {
          unit: "SL.MAISON.CHIENGDONG",
          period: "2023",
          kind: "reviewed",
          items: [{ code: "TC5.2", points }],
        },
      });
    const v2 = version2();
    const tc52 = v2.criteria.find((c) => c.code === "TC5")?.items.find((i) => i.code === "TC5.2");
    if (!tc52) throw new Error("TC5.2 missing");
    tc52.max = 25;
    expect((await given(25)).status).toBe(422);
    expect((await call("PUT", "/v1/admin/schemes/tieu-chi-2021", { json: v2 })).status).toBe(201);
    expect((await given(25)).status).toBe(200);
  });
});

describe("the pull's ranking with a scheme version the client has not built in", () => {
  it("fetches the served version and ranks with it", async () => {
    const client = createApiClient({
      baseUrl: "http://worker.test",
      token: ADMIN,
      fetch: (input, init) => SELF.fetch(new Request(input, init)),
    });
    const v1 = await rankingForPull(client, "SL.MAISON", "2023");
    expect(v1?.scheme).toEqual(tieuChi2021);
    expect((await call("PUT", "/v1/admin/schemes/tieu-chi-2021", { json: version2() })).status).toBe(201);
    const v2 = await rankingForPull(client, "SL.MAISON", "2023");
    expect(v2?.answer.scheme.version).toBe(2);
    expect(v2?.scheme).toEqual({ ...version2(), version: 2 });
    // A client without the scheme route (an older build) makes no ranking rather than a wrong one.
    expect(await rankingForPull({ scores: client.scores }, "SL.MAISON", "2023")).toBeUndefined();
  });
});
