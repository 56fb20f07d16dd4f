// Units over time through the API (api-v1-2026.md §1): a Sơn La-like restructuring on 2025-07-01, the
// periods before it untouched byte for byte, submissions refused outside a period's tree, reporting
// status on the period's tree, the tree of a period or day, a unit's history, and compare=.
import { beforeEach, describe, expect, it } from "vitest";
import { comparedConsolidation, datedUnitsAnswer, unitHistoryAnswer } from "../../shared/api/units.ts";
import {
  call,
  createToken,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  storedSnapshot,
  submit,
  submitOk,
} from "../test/helpers.ts";
import { expectTotalsMatchOracle } from "../test/oracle.ts";

beforeEach(resetDb);

const RESTRUCTURING = {
  effective: "2025-07-01",
  changes: [
    {
      type: "merge",
      from: ["SL.MAISON.CHIENGDONG", "SL.MAISON.HATLOT"],
      into: { code: "SL.CHIENGDONG", name: "Đoàn xã Chiềng Dong", parent: "SL", kind: "xa" },
    },
    { type: "close", unit: "SL.MAISON" },
    { type: "move", unit: "SL.TPSL.CHIENGLE", parent: "SL" },
    { type: "close", unit: "SL.TPSL" },
  ],
};

const post = (body: unknown) => call("POST", "/v1/admin/units/changes", { json: body });

interface Issue {
  code: string;
  field: string;
  message: string;
}
const issuesOf = async (res: Response) =>
  (await json<{ error: { code: string; issues?: Issue[] } }>(res)).error;

async function reported2023(): Promise<void> {
  await importUnits(SMALL_TREE);
  await submitOk(report("SL.MAISON.CHIENGDONG", minimalRows(3, 30)));
  await submitOk(report("SL.MAISON.HATLOT", minimalRows(4, 40)));
  await submitOk(report("SL.MAISON", minimalRows(1, 5)));
  await submitOk(report("SL.TPSL.CHIENGLE", minimalRows(2, 20)));
}

const text = async (path: string) => (await call("GET", path)).text();

describe("POST /v1/admin/units/changes", () => {
  it("applies the restructuring from its date on: earlier periods keep their tree, totals and answers", async () => {
    await reported2023();
    await submitOk(report("SL.MAISON.HATLOT", minimalRows(6, 60), { period: "2025-H1" }));
    await submitOk(report("SL.TPSL.CHIENGLE", minimalRows(7, 70), { period: "2025" }));
    const before = {
      y2023: await text("/v1/consolidation?unit=SL&period=2023"),
      maison: await text("/v1/consolidation?unit=SL.MAISON&period=2023"),
      h1: await text("/v1/consolidation?unit=SL&period=2025-H1"),
    };
    const res = await post(RESTRUCTURING);
    expect(res.status).toBe(201);
    const answer = await json(res);
    expect(answer).toEqual({
      effective: "2025-07-01",
      created: ["SL.CHIENGDONG"],
      ended: ["SL.MAISON.CHIENGDONG", "SL.MAISON.HATLOT", "SL.MAISON", "SL.TPSL"],
      moved: ["SL.TPSL.CHIENGLE"],
      periodsRebuilt: ["2025"],
    });
    expect(await text("/v1/consolidation?unit=SL&period=2023")).toBe(before.y2023);
    expect(await text("/v1/consolidation?unit=SL.MAISON&period=2023")).toBe(before.maison);
    expect(await text("/v1/consolidation?unit=SL&period=2025-H1")).toBe(before.h1);
    for (const period of ["2023", "2025-H1", "2025", "2026"]) await expectTotalsMatchOracle(period);

    // The same body again: the same answer, 200, nothing written.
    const snapshot = await storedSnapshot();
    const again = await post(RESTRUCTURING);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(answer);
    expect(await storedSnapshot()).toEqual(snapshot);
  });

  it("follows the period's tree for who may submit and who is expected", async () => {
    await reported2023();
    expect((await post(RESTRUCTURING)).status).toBe(201);
    const ended = await submit(report("SL.MAISON", minimalRows(), { period: "2026" }));
    expect(ended.status).toBe(422);
    const e = await issuesOf(ended);
    expect(e.code).toBe("validation_failed");
    expect(e.issues).toEqual([expect.objectContaining({ code: "unit.not_in_period", field: "unit" })]);
    expect(e.issues?.[0]?.message).toContain("01/07/2025");
    const early = await submit(report("SL.CHIENGDONG", minimalRows(), { period: "2024" }));
    expect(early.status).toBe(422);
    expect((await issuesOf(early)).issues?.[0]?.message).toContain("thành lập từ ngày 01/07/2025");
    // The last period before the change still has the district; the first after it, the new commune.
    expect((await submit(report("SL.MAISON", minimalRows(), { period: "2025-06" }))).status).toBe(201);
    expect((await submit(report("SL.CHIENGDONG", minimalRows(), { period: "2025-07" }))).status).toBe(201);

    const status2026 = await json<{ reporting: { expected: number; missing: string[] } }>(
      await call("GET", "/v1/consolidation?unit=SL&period=2026"),
    );
    expect(status2026.reporting.expected).toBe(2);
    expect(status2026.reporting.missing).toEqual(["SL.CHIENGDONG", "SL.TPSL.CHIENGLE"]);
    const status2024 = await json<{ reporting: { expected: number } }>(
      await call("GET", "/v1/consolidation?unit=SL&period=2024"),
    );
    expect(status2024.reporting.expected).toBe(5);
  });

  it("lets a token of an ended unit read its history but submit only while the unit exists", async () => {
    await reported2023();
    expect((await post(RESTRUCTURING)).status).toBe(201);
    // The admin makes tokens for units of any date.
    const maison = await createToken("SL.MAISON", "reporter");
    const read = await call("GET", "/v1/consolidation?unit=SL.MAISON&period=2023", { token: maison });
    expect(read.status).toBe(200);
    expect((await submit(report("SL.MAISON.HATLOT", minimalRows(9, 90)), { token: maison })).status).toBe(
      201,
    );
    const later = await submit(report("SL.MAISON", minimalRows(), { period: "2026" }), { token: maison });
    expect(later.status).toBe(422);
    // A unit it held once but not in 2026: a commune it never held there.
    const commune = await submit(report("SL.CHIENGDONG", minimalRows(), { period: "2026" }), {
      token: maison,
    });
    expect(commune.status).toBe(403);
    const list = datedUnitsAnswer.parse(
      await json(await call("GET", "/v1/units?period=2023", { token: maison })),
    );
    expect(list.units.map((u) => u.code)).toEqual(["SL.MAISON", "SL.MAISON.CHIENGDONG", "SL.MAISON.HATLOT"]);
    const now = datedUnitsAnswer.parse(
      await json(await call("GET", "/v1/units?period=2026", { token: maison })),
    );
    expect(now.units).toEqual([]);
  });

  it("refuses a change touching a locked period with 423 naming it, storing nothing", async () => {
    await reported2023();
    await submitOk(report("SL.TPSL.CHIENGLE", minimalRows(7, 70), { period: "2025" }));
    expect((await call("POST", "/v1/periods/2025/lock")).status).toBe(200);
    expect((await call("POST", "/v1/periods/2023/lock")).status).toBe(200);
    const snapshot = await storedSnapshot();
    const res = await post(RESTRUCTURING);
    expect(res.status).toBe(423);
    const error = await issuesOf(res);
    expect(error.code).toBe("period_locked");
    expect(JSON.stringify(error)).toContain("2025");
    expect(JSON.stringify(error)).not.toContain("2023");
    expect(await storedSnapshot()).toEqual(snapshot);
  });

  const bad: [string, unknown, string, string][] = [
    ["an unknown unit", { type: "close", unit: "SL.GHOST" }, "unit.unknown", "changes.0.unit"],
    [
      "a merge into itself",
      { type: "merge", from: ["SL.TPSL"], into: "SL.TPSL" },
      "unit.merge_into_itself",
      "changes.0.into",
    ],
    [
      "a reused code",
      { type: "merge", from: ["SL.TPSL.CHIENGLE"], into: { code: "SL.MAISON", name: "x", parent: "SL" } },
      "unit.code_reused",
      "changes.0.into.code",
    ],
    [
      "a cycle",
      { type: "move", unit: "SL.MAISON", parent: "SL.MAISON.HATLOT" },
      "unit.cycle",
      "changes.0.parent",
    ],
    ["a close with children", { type: "close", unit: "SL.MAISON" }, "unit.has_children", "changes.0.unit"],
  ];
  for (const [what, change, code, field] of bad) {
    it(`refuses ${what} with 422 on ${field}, storing nothing`, async () => {
      await reported2023();
      const snapshot = await storedSnapshot();
      const res = await post({ effective: "2025-07-01", changes: [change] });
      expect(res.status).toBe(422);
      expect((await issuesOf(res)).issues).toEqual([expect.objectContaining({ code, field })]);
      expect(await storedSnapshot()).toEqual(snapshot);
    });
  }

  it("refuses a unit already ended, and the whole list with it", async () => {
    await reported2023();
    expect((await post(RESTRUCTURING)).status).toBe(201);
    const snapshot = await storedSnapshot();
    const res = await post({
      effective: "2026-01-01",
      changes: [
        { type: "rename", unit: "SL.CHIENGDONG", name: "Đoàn xã Chiềng Dong mới" },
        { type: "close", unit: "SL.MAISON" },
      ],
    });
    expect(res.status).toBe(422);
    expect((await issuesOf(res)).issues).toEqual([
      expect.objectContaining({ code: "unit.ended", field: "changes.1.unit" }),
    ]);
    expect(await storedSnapshot()).toEqual(snapshot);
  });
});

describe("PUT /v1/admin/units with dates", () => {
  it("refuses an end without effective, and applies it with one", async () => {
    await reported2023();
    const snapshot = await storedSnapshot();
    const ending = [
      { code: "SL.TPSL.CHIENGLE", name: "Đoàn phường Chiềng Lề", parent: "SL.TPSL", to: "2025-07-01" },
    ];
    const undated = await importUnits(ending);
    expect(undated.status).toBe(422);
    expect((await issuesOf(undated)).issues).toEqual([expect.objectContaining({ field: "effective" })]);
    expect(await storedSnapshot()).toEqual(snapshot);
    const dated = await call("PUT", "/v1/admin/units", { json: { units: ending, effective: "2025-07-01" } });
    expect(dated.status).toBe(200);
    expect(await json(dated)).toMatchObject({ ended: 1 });
    const list = datedUnitsAnswer.parse(await json(await call("GET", "/v1/units?at=2025-06-30")));
    expect(list.units.find((u) => u.code === "SL.TPSL.CHIENGLE")).toMatchObject({ to: "2025-07-01" });
    const after = datedUnitsAnswer.parse(await json(await call("GET", "/v1/units?at=2025-07-01")));
    expect(after.units.map((u) => u.code)).not.toContain("SL.TPSL.CHIENGLE");
  });

  it("creates units with a life", async () => {
    await importUnits(SMALL_TREE);
    const res = await importUnits([
      { code: "SL.NEW", name: "Đoàn xã Mới", parent: "SL", from: "2025-07-01" },
    ]);
    expect(res.status).toBe(200);
    const list = datedUnitsAnswer.parse(await json(await call("GET", "/v1/units?period=2025")));
    expect(list).toMatchObject({ at: "2025-12-31", period: "2025" });
    expect(list.units.find((u) => u.code === "SL.NEW")).toMatchObject({ from: "2025-07-01", parent: "SL" });
    const old = datedUnitsAnswer.parse(await json(await call("GET", "/v1/units?period=2025-H1")));
    expect(old.units.map((u) => u.code)).not.toContain("SL.NEW");
  });
});

describe("concurrent tree changes", () => {
  it("never answer 500: each import is stored or refused with 503 and Retry-After", async () => {
    await importUnits(SMALL_TREE);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call("PUT", "/v1/admin/units", {
          json: { units: [{ code: `SL.C${i}`, name: `Đoàn xã ${i}`, parent: "SL", from: "2025-07-01" }] },
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    for (const r of answers.filter((x) => x.status === 503)) expect(r.headers.get("retry-after")).toBe("2");
    const list = datedUnitsAnswer.parse(await json(await call("GET", "/v1/units?period=2026")));
    const stored = answers.flatMap((r, i) => (r.status === 200 ? [`SL.C${i}`] : []));
    expect(list.units.map((u) => u.code).filter((c) => c.startsWith("SL.C"))).toEqual(stored);
  });
});

describe("GET /v1/units and /v1/units/:code/history", () => {
  it("lists the tree of a period with lineage, and a unit's versions and changes", async () => {
    await reported2023();
    expect((await post(RESTRUCTURING)).status).toBe(201);
    const y2026 = datedUnitsAnswer.parse(await json(await call("GET", "/v1/units?period=2026")));
    expect(y2026.units).toEqual([
      { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null, kind: null },
      {
        code: "SL.CHIENGDONG",
        name: "Đoàn xã Chiềng Dong",
        parent: "SL",
        kind: "xa",
        from: "2025-07-01",
        predecessors: ["SL.MAISON.CHIENGDONG", "SL.MAISON.HATLOT"],
      },
      { code: "SL.TPSL.CHIENGLE", name: "Đoàn phường Chiềng Lề", parent: "SL", kind: null },
    ]);
    const history = unitHistoryAnswer.parse(
      await json(await call("GET", "/v1/units/SL.TPSL.CHIENGLE/history")),
    );
    expect(history.versions).toEqual([
      { name: "Đoàn phường Chiềng Lề", parent: "SL.TPSL", kind: null, to: "2025-07-01" },
      { name: "Đoàn phường Chiềng Lề", parent: "SL", kind: null, from: "2025-07-01" },
    ]);
    expect(history.changes).toEqual([
      { effective: "2025-07-01", type: "move", unit: "SL.TPSL.CHIENGLE", other: "SL" },
    ]);
    const bad = await call("GET", "/v1/units?period=2025-13");
    expect(bad.status).toBe(400);
    const reporter = await createToken("SL.TPSL", "reporter");
    expect((await call("GET", "/v1/units/SL.MAISON/history", { token: reporter })).status).toBe(403);
  });
});

describe("the outlier warning on a merged unit", () => {
  it("compares with the sum of the units merged into it", async () => {
    await importUnits(SMALL_TREE);
    const pt01 = (actual: number) => [...minimalRows(), { code: "PT01", actual }];
    await submitOk(report("SL.MAISON.CHIENGDONG", pt01(10), { period: "2025-H1" }));
    await submitOk(report("SL.MAISON.HATLOT", pt01(10), { period: "2025-H1" }));
    expect((await post(RESTRUCTURING)).status).toBe(201);
    // 60 is 3× the restated 20: no warning (it would be 6× either commune alone).
    const calm = await submitOk(report("SL.CHIENGDONG", pt01(60), { period: "2025-H2" }));
    expect(calm.warnings).toEqual([]);
    const wild = await submitOk(report("SL.CHIENGDONG", pt01(200), { period: "2025-H2" }));
    expect(wild.warnings).toMatchObject([{ code: "rule.outlier", indicator: "PT01" }]);
  });
});

describe("GET /v1/consolidation?compare=", () => {
  it("restates the compared period onto the asked tree, conserving the province's totals", async () => {
    await reported2023();
    expect((await post(RESTRUCTURING)).status).toBe(201);
    await submitOk(report("SL.CHIENGDONG", minimalRows(8, 80), { period: "2026" }));
    const res = await call("GET", "/v1/consolidation?unit=SL&period=2026&compare=2023");
    expect(res.status).toBe(200);
    const c = comparedConsolidation.parse(await json(res));
    expect(c.compare).toEqual({ period: "2023" });
    const members = (list: { code: string; actual?: number; previous?: { actual?: number } }[]) =>
      list.find((i) => i.code === "GD04");
    // Province: restated 2023 == reported 2023 (30 + 40 + 5 + 20).
    expect(members(c.indicators)?.previous?.actual).toBe(95);
    expect(members(c.indicators)?.actual).toBe(80);
    const commune = c.children.find((k) => k.unit === "SL.CHIENGDONG");
    expect(members(commune?.indicators ?? [])?.previous?.actual).toBe(70);
    const chiengle = c.children.find((k) => k.unit === "SL.TPSL.CHIENGLE");
    expect(members(chiengle?.indicators ?? [])?.previous?.actual).toBe(20);
    const reported = await json<{ indicators: { code: string; actual?: number }[] }>(
      await call("GET", "/v1/consolidation?unit=SL&period=2023"),
    );
    expect(members(reported.indicators)?.actual).toBe(95);
  });

  it("marks units made by a split as not comparable", async () => {
    await reported2023();
    const split = {
      effective: "2025-07-01",
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
    expect((await post(split)).status).toBe(201);
    const c = comparedConsolidation.parse(
      await json(await call("GET", "/v1/consolidation?unit=SL.TPSL&period=2026&compare=2023")),
    );
    expect(c.children.map((k) => [k.unit, k.comparable])).toEqual([
      ["SL.TPSL.A", false],
      ["SL.TPSL.B", false],
    ]);
    expect(c.children.every((k) => k.indicators.every((i) => i.previous === undefined))).toBe(true);
    // The split unit's figures went to its parent.
    expect(c.indicators.find((i) => i.code === "GD04")?.previous?.actual).toBe(20);
  });
});
