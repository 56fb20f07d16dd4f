import { beforeEach, describe, expect, it } from "vitest";
import { consolidation } from "../../shared/api/schemas.ts";
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
});

const get = async (unit: string, detail = "&detail=units") =>
  consolidation.parse(await json(await call("GET", `/v1/consolidation?unit=${unit}&period=2023${detail}`)));

describe("consolidation: the reporting detail of every expected unit", () => {
  it("lists every unit below with status, revision, times and the current revision's reporter", async () => {
    await submitOk(
      report("SL.MAISON.HATLOT", minimalRows(), { reporter: { name: "Lò Văn A", phone: "0912 345 678" } }),
    );
    await submitOk(report("SL.MAISON.HATLOT", minimalRows(12), { reporter: { name: " Lò Thị B " } }));
    await submitOk(report("SL.TPSL", minimalRows()));
    const r = (await get("SL")).reporting;
    expect(r.units?.map((u) => [u.code, u.status, u.revision ?? null])).toEqual([
      ["SL.MAISON", "missing", null],
      ["SL.MAISON.CHIENGDONG", "missing", null],
      ["SL.MAISON.HATLOT", "submitted", 2],
      ["SL.TPSL", "submitted", 1],
      ["SL.TPSL.CHIENGLE", "missing", null],
    ]);
    const hatlot = r.units?.find((u) => u.code === "SL.MAISON.HATLOT");
    // The current revision's reporter, trimmed; the first revision's phone is not carried over.
    expect(hatlot).toMatchObject({
      name: "Đoàn xã Hát Lót",
      parent: "SL.MAISON",
      reporter: { name: "Lò Thị B" },
    });
    expect(hatlot?.reporter?.phone).toBeUndefined();
    expect(Date.parse(hatlot?.lastReceivedAt ?? "")).toBeGreaterThanOrEqual(
      Date.parse(hatlot?.firstReceivedAt ?? ""),
    );
    expect(r.units?.find((u) => u.code === "SL.TPSL")?.reporter).toBeUndefined();
    expect(r.missingUnits).toEqual([
      { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn" },
      { code: "SL.MAISON.CHIENGDONG", name: "Đoàn xã Chiềng Dong" },
      { code: "SL.TPSL.CHIENGLE", name: "Đoàn phường Chiềng Lề" },
    ]);
    expect(r.lateUnitsNamed).toEqual([]);
  });

  it("marks late units and names them; a subtree's detail stops at its root", async () => {
    await call("PUT", "/v1/admin/periods/2023", { json: { deadline: "2000-01-01T00:00:00Z" } });
    await submitOk(report("SL.MAISON.CHIENGDONG", minimalRows(), { reporter: { phone: "0987" } }));
    const r = (await get("SL.MAISON")).reporting;
    expect(r.units?.map((u) => [u.code, u.status])).toEqual([
      ["SL.MAISON.CHIENGDONG", "late"],
      ["SL.MAISON.HATLOT", "missing"],
    ]);
    expect(r.units?.[0]?.reporter).toEqual({ phone: "0987" });
    expect(r.lateUnitsNamed).toEqual([{ code: "SL.MAISON.CHIENGDONG", name: "Đoàn xã Chiềng Dong" }]);
    expect(r.missingUnits).toEqual([{ code: "SL.MAISON.HATLOT", name: "Đoàn xã Hát Lót" }]);
  });

  it("names missing units without the detail, which is read only when asked", async () => {
    await submitOk(report("SL.MAISON.HATLOT", minimalRows()));
    const r = (await get("SL.MAISON", "")).reporting;
    expect(r.units).toBeUndefined();
    expect(r.missingUnits).toEqual([{ code: "SL.MAISON.CHIENGDONG", name: "Đoàn xã Chiềng Dong" }]);
    expect((await call("GET", "/v1/consolidation?unit=SL&period=2023&detail=all")).status).toBe(400);
  });
});
