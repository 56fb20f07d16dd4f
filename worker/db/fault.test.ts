// A failure injected into the middle of a submission's single DB.batch() leaves no trace: no revision,
// no current value, total, report status or idempotency record changes, and the client's retry with the
// same Idempotency-Key is stored as if the failed attempt had never happened. The fault is a real SQLite
// error (a constraint violation) spliced into the real batch at every position, through the whole app.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Receipt, SubmissionBody } from "../../shared/api/schemas.ts";
import app from "../index.ts";
import {
  ADMIN,
  call,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  storedSnapshot,
  submitOk,
} from "../test/helpers.ts";
import { expectTotalsMatchOracle } from "../test/oracle.ts";
import { submissionStatements } from "./submission-batch.ts";

/** The submission batch is the only one that inserts into `submissions`. */
function isSubmissionBatch(statements: D1PreparedStatement[]): boolean {
  return statements.some((st) => {
    const sql = (st as unknown as { statement?: unknown }).statement;
    return typeof sql === "string" && /^\s*INSERT INTO submissions/.test(sql);
  });
}

/**
 * env.DB whose submission batch gets a failing statement (a duplicate primary key) inserted before
 * statement `at`: at 1 the revision row is already written inside the transaction, at 3 the totals
 * deltas too, at the end everything.
 */
function faultyDb(at: number): { db: D1Database; faults: () => number; sizes: number[] } {
  let faults = 0;
  const sizes: number[] = [];
  const real = env.DB;
  const db = new Proxy(real, {
    get(target, prop) {
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          if (!isSubmissionBatch(statements)) return target.batch(statements);
          faults += 1;
          sizes.push(statements.length);
          const failing = target.prepare("INSERT INTO tree_version (id, version) VALUES (1, 0)");
          return target.batch([...statements.slice(0, at), failing, ...statements.slice(at)]);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db, faults: () => faults, sizes };
}

async function sendThrough(db: D1Database, body: SubmissionBody, key: string): Promise<Response> {
  const ctx = createExecutionContext();
  const req = new Request("http://worker.test/v1/submissions", {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
  const res = await app.fetch(req, { ...env, DB: db }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const UNIT = "SL.MAISON.HATLOT";
/** How many statements the submission batch has (submission-batch.ts): the fault goes before each and after the last. */
const STATEMENTS = submissionStatements((sql) => sql, {
  unit: "",
  period: "",
  expectedRevision: null,
  template: "",
  mode: "replace",
  body: "",
  digest: "",
  tokenId: "",
  sender: "",
  onBehalfOf: null,
  receivedAt: "",
  idempotencyKey: null,
  receipt: "",
  rows: "[]",
  thresholds: "{}",
  day: "",
}).length;

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
  // Earlier state for the fault to (not) disturb: the unit has revision 1, a sibling and an uncle report.
  await submitOk(
    report(UNIT, [...minimalRows(10, 100), { code: "PT02", actual: 4 }, { code: "KN02", actual: 1 }]),
  );
  await submitOk(report("SL.MAISON.CHIENGDONG", [...minimalRows(5, 50), { code: "PT02", actual: 3 }]));
  await submitOk(report("SL.TPSL", [...minimalRows(7, 70), { code: "TD01", actual: "XS" }]));
  // The failed request's 500 is logged; keep the test output readable.
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const bodies: Record<"replace" | "merge" | "first report", () => SubmissionBody> = {
  replace: () =>
    report(UNIT, [...minimalRows(12, 120), { code: "PT02", actual: 9 }, { code: "TD01", actual: "T" }]),
  merge: () =>
    report(
      UNIT,
      [
        { code: "PT02", actual: null },
        { code: "KN02", actual: 2 },
        { code: "KN03", actual: 15.5 },
      ],
      { mode: "merge" },
    ),
  "first report": () => report("SL.TPSL.CHIENGLE", [...minimalRows(3, 30), { code: "PT04", actual: 5 }]),
};

describe("a fault inside the submission batch", () => {
  for (const [name, makeBody] of Object.entries(bodies)) {
    for (let at = 0; at <= STATEMENTS; at++) {
      it(`${name}, failing before statement ${at}: 500, nothing stored, the retry is stored once`, async () => {
        const body = makeBody();
        const before = await storedSnapshot();
        const fault = faultyDb(at);
        const key = `fault-${name.replace(" ", "-")}-${at}`;
        const res = await sendThrough(fault.db, body, key);
        expect(fault.sizes).toEqual([STATEMENTS]);
        expect(fault.faults()).toBe(1);
        expect(res.status).toBe(500);
        expect(await json(res)).toMatchObject({ error: { code: "internal" } });
        expect(await storedSnapshot()).toEqual(before);

        // The client retries with the same key against a healthy database: a new revision (201), not a
        // replay (200) of a receipt the failed attempt never stored.
        const retry = await sendThrough(env.DB, body, key);
        expect(retry.status).toBe(201);
        const previous = (before.submissions as { unit: string }[]).filter(
          (s) => s.unit === body.unit,
        ).length;
        expect((await json<Receipt>(retry)).revision).toBe(previous + 1);
        const again = await sendThrough(env.DB, body, key);
        expect(again.status).toBe(200);
        await expectTotalsMatchOracle("2023");
      });
    }
  }

  it("leaves the read routes answering as before", async () => {
    const consolidationBefore = await json(await call("GET", "/v1/consolidation?unit=SL&period=2023"));
    const fault = faultyDb(3);
    expect((await sendThrough(fault.db, bodies.replace(), "k")).status).toBe(500);
    expect(await json(await call("GET", "/v1/consolidation?unit=SL&period=2023"))).toEqual(
      consolidationBefore,
    );
  });
});
