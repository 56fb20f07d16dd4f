// The races the write batch must survive, made deterministic: a Db that pauses right after the
// submission's pre-batch read lets another request commit (or the period get locked) in between.
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import type { ParsedSubmission } from "../../shared/api/schemas.ts";
import type { Principal } from "../app-env.ts";
import { ApiFailure } from "../http/errors.ts";
import { importUnits, minimalRows, resetDb, SMALL_TREE, storedCounts } from "../test/helpers.ts";
import { Db } from "./db.ts";
import { submit } from "./submit.ts";

const admin: Principal = { tokenId: "admin", role: "admin", unit: null };

/** Runs `meanwhile` once, after the first batch (submit's read of the current state) returns. */
class PausingDb extends Db {
  constructor(private meanwhile: (() => Promise<unknown>) | undefined) {
    super(env.DB);
  }

  override async batch<T = Record<string, unknown>>(
    statements: D1PreparedStatement[],
  ): Promise<D1Result<T>[]> {
    const results = await super.batch<T>(statements);
    const hook = this.meanwhile;
    this.meanwhile = undefined;
    if (hook) await hook();
    return results;
  }
}

const body = (rows: ParsedSubmission["rows"], mode: "replace" | "merge" = "replace"): ParsedSubmission => ({
  unit: "SL.MAISON",
  period: "2023",
  template: "doan-2024",
  mode,
  rows,
});

const send = (db: Db, b: ParsedSubmission, extra: { ifMatch?: number; key?: string } = {}) =>
  submit(db, {
    body: b,
    credential: { principal: admin },
    idempotencyKey: extra.key ?? null,
    ifMatch: extra.ifMatch ?? null,
  });

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => (e instanceof ApiFailure ? e : undefined),
  );

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
  await send(new Db(env.DB), body([...minimalRows(100, 100), { code: "GD02", actual: 50 }]));
});

describe("submit under races", () => {
  it("re-validates a merge when another submission lands between its read and its batch", async () => {
    // Each alone is valid against revision 1; together they would store GD02 (90) > GD01 (60).
    const db = new PausingDb(() => send(new Db(env.DB), body([{ code: "GD01", actual: 60 }], "merge")));
    const err = await failure(send(db, body([{ code: "GD02", actual: 90 }], "merge")));
    expect(err?.code).toBe("validation_failed");
    expect(err?.issues?.[0]).toMatchObject({ code: "rule.compare", rule: "GD02<=GD01" });
  });

  it("a merge whose read went stale but is still valid is stored on the retry", async () => {
    const db = new PausingDb(() => send(new Db(env.DB), body([{ code: "PT01", actual: 7 }], "merge")));
    const outcome = await send(db, body([{ code: "PT02", actual: 3 }], "merge"));
    expect(outcome).toMatchObject({ status: 201, receipt: { revision: 3 } });
  });

  it("refuses with 409 when If-Match went stale between the check and the batch, storing nothing", async () => {
    let before: Record<string, number> = {};
    const db = new PausingDb(async () => {
      await send(new Db(env.DB), body(minimalRows(5, 5)));
      before = await storedCounts();
    });
    const err = await failure(send(db, body(minimalRows(6, 6)), { ifMatch: 1 }));
    expect(err?.code).toBe("revision_conflict");
    expect(err?.extra.currentRevision).toBe(2);
    expect(await storedCounts()).toEqual(before);
  });

  it("refuses with 423 when the period is locked between the check and the batch, storing nothing", async () => {
    let before: Record<string, number> = {};
    const db = new PausingDb(async () => {
      await env.DB.prepare("INSERT INTO periods (period, locked) VALUES ('2023', 1)").run();
      before = await storedCounts();
    });
    const err = await failure(send(db, body(minimalRows(6, 6))));
    expect(err?.code).toBe("period_locked");
    expect(await storedCounts()).toEqual(before);
  });

  it("answers the winner's receipt when a twin with the same key commits first", async () => {
    const b = body(minimalRows(7, 7));
    let twin: unknown;
    const db = new PausingDb(async () => {
      twin = await send(new Db(env.DB), b, { key: "same" });
    });
    const outcome = await send(db, b, { key: "same" });
    expect(twin).toMatchObject({ status: 201 });
    expect(outcome.status).toBe(200);
    expect(outcome.receipt).toEqual((twin as { receipt: unknown }).receipt);
    const n = await env.DB.prepare("SELECT COUNT(*) AS n FROM submissions WHERE unit = 'SL.MAISON'").first<{
      n: number;
    }>();
    expect(n?.n).toBe(2);
  });
});
