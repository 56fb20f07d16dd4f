// The stored restated figures of compare= (restated.ts, migration 0007): filled by the first compare,
// read by the next, forgotten by a submission for the compared period and by a tree change from its
// effective date on, and never stored by a fill that a submission or a tree change overtook between its
// read and its write (the change is spliced in there through a wrapped D1).
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { type ComparedConsolidation, comparedConsolidation } from "../../shared/api/units.ts";
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
  submitOk,
} from "../test/helpers.ts";
import { READ_MARK } from "./restated-sql.ts";

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
  await submitOk(report("SL.MAISON.CHIENGDONG", minimalRows(3, 30)));
  await submitOk(report("SL.MAISON.HATLOT", minimalRows(4, 40)));
  await submitOk(report("SL.TPSL.CHIENGLE", minimalRows(2, 20)));
  await submitOk(report("SL.MAISON.HATLOT", minimalRows(5, 50), { period: "2024" }));
});

const COMPARE = "/v1/consolidation?unit=SL&period=2024&compare=2023";

async function compare(path = COMPARE, db: D1Database = env.DB): Promise<Response> {
  const ctx = createExecutionContext();
  const req = new Request(`http://worker.test${path}`, { headers: { authorization: `Bearer ${ADMIN}` } });
  const res = await app.fetch(req, { ...env, DB: db }, ctx);
  await waitOnExecutionContext(ctx);
  expect(res.status).toBe(200);
  return res;
}

const answer = async (res: Response) => comparedConsolidation.parse(await json(res));

/** The compared period's members (GD04) restated onto the unit, as the answer shows them. */
function previousMembers(c: ComparedConsolidation, unit = c.unit): number | undefined {
  const indicators = unit === c.unit ? c.indicators : c.children.find((k) => k.unit === unit)?.indicators;
  return indicators?.find((i) => i.code === "GD04")?.previous?.actual;
}

async function storedRows(compared?: string): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM restated_figures WHERE ?1 IS NULL OR compared = ?1",
  )
    .bind(compared ?? null)
    .first<{ n: number }>();
  return row?.n ?? -1;
}

/** env.DB whose compare fill runs `meanwhile` after its read batch and before it stores. */
function overtaken(meanwhile: () => Promise<void>): D1Database {
  const real = env.DB;
  return new Proxy(real, {
    get(target, prop) {
      if (prop === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          const results = await target.batch(statements);
          const sql = statements.map((s) => (s as unknown as { statement?: unknown }).statement);
          if (sql.includes(READ_MARK)) await meanwhile();
          return results;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

describe("stored restated figures", () => {
  it("are stored by the first compare and give the next the same answer for fewer rows", async () => {
    const first = await compare();
    expect(await storedRows("2023")).toBe(3); // SL and its two children
    const second = await compare();
    expect(await second.text()).toBe(await first.text());
    expect(Number(second.headers.get("x-d1-rows-written"))).toBe(0);
    expect(Number(second.headers.get("x-d1-rows-read"))).toBeLessThan(
      Number(first.headers.get("x-d1-rows-read")),
    );
    // A child's own compare fills its own children, and reads the child itself from the store.
    const district = await answer(await compare("/v1/consolidation?unit=SL.MAISON&period=2024&compare=2023"));
    expect(previousMembers(district)).toBe(70);
    expect(await storedRows("2023")).toBe(5);
  });

  it("are forgotten by a submission for the compared period, in its batch, and kept by one for the asked period", async () => {
    expect(previousMembers(await answer(await compare()))).toBe(90);
    await submitOk(report("SL.TPSL", minimalRows(1, 7), { period: "2024" }));
    expect(await storedRows("2023")).toBe(3);
    await submitOk(report("SL.TPSL", minimalRows(1, 7)));
    expect(await storedRows("2023")).toBe(0);
    const after = await answer(await compare());
    expect(previousMembers(after)).toBe(97);
    expect(previousMembers(after, "SL.TPSL")).toBe(27);
  });

  it("are forgotten by a tree change from its effective date on; earlier trees keep theirs", async () => {
    await compare();
    await compare("/v1/consolidation?unit=SL&period=2026&compare=2023");
    expect(await storedRows("2023")).toBe(6);
    const move = {
      effective: "2025-07-01",
      changes: [{ type: "move", unit: "SL.TPSL.CHIENGLE", parent: "SL.MAISON" }],
    };
    expect((await call("POST", "/v1/admin/units/changes", { json: move })).status).toBe(201);
    // 2024 compared with 2023: both trees end before 2025-07-01, untouched.
    const kept = await env.DB.prepare("SELECT DISTINCT day FROM restated_figures").all<{ day: string }>();
    expect(kept.results.map((r) => r.day)).toEqual(["2024-12-31"]);
    const moved = await answer(await compare("/v1/consolidation?unit=SL&period=2026&compare=2023"));
    expect(previousMembers(moved, "SL.MAISON")).toBe(90);
    expect(previousMembers(moved)).toBe(90);
  });

  it("say a unit made by a split is not comparable, also when it is the unit asked", async () => {
    const split = {
      effective: "2024-07-01",
      changes: [
        {
          type: "split",
          from: "SL.TPSL.CHIENGLE",
          into: [
            { code: "SL.TPSL.A", name: "Đoàn phường A", parent: "SL.TPSL" },
            { code: "SL.TPSL.B", name: "Đoàn phường B", parent: "SL.TPSL" },
          ],
        },
      ],
    };
    expect((await call("POST", "/v1/admin/units/changes", { json: split })).status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const own = await answer(await compare("/v1/consolidation?unit=SL.TPSL.A&period=2024&compare=2023"));
      expect(own.comparable).toBe(false);
      expect(own.indicators.every((ind) => ind.previous === undefined)).toBe(true);
    }
    const parent = await answer(await compare("/v1/consolidation?unit=SL.TPSL&period=2024&compare=2023"));
    expect(parent.children.map((k) => k.comparable)).toEqual([false, false]);
    expect(previousMembers(parent)).toBe(20);
  });

  it("follow a merge into a unit whose own subtree did not change", async () => {
    const merge = {
      effective: "2024-07-01",
      changes: [{ type: "merge", from: ["SL.TPSL.CHIENGLE"], into: "SL.MAISON.HATLOT" }],
    };
    expect((await call("POST", "/v1/admin/units/changes", { json: merge })).status).toBe(201);
    const leaf = await answer(
      await compare("/v1/consolidation?unit=SL.MAISON.HATLOT&period=2024&compare=2023"),
    );
    expect(previousMembers(leaf)).toBe(60);
    const district = await answer(await compare("/v1/consolidation?unit=SL.MAISON&period=2024&compare=2023"));
    expect(previousMembers(district)).toBe(90);
    expect(previousMembers(district, "SL.MAISON.HATLOT")).toBe(60);
  });

  it("send the figures of a unit merged into a unit outside the asked subtree out of it", async () => {
    const merge = {
      effective: "2024-07-01",
      changes: [{ type: "merge", from: ["SL.TPSL.CHIENGLE"], into: "SL" }],
    };
    expect((await call("POST", "/v1/admin/units/changes", { json: merge })).status).toBe(201);
    const city = await answer(await compare("/v1/consolidation?unit=SL.TPSL&period=2024&compare=2023"));
    expect(previousMembers(city)).toBeUndefined();
    const province = await answer(await compare());
    expect(previousMembers(province)).toBe(90);
    expect(previousMembers(province, "SL.TPSL")).toBeUndefined();
  });

  it("are not stored by a fill that a submission for the compared period overtook", async () => {
    const db = overtaken(async () => {
      await submitOk(report("SL.TPSL", minimalRows(1, 7)));
    });
    // The answer is the read's snapshot (before the submission), consistent in itself.
    expect(previousMembers(await answer(await compare(COMPARE, db)))).toBe(90);
    expect(await storedRows()).toBe(0);
    expect(previousMembers(await answer(await compare()))).toBe(97);
    expect(await storedRows()).toBe(3);
  });

  it("are still stored by a fill overtaken by a submission for another period", async () => {
    const db = overtaken(async () => {
      await submitOk(report("SL.TPSL", minimalRows(1, 7), { period: "2024" }));
    });
    await compare(COMPARE, db);
    expect(await storedRows()).toBe(3);
  });

  it("are not stored by a fill that a recompute repair overtook", async () => {
    // Stored totals gone wrong (what recompute --fix is for): the fill reads them, the repair lands.
    await env.DB.prepare(
      "UPDATE totals SET actual_sum = actual_sum + 1000 WHERE ancestor = 'SL.MAISON' AND period = '2023' AND code = 'GD04'",
    ).run();
    const db = overtaken(async () => {
      const res = await call("POST", "/v1/admin/recompute?period=2023&fix=true");
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ fixed: true, remaining: 0 });
    });
    expect(previousMembers(await answer(await compare(COMPARE, db)), "SL.MAISON")).toBe(1070);
    expect(await storedRows()).toBe(0);
    expect(previousMembers(await answer(await compare()), "SL.MAISON")).toBe(70);
  });

  it("are not stored by a fill that a tree change overtook", async () => {
    const db = overtaken(async () => {
      const merge = {
        effective: "2024-07-01",
        changes: [{ type: "merge", from: ["SL.MAISON.HATLOT"], into: "SL.MAISON.CHIENGDONG" }],
      };
      expect((await call("POST", "/v1/admin/units/changes", { json: merge })).status).toBe(201);
    });
    const path = "/v1/consolidation?unit=SL.MAISON&period=2024&compare=2023";
    await compare(path, db);
    expect(await storedRows()).toBe(0);
    const after = await answer(await compare(path));
    // Hát Lót's 40 now go to Chiềng Dong, which took it over.
    expect(previousMembers(after, "SL.MAISON.CHIENGDONG")).toBe(70);
    expect(after.children.map((k) => k.unit)).toEqual(["SL.MAISON.CHIENGDONG"]);
  });
});
