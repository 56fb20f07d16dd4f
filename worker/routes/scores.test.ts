import { beforeEach, describe, expect, it } from "vitest";
import { consolidation as consolidationSchema } from "../../shared/api/schemas.ts";
import { type ScoresAnswer, scoresAnswer } from "../../shared/api/scores.ts";
import { getScheme } from "../../shared/scoring/registry.ts";
import { scoreUnit } from "../../shared/scoring/score.ts";
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
  submitOk,
} from "../test/helpers.ts";

const scheme = getScheme()!;

async function scoresOf(unit: string, token?: string): Promise<ScoresAnswer> {
  const res = await call("GET", `/v1/scores?unit=${unit}&period=2023`, { token });
  expect(res.status).toBe(200);
  return scoresAnswer.parse(await json(res));
}

function put(token: string, body: Record<string, unknown>): Promise<Response> {
  return call("PUT", "/v1/scores", {
    token,
    json: { unit: "SL.MAISON.CHIENGDONG", period: "2023", ...body },
  });
}

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
  await submitOk(report("SL.MAISON.CHIENGDONG", fullRows()));
});

describe("GET /v1/scores", () => {
  it("scores each child from its consolidated figures and reporting, as the shared function does", async () => {
    const answer = await scoresOf("SL.MAISON");
    expect(answer.scheme).toEqual({ id: "tieu-chi-2021", version: 1, max: 500 });
    const consolidation = consolidationSchema.parse(
      await json(await call("GET", "/v1/consolidation?unit=SL.MAISON&period=2023")),
    );
    for (const child of consolidation.children) {
      const figures = Object.fromEntries(
        child.indicators.map((i) => [i.code, { target: i.target, actual: i.actual }]),
      );
      const timeliness = consolidation.reporting.missing.includes(child.unit) ? "missing" : "on_time";
      const expected = scoreUnit(scheme, { figures, timeliness, manual: {} });
      const got = answer.units.find((u) => u.unit === child.unit)!;
      expect(got.total).toBe(expected.total);
      expect(got.grade).toBe(expected.grade);
      expect(got.criteria).toEqual(expected.criteria.map(({ code, points, max }) => ({ code, points, max })));
    }
    const [first, second] = answer.units;
    expect(first?.unit).toBe("SL.MAISON.CHIENGDONG");
    expect(first?.rank).toBe(1);
    // Hát Lót sent nothing: no figure earns points and the reporting item is lost.
    expect(second).toMatchObject({ unit: "SL.MAISON.HATLOT", total: 0, grade: "KHT", rank: 2 });
    expect(first?.criteria.find((c) => c.code === "TC5")?.points).toBe(30);
    // Chiềng Dong typed "T" in TD01: said only when the scored grade differs.
    expect(first?.typedGrade).toBe(first?.grade === "T" ? undefined : "T");
    expect(second?.typedGrade).toBeUndefined();
    expect(answer.grades).toEqual({
      XS: 0,
      T: 0,
      HT: 0,
      KHT: 0,
      [first!.grade]: first!.grade === "KHT" ? 2 : 1,
      ...(first!.grade === "KHT" ? {} : { KHT: 1 }),
    });
  });

  it("scores a late report lower than an on-time one", async () => {
    await call("PUT", "/v1/admin/periods/2023", { json: { deadline: "2020-01-01T00:00:00Z" } });
    await submitOk(report("SL.MAISON.HATLOT", minimalRows()));
    const hatLot = (await scoresOf("SL.MAISON")).units.find((u) => u.unit === "SL.MAISON.HATLOT");
    expect(hatLot?.criteria.find((c) => c.code === "TC5")?.points).toBe(15);
  });

  it("shows a unit its own score item by item, with what it misses", async () => {
    const reporter = await createToken("SL.MAISON.CHIENGDONG", "reporter");
    const answer = await scoresOf("SL.MAISON.CHIENGDONG", reporter);
    expect(answer.units).toEqual([]);
    const fromParent = (await scoresOf("SL.MAISON")).units.find((u) => u.unit === "SL.MAISON.CHIENGDONG")!;
    expect(answer.own).toMatchObject({
      unit: "SL.MAISON.CHIENGDONG",
      total: fromParent.total,
      grade: fromParent.grade,
    });
    expect(answer.own?.criteria.map(({ code, points, max }) => ({ code, points, max }))).toEqual(
      fromParent.criteria,
    );
    expect(answer.own?.criteria.flatMap((c) => c.items).map((i) => i.code)).toContain("TC5.1");
  });

  it("names each child's cụm thi đua, as the unit import set it, changing no total or rank", async () => {
    const before = await scoresOf("SL.MAISON");
    const withClusters = SMALL_TREE.map((u) =>
      u.code === "SL.MAISON.CHIENGDONG" ? { ...u, cluster: "Cụm 1" } : u,
    );
    const res = await importUnits(withClusters);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ unchanged: SMALL_TREE.length, clusters: 1 });
    const after = await scoresOf("SL.MAISON");
    expect(after.units.map((u) => u.cluster)).toEqual(["Cụm 1", undefined]);
    expect(after.units.map(({ cluster: _, ...rest }) => rest)).toEqual(before.units);
    // Absent keeps the stored cluster; null clears it.
    expect(await json(await importUnits(SMALL_TREE))).not.toHaveProperty("clusters");
    expect((await scoresOf("SL.MAISON")).units[0]?.cluster).toBe("Cụm 1");
    await importUnits([
      { code: "SL.MAISON.CHIENGDONG", name: "Đoàn xã Chiềng Dong", parent: "SL.MAISON", cluster: null },
    ]);
    expect((await scoresOf("SL.MAISON")).units[0]?.cluster).toBeUndefined();
  });

  it("sets the cluster of a unit the same import creates", async () => {
    const res = await importUnits([
      { code: "SL.MAISON.NAMUONG", name: "Đoàn xã Nà Ớt", parent: "SL.MAISON", cluster: "Cụm 2" },
    ]);
    expect(await json(res)).toMatchObject({ created: 1, clusters: 1 });
    const answer = await scoresOf("SL.MAISON");
    expect(answer.units.find((u) => u.unit === "SL.MAISON.NAMUONG")?.cluster).toBe("Cụm 2");
  });

  it("is refused to a token that cannot see the unit", async () => {
    const other = await createToken("SL.TPSL", "reviewer");
    expect((await call("GET", "/v1/scores?unit=SL.MAISON&period=2023", { token: other })).status).toBe(403);
  });
});

describe("PUT /v1/scores", () => {
  it("adds the unit's self points, then the level above's reviewed points, which count", async () => {
    const before = (await scoresOf("SL.MAISON")).units[0]!;
    const reporter = await createToken("SL.MAISON.CHIENGDONG", "reporter");
    const self = await put(reporter, {
      kind: "self",
      items: [{ code: "TC4.4", points: 40, note: "Tự chấm" }],
    });
    expect(self.status).toBe(200);
    const afterSelf = (await scoresOf("SL.MAISON")).units[0]!;
    expect(afterSelf.self).toBe(before.total + 40);
    expect(afterSelf.reviewed).toBeUndefined();
    expect(afterSelf.total).toBe(before.total + 40);

    const reviewer = await createToken("SL.MAISON", "reviewer");
    const reviewed = await put(reviewer, { kind: "reviewed", items: [{ code: "TC4.4", points: 25 }] });
    expect(reviewed.status).toBe(200);
    const afterReview = (await scoresOf("SL.MAISON")).units[0]!;
    expect(afterReview.self).toBe(before.total + 40);
    expect(afterReview.reviewed).toBe(before.total + 25);
    expect(afterReview.total).toBe(before.total + 25);
  });

  it("lets only the unit's reporter self-score and only a reviewer above it review", async () => {
    const ownReporter = await createToken("SL.MAISON.CHIENGDONG", "reporter");
    const neighbour = await createToken("SL.MAISON.HATLOT", "reporter");
    const siblingReviewer = await createToken("SL.TPSL", "reviewer");
    const item = { items: [{ code: "TC6.1", points: 10 }] };
    const before = await scoresOf("SL.MAISON");
    expect((await put(neighbour, { kind: "self", ...item })).status).toBe(403);
    expect((await put(ownReporter, { kind: "reviewed", ...item })).status).toBe(403);
    expect((await put(siblingReviewer, { kind: "reviewed", ...item })).status).toBe(403);
    expect(await scoresOf("SL.MAISON")).toEqual(before);
    expect((await put(ownReporter, { kind: "self", ...item })).status).toBe(200);
    expect((await scoresOf("SL.MAISON")).units[0]?.self).toBe(before.units[0]!.total + 10);
  });

  it("refuses points above an item's maximum or on a computed item, naming items.N.points, storing nothing", async () => {
    const reporter = await createToken("SL.MAISON.CHIENGDONG", "reporter");
    const before = await scoresOf("SL.MAISON");
    const res = await put(reporter, {
      kind: "self",
      items: [
        { code: "TC4.4", points: 10 },
        { code: "TC4.4", points: 51 },
        { code: "TC1.2", points: 5 },
      ],
    });
    expect(res.status).toBe(422);
    const body = await json<{ error: { code: string; issues: { field: string; code: string }[] } }>(res);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.issues.map((i) => i.field)).toEqual(["items.1.code", "items.2.points"]);
    const alone = await put(reporter, { kind: "self", items: [{ code: "TC4.4", points: 51 }] });
    expect((await json<{ error: { issues: { field: string }[] } }>(alone)).error.issues[0]?.field).toBe(
      "items.0.points",
    );
    expect(await scoresOf("SL.MAISON")).toEqual(before);
  });

  it("is frozen with the period's lock", async () => {
    const reporter = await createToken("SL.MAISON.CHIENGDONG", "reporter");
    await call("POST", "/v1/periods/2023/lock", { json: {} });
    const before = await scoresOf("SL.MAISON");
    const res = await put(reporter, { kind: "self", items: [{ code: "TC4.4", points: 10 }] });
    expect(res.status).toBe(423);
    expect(await json(res)).toMatchObject({ error: { code: "period_locked" } });
    expect(await scoresOf("SL.MAISON")).toEqual(before);
  });
});
