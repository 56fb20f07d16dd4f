import { describe, expect, it } from "vitest";
import { consolidateUnit } from "../shared/consolidation/consolidate.ts";
import { getScheme } from "../shared/scoring/registry.ts";
import { type GivenPoints, scoreChildren } from "../shared/scoring/score-children.ts";
import { getTemplate } from "../shared/template/registry.ts";
import { unitsAfter } from "./demo-province.ts";
import { demoReports, SCORED_PERIOD } from "./demo-reports.ts";
import { demoClusters, demoScoring } from "./demo-scores.ts";

/** Sơn La's 2026 as the Worker would score it: the demo's reports on time, the council points the seed sends. */
function ranking() {
  const template = getTemplate("doan-2026");
  const scheme = getScheme();
  if (!template || !scheme) throw new Error("no doan-2026 or no scheme");
  const at = "2026-12-02T03:00:00Z";
  const reports = demoReports()
    .filter((r) => r.period === SCORED_PERIOD)
    .map((r) => ({ unit: r.unit, rows: r.rows, firstReceivedAt: at, receivedAt: at }));
  const units = unitsAfter().map((u) => ({ code: u.code, name: u.name, parent: u.parent }));
  const c = consolidateUnit(
    { template, units, reports, period: SCORED_PERIOD, deadline: "2026-12-15T10:00:00Z" },
    "SL",
  );
  const reported = new Set(reports.map((r) => r.unit));
  const given = new Map<string, GivenPoints>();
  for (const u of demoClusters().filter((x) => reported.has(x.code))) {
    const s = demoScoring(u.code);
    const points = (items: { code: string; points: number }[]) =>
      Object.fromEntries(items.map((i) => [i.code, i.points]));
    given.set(u.code, { self: points(s.self), reviewed: points(s.reviewed) });
  }
  const clusters = new Map(demoClusters().map((u) => [u.code, u.cluster ?? ""]));
  return { c, scored: scoreChildren(scheme, c, given, clusters) };
}

describe("the demo's 2026 thi đua", () => {
  const { c, scored } = ranking();

  it("puts every unit under the Tỉnh đoàn in one of five cụm", () => {
    expect(scored).toHaveLength(c.children.length);
    expect(new Set(scored.map((u) => u.cluster)).size).toBe(5);
    expect(scored.every((u) => u.cluster?.startsWith("Cụm "))).toBe(true);
  });

  it("grades the units across all four grades, from their figures and their reporting", () => {
    const count = (g: string) => scored.filter((u) => u.grade === g).length;
    for (const g of ["XS", "T", "HT", "KHT"]) expect(count(g), g).toBeGreaterThanOrEqual(5);
    // A unit that did not report loses the reporting item and every computed point: it is last and KHT.
    for (const unit of c.reporting.missing.filter((u) => scored.some((s) => s.unit === u))) {
      const s = scored.find((x) => x.unit === unit);
      expect(s?.grade, unit).toBe("KHT");
      expect(s?.criteria.find((x) => x.code === "TC5")?.points, unit).toBe(0);
    }
  });

  it("has the level above mark some council points down", () => {
    const reviewed = scored.filter((u) => u.reviewed !== undefined);
    expect(reviewed.length).toBeGreaterThan(5);
    for (const u of reviewed) expect(u.reviewed).toBeLessThan(u.self ?? 0);
  });
});
