// Who may do what: every route × every kind of caller, as one table. The unit-scoped routes ask about
// SL.MAISON.HATLOT, which is below SL.MAISON and outside SL.TPSL.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { tokenAnswer } from "../../shared/api/schemas.ts";
import {
  ADMIN,
  call,
  dispatchDirectly,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  submitOk,
} from "../test/helpers.ts";

// Over a hundred requests: see dispatchDirectly.
dispatchDirectly();

type Who =
  | "none"
  | "revoked"
  | "adminSecret"
  | "adminToken"
  | "reviewerRoot"
  | "reviewerDistrict"
  | "reporterDistrict"
  | "reporterOther";

const WHO: Who[] = [
  "none",
  "revoked",
  "adminSecret",
  "adminToken",
  "reviewerRoot",
  "reviewerDistrict",
  "reporterDistrict",
  "reporterOther",
];

const tokens: Record<Who, string | null> = {
  none: null,
  revoked: "",
  adminSecret: ADMIN,
  adminToken: "",
  reviewerRoot: "",
  reviewerDistrict: "",
  reporterDistrict: "",
  reporterOther: "",
};

const UNIT = "SL.MAISON.HATLOT";
let sent = 0;

interface Route {
  name: string;
  /** The request, made fresh for each caller (some need a new id or body). */
  send: (token: string | null) => Promise<Response>;
  /** Expected status per caller, in WHO's order. */
  expect: [number, number, number, number, number, number, number, number];
}

async function newTokenId(): Promise<string> {
  const res = await call("POST", "/v1/admin/tokens", { json: { unit: "SL.TPSL", role: "reporter" } });
  return tokenAnswer.parse(await json(res)).id;
}

const ALL = 200;
const routes: Route[] = [
  {
    name: "GET /v1/health",
    send: (token) => call("GET", "/v1/health", { token }),
    expect: [ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL],
  },
  {
    name: "PUT /v1/admin/units",
    send: (token) => call("PUT", "/v1/admin/units", { token, json: { units: SMALL_TREE } }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    name: "POST /v1/admin/tokens",
    send: (token) => call("POST", "/v1/admin/tokens", { token, json: { unit: "SL", role: "admin" } }),
    expect: [401, 401, 201, 201, 403, 403, 403, 403],
  },
  {
    name: "DELETE /v1/admin/tokens/:id",
    send: async (token) => call("DELETE", `/v1/admin/tokens/${await newTokenId()}`, { token }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    name: "PUT /v1/admin/periods/:period",
    send: (token) =>
      call("PUT", "/v1/admin/periods/2024", { token, json: { deadline: "2025-01-15T17:00:00+07:00" } }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    name: "POST /v1/admin/recompute",
    send: (token) => call("POST", "/v1/admin/recompute?period=2023", { token }),
    expect: [401, 401, 200, 200, 403, 403, 403, 403],
  },
  {
    name: "GET /v1/units",
    send: (token) => call("GET", "/v1/units", { token }),
    expect: [401, 401, 200, 200, 200, 200, 200, 200],
  },
  {
    name: "GET /v1/templates",
    send: (token) => call("GET", "/v1/templates", { token }),
    expect: [401, 401, 200, 200, 200, 200, 200, 200],
  },
  {
    name: "GET /v1/templates/:id",
    send: (token) => call("GET", "/v1/templates/doan-2024", { token }),
    expect: [401, 401, 200, 200, 200, 200, 200, 200],
  },
  {
    name: "POST /v1/submissions",
    send: (token) =>
      call("POST", "/v1/submissions", {
        token,
        json: report(UNIT, minimalRows(10, 100 + sent++)),
      }),
    expect: [401, 401, 201, 201, 403, 403, 201, 403],
  },
  {
    name: "POST /v1/submissions (unknown unit)",
    send: (token) => call("POST", "/v1/submissions", { token, json: report("SL.NOWHERE", minimalRows()) }),
    expect: [401, 401, 404, 404, 403, 403, 403, 403],
  },
  {
    name: "GET /v1/submissions",
    send: (token) => call("GET", `/v1/submissions?unit=${UNIT}&period=2023`, { token }),
    expect: [401, 401, 200, 200, 200, 200, 200, 403],
  },
  {
    name: "GET /v1/consolidation",
    send: (token) => call("GET", `/v1/consolidation?unit=${UNIT}&period=2023`, { token }),
    expect: [401, 401, 200, 200, 200, 200, 200, 403],
  },
  {
    name: "GET /v1/consolidation (unknown unit)",
    send: (token) => call("GET", "/v1/consolidation?unit=SL.NOWHERE&period=2023", { token }),
    expect: [401, 401, 404, 404, 403, 403, 403, 403],
  },
  {
    // Review (§3): a return is allowed from every state, so each allowed caller gets 201 in turn.
    name: "POST /v1/reviews",
    send: async (token) => {
      const revision = await storedRevisions();
      const json = { unit: UNIT, period: "2023", revision, decision: "return", comment: "Xem lại" };
      return call("POST", "/v1/reviews", { token, json });
    },
    expect: [401, 401, 201, 201, 201, 201, 403, 403],
  },
  {
    name: "GET /v1/reviews",
    send: (token) => call("GET", `/v1/reviews?unit=${UNIT}&period=2023`, { token }),
    expect: [401, 401, 200, 200, 200, 200, 200, 403],
  },
  {
    name: "GET /v1/periods/:period",
    send: (token) => call("GET", "/v1/periods/2023", { token }),
    expect: [401, 401, 200, 200, 200, 200, 200, 200],
  },
  {
    name: "POST /v1/periods/:period/lock",
    send: (token) => call("POST", "/v1/periods/2030/lock", { token }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    name: "POST /v1/periods/:period/unlock",
    send: (token) => call("POST", "/v1/periods/2030/unlock", { token }),
    expect: [401, 401, 200, 200, 200, 403, 403, 403],
  },
  {
    name: "GET /v1/no-such-route",
    send: (token) => call("GET", "/v1/no-such-route", { token }),
    expect: [401, 401, 404, 404, 404, 404, 404, 404],
  },
];

const storedRevisions = async () =>
  (await env.DB.prepare("SELECT COUNT(*) AS n FROM submissions").first<{ n: number }>())?.n ?? 0;

beforeAll(async () => {
  await resetDb();
  expect((await importUnits(SMALL_TREE)).status).toBe(200);
  await submitOk(report(UNIT, minimalRows()));
  const make = async (unit: string, role: string) =>
    tokenAnswer.parse(await json(await call("POST", "/v1/admin/tokens", { json: { unit, role } })));
  tokens.adminToken = (await make("SL", "admin")).token;
  tokens.reviewerRoot = (await make("SL", "reviewer")).token;
  tokens.reviewerDistrict = (await make("SL.MAISON", "reviewer")).token;
  tokens.reporterDistrict = (await make("SL.MAISON", "reporter")).token;
  tokens.reporterOther = (await make("SL.TPSL", "reporter")).token;
  const revoked = await make("SL", "admin");
  expect((await call("DELETE", `/v1/admin/tokens/${revoked.id}`)).status).toBe(200);
  tokens.revoked = revoked.token;
});

describe("every route × every caller", () => {
  for (const route of routes) {
    it(route.name, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const [i, who] of WHO.entries()) {
        const before = await storedRevisions();
        const res = await route.send(tokens[who]);
        got[who] = res.status;
        want[who] = route.expect[i] as number;
        if (res.status >= 400) {
          const body = await json<{ error: { code: string } }>(res);
          const code = { 401: "unauthenticated", 403: "forbidden" }[res.status as 401 | 403];
          if (code) expect(body.error.code, `${route.name} as ${who}`).toBe(code);
          // A refused caller stores no revision.
          expect(await storedRevisions(), `${route.name} as ${who}`).toBe(before);
        }
      }
      expect(got).toEqual(want);
    });
  }

  it("lists only the caller's subtree in GET /v1/units", async () => {
    const codes = async (who: Who) =>
      (
        await json<{ units: { code: string }[] }>(await call("GET", "/v1/units", { token: tokens[who] }))
      ).units
        .map((u) => u.code)
        .sort();
    expect(await codes("reporterOther")).toEqual(["SL.TPSL", "SL.TPSL.CHIENGLE"]);
    expect(await codes("reviewerDistrict")).toEqual([
      "SL.MAISON",
      "SL.MAISON.CHIENGDONG",
      "SL.MAISON.HATLOT",
    ]);
    expect(await codes("adminToken")).toHaveLength(SMALL_TREE.length);
  });

  it("a reporter cannot lock or reopen, import units or make tokens, even for its own unit", async () => {
    const reporter = tokens.reporterDistrict;
    const refused = [
      await call("POST", "/v1/periods/2023/lock", { token: reporter }),
      await call("POST", "/v1/periods/2023/unlock", { token: reporter }),
      await call("PUT", "/v1/admin/units", {
        token: reporter,
        json: { units: [{ code: "SL.MAISON.NEW", name: "Mới", parent: "SL.MAISON" }] },
      }),
      await call("POST", "/v1/admin/tokens", {
        token: reporter,
        json: { unit: "SL.MAISON", role: "reporter" },
      }),
      await call("POST", "/v1/admin/recompute?fix=true", { token: reporter }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    const units = await env.DB.prepare("SELECT code FROM units WHERE code = 'SL.MAISON.NEW'").all();
    expect(units.results).toEqual([]);
    expect(await env.DB.prepare("SELECT locked FROM periods WHERE period = '2023'").first()).toBeNull();
  });
});
