// Every error status of the contract, on the route that writes the most (POST /v1/submissions):
// the envelope's shape, and proof that nothing was stored.
import { beforeEach, describe, expect, it } from "vitest";
import { errorEnvelope } from "../../shared/api/schemas.ts";
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
  submitOk,
} from "../test/helpers.ts";

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
  // Something stored already, so "nothing changed" is not trivially "everything is empty".
  await submitOk(report("SL.MAISON", minimalRows()), { key: "seed" });
});

const MiB = 1024 * 1024;
const goodBody = () => JSON.stringify(report("SL.MAISON", minimalRows(20, 200)));

function stream(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
      controller.close();
    },
  });
}

const cases: { name: string; status: number; code: string; send: () => Promise<Response> }[] = [
  {
    name: "malformed JSON",
    status: 400,
    code: "invalid_json",
    send: () =>
      call("POST", "/v1/submissions", {
        body: '{"unit": "SL.MAISON",',
        headers: { "content-type": "application/json" },
      }),
  },
  {
    name: "a body of the wrong shape",
    status: 400,
    code: "invalid_body",
    send: () =>
      call("POST", "/v1/submissions", { json: { unit: "SL.MAISON", period: "2023", rows: "all of them" } }),
  },
  {
    name: "no token",
    status: 401,
    code: "unauthenticated",
    send: () => call("POST", "/v1/submissions", { token: null, body: goodBody() }),
  },
  {
    name: "a wrong token",
    status: 401,
    code: "unauthenticated",
    send: () => call("POST", "/v1/submissions", { token: "nope", body: goodBody() }),
  },
  // POST /v1/submissions looks its token up in its own first read, after the body's checks: a body
  // refused for its shape must still answer 401 to an unknown token, and 400 to a known one.
  {
    name: "a wrong token with malformed JSON",
    status: 401,
    code: "unauthenticated",
    send: () =>
      call("POST", "/v1/submissions", {
        token: "nope",
        body: '{"unit": "SL.MAISON",',
        headers: { "content-type": "application/json" },
      }),
  },
  {
    name: "a wrong token with a body that is not JSON",
    status: 401,
    code: "unauthenticated",
    send: () =>
      call("POST", "/v1/submissions", {
        token: "nope",
        body: goodBody(),
        headers: { "content-type": "text/plain" },
      }),
  },
  {
    name: "a reporter's token with malformed JSON",
    status: 400,
    code: "invalid_json",
    send: async () =>
      call("POST", "/v1/submissions", {
        token: await createToken("SL.MAISON", "reporter"),
        body: '{"unit": "SL.MAISON",',
        headers: { "content-type": "application/json" },
      }),
  },
  {
    name: "a revoked token",
    status: 401,
    code: "unauthenticated",
    send: async () => {
      const res = await call("POST", "/v1/admin/tokens", { json: { unit: "SL.MAISON", role: "reporter" } });
      const { id, token } = await json<{ id: string; token: string }>(res);
      expect((await call("DELETE", `/v1/admin/tokens/${id}`)).status).toBe(200);
      return submit(report("SL.MAISON", minimalRows(3, 3)), { token });
    },
  },
  {
    name: "a reviewer's token",
    status: 403,
    code: "forbidden",
    send: async () =>
      submit(report("SL.MAISON", minimalRows()), { token: await createToken("SL", "reviewer") }),
  },
  {
    name: "a unit outside the token's subtree",
    status: 403,
    code: "forbidden",
    send: async () =>
      submit(report("SL.MAISON", minimalRows()), { token: await createToken("SL.TPSL", "reporter") }),
  },
  {
    name: "an unknown unit (admin)",
    status: 404,
    code: "unknown_unit",
    send: () => submit(report("SL.NOWHERE", minimalRows())),
  },
  {
    name: "a stale If-Match",
    status: 409,
    code: "revision_conflict",
    send: () => submit(report("SL.MAISON", minimalRows(3, 3)), { ifMatch: 7 }),
  },
  {
    name: "a reused Idempotency-Key with another body",
    status: 409,
    code: "idempotency_conflict",
    send: () => submit(report("SL.MAISON", minimalRows(3, 3)), { key: "seed" }),
  },
  {
    name: "a body over 1 MiB by Content-Length",
    status: 413,
    code: "payload_too_large",
    send: () =>
      call("POST", "/v1/submissions", {
        body: `{"pad":"${"x".repeat(MiB)}"}`,
        headers: { "content-type": "application/json" },
      }),
  },
  {
    name: "a body over 1 MiB without Content-Length (streamed)",
    status: 413,
    code: "payload_too_large",
    send: () =>
      call("POST", "/v1/submissions", {
        body: stream(`{"pad":"${"x".repeat(MiB)}"}`),
        headers: { "content-type": "application/json" },
      }),
  },
  {
    name: "a body that is not JSON",
    status: 415,
    code: "unsupported_media_type",
    send: () =>
      call("POST", "/v1/submissions", { body: goodBody(), headers: { "content-type": "text/plain" } }),
  },
  {
    name: "a report breaking the template's rules",
    status: 422,
    code: "validation_failed",
    send: () => submit(report("SL.MAISON", [...minimalRows(), { code: "GD02", actual: 11 }])),
  },
  {
    name: "a locked period",
    status: 423,
    code: "period_locked",
    send: async () => {
      expect((await call("POST", "/v1/periods/2023/lock")).status).toBe(200);
      return submit(report("SL.MAISON", minimalRows(4, 4)));
    },
  },
];

describe("error statuses of POST /v1/submissions", () => {
  for (const c of cases) {
    it(`${c.status} ${c.code}: ${c.name}, nothing stored`, async () => {
      const before = await storedCounts();
      const res = await c.send();
      expect(res.status).toBe(c.status);
      const body = errorEnvelope.parse(await json(res));
      expect(body.error.code).toBe(c.code);
      expect(body.error.message).toBe(`${body.error.i18n?.vi} / ${body.error.i18n?.en}`);
      const after = await storedCounts();
      // Creating the scoped token and locking the period are the only writes, and not the request's.
      expect({ ...after, tokens: 0, periods: 0 }).toEqual({ ...before, tokens: 0, periods: 0 });
    });
  }

  it("names each bad field of an invalid body with its path", async () => {
    const res = await call("POST", "/v1/submissions", {
      json: {
        unit: "sl maison",
        period: "2023",
        template: "doan-2024",
        rows: [{ code: "GD01", actual: true }],
        extra: 1,
      },
    });
    expect(res.status).toBe(400);
    const fields = (await json<{ error: { issues: { field: string }[] } }>(res)).error.issues
      .map((i) => i.field)
      .sort();
    expect(fields).toEqual(["extra", "rows.0.actual", "unit"]);
  });

  it("answers unknown routes with 404 not_found in the envelope", async () => {
    const res = await call("GET", "/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ error: { code: "not_found" } });
  });
});
