// What the two hot routes cost D1, read from the X-D1-Rows-* headers (D1's meta.rows_read and
// meta.rows_written summed over the request): a province consolidation must cost O(indicators ×
// children) whatever the number of grassroots units below, and a resubmission that changes 3 values
// must write a few rows. Prints the table recorded in docs/performance.md: 10 and 100 grassroots units
// by default, up to 1,000 with `PERF_MAX_UNITS=1000 npx vitest run --project workers worker/perf.test.ts`.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { UnitsImport } from "../shared/api/schemas.ts";
import { call, dispatchDirectly, fullRows, importUnits, report, resetDb, submit } from "./test/helpers.ts";

// Thousands of requests: see dispatchDirectly for why they skip SELF.fetch here.
dispatchDirectly();

const DISTRICTS = 10;

interface Measure {
  grassroots: number;
  readMissing: number;
  readAll: number;
  firstWrite: number;
  resubmitWrite: number;
  submitRead: number;
}

const rows = (res: Response, which: "read" | "written") => Number(res.headers.get(`x-d1-rows-${which}`));

async function measure(grassroots: number): Promise<Measure> {
  await resetDb();
  const units: UnitsImport["units"] = [{ code: "SL", name: "Tỉnh đoàn Sơn La", parent: null }];
  for (let d = 0; d < DISTRICTS; d++) units.push({ code: `SL.D${d}`, name: `Huyện đoàn ${d}`, parent: "SL" });
  for (let g = 0; g < grassroots; g++) {
    units.push({ code: `SL.D${g % DISTRICTS}.X${g}`, name: `Đoàn xã ${g}`, parent: `SL.D${g % DISTRICTS}` });
  }
  expect((await importUnits(units)).status).toBe(200);

  const send = async (unit: string, k: number) => {
    const res = await submit(report(unit, fullRows(k)));
    expect(res.status).toBe(201);
    return res;
  };
  for (let d = 0; d < DISTRICTS; d++) await send(`SL.D${d}`, d);
  // Every grassroots unit but the last tenth reports; the first one is measured.
  const reporting = grassroots - Math.ceil(grassroots / 10);
  const first = await send("SL.D0.X0", 0);
  for (let g = 1; g < reporting; g++) await send(`SL.D${g % DISTRICTS}.X${g}`, g);
  const province = () => call("GET", "/v1/consolidation?unit=SL&period=2023");
  const withMissing = await province();
  expect(withMissing.status).toBe(200);
  for (let g = reporting; g < grassroots; g++) await send(`SL.D${g % DISTRICTS}.X${g}`, g);
  const complete = await province();

  const changed = fullRows(0).map((r, i) => (i < 3 ? { ...r, actual: (r.actual as number) + 1 } : r));
  const resubmit = await submit(report("SL.D0.X0", changed));
  expect(resubmit.status).toBe(201);
  return {
    grassroots,
    readMissing: rows(withMissing, "read"),
    readAll: rows(complete, "read"),
    firstWrite: rows(first, "written"),
    resubmitWrite: rows(resubmit, "written"),
    submitRead: rows(resubmit, "read"),
  };
}

describe("D1 rows per request", () => {
  it("province consolidation reads O(indicators × children); a 3-value resubmission writes a few rows", {
    timeout: 300_000,
  }, async () => {
    const results: Measure[] = [];
    const max = Number(env.PERF_MAX_UNITS);
    for (const n of [10, 100, 1000].filter((n) => n <= max)) results.push(await measure(n));
    console.log(
      [
        "| grassroots units | consolidation rows_read (all reported) | consolidation rows_read (10% missing) | 45-row first submission rows_written | resubmission, 3 values changed: rows_written | same: rows_read |",
        "|---|---|---|---|---|---|",
        ...results.map(
          (r) =>
            `| ${r.grassroots} | ${r.readAll} | ${r.readMissing} | ${r.firstWrite} | ${r.resubmitWrite} | ${r.submitRead} |`,
        ),
      ].join("\n"),
    );
    const small = results[0] as Measure;
    const large = results.at(-1) as Measure;
    expect(large.grassroots).toBeGreaterThanOrEqual(100);
    // Same 10 children, 10× (or 100×) the grandchildren: the read barely moves.
    expect(large.readAll).toBeLessThan(small.readAll * 1.2);
    // The writes of a submission do not depend on the province's size at all.
    expect(large.firstWrite).toBe(small.firstWrite);
    expect(large.resubmitWrite).toBe(small.resubmitWrite);
    expect(large.resubmitWrite).toBeLessThanOrEqual(30);
  });
});
