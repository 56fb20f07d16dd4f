// A tree change plans which periods to rebuild from a read; a first report for a period that held
// none then, landing between that read and the change's batch, adds its totals on the old tree. The
// batch must notice (tree_changed) and plan again, so the period is rebuilt on the new tree. The report
// is spliced in through a wrapped D1, just before the change's batch.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import app from "../index.ts";
import {
  ADMIN,
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
  await submitOk(report("SL.TPSL.CHIENGLE", minimalRows(2, 20)));
});

/** env.DB that runs `meanwhile` once, just before the first tree change batch. */
function beforeTreeBatch(meanwhile: () => Promise<void>): D1Database {
  let done = false;
  const real = env.DB;
  return new Proxy(real, {
    get(target, prop) {
      if (prop === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          const sql = statements.map((s) => String((s as unknown as { statement?: unknown }).statement));
          if (!done && sql.some((q) => q.startsWith("UPDATE tree_version SET version = CASE"))) {
            done = true;
            await meanwhile();
          }
          return target.batch(statements);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("a tree change racing a first report of a period", () => {
  it("rebuilds that period on the new tree", async () => {
    const db = beforeTreeBatch(async () => {
      await submitOk(report("SL.TPSL.CHIENGLE", minimalRows(3, 30), { period: "2025" }));
    });
    const move = {
      effective: "2025-07-01",
      changes: [{ type: "move", unit: "SL.TPSL.CHIENGLE", parent: "SL.MAISON" }],
    };
    const ctx = createExecutionContext();
    const req = new Request("http://worker.test/v1/admin/units/changes", {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: JSON.stringify(move),
    });
    const res = await app.fetch(req, { ...env, DB: db }, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ periodsRebuilt: ["2025"] });
    await expectTotalsMatchOracle("2025");
    await expectTotalsMatchOracle("2023");
  });
});
