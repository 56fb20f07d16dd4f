// How many times a submission goes to D1: each round trip costs workerd CPU locally and a network hop
// in production, so the busiest route keeps to two (its read, its write batch), the token included.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import type { SubmissionBody } from "../../shared/api/schemas.ts";
import app from "../index.ts";
import {
  ADMIN,
  createToken,
  fullRows,
  importUnits,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
} from "../test/helpers.ts";

/** env.DB counting every call that reaches D1: batch(), exec() and a statement's all/first/run/raw. */
function countingDb(): { db: D1Database; calls: () => number } {
  let calls = 0;
  const statement = (s: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(s, {
      get(target, key) {
        const v: unknown = Reflect.get(target, key, target);
        if (typeof v !== "function") return v;
        if (key === "bind") return (...args: unknown[]) => statement(v.apply(target, args));
        if (key === "all" || key === "first" || key === "run" || key === "raw") {
          return (...args: unknown[]) => {
            calls++;
            return v.apply(target, args);
          };
        }
        return v.bind(target);
      },
    });
  const db = new Proxy(env.DB, {
    get(target, key) {
      const v: unknown = Reflect.get(target, key, target);
      if (typeof v !== "function") return v;
      if (key === "prepare") return (sql: string) => statement(v.call(target, sql));
      if (key === "batch" || key === "exec") {
        return (arg: unknown) => {
          calls++;
          return v.call(target, arg);
        };
      }
      return v.bind(target);
    },
  });
  return { db, calls: () => calls };
}

async function roundTrips(init: {
  token: string;
  body: string;
  contentType?: string;
  key?: string;
}): Promise<{ status: number; calls: number }> {
  const counting = countingDb();
  const ctx = createExecutionContext();
  const req = new Request("http://worker.test/v1/submissions", {
    method: "POST",
    headers: {
      authorization: `Bearer ${init.token}`,
      "content-type": init.contentType ?? "application/json",
      ...(init.key ? { "idempotency-key": init.key } : {}),
    },
    body: init.body,
  });
  const res = await app.fetch(req, { ...env, DB: counting.db }, ctx);
  await waitOnExecutionContext(ctx);
  await res.arrayBuffer();
  return { status: res.status, calls: counting.calls() };
}

const body = (b: SubmissionBody) => JSON.stringify(b);

beforeEach(async () => {
  await resetDb();
  expect((await importUnits(SMALL_TREE)).status).toBe(200);
});

describe("D1 round trips of POST /v1/submissions", () => {
  it("two for a reporter's first report, a resubmission and a merge: the token is read with the state", async () => {
    const token = await createToken("SL.MAISON", "reporter");
    const first = await roundTrips({ token, body: body(report("SL.MAISON", fullRows(1))), key: "a" });
    expect(first).toEqual({ status: 201, calls: 2 });
    const again = await roundTrips({ token, body: body(report("SL.MAISON", fullRows(2))), key: "b" });
    expect(again).toEqual({ status: 201, calls: 2 });
    const merge = await roundTrips({
      token,
      body: body(report("SL.MAISON", [{ code: "PT01", actual: 3 }], { mode: "merge" })),
      key: "c",
    });
    expect(merge).toEqual({ status: 201, calls: 2 });
  });

  it("two for the ADMIN_TOKEN secret; one for a replayed Idempotency-Key", async () => {
    const b = body(report("SL.MAISON", minimalRows(4, 40)));
    expect(await roundTrips({ token: ADMIN, body: b, key: "same" })).toEqual({ status: 201, calls: 2 });
    expect(await roundTrips({ token: ADMIN, body: b, key: "same" })).toEqual({ status: 200, calls: 1 });
  });

  it("one for an unknown token; for a body refused by its shape, none with the admin secret, one with a stored token", async () => {
    const b = body(report("SL.MAISON", minimalRows()));
    expect(await roundTrips({ token: "bcd_unknown", body: b })).toEqual({ status: 401, calls: 1 });
    // A body refused for its shape: the admin secret needs no lookup; a stored token gets one, for 401 vs 400.
    expect(await roundTrips({ token: ADMIN, body: "{", contentType: "application/json" })).toEqual({
      status: 400,
      calls: 0,
    });
    const token = await createToken("SL.MAISON", "reporter");
    expect(await roundTrips({ token, body: "{", contentType: "application/json" })).toEqual({
      status: 400,
      calls: 1,
    });
  });
});

describe("D1 round trips once the report is reviewed", () => {
  it("two for a resubmission after a return (its changes come with the read), one for a refusal after an acceptance", async () => {
    const token = await createToken("SL.MAISON", "reporter");
    expect((await roundTrips({ token, body: body(report("SL.MAISON", fullRows(1))) })).status).toBe(201);
    const review = (decision: string, revision: number) =>
      app.fetch(
        new Request("http://worker.test/v1/reviews", {
          method: "POST",
          headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
          body: JSON.stringify({ unit: "SL.MAISON", period: "2023", revision, decision, comment: "x" }),
        }),
        env,
        createExecutionContext(),
      );
    expect((await review("return", 1)).status).toBe(201);
    expect(await roundTrips({ token, body: body(report("SL.MAISON", fullRows(2))) })).toEqual({
      status: 201,
      calls: 2,
    });
    expect((await review("accept", 2)).status).toBe(201);
    expect(await roundTrips({ token, body: body(report("SL.MAISON", fullRows(3))) })).toEqual({
      status: 423,
      calls: 1,
    });
  });
});
