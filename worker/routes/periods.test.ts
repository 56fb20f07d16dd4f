import { beforeEach, describe, expect, it } from "vitest";
import { periodAnswer } from "../../shared/api/schemas.ts";
import {
  call,
  createToken,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  storedCounts,
  submit,
} from "../test/helpers.ts";

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
});

describe("periods", () => {
  it("answers an untouched period as open without a deadline", async () => {
    const res = await call("GET", "/v1/periods/2023-Q3");
    expect(periodAnswer.parse(await json(res))).toEqual({ period: "2023-Q3", deadline: null, locked: false });
  });

  it("sets a deadline (admin), normalised to UTC", async () => {
    const res = await call("PUT", "/v1/admin/periods/2023", {
      json: { deadline: "2023-12-15T17:00:00+07:00" },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ period: "2023", deadline: "2023-12-15T10:00:00.000Z", locked: false });
    const reviewer = await createToken("SL", "reviewer");
    expect(
      (
        await call("PUT", "/v1/admin/periods/2023", {
          token: reviewer,
          json: { deadline: "2024-01-01T00:00:00Z" },
        })
      ).status,
    ).toBe(403);
    expect((await call("PUT", "/v1/admin/periods/2023", { json: { deadline: "next week" } })).status).toBe(
      400,
    );
    expect(
      (await call("PUT", "/v1/admin/periods/20233", { json: { deadline: "2024-01-01T00:00:00Z" } })).status,
    ).toBe(400);
  });

  it("with a second tree in the deployment, only an admin locks: a reviewer never locks what it cannot see", async () => {
    await importUnits([{ code: "TN", name: "Tỉnh đoàn Thái Nguyên", parent: null }]);
    const slReviewer = await createToken("SL", "reviewer");
    const tnReviewer = await createToken("TN", "reviewer");
    for (const token of [slReviewer, tnReviewer]) {
      const refused = await call("POST", "/v1/periods/2023/lock", { token, json: {} });
      expect(refused.status).toBe(403);
    }
    expect((await call("GET", "/v1/periods/2023")).status).toBe(200);
    expect(await json(await call("GET", "/v1/periods/2023"))).toMatchObject({ locked: false });
    expect((await call("POST", "/v1/periods/2023/lock", { json: {} })).status).toBe(200);
  });

  it("lock refuses every submission with 423 until unlock", async () => {
    const reviewer = await createToken("SL", "reviewer");
    const lock = await call("POST", "/v1/periods/2023/lock", { token: reviewer, json: {} });
    expect(lock.status).toBe(200);
    expect(await json(lock)).toEqual({ period: "2023", deadline: null, locked: true });
    const before = await storedCounts();
    const refused = await submit(report("SL.MAISON", minimalRows()));
    expect(refused.status).toBe(423);
    expect(await json(refused)).toMatchObject({ error: { code: "period_locked" } });
    expect(await storedCounts()).toEqual(before);
    // Other periods stay open.
    expect((await submit(report("SL.MAISON", minimalRows(), { period: "2023-Q4" }))).status).toBe(201);
    const unlock = await call("POST", "/v1/periods/2023/unlock", { token: reviewer });
    expect(await json(unlock)).toMatchObject({ locked: false });
    expect((await submit(report("SL.MAISON", minimalRows()))).status).toBe(201);
  });

  it("lets only admins and reviewers of a root unit lock", async () => {
    const districtReviewer = await createToken("SL.MAISON", "reviewer");
    const rootReporter = await createToken("SL", "reporter");
    expect((await call("POST", "/v1/periods/2023/lock", { token: districtReviewer })).status).toBe(403);
    expect((await call("POST", "/v1/periods/2023/lock", { token: rootReporter })).status).toBe(403);
    expect((await call("POST", "/v1/periods/2023/lock")).status).toBe(200);
    expect((await call("POST", "/v1/periods/2023/unlock", { token: districtReviewer })).status).toBe(403);
  });

  it("takes an empty body or {} on lock, and refuses anything else", async () => {
    expect((await call("POST", "/v1/periods/2023/lock", { json: { now: true } })).status).toBe(400);
    expect(
      (await call("POST", "/v1/periods/2023/lock", { body: "x", headers: { "content-type": "text/plain" } }))
        .status,
    ).toBe(415);
  });
});
