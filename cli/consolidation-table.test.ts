import { describe, expect, it } from "vitest";
import type { Consolidation } from "../shared/api/schemas.ts";
import { doan2024 } from "../shared/template/doan-2024.ts";
import { consolidationTable } from "./consolidation-table.ts";

const c: Consolidation = {
  unit: "SL",
  period: "2023",
  template: "doan-2024",
  indicators: [
    { code: "GD01", kind: "count", actual: 86 },
    { code: "PT01", kind: "count", target: 90000, actual: 97687, rate: 108.5 },
    { code: "PT03", kind: "money", actual: 778.75 },
    { code: "TD01", kind: "grade", grades: { XS: 2, T: 1, HT: 0, KHT: 0 } },
  ],
  children: [
    { unit: "SL.BACYEN", name: "Huyện đoàn Bắc Yên", indicators: [] },
    {
      unit: "SL.MAISON",
      name: "Huyện đoàn Mai Sơn",
      indicators: [
        { code: "GD01", kind: "count", actual: 36 },
        { code: "PT01", kind: "count", actual: 97687 },
        { code: "TD01", kind: "grade", grades: { XS: 2, T: 1 } },
      ],
    },
    {
      unit: "SL.DKCQDN",
      name: "Đoàn Khối",
      indicators: [
        { code: "GD01", kind: "count", actual: 50 },
        { code: "PT03", kind: "money", actual: 778.75 },
      ],
    },
  ],
  reporting: { expected: 3, submitted: 2, late: 0, missing: ["SL.BACYEN"] },
};

function row(table: string, code: string): string[] {
  const line = table.split("\n").find((l) => l.startsWith(`${code} `)) ?? "";
  return line.split(/ {2,}/);
}

describe("consolidationTable", () => {
  it("puts each child's figure in its own column, children with figures first, rows without figures left out", () => {
    const t = consolidationTable(c, doan2024, { lang: "vi", width: 200 });
    const head = t.split("\n")[0]?.split(/ {2,}/);
    expect(head).toEqual(["Mã", "Nội dung", "Tổng", "% đạt", "MAISON", "DKCQDN", "BACYEN"]);
    expect(row(t, "GD01")).toEqual(["GD01", "Tổng số cán bộ đoàn", "86", "36", "50"]);
    expect(row(t, "PT01")).toEqual([
      "PT01",
      "Số lượt ĐVTN tham gia các hoạt động, ph…",
      "97.687",
      "108,5",
      "97.687",
    ]);
    expect(t).toMatch(/\nPT03 .* 778,75 {2,}778,75\n/);
    expect(row(t, "TD01")).toEqual(["TD01", "Xếp loại đơn vị", "XS:2 T:1", "XS:2 T:1"]);
    expect(t).not.toMatch(/\nGD02 /);
    expect(t).toContain(`(${doan2024.indicators.length - 4} chỉ tiêu chưa có số liệu không in ra)`);
  });

  it("stars a rate whose target and actual come from different units, and says which under the table", () => {
    const partial: Consolidation = {
      ...c,
      indicators: [
        { code: "PT01", kind: "count", target: 90000, actual: 97687, rate: 108.5 },
        {
          code: "CD01",
          kind: "count",
          target: 3,
          actual: 62,
          rate: 2066.7,
          unitsWithTarget: 1,
          unitsWithActual: 2,
        },
      ],
    };
    const t = consolidationTable(partial, doan2024, { lang: "vi", width: 200 });
    expect(row(t, "CD01")[3]).toBe("2.066,7*");
    expect(row(t, "PT01")[3]).toBe("108,5"); // no counts given: nothing to qualify
    expect(t).toContain("* CD01: Đơn vị có chỉ tiêu: 1, có kết quả: 2");
    const en = consolidationTable(partial, doan2024, { lang: "en", width: 200 });
    expect(en).toContain("* CD01: Units with a target: 1, with a result: 2");
  });

  it("drops the child columns that do not fit and says how many", () => {
    const t = consolidationTable(c, doan2024, { lang: "en", width: 55 });
    expect(t.split("\n")[0]?.split(/ {2,}/)).toEqual(["Code", "Indicator", "Total", "% met", "MAISON"]);
    expect(t).toContain("(+2 units do not fit, 1 of them without figures: see the .xlsx file)");
    for (const line of t.split("\n").slice(0, -3)) expect(line.length).toBeLessThanOrEqual(55);
  });
});

describe("consolidationTable with a compared period", () => {
  it("adds the compared figure and the change after % met", () => {
    const compared = {
      ...c,
      compare: { period: "2022" },
      indicators: c.indicators.map((i) =>
        i.code === "GD01"
          ? { ...i, previous: { actual: 80 } }
          : i.code === "PT03"
            ? { ...i, previous: { actual: 800 } }
            : i,
      ),
    };
    const table = consolidationTable(compared, doan2024, { lang: "vi", width: 200 });
    expect(table.split("\n")[0]).toMatch(/% đạt\s+Cùng kỳ 2022\s+Tăng\/giảm \(%\)/);
    expect(row(table, "GD01").slice(2, 5)).toEqual(["86", "80", "+7,5"]);
    expect(row(table, "PT03").slice(2, 5)).toEqual(["778,75", "800", "-2,7"]);
    // A rate keeps its column: 108,5 % met, then 2022's figure (none here) and no change.
    expect(row(table, "PT01").slice(2, 4)).toEqual(["97.687", "108,5"]);
  });
});
