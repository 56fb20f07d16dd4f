import { describe, expect, it } from "vitest";
import { checkReport } from "../shared/rules/check-report.ts";
import { getTemplate } from "../shared/template/registry.ts";
import { applyChanges } from "../shared/tree/changes.ts";
import { BEGINNING, FOREVER, treeOfPeriod, type UnitVersion } from "../shared/tree/dated.ts";
import { DEMO_CHANGE_LISTS, DEMO_UNITS, RESTRUCTURED, unitsAfter } from "./demo-province.ts";
import { DEMO_PERIODS, demoReports } from "./demo-reports.ts";

const initial: UnitVersion[] = DEMO_UNITS.map((u) => ({
  code: u.code,
  name: u.name,
  parent: u.parent,
  kind: u.kind ?? null,
  from: BEGINNING,
  to: FOREVER,
}));

/** The versions after the first `lists` change lists (all of them by default). */
function applied(lists = DEMO_CHANGE_LISTS.length): UnitVersion[] {
  let versions = initial;
  for (const list of DEMO_CHANGE_LISTS.slice(0, lists)) {
    const out = applyChanges(versions, list);
    if (!out.ok) throw new Error(JSON.stringify(out.issues.slice(0, 3)));
    versions = out.versions;
  }
  return versions;
}

const childrenOf = (tree: Map<string, UnitVersion>, code: string) =>
  [...tree.values()].filter((v) => v.parent === code);

describe("the demo's units over time", () => {
  it("has codes that are unique and valid", () => {
    expect(new Set(DEMO_UNITS.map((u) => u.code)).size).toBe(DEMO_UNITS.length);
    for (const u of DEMO_UNITS) expect(u.code).toMatch(/^[A-Z0-9][A-Z0-9._-]{0,63}$/);
  });

  it("reports 2024 on three tiers: 12 district-level unions with 202 communes below them", () => {
    const tree = treeOfPeriod(applied(), "2024");
    const districts = childrenOf(tree, "SL").filter((v) => v.kind === "huyen" || v.kind === "thanh-pho");
    expect(districts).toHaveLength(12);
    const communes = districts.flatMap((d) => childrenOf(tree, d.code)).filter((v) => v.kind !== "co-quan");
    expect(communes).toHaveLength(202);
    expect(tree.get("SL.MAISON")?.name).toBe("Huyện đoàn Mai Sơn");
  });

  it("runs 2026 on two tiers: 75 commune and ward unions (8 wards) directly under the Tỉnh đoàn", () => {
    const versions = applied();
    const tree = treeOfPeriod(versions, "2026");
    const below = childrenOf(tree, "SL");
    const communes = below.filter((v) => v.kind === "xa" || v.kind === "phuong" || v.kind === "thi-tran");
    expect(communes).toHaveLength(75);
    expect(communes.filter((v) => v.kind === "phuong")).toHaveLength(8);
    expect(below.map((v) => v.code).sort()).toEqual(
      [...communes.map((v) => v.code), "SL.DHTB", "SL.DKCQDN"].sort(),
    );
    expect(childrenOf(tree, "SL.DKCQDN").map((v) => v.code)).toContain("SL.MAISON.TTYT");
    expect(tree.get("SL.CHIENGMAI")?.name).toBe("Đoàn xã Chiềng Mai");
    // unitsAfter() (what the demo reports on) is exactly that tree.
    expect(
      unitsAfter()
        .map((u) => u.code)
        .sort(),
    ).toEqual([...tree.keys()].sort());
  });

  it("ends the 12 district unions and merges Bắc Kạn into Thái Nguyên on 2025-07-01", () => {
    const sonLa = DEMO_CHANGE_LISTS[1];
    if (!sonLa) throw new Error("no Sơn La change list");
    const out = applyChanges(applied(1), sonLa);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const districts = out.ended.filter((c) => /^SL\.[A-Z]+$/.test(c));
    expect(districts).toHaveLength(12);
    const tn = treeOfPeriod(applied(), "2026");
    expect(tn.has("BK")).toBe(false);
    expect(
      childrenOf(tn, "TN")
        .map((v) => v.code)
        .sort(),
    ).toEqual(["TN.BABE", "TN.BACKAN", "TN.DAITU-XA", "TN.PHANDINHPHUNG"]);
    expect(DEMO_CHANGE_LISTS[1]?.effective).toBe(RESTRUCTURED);
  });
});

describe("the demo's reports", () => {
  const reports = demoReports();
  const versions = applied();
  const template = getTemplate("doan-2024");
  if (!template) throw new Error("no doan-2024 template");

  it("are the same on every run", () => {
    expect(demoReports()).toEqual(reports);
  });

  it("come from units of their period's tree, and every period has some", () => {
    for (const period of DEMO_PERIODS) {
      const tree = treeOfPeriod(versions, period);
      const mine = reports.filter((r) => r.period === period);
      expect(mine.length).toBeGreaterThan(10);
      for (const r of mine) expect(tree.has(r.unit), `${r.unit} ${period}`).toBe(true);
    }
  });

  it("pass the template's rules without an error", () => {
    for (const r of reports) {
      const errors = checkReport(template, r).filter((i) => i.severity === "error");
      expect(errors, `${r.unit} ${r.period}`).toEqual([]);
    }
  });

  it("add up to a province of Sơn La's size: 50,000–80,000 members, a few per cent more each year", () => {
    const members = (period: string) =>
      reports
        .filter((r) => r.period === period && r.unit.startsWith("SL."))
        .flatMap((r) => r.rows)
        .filter((row) => row.code === "GD04")
        .reduce((n, row) => n + Number(row.actual), 0);
    for (const period of DEMO_PERIODS) {
      expect(members(period)).toBeGreaterThan(50_000);
      expect(members(period)).toBeLessThan(80_000);
    }
    expect(members("2024")).toBeGreaterThan(members("2023"));
  });
});
