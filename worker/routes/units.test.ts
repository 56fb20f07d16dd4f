import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { unitsAnswer } from "../../shared/api/schemas.ts";
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
  submitOk,
} from "../test/helpers.ts";
import { expectTotalsMatchOracle } from "../test/oracle.ts";

beforeEach(resetDb);

const closure = async () =>
  (
    await env.DB.prepare(
      "SELECT ancestor, descendant, depth FROM unit_ancestors ORDER BY ancestor, descendant",
    ).all()
  ).results;

describe("PUT /v1/admin/units", () => {
  it("imports a tree of any depth and builds the closure table", async () => {
    const res = await importUnits(SMALL_TREE);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ created: 6, updated: 0, moved: 0, unchanged: 0 });
    const rows = await closure();
    expect(rows).toContainEqual({ ancestor: "SL", descendant: "SL.MAISON.HATLOT", depth: 2 });
    expect(rows).toContainEqual({ ancestor: "SL.MAISON", descendant: "SL.MAISON.HATLOT", depth: 1 });
    expect(rows).toHaveLength(6 + 5 + 3); // self pairs, parents, grandparents
    const sizes = await env.DB.prepare("SELECT code, subtree_size FROM units ORDER BY code").all();
    expect(sizes.results).toContainEqual({ code: "SL", subtree_size: 6 });
    expect(sizes.results).toContainEqual({ code: "SL.MAISON", subtree_size: 3 });
  });

  it("is idempotent: importing twice changes nothing and writes nothing", async () => {
    await importUnits(SMALL_TREE);
    const before = await storedCounts();
    const res = await importUnits(SMALL_TREE);
    expect(await json(res)).toEqual({ created: 0, updated: 0, moved: 0, unchanged: 6 });
    expect(res.headers.get("x-d1-rows-written")).toBe("0");
    expect(await storedCounts()).toEqual(before);
  });

  it("updates names and adds units under existing ones", async () => {
    await importUnits(SMALL_TREE);
    const res = await importUnits([
      { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn (mới)", parent: "SL" },
      { code: "SL.MAISON.CONOI", name: "Đoàn xã Cò Nòi", parent: "SL.MAISON", kind: "xa" },
    ]);
    expect(await json(res)).toEqual({ created: 1, updated: 1, moved: 0, unchanged: 0 });
    expect(await closure()).toContainEqual({ ancestor: "SL", descendant: "SL.MAISON.CONOI", depth: 2 });
  });

  it("moves a unit with its subtree and recomputes every total", async () => {
    await importUnits(SMALL_TREE);
    await submitOk(
      report("SL.MAISON.HATLOT", [
        ...minimalRows(7, 70),
        { code: "PT04", actual: 4 },
        { code: "TD01", actual: "XS" },
      ]),
    );
    await submitOk(report("SL.TPSL", minimalRows(1, 10)));
    await submitOk(report("SL.MAISON.HATLOT", minimalRows(5, 50), { period: "2022" }));
    const before2022 = await (await call("GET", "/v1/consolidation?unit=SL.MAISON&period=2022")).text();
    const moved = [{ code: "SL.MAISON.HATLOT", name: "Đoàn xã Hát Lót", parent: "SL.TPSL" }];
    // Without a date the move would rewrite every past period: refused, on field `effective`.
    const undated = await importUnits(moved);
    expect(undated.status).toBe(422);
    const refused = await json<{ error: { issues: { code: string; field: string }[] } }>(undated);
    expect(refused.error.issues).toEqual([
      expect.objectContaining({ code: "unit.effective_required", field: "effective" }),
    ]);
    const res = await call("PUT", "/v1/admin/units", { json: { units: moved, effective: "2023-01-01" } });
    expect(await json(res)).toEqual({
      created: 0,
      updated: 0,
      moved: 1,
      unchanged: 0,
      periodsRebuilt: ["2023"],
    });
    const rows = await env.DB.prepare(
      "SELECT ancestor, depth, valid_from, valid_to FROM unit_ancestors WHERE descendant = 'SL.MAISON.HATLOT' ORDER BY valid_from, depth",
    ).all();
    expect(rows.results).toEqual([
      { ancestor: "SL.MAISON.HATLOT", depth: 0, valid_from: "", valid_to: "9999-12-31" },
      { ancestor: "SL.MAISON", depth: 1, valid_from: "", valid_to: "2023-01-01" },
      // Two levels below SL on both sides of the move: one row over the whole range.
      { ancestor: "SL", depth: 2, valid_from: "", valid_to: "9999-12-31" },
      { ancestor: "SL.TPSL", depth: 1, valid_from: "2023-01-01", valid_to: "9999-12-31" },
    ]);
    await expectTotalsMatchOracle("2023");
    await expectTotalsMatchOracle("2022");
    // 2022 ends before the move: its consolidation is byte for byte what it was.
    expect(await (await call("GET", "/v1/consolidation?unit=SL.MAISON&period=2022")).text()).toBe(before2022);
  });

  it("refuses duplicates, unknown parents and cycles with 422 naming them, storing nothing", async () => {
    await importUnits(SMALL_TREE);
    const before = await storedCounts();
    const res = await importUnits([
      { code: "A", name: "A", parent: null },
      { code: "A", name: "A again", parent: null },
      { code: "B", name: "B", parent: "GHOST" },
      { code: "SL", name: "Tỉnh đoàn Sơn La", parent: "SL.MAISON.HATLOT" },
    ]);
    expect(res.status).toBe(422);
    const { error } = await json<{ error: { code: string; issues: { code: string; field: string }[] } }>(res);
    expect(error.code).toBe("validation_failed");
    expect(error.issues.map((i) => [i.code, i.field])).toEqual([
      ["unit.duplicate", "units.1.code"],
      ["unit.unknown_parent", "units.2.parent"],
      ["unit.cycle", "units.3.parent"],
    ]);
    expect(await storedCounts()).toEqual(before);
  });

  it("refuses a unit that is its own parent, and bad codes with 400", async () => {
    expect((await importUnits([{ code: "X", name: "X", parent: "X" }])).status).toBe(422);
    const bad = await importUnits([{ code: "sl.lower", name: "x", parent: null }]);
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({
      error: { code: "invalid_body", issues: [{ field: "units.0.code" }] },
    });
  });

  it("is for admins only", async () => {
    await importUnits(SMALL_TREE);
    const reviewer = await createToken("SL", "reviewer");
    const before = await storedCounts();
    const res = await importUnits([{ code: "Z", name: "Z", parent: null }], reviewer);
    expect(res.status).toBe(403);
    expect(await storedCounts()).toEqual(before);
  });
});

describe("GET /v1/units", () => {
  it("lists the token's subtree only, every unit to an admin", async () => {
    await importUnits(SMALL_TREE);
    const reporter = await createToken("SL.MAISON", "reporter");
    const mine = unitsAnswer.parse(await json(await call("GET", "/v1/units", { token: reporter })));
    expect(mine.units.map((u) => u.code)).toEqual(["SL.MAISON", "SL.MAISON.CHIENGDONG", "SL.MAISON.HATLOT"]);
    const all = unitsAnswer.parse(await json(await call("GET", "/v1/units")));
    expect(all.units).toHaveLength(6);
    expect(all.units[0]).toEqual({ code: "SL", name: "Tỉnh đoàn Sơn La", parent: null, kind: null });
  });
});
