// POST /v1/admin/recompute: the replay of the append-only revisions finds what was corrupted, names it,
// and with fix=true puts back exactly what the revisions say, whatever was broken.
import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { type RecomputeAnswer, recomputeAnswer } from "../../shared/api/schemas.ts";
import {
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

async function recompute(query = ""): Promise<RecomputeAnswer> {
  const res = await call("POST", `/v1/admin/recompute${query}`);
  expect(res.status).toBe(200);
  return recomputeAnswer.parse(await json(res));
}

const run = (sql: string) => env.DB.prepare(sql).run();

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
  // A deadline between the reports, so some are late; replace, merge (with a cleared row), grades,
  // ratio targets, money, on-behalf reports, and a second period.
  expect(
    (
      await call("PUT", "/v1/admin/periods/2023", {
        json: { deadline: new Date(Date.now() + 3_600_000).toISOString() },
      })
    ).status,
  ).toBe(200);
  await submitOk(
    report("SL.MAISON.HATLOT", [
      ...minimalRows(10, 100),
      { code: "PT02", actual: 4 },
      { code: "PT04", actual: 5 },
      { code: "KN02", actual: 2 },
      { code: "KN03", actual: 12.345 },
    ]),
  );
  await submitOk(
    report(
      "SL.MAISON.HATLOT",
      [
        { code: "PT02", actual: null },
        { code: "TD01", actual: "XS" },
      ],
      { mode: "merge" },
    ),
  );
  await submitOk(report("SL.MAISON.CHIENGDONG", [...minimalRows(5, 50), { code: "GD06", target: 80 }]));
  await submitOk(report("SL.MAISON", [...minimalRows(3, 30), { code: "PT04", actual: 1 }]));
  await submitOk(report("SL.TPSL.CHIENGLE", [...minimalRows(7, 70), { code: "TD01", actual: "T" }]));
  await submitOk(report("SL.TPSL.CHIENGLE", [...minimalRows(8, 80), { code: "PT02", actual: 9 }]));
  await submitOk(report("SL.TPSL", minimalRows(1, 1), { period: "2022" }));
});

describe("POST /v1/admin/recompute", () => {
  it("finds nothing to fix after ordinary submissions, and writes nothing", async () => {
    const before = await storedSnapshot();
    const answer = await recompute();
    expect(answer).toMatchObject({ periods: ["2022", "2023"], units: 6, revisions: 7, differenceCount: 0 });
    expect(answer.differences).toEqual([]);
    const fixing = await recompute("?fix=true");
    expect(fixing).toMatchObject({ differenceCount: 0, fixed: false });
    expect(await storedSnapshot()).toEqual(before);
  });

  it("reports a corrupted total and fixes it", async () => {
    await run(
      "UPDATE totals SET actual_sum = actual_sum + 7 WHERE ancestor = 'SL' AND period = '2023' AND code = 'PT02'",
    );
    const found = await recompute("?period=2023");
    expect(found.periods).toEqual(["2023"]);
    expect(found.differences).toEqual([
      { period: "2023", unit: "SL", what: "total", code: "PT02", field: "actual", stored: 16, expected: 9 },
    ]);
    expect(found.fixed).toBe(false);
    // Checking writes nothing: the difference is still there.
    expect((await recompute("?period=2023")).differenceCount).toBe(1);

    const fixed = await recompute("?period=2023&fix=true");
    expect(fixed).toMatchObject({ differenceCount: 1, fixed: true, remaining: 0 });
    expect((await recompute()).differenceCount).toBe(0);
    await expectTotalsMatchOracle("2023");
  });

  it("reports and fixes current values, report status, counters and missing totals rows", async () => {
    const before = await storedSnapshot();
    await run("UPDATE current_values SET actual = 999 WHERE unit = 'SL.MAISON.HATLOT' AND code = 'PT04'");
    await run(
      "INSERT INTO current_values (unit, period, code, actual) VALUES ('SL.MAISON', '2023', 'PT09', 5)",
    );
    await run("UPDATE report_status SET current_revision = 1 WHERE unit = 'SL.TPSL.CHIENGLE'");
    await run(
      "UPDATE status_totals SET submitted = submitted + 1 WHERE ancestor = 'SL.TPSL' AND period = '2023'",
    );
    await run("DELETE FROM totals WHERE ancestor = 'SL.MAISON' AND period = '2023' AND code = 'KN03'");
    const found = await recompute();
    const summary = found.differences.map((d) => [
      d.what,
      d.unit,
      d.code ?? "",
      d.field,
      d.stored,
      d.expected,
    ]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["current_value", "SL.MAISON.HATLOT", "PT04", "actual", 999, 5],
        ["current_value", "SL.MAISON", "PT09", "actual", 5, null],
        ["report_status", "SL.TPSL.CHIENGLE", "", "current_revision", 1, 2],
        ["reporting", "SL.TPSL", "", "submitted", 2, 1],
        ["total", "SL.MAISON", "KN03", "actual", null, 12.345],
      ]),
    );
    const fixed = await recompute("?fix=true");
    expect(fixed).toMatchObject({ fixed: true, remaining: 0 });
    // Exactly what was there before the damage; the rebuild leaves out totals rows that are all zeros
    // (a figure that went and came back), which the incremental updates keep. The repair moves the
    // version on once, so that a compare fill that read the damaged figures does not store them.
    const after = await storedSnapshot();
    const version = (snap: Record<string, unknown[]>) =>
      (snap.tree_version?.[0] as { version: number } | undefined)?.version ?? -1;
    expect(version(after)).toBe(version(before) + 1);
    delete after.tree_version;
    delete before.tree_version;
    const nonZero = (rows: unknown[] = []) =>
      rows.filter((r) =>
        Object.values(r as Record<string, unknown>).some((v) => typeof v === "number" && v !== 0),
      );
    expect({ ...after, totals: nonZero(after.totals) }).toEqual({
      ...before,
      totals: nonZero(before.totals),
    });
    await expectTotalsMatchOracle("2023");
    await expectTotalsMatchOracle("2022");
  });

  it("names a gap in a unit's revision numbers, which it never rewrites", async () => {
    await run("UPDATE submissions SET revision = 5 WHERE unit = 'SL.MAISON.HATLOT' AND revision = 2");
    const found = await recompute("?period=2023");
    expect(found.differences).toContainEqual({
      period: "2023",
      unit: "SL.MAISON.HATLOT",
      what: "revisions",
      field: "revision",
      stored: "1,5",
      expected: "1,2",
    });
  });

  it("refuses a bad period and unknown parameters with 400", async () => {
    expect((await call("POST", "/v1/admin/recompute?period=23")).status).toBe(400);
    expect((await call("POST", "/v1/admin/recompute?fix=yes")).status).toBe(400);
    expect((await call("POST", "/v1/admin/recompute?drop=all")).status).toBe(400);
  });
});
