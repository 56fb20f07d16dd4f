// Odd operations found by probing the Worker from outside (issue 14), each run through the whole app
// on real D1: a revocation that lands between a submission's read and its write, data stored before
// today's limits (sums beyond exact range, a deadline in year 10000), unit names with blanks, and the
// X-D1-Rows-* headers on a CORS preflight.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_FIGURE } from "../shared/api/limits.ts";
import { Db } from "./db/db.ts";
import { submit as submitDirect } from "./db/submit.ts";
import app from "./index.ts";
import {
  call,
  createToken,
  importUnits,
  json,
  minimalRows,
  recompute,
  report,
  resetDb,
  SMALL_TREE,
  storedSnapshot,
  submitOk,
} from "./test/helpers.ts";
import { expectTotalsMatchOracle } from "./test/oracle.ts";

beforeEach(async () => {
  await resetDb();
  expect((await importUnits(SMALL_TREE)).status).toBe(200);
});

describe("a token revoked while its submission is on the way", () => {
  /** env.DB that revokes `tokenId` just before the submission's write batch, after its read. */
  function revokingDb(tokenId: () => string): D1Database {
    const real = env.DB;
    return new Proxy(real, {
      get(target, prop) {
        if (prop === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            const writes = statements.some((s) =>
              /INSERT INTO submissions/.test(String((s as unknown as { statement?: unknown }).statement)),
            );
            if (writes) {
              await target
                .prepare("UPDATE tokens SET revoked_at = ? WHERE id = ?")
                .bind(new Date().toISOString(), tokenId())
                .run();
            }
            return target.batch(statements);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  it("is refused by the write batch itself: 401, nothing stored", async () => {
    const secret = await createToken("SL.MAISON", "reporter");
    const { id } = (await env.DB.prepare("SELECT id FROM tokens WHERE unit = 'SL.MAISON'").first<{
      id: string;
    }>()) as { id: string };
    const before = await storedSnapshot();
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request("http://worker.test/v1/submissions", {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify(report("SL.MAISON", minimalRows())),
      }),
      { ...env, DB: revokingDb(() => id) },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status, await res.clone().text()).toBe(401);
    expect((await json<{ error: { code: string } }>(res)).error.code).toBe("unauthenticated");
    const after = await storedSnapshot();
    expect(after.submissions).toEqual(before.submissions);
    expect(after.current_values).toEqual(before.current_values);
    expect(after.totals).toEqual(before.totals);
    expect((await recompute()).differenceCount).toBe(0);
  });
});

describe("money sums beyond exact range, stored before the limits", () => {
  it("recompute reports them as a difference of the period, never a 500", async () => {
    const db = new Db(env.DB);
    // Ten units of 999999999999.999 each: 10^16 thousandths, past 2^53.
    const units = Array.from({ length: 10 }, (_, i) => `SL.TPSL.X${i}`);
    await importUnits(units.map((code) => ({ code, name: code, parent: "SL.TPSL" })));
    // Straight to submit(): the body's schema would refuse 999999999999.999 today.
    for (const unit of units) {
      await submitDirect(db, {
        body: {
          ...report(unit, [...minimalRows(), { code: "XD06", actual: 999999999999.999 }], { period: "2022" }),
          mode: "merge",
        },
        credential: { principal: { tokenId: "admin", role: "admin", unit: null } },
        idempotencyKey: null,
        ifMatch: null,
      });
    }
    await submitOk(report("SL.MAISON", minimalRows()));
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const one = await recompute("?period=2022");
    expect(one.differenceCount).toBeGreaterThan(0);
    expect(one.differences[0]).toMatchObject({ period: "2022", what: "total", code: "XD06" });
    expect(String(one.differences[0]?.expected)).toMatch(/exact/);
    const all = await recompute();
    expect(all.periods).toEqual(["2022", "2023"]);
    expect(all.differences.every((d) => d.period === "2022")).toBe(true);
    vi.restoreAllMocks();
  });

  it("cannot be stored today: the largest figure of every unit still sums exactly", async () => {
    for (const unit of ["SL", "SL.MAISON", "SL.MAISON.HATLOT"]) {
      await submitOk(
        report(unit, [...minimalRows(MAX_FIGURE, MAX_FIGURE), { code: "XD06", actual: MAX_FIGURE }]),
      );
    }
    const res = await call("GET", "/v1/consolidation?unit=SL&period=2023");
    const xd06 = (await json<{ indicators: { code: string; actual?: number }[] }>(res)).indicators.find(
      (i) => i.code === "XD06",
    );
    expect(xd06?.actual).toBe(3 * MAX_FIGURE);
    expect((await recompute()).differenceCount).toBe(0);
    await expectTotalsMatchOracle("2023");
  });
});

describe("a deadline in year 10000, stored before the limits", () => {
  it("makes no report late: lateness compares instants, in SQL as in the oracle", async () => {
    // What PUT 9999-12-31T23:59:59-23:59 stored before deadlines were bounded.
    await env.DB.prepare(
      "INSERT INTO periods (period, deadline) VALUES ('2023', '+010000-01-01T23:58:59.000Z')",
    ).run();
    await submitOk(report("SL.MAISON.HATLOT", minimalRows()));
    await submitOk(report("SL.MAISON", minimalRows()));
    const res = await call("GET", "/v1/consolidation?unit=SL&period=2023");
    const { reporting } = await json<{ reporting: { late: number; lateUnits?: string[] } }>(res);
    expect(reporting.late).toBe(0);
    expect(reporting.lateUnits).toEqual([]);
    expect((await recompute()).differenceCount).toBe(0);
    await expectTotalsMatchOracle("2023");
  });

  it("is refused today, naming deadline, with nothing stored", async () => {
    const before = await storedSnapshot();
    const res = await call("PUT", "/v1/admin/periods/2023", {
      json: { deadline: "9999-12-31T23:59:59-23:59" },
    });
    expect(res.status).toBe(400);
    const { error } = await json<{ error: { code: string; issues: { field: string; message: string }[] } }>(
      res,
    );
    expect(error.issues.map((i) => i.field)).toEqual(["deadline"]);
    expect(error.issues[0]?.message).toMatch(/2000.*2100/);
    expect(await storedSnapshot()).toEqual(before);
  });
});

describe("unit names", () => {
  it("are stored trimmed, so the same import again changes nothing", async () => {
    const units = [{ code: "SL.TPSL.MOI", name: "  Đoàn phường Mới \t", parent: "SL.TPSL" }];
    expect(await json(await importUnits(units))).toMatchObject({ created: 1 });
    expect(await json(await importUnits(units))).toEqual({ created: 0, updated: 0, moved: 0, unchanged: 1 });
    const row = await env.DB.prepare("SELECT name FROM units WHERE code = 'SL.TPSL.MOI'").first<{
      name: string;
    }>();
    expect(row?.name).toBe("Đoàn phường Mới");
  });
});

describe("every answer carries X-D1-Rows-*", () => {
  it("a CORS preflight (OPTIONS) too", async () => {
    const res = await call("OPTIONS", "/v1/submissions", {
      token: null,
      headers: { origin: "https://localhost:3000", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("X-D1-Rows-Read")).toBe("0");
    expect(res.headers.get("X-D1-Rows-Written")).toBe("0");
  });

  it("an OPTIONS without CORS headers too", async () => {
    const res = await call("OPTIONS", "/v1/health", { token: null });
    expect(res.headers.get("X-D1-Rows-Read")).toBe("0");
  });
});
