// A 2025 report on doan-2024 and a 2026 report on doan-2026 consolidate and compare by code: GD16 reads
// figures stored under its former code GD14, the retired PT11 keeps its 2025 totals, and last period's
// GD14 is what a 2026 GD16 is compared with.
import { beforeEach, describe, expect, it } from "vitest";
import type { Consolidation, Receipt } from "../../shared/api/schemas.ts";
import {
  call,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  submitOk,
} from "../test/helpers.ts";

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
  expect((await call("PUT", "/v1/admin/periods/2026", { json: { template: "doan-2026" } })).status).toBe(200);
});

const figure = (c: Consolidation, code: string) => c.indicators.find((i) => i.code === code)?.actual;
const consolidation = async (query: string) =>
  json<Consolidation>(await call("GET", `/v1/consolidation?${query}`));

describe("templates over the years", () => {
  it("consolidates 2025 on doan-2024 and 2026 on doan-2026, by code", async () => {
    const y2025 = { period: "2025", template: "doan-2024" };
    await submitOk(
      report(
        "SL.MAISON",
        [...minimalRows(), { code: "GD14", actual: 300 }, { code: "PT11", actual: 2 }],
        y2025,
      ),
    );
    await submitOk(report("SL.TPSL", [...minimalRows(), { code: "GD14", actual: 200 }], y2025));

    const y2026 = { period: "2026", template: "doan-2026" };
    const receipt: Receipt = await submitOk(
      report(
        "SL.MAISON",
        [
          ...minimalRows(),
          { code: "GD16", actual: 4000 },
          { code: "BD01", actual: 3 },
          { code: "BD02", actual: 50 },
        ],
        y2026,
      ),
    );
    // Compared with its own 2025 GD14 (300): more than 5 times, a warning on GD16.
    expect(receipt.warnings.map((w) => [w.code, w.indicator])).toEqual([["rule.outlier", "GD16"]]);
    // A unit still on last year's sheet: validated on doan-2024, stored under GD14.
    await submitOk(
      report("SL.TPSL", [...minimalRows(), { code: "GD14", actual: 100 }], {
        period: "2026",
        template: "doan-2024",
      }),
    );

    // 2026 on the period's template (doan-2026): GD16 = 4000 + 100, the new rows, no PT11.
    const now = await consolidation("unit=SL&period=2026");
    expect(now.template).toBe("doan-2026");
    expect(figure(now, "GD16")).toBe(4100);
    expect(figure(now, "BD02")).toBe(50);
    expect(now.indicators.map((i) => i.code)).not.toContain("PT11");

    // 2025 as reported: doan-2024, GD14 and the retired PT11 keep their totals.
    const then = await consolidation("unit=SL&period=2025");
    expect(then.template).toBe("doan-2024");
    expect(figure(then, "GD14")).toBe(500);
    expect(figure(then, "PT11")).toBe(2);

    // 2025 read with 2026's template: the same figures under the new code, ready to compare.
    const compared = await consolidation("unit=SL&period=2025&template=doan-2026");
    expect(figure(compared, "GD16")).toBe(500);
    expect(figure(compared, "GD04")).toBe(figure(then, "GD04"));
  });
});
