import { describe, expect, it } from "vitest";
import { gridMessages } from "./grid.ts";
import type { MessageParams } from "./types.ts";

const render = (code: keyof typeof gridMessages, p: MessageParams) => ({
  vi: gridMessages[code].vi(p),
  en: gridMessages[code].en(p),
});

describe("gridMessages", () => {
  it("says what is wrong and what to do, in Vietnamese with diacritics and in English", () => {
    const cases: [keyof typeof gridMessages, MessageParams][] = [
      ["grid.table_not_found", {}],
      ["grid.row_missing", { code: "GD01", required: true }],
      ["grid.row_missing", { code: "PT05", required: false }],
      ["grid.row_duplicate", { code: "PT01", first: "B27" }],
      ["grid.row_unknown", { code: "ZZ99", template: "doan-2024" }],
      ["grid.template_unknown", { template: "doan-2099", known: "doan-2024" }],
      ["grid.template_version_unknown", { template: "doan-2024", version: "7", known: "1" }],
      ["grid.header_missing", { field: "unitCode" }],
      ["grid.header_missing", { field: "period" }],
      ["grid.header_missing", { field: "template", assumed: "doan-2024 v1" }],
      ["grid.header_missing", { field: "template" }],
      ["grid.header_malformed", { field: "unitCode", value: "sl.maison", expected: "SL.MAISON" }],
      ["grid.header_malformed", { field: "unitCode", value: "Mai Sơn" }],
      ["grid.header_malformed", { field: "period", value: "Quý 3/2023", expected: "2023-Q3" }],
      ["grid.header_malformed", { field: "period", value: "abc" }],
    ];
    const seen = new Set<string>();
    for (const [code, p] of cases) {
      const { vi, en } = render(code, p);
      expect(vi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      expect(vi).not.toBe(en);
      for (const s of [vi, en]) {
        expect(s).not.toMatch(/undefined|null|\[object/);
        expect(s).not.toMatch(/^(Ô|Cell|Dòng|Row) /);
        expect(s.endsWith(".")).toBe(true);
        seen.add(s);
      }
    }
    expect(seen.size).toBe(cases.length * 2);
  });

  it("writes numeric params as plain numbers, in single quotes where quoted", () => {
    const p = { template: "doan-2024", version: 7, known: 1 };
    expect(render("grid.template_version_unknown", p).vi).toBe(
      "Mẫu doan-2024 phiên bản 7 không được hỗ trợ; phiên bản hiện hành là 1. Chép số liệu sang mẫu doan-2024 phiên bản 1.",
    );
    expect(render("grid.template_unknown", { template: "doan-2099", known: "doan-2024" }).en).toBe(
      "Report template 'doan-2099' is not known (available: doan-2024). Correct the 'Mẫu:' cell or copy the figures into a fresh template.",
    );
  });

  it("names the fix", () => {
    expect(
      render("grid.header_malformed", { field: "period", value: "Quý 3/2023", expected: "2023-Q3" }).vi,
    ).toContain("2023-Q3");
    expect(render("grid.row_duplicate", { code: "PT01", first: "B27" }).en).toContain("B27");
    expect(render("grid.row_missing", { code: "GD01", required: true }).vi).toContain("GD01");
  });
});
