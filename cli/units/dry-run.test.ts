import { describe, expect, it } from "vitest";
import type { DatedUnitInfo } from "../../shared/api/units.ts";
import { dryRun, periodsFrom } from "./dry-run.ts";

const TREE: DatedUnitInfo[] = [
  { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null, kind: "tinh" },
  { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn", parent: "SL", kind: "huyen" },
  { code: "SL.MAISON.CHIENGMAI", name: "Đoàn xã Chiềng Mai", parent: "SL.MAISON", kind: "xa" },
  { code: "SL.MAISON.CHIENGBAN", name: "Đoàn xã Chiềng Ban", parent: "SL.MAISON", kind: "xa" },
  { code: "SL.MAISON.TTYT", name: "Đoàn cơ sở Trung tâm Y tế", parent: "SL.MAISON", kind: "co-quan" },
  { code: "SL.DKCQDN", name: "Đoàn Khối", parent: "SL", kind: "khoi" },
];

describe("dryRun", () => {
  it("applies the list to the server's tree and says what is made, ended, moved and renamed", () => {
    const out = dryRun(TREE, {
      effective: "2025-07-01",
      changes: [
        { type: "close", unit: "SL.MAISON" },
        {
          type: "merge",
          from: ["SL.MAISON.CHIENGMAI", "SL.MAISON.CHIENGBAN"],
          into: { code: "SL.CHIENGMAI", name: "Đoàn xã Chiềng Mai (mới)", parent: "SL", kind: "xa" },
        },
        { type: "move", unit: "SL.MAISON.TTYT", parent: "SL.DKCQDN" },
        { type: "rename", unit: "SL.DKCQDN", name: "Đoàn Khối các cơ quan tỉnh" },
      ],
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.lines).toEqual([
      "Thành lập (1) / Created (1):",
      "  + SL.CHIENGMAI Đoàn xã Chiềng Mai (mới) (cấp trên / parent SL) ← SL.MAISON.CHIENGMAI, SL.MAISON.CHIENGBAN",
      "Kết thúc (3) / Ended (3):",
      "  − SL.MAISON Huyện đoàn Mai Sơn (giải thể / closed)",
      "  − SL.MAISON.CHIENGMAI Đoàn xã Chiềng Mai → SL.CHIENGMAI",
      "  − SL.MAISON.CHIENGBAN Đoàn xã Chiềng Ban → SL.CHIENGMAI",
      "Chuyển cấp trên (1) / Moved (1):",
      "  → SL.MAISON.TTYT Đoàn cơ sở Trung tâm Y tế: SL.MAISON → SL.DKCQDN",
      "Đổi tên (1) / Renamed (1):",
      "  ✎ SL.DKCQDN: Đoàn Khối → Đoàn Khối các cơ quan tỉnh",
    ]);
    expect(out.created).toEqual(["SL.CHIENGMAI"]);
    expect(out.moved).toEqual(["SL.MAISON.TTYT"]);
  });

  it("gives shared/tree's issues, on the change's field, when the list would be refused", () => {
    const out = dryRun(TREE, {
      effective: "2025-07-01",
      changes: [
        { type: "close", unit: "SL.MAISON" },
        { type: "merge", from: ["SL.NOWHERE"], into: "SL" },
      ],
    });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues.map((i) => [i.code, i.field])).toEqual([["unit.unknown", "changes.1.from.0"]]);
  });

  it("refuses to close a unit whose children no change moves, naming them", () => {
    const out = dryRun(TREE, { effective: "2025-07-01", changes: [{ type: "close", unit: "SL.MAISON" }] });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues[0]).toMatchObject({ code: "unit.has_children", field: "changes.0.unit" });
    expect(out.issues[0]?.en).toContain("SL.MAISON.CHIENGBAN, SL.MAISON.CHIENGMAI, SL.MAISON.TTYT");
  });
});

describe("periodsFrom", () => {
  it("lists every period ending on or after the effective day that has begun by today", () => {
    expect(periodsFrom("2025-07-01", "2025-08-15")).toEqual([
      "2025",
      "2025-H2",
      "2025-Q3",
      "2025-07",
      "2025-08",
    ]);
  });

  it("keeps a period whose last day is the effective day and drops the ones before", () => {
    const out = periodsFrom("2025-06-30", "2026-01-10");
    expect(out).toContain("2025-H1");
    expect(out).toContain("2025-06");
    expect(out).not.toContain("2025-05");
    expect(out).toContain("2026-01");
    expect(out).not.toContain("2026-02");
    expect(out.filter((p) => p.startsWith("2026"))).toEqual(["2026", "2026-H1", "2026-Q1", "2026-01"]);
  });
});
