import { describe, expect, it } from "vitest";
import { consolidation as consolidationSchema, type IndicatorTotal } from "../api/schemas.ts";
import { doan2024 } from "../template/doan-2024.ts";
import type { ReportRow } from "../template/types.ts";
import {
  type ConsolidationInput,
  type CurrentReport,
  consolidate,
  consolidateUnit,
  type UnitNode,
} from "./consolidate.ts";

type Figure = number | string | { target?: number; actual?: number | string };

function report(unit: string, figures: Record<string, Figure>, firstReceivedAt = "2023-12-10T08:00:00Z") {
  const rows: ReportRow[] = Object.entries(figures).map(([code, f]) =>
    typeof f === "object" ? { code, ...f } : { code, actual: f },
  );
  return { unit, rows, firstReceivedAt, receivedAt: firstReceivedAt } satisfies CurrentReport;
}

const unit = (code: string, name: string, parent: string | null): UnitNode => ({ code, name, parent });

function input(units: UnitNode[], reports: CurrentReport[], deadline?: string): ConsolidationInput {
  return { template: doan2024, units, reports, period: "2023", deadline: deadline ?? null };
}

function row(indicators: IndicatorTotal[], code: string): IndicatorTotal {
  const found = indicators.find((i) => i.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
}

describe("seed 000: Sơn La, province → district → three communes", () => {
  const units = [
    unit("SL", "Tỉnh đoàn Sơn La", null),
    unit("SL.MS", "Huyện đoàn Mai Sơn", "SL"),
    unit("SL.MS.HL", "Đoàn xã Hát Lót", "SL.MS"),
    unit("SL.MS.CM", "Đoàn xã Cò Nòi", "SL.MS"),
    unit("SL.MS.CB", "Đoàn xã Chiềng Ban", "SL.MS"),
    // "đoàn cơ sở trực thuộc": directly under the province, no district tier.
    unit("SL.DHTB", "Đoàn trường Đại học Tây Bắc", "SL"),
  ];
  const reports = [
    report("SL.MS.HL", { PT01: 40000, KN02: 600, KN03: 100.125, GD07: 1000, GD08: 820 }),
    report("SL.MS.CM", { PT01: 31000, KN02: 658, KN03: 111.5, GD07: 700, GD08: 540 }),
    report("SL.MS.CB", { PT01: 21387, KN02: 500, KN03: 100.375, GD07: 300, GD08: 240 }),
    report("SL.MS", { KN04: 293.6 }),
    report("SL.DHTB", { KN04: 292.3 }),
    // The province's own disbursement; with the others it must be exactly 878 (naively 878.0000000000001).
    report("SL", { KN04: 292.1, PT01: { target: 90000 } }),
  ];
  const all = consolidate(input(units, reports));

  it("checks that the money parts really drift when summed as floats", () => {
    expect(292.1 + 292.3 + 293.6).not.toBe(878);
  });

  it("gives each commune its own figures", () => {
    const hl = all.get("SL.MS.HL")!;
    expect(row(hl.indicators, "PT01")).toEqual({
      code: "PT01",
      kind: "count",
      actual: 40000,
    });
    expect(row(hl.indicators, "KN03")).toEqual({
      code: "KN03",
      kind: "money",
      actual: 100.125,
    });
    expect(row(hl.indicators, "GD09")).toEqual({ code: "GD09", kind: "ratio", actual: 82 });
  });

  it("sums the three communes at the district: 92.387 lượt, 1.758 ý tưởng, 312 triệu", () => {
    const ms = all.get("SL.MS")!;
    expect(row(ms.indicators, "PT01").actual).toBe(92387);
    expect(row(ms.indicators, "KN02").actual).toBe(1758);
    expect(row(ms.indicators, "KN03").actual).toBe(312);
    expect(row(ms.indicators, "KN04").actual).toBe(293.6);
    expect(row(ms.indicators, "GD09").actual).toBe(80);
    expect(ms.children.map((c) => [c.unit, row(c.indicators, "PT01").actual])).toEqual([
      ["SL.MS.CB", 21387],
      ["SL.MS.CM", 31000],
      ["SL.MS.HL", 40000],
    ]);
  });

  it("carries the same totals to the province, plus its own and the direct unit's", () => {
    const sl = all.get("SL")!;
    expect(row(sl.indicators, "PT01")).toEqual({
      code: "PT01",
      kind: "count",
      target: 90000,
      actual: 92387,
      rate: 102.7,
      // The province's own target against its three communes' actuals: the note the sheet shows.
      unitsWithTarget: 1,
      unitsWithActual: 3,
    });
    expect(row(sl.indicators, "KN02").actual).toBe(1758);
    expect(row(sl.indicators, "KN03").actual).toBe(312);
    expect(row(sl.indicators, "KN04").actual).toBe(878);
    expect(row(sl.indicators, "GD09").actual).toBe(80);
    expect(sl.children.map((c) => c.unit)).toEqual(["SL.DHTB", "SL.MS"]);
    expect(row(sl.children[1]!.indicators, "KN04").actual).toBe(293.6);
  });

  it("leaves rows nobody reported without actual or target: blank is not zero", () => {
    const sl = all.get("SL")!;
    expect(row(sl.indicators, "XD06")).toEqual({ code: "XD06", kind: "money" });
    expect(row(sl.indicators, "GD03")).toEqual({ code: "GD03", kind: "ratio" });
  });

  it("lists every template row in template order, and matches the API schema", () => {
    for (const c of all.values()) {
      expect(c.indicators.map((i) => i.code)).toEqual(doan2024.indicators.map((i) => i.code));
      expect(consolidationSchema.parse(c)).toEqual(c);
      expect(c.template).toBe("doan-2024");
      expect(c.period).toBe("2023");
    }
    expect(all.get("SL")!.name).toBe("Tỉnh đoàn Sơn La");
    expect([...all.keys()]).toEqual(["SL", "SL.DHTB", "SL.MS", "SL.MS.CB", "SL.MS.CM", "SL.MS.HL"]);
  });

  it("answers one unit alone the same as the whole map", () => {
    expect(consolidateUnit(input(units, reports), "SL.MS")).toEqual(all.get("SL.MS"));
    expect(() => consolidateUnit(input(units, reports), "SL.NOPE")).toThrow(/unknown unit "SL.NOPE"/);
  });
});

describe("ratios are recomputed from sums, never averaged", () => {
  const units = [unit("P", "Tỉnh đoàn", null), unit("P.A", "Đơn vị A", "P"), unit("P.B", "Đơn vị B", "P")];
  const reports = [
    report("P.A", { GD01: 10, GD02: 10, GD03: 55 }), // a typed ratio is derived: ignored
    report("P.B", { GD01: 90, GD02: 70 }),
    report("P", { GD03: { target: 80 } }),
  ];
  const all = consolidate(input(units, reports));

  it("gives 80/100 = 80 %, not the 88.9 % average of 100 % and 77.8 %", () => {
    const p = all.get("P")!;
    const children = p.children.map((c) => row(c.indicators, "GD03").actual);
    expect(children).toEqual([100, 77.8]);
    expect(((children[0] ?? 0) + (children[1] ?? 0)) / 2).toBeCloseTo(88.9, 1);
    expect(row(p.indicators, "GD03")).toEqual({
      code: "GD03",
      kind: "ratio",
      target: 80,
      actual: 80,
      rate: 100,
    });
  });

  it("uses the asked unit's own ratio target, not a sum of its children's", () => {
    const withChildTargets = [
      report("P.A", { GD01: 10, GD02: 10, GD03: { target: 90 } }),
      report("P.B", { GD01: 90, GD02: 70, GD03: { target: 95 } }),
    ];
    const c = consolidate(input(units, withChildTargets));
    expect(row(c.get("P")!.indicators, "GD03")).toEqual({ code: "GD03", kind: "ratio", actual: 80 });
    expect(row(c.get("P.A")!.indicators, "GD03")).toEqual({
      code: "GD03",
      kind: "ratio",
      target: 90,
      actual: 100,
      rate: 111.1,
    });
  });

  it("omits the ratio when the denominator sums to 0 or the numerator is missing", () => {
    const c = consolidate(input(units, [report("P.A", { GD01: 0, GD02: 0 }), report("P.B", { GD04: 10 })]));
    expect(row(c.get("P")!.indicators, "GD03").actual).toBeUndefined();
    expect(row(c.get("P")!.indicators, "GD06").actual).toBeUndefined();
  });
});

describe("seed 004: Đoàn Khối, 10 targets → đạt 9/10 chỉ tiêu, vượt 5", () => {
  const units = [
    unit("DK", "Đoàn Khối các cơ quan và doanh nghiệp tỉnh", null),
    unit("DK.SYT", "Đoàn Sở Y tế", "DK"),
    unit("DK.DL", "Đoàn cơ sở Điện lực", "DK"),
    unit("DK.CD", "Đoàn trường Cao đẳng", "DK"),
  ];
  const reports = [
    report("DK", {
      GD03: { target: 100 },
      GD06: { target: 80 },
      KN09: { target: 80 },
      PT05: { target: 2 },
      PT06: { target: 700 },
      PT11: { target: 1, actual: 1 },
      PT03: { target: 500 },
      PT10: { target: 400, actual: 400 },
      KN01: { target: 1200 },
    }),
    report("DK.SYT", {
      GD01: 12,
      GD02: 12,
      GD04: 300,
      GD05: 260,
      PT02: { target: 40, actual: 45 },
      PT03: 205.5,
      PT05: 2,
      PT06: 400,
      KN01: 700,
    }),
    report("DK.DL", {
      GD01: 8,
      GD02: 8,
      GD04: 200,
      GD05: 165,
      PT02: { target: 60, actual: 80 },
      PT03: 349.5,
      PT05: 1,
      PT06: 250,
      KN01: 800,
    }),
    report("DK.CD", { KN07: 500, KN08: 400 }),
  ];
  const dk = consolidateUnit(input(units, reports), "DK");

  it("computes each target row", () => {
    const pick = (code: string) => {
      const { target, actual } = row(dk.indicators, code);
      return [code, target, actual];
    };
    expect(
      ["GD03", "GD06", "KN09", "PT02", "PT03", "PT05", "PT06", "PT10", "PT11", "KN01"].map(pick),
    ).toEqual([
      ["GD03", 100, 100],
      ["GD06", 80, 85],
      ["KN09", 80, 80],
      ["PT02", 100, 125],
      ["PT03", 500, 555],
      ["PT05", 2, 3],
      ["PT06", 700, 650],
      ["PT10", 400, 400],
      ["PT11", 1, 1],
      ["KN01", 1200, 1500],
    ]);
    expect(row(dk.indicators, "PT06").rate).toBe(92.9);
  });

  it("summarises as the seed does", () => {
    expect(dk.summary).toEqual({
      withTarget: 10,
      achieved: 9,
      exceeded: 5,
      text: { vi: "đạt 9/10 chỉ tiêu, vượt 5", en: "met 9/10 targets, exceeded 5" },
    });
  });

  it("counts a target without data as not achieved", () => {
    const noBlood = reports.map((r) =>
      r.unit === "DK" ? r : { ...r, rows: r.rows.filter((x) => x.code !== "PT06" && x.code !== "PT05") },
    );
    expect(consolidateUnit(input(units, noBlood), "DK").summary?.text.vi).toBe("đạt 8/10 chỉ tiêu, vượt 4");
  });
});

describe("seed 003: grades counted over a subtree", () => {
  const xa: [string, string, string, string][] = [
    ["BK.BT.VH", "Đoàn xã Vi Hương", "BK.BT", "XS"],
    ["BK.BB.HT", "Đoàn xã Hoàng Trĩ", "BK.BB", "XS"],
    ["BK.CD.NP", "Đoàn xã Ngọc Phái", "BK.CD", "T"],
    ["BK.CM.BV", "Đoàn xã Bình Văn", "BK.CM", "XS"],
    ["BK.NR.KH", "Đoàn xã Kim Hỷ", "BK.NR", "T"],
    ["BK.PN.CL", "Đoàn xã Cổ Linh", "BK.PN", "HT"],
    ["BK.TP.NT", "Đoàn xã Nông Thượng", "BK.TP", "XS"],
    ["BK.NS.HL", "Đoàn xã Hiệp Lực", "BK.NS", "XS"],
    ["BK.NS.BV", "Đoàn xã Bằng Vân", "BK.NS", "KHT"],
  ];
  const districts = ["BK.BT", "BK.BB", "BK.CD", "BK.CM", "BK.NR", "BK.PN", "BK.TP", "BK.NS"];
  const units = [
    unit("BK", "Tỉnh đoàn Bắc Kạn", null),
    ...districts.map((d) => unit(d, `Huyện đoàn ${d}`, "BK")),
    ...xa.map(([code, name, parent]) => unit(code, name, parent)),
  ];
  const reports = [
    ...xa.map(([code, , , grade]) => report(code, { TD01: grade })),
    report("BK.NS", { TD01: "T" }),
    report("BK.BT", { TD01: "xuất sắc" }), // not a grade code: the Worker normalises before storing
  ];
  const all = consolidate(input(units, reports));

  it("counts 5 xã xuất sắc at the province, every key present", () => {
    expect(row(all.get("BK")!.indicators, "TD01")).toEqual({
      code: "TD01",
      kind: "grade",
      grades: { XS: 5, T: 3, HT: 1, KHT: 1 },
    });
  });

  it("counts the district itself with its communes", () => {
    expect(row(all.get("BK.NS")!.indicators, "TD01").grades).toEqual({ XS: 1, T: 1, HT: 0, KHT: 1 });
    expect(row(all.get("BK.PN")!.indicators, "TD01").grades).toEqual({ XS: 0, T: 0, HT: 1, KHT: 0 });
    expect(row(all.get("BK.BT")!.indicators, "TD01").grades).toEqual({ XS: 1, T: 0, HT: 0, KHT: 0 });
  });
});

describe("reporting status with a deadline", () => {
  const units = [
    unit("P", "Tỉnh đoàn", null),
    unit("P.D1", "Huyện đoàn 1", "P"),
    unit("P.D2", "Huyện đoàn 2", "P"),
    unit("P.D1.C1", "Xã 1", "P.D1"),
    unit("P.D1.C2", "Xã 2", "P.D1"),
    unit("P.D1.C3", "Xã 3", "P.D1"),
    unit("P.D1.C4", "Xã 4", "P.D1"),
  ];
  // 17:00 Hà Nội time = 10:00 UTC: compared as instants, not as strings.
  const deadline = "2023-12-15T17:00:00+07:00";
  const reports = [
    report("P", {}, "2023-12-20T00:00:00Z"), // the asked unit itself is not among its expected units
    report("P.D1", {}, "2023-12-15T09:59:59Z"),
    report("P.D1.C1", {}, "2023-12-15T10:00:00Z"), // exactly at the deadline: on time
    { ...report("P.D1.C2", {}, "2023-12-16T01:00:00Z") },
    // First sent on time, corrected after the deadline: not late.
    { ...report("P.D1.C3", {}, "2023-12-14T01:00:00Z"), receivedAt: "2023-12-18T01:00:00Z" },
  ];

  it("counts units strictly below: expected, submitted, late, missing", () => {
    const all = consolidate(input(units, reports, deadline));
    expect(all.get("P")!.reporting).toEqual({
      expected: 6,
      submitted: 4,
      late: 1,
      lateUnits: ["P.D1.C2"],
      missing: ["P.D1.C4", "P.D2"],
      lateUnitsNamed: [{ code: "P.D1.C2", name: "Xã 2" }],
      missingUnits: [
        { code: "P.D1.C4", name: "Xã 4" },
        { code: "P.D2", name: "Huyện đoàn 2" },
      ],
      accepted: 0,
      returned: [],
    });
    expect(all.get("P.D1")!.reporting).toEqual({
      expected: 4,
      submitted: 3,
      late: 1,
      lateUnits: ["P.D1.C2"],
      missing: ["P.D1.C4"],
      lateUnitsNamed: [{ code: "P.D1.C2", name: "Xã 2" }],
      missingUnits: [{ code: "P.D1.C4", name: "Xã 4" }],
      accepted: 0,
      returned: [],
    });
    expect(all.get("P.D2")!.reporting).toEqual({
      expected: 0,
      submitted: 0,
      late: 0,
      lateUnits: [],
      missing: [],
      lateUnitsNamed: [],
      missingUnits: [],
      accepted: 0,
      returned: [],
    });
    expect(all.get("P")!.children.map((c) => [c.unit, c.submitted])).toEqual([
      ["P.D1", true],
      ["P.D2", false],
    ]);
  });

  it("has nobody late without a deadline", () => {
    const p = consolidateUnit(input(units, reports), "P");
    expect(p.reporting.late).toBe(0);
    expect(p.reporting.lateUnits).toEqual([]);
  });

  it("refuses a deadline that is not a date-time", () => {
    expect(() => consolidate(input(units, reports, "mười lăm tháng mười hai"))).toThrow(/deadline/);
  });
});

describe("per-unit targets (PT04: each cơ sở at least 3 volunteer activities)", () => {
  const units = [
    unit("P", "Tỉnh đoàn", null),
    unit("P.D", "Huyện đoàn", "P"),
    unit("P.D.C1", "Cơ sở 1", "P.D"),
    unit("P.D.C2", "Cơ sở 2", "P.D"),
    unit("P.D.C3", "Cơ sở 3", "P.D"),
    unit("P.D.C4", "Cơ sở 4", "P.D"),
  ];
  const reports = [
    report("P", { PT04: 1 }), // the asked unit's own figure is not among "units below"
    report("P.D", { PT04: 10 }),
    report("P.D.C1", { PT04: 3 }),
    report("P.D.C2", { PT04: 2 }),
    report("P.D.C3", { PT01: 5 }), // no PT04: not reported
    report("P.D.C4", { PT04: 5 }),
  ];
  const all = consolidate(input(units, reports));

  it("counts units strictly below that met it, out of those that reported it", () => {
    expect(row(all.get("P")!.indicators, "PT04")).toEqual({
      code: "PT04",
      kind: "count",
      actual: 21,
      unitsMet: 3,
      unitsReported: 4,
    });
    expect(row(all.get("P.D")!.indicators, "PT04")).toMatchObject({
      actual: 20,
      unitsMet: 2,
      unitsReported: 3,
    });
    expect(row(all.get("P.D.C1")!.indicators, "PT04")).toMatchObject({ unitsMet: 0, unitsReported: 0 });
  });

  it("carries the tallies only on per-unit-target rows", () => {
    for (const ind of all.get("P")!.indicators) {
      expect("unitsMet" in ind).toBe(ind.code === "PT04");
    }
  });
});

describe("input the oracle refuses rather than loop or guess", () => {
  const base = [unit("P", "P", null), unit("P.A", "A", "P")];

  it("rejects an unknown parent", () => {
    expect(() => consolidate(input([...base, unit("X", "X", "NOPE")], []))).toThrow(/unknown parent "NOPE"/);
  });

  it("rejects a cycle, naming it", () => {
    const cyclic = [...base, unit("C1", "C1", "C3"), unit("C2", "C2", "C1"), unit("C3", "C3", "C2")];
    expect(() => consolidate(input(cyclic, []))).toThrow(/cycle: C1 → C3 → C2 → C1/);
    expect(() => consolidate(input([unit("S", "S", "S")], []))).toThrow(/cycle: S → S/);
    // A unit hanging under a cycle is reported with the cycle it reaches.
    const under = [unit("Z", "Z", "Y"), unit("Y", "Y", "W"), unit("W", "W", "Y")];
    expect(() => consolidate(input(under, []))).toThrow(/cycle: Y → W → Y/);
  });

  it("rejects duplicates and strays", () => {
    expect(() => consolidate(input([...base, unit("P.A", "A2", "P")], []))).toThrow(/listed twice/);
    expect(() => consolidate(input(base, [report("Q", {})]))).toThrow(/unknown unit "Q"/);
    expect(() => consolidate(input(base, [report("P.A", {}), report("P.A", {})]))).toThrow(/more than one/);
  });

  it("lets the later of two rows with one code win, and ignores unknown codes and text figures", () => {
    const rows: ReportRow[] = [
      { code: "PT01", actual: 5, target: 9 },
      { code: "PT01", actual: 7 },
      { code: "ZZ99", actual: 1 },
      { code: "PT02", actual: "12 công trình" },
    ];
    const c = consolidateUnit(input(base, [{ ...report("P.A", {}), rows }]), "P");
    expect(row(c.indicators, "PT01")).toEqual({
      code: "PT01",
      kind: "count",
      actual: 7,
    });
    expect(row(c.indicators, "PT02")).toEqual({ code: "PT02", kind: "count" });
  });
});

// Generous limits: these check that it completes (no stack overflow, no O(n²)), not how fast.
describe("scale", () => {
  it("consolidates a 10,000-deep chain without overflowing the stack", () => {
    const n = 10_000;
    const code = (i: number) => `U${String(i).padStart(5, "0")}`;
    const units = Array.from({ length: n }, (_, i) => unit(code(i), code(i), i === 0 ? null : code(i - 1)));
    const reports = units.map((u, i) => report(u.code, { PT01: i, KN03: 0.001 }));
    const root = consolidateUnit(input(units, reports), code(0));
    expect(row(root.indicators, "PT01").actual).toBe((n * (n - 1)) / 2);
    expect(row(root.indicators, "KN03").actual).toBe(10);
    expect(root.reporting.expected).toBe(n - 1);
  }, 60_000);

  it("consolidates every unit of a country-sized tree (10,051 units × all rows)", () => {
    const units: UnitNode[] = [unit("VN", "Trung ương Đoàn", null)];
    const reports: CurrentReport[] = [];
    const counted = doan2024.indicators.filter((i) => i.kind === "count" || i.kind === "money");
    for (let p = 0; p < 50; p++) {
      units.push(unit(`P${p}`, `Tỉnh ${p}`, "VN"));
      for (let d = 0; d < 10; d++) {
        units.push(unit(`P${p}.D${d}`, `Huyện ${d}`, `P${p}`));
        for (let c = 0; c < 19; c++) {
          const code = `P${p}.D${d}.C${c}`;
          units.push(unit(code, `Xã ${c}`, `P${p}.D${d}`));
          reports.push(
            report(code, Object.fromEntries(counted.map((i) => [i.code, 1])), "2023-12-01T00:00:00Z"),
          );
        }
      }
    }
    expect(units.length).toBe(10_051);
    const all = consolidate(input(units, reports));
    expect(all.size).toBe(10_051);
    const vn = all.get("VN")!;
    expect(row(vn.indicators, "PT01").actual).toBe(9500);
    expect(vn.reporting).toMatchObject({ expected: 10_050, submitted: 9500 });
    expect(vn.reporting.missing).toHaveLength(550);
    expect(row(all.get("P7.D3")!.indicators, "KN03").actual).toBe(19);
  }, 60_000);
});

describe("review counts in reporting", () => {
  it("counts accepted units and names returned ones, strictly below", () => {
    const units = [
      { code: "P", name: "P", parent: null },
      { code: "P.A", name: "A", parent: "P" },
      { code: "P.A.X", name: "X", parent: "P.A" },
      { code: "P.B", name: "B", parent: "P" },
    ];
    const at = "2023-06-01T00:00:00.000Z";
    const rows = [
      { code: "GD01", actual: 1 },
      { code: "GD04", actual: 1 },
    ];
    const reports = [
      { unit: "P", rows, firstReceivedAt: at, receivedAt: at, review: "accepted" as const },
      { unit: "P.A", rows, firstReceivedAt: at, receivedAt: at, review: "returned" as const },
      { unit: "P.A.X", rows, firstReceivedAt: at, receivedAt: at, review: "accepted" as const },
      { unit: "P.B", rows, firstReceivedAt: at, receivedAt: at },
    ];
    const all = consolidate({ template: doan2024, units, reports, period: "2023" });
    expect(all.get("P")?.reporting).toMatchObject({ accepted: 1, returned: ["P.A"] });
    expect(all.get("P.A")?.reporting).toMatchObject({ accepted: 1, returned: [] });
  });
});
