import { describe, expect, it } from "vitest";
import { parseA1, parseRange } from "../grid/address.ts";
import { doan2024 } from "../template/doan-2024.ts";
import {
  COLUMN_LABELS,
  HEADER_LABELS,
  NUMBER_FORMATS,
  TEMPLATE_LAYOUT,
  templateCell,
  templateRows,
  templateSheetPlan,
} from "./template-sheet.ts";
import type { PlanCell } from "./types.ts";

const t = doan2024;
const plan = templateSheetPlan(t, { unitName: "Huyện đoàn Mai Sơn", unitCode: "SL.MAISON", period: "2023" });
const byAddress = new Map(plan.cells.map((c) => [c.address, c]));
const cell = (address: string): PlanCell => {
  const c = byAddress.get(address);
  if (!c) throw new Error(`no plan cell at ${address}`);
  return c;
};
const L = TEMPLATE_LAYOUT;
const rows = templateRows(t);

describe("templateSheetPlan", () => {
  it("writes each address once", () => {
    expect(byAddress.size).toBe(plan.cells.length);
  });

  it("has the title, the header block and the table header where the layout says", () => {
    expect(cell("A1").value).toBe("HUYỆN ĐOÀN MAI SƠN");
    expect(cell("E1").value).toBe("ĐOÀN TNCS HỒ CHÍ MINH");
    expect(cell("A3").value).toBe(t.title.vi);
    expect(cell("A4").value).toBe("Năm 2023");
    expect(cell(L.header.unitName.label).value).toBe(HEADER_LABELS.unitName);
    expect(cell(L.header.unitName.input).value).toBe("Huyện đoàn Mai Sơn");
    expect(cell(L.header.unitCode.input).value).toBe("SL.MAISON");
    expect(cell(L.header.period.input).value).toBe("2023");
    expect(cell(L.header.template.input)).toMatchObject({ value: "doan-2024 v1", locked: true });
    expect(cell(L.header.reporter.input)).toMatchObject({ locked: false, numberFormat: "@" });
    expect(cell(L.header.reporter.input).value).toBeUndefined();
    for (const [key, col] of Object.entries(L.columns)) {
      expect(cell(`${col}${L.headerRow}`).value).toBe(COLUMN_LABELS[key as keyof typeof COLUMN_LABELS]);
    }
  });

  it("puts every section and every indicator on its own row, in template order", () => {
    expect(rows.indicators.size).toBe(50);
    expect(rows.sections.size).toBe(5);
    const all = [...rows.sections.values(), ...rows.indicators.values()].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 55 }, (_, i) => L.firstBodyRow + i));
    expect(rows.lastRow).toBe(L.firstBodyRow + 54);
    for (const s of t.sections) {
      const r = rows.sections.get(s.id)!;
      expect(cell(`A${r}`)).toMatchObject({ value: s.id, bold: true });
      expect(cell(`C${r}`)).toMatchObject({ value: s.label.vi, bold: true });
    }
    for (const ind of t.indicators) {
      const r = rows.indicators.get(ind.code)!;
      expect(cell(`B${r}`)).toMatchObject({ value: ind.code, locked: true, numberFormat: "@" });
      expect(cell(`C${r}`).value).toBe(ind.required ? `${ind.label.vi} (*)` : ind.label.vi);
    }
    expect(cell(templateCell(t, "GD01", "stt")).value).toBe(1);
    expect(cell(templateCell(t, "PT01", "stt")).value).toBe(1);
    expect(cell(templateCell(t, "TD03", "stt")).value).toBe(3);
  });

  it("marks every literal string as text so Excel never parses it", () => {
    for (const c of plan.cells) {
      if (typeof c.value === "string") expect(c.numberFormat, c.address).toBe("@");
    }
  });

  it("formats and unlocks inputs by kind", () => {
    for (const ind of t.indicators) {
      const target = cell(templateCell(t, ind.code, "target"));
      const actual = cell(templateCell(t, ind.code, "actual"));
      const note = cell(templateCell(t, ind.code, "note"));
      expect(note).toMatchObject({ locked: false, numberFormat: "@" });
      if (ind.kind === "count" || ind.kind === "money") {
        expect(target).toMatchObject({ locked: false, numberFormat: NUMBER_FORMATS[ind.kind] });
        expect(actual).toMatchObject({ locked: false, numberFormat: NUMBER_FORMATS[ind.kind] });
        expect(actual.formula).toBeUndefined();
      }
    }
    expect(NUMBER_FORMATS.count).toBe("#,##0");
    expect(NUMBER_FORMATS.money).toBe("#,##0.0##");
    expect(cell(templateCell(t, "TD01", "actual"))).toMatchObject({ locked: false, numberFormat: "@" });
    expect(cell(templateCell(t, "TD01", "target")).locked).toBe(true);
  });

  it("computes ratio rows from their numerator and denominator, locked", () => {
    const gd03 = cell(templateCell(t, "GD03", "actual"));
    const num = templateCell(t, "GD02", "actual");
    const den = templateCell(t, "GD01", "actual");
    expect(gd03.formula).toBe(`=IF(AND(ISNUMBER(${den}),${den}>0,ISNUMBER(${num})),${num}/${den}*100,"")`);
    expect(gd03).toMatchObject({ locked: true, numberFormat: "0.0" });
    for (const ind of t.indicators.filter((i) => i.kind === "ratio")) {
      const c = cell(templateCell(t, ind.code, "actual"));
      expect(c.formula).toContain(templateCell(t, ind.ratio!.numerator, "actual"));
      expect(c.formula).toContain(templateCell(t, ind.ratio!.denominator, "actual"));
      expect(cell(templateCell(t, ind.code, "target"))).toMatchObject({ locked: false, numberFormat: "0.0" });
    }
  });

  it("gives every non-grade row a locked achievement formula", () => {
    const r = rows.indicators.get("PT02")!;
    expect(cell(`G${r}`)).toMatchObject({
      formula: `=IF(AND(ISNUMBER(E${r}),E${r}>0,ISNUMBER(F${r})),F${r}/E${r}*100,"")`,
      locked: true,
      numberFormat: "0.0",
    });
    expect(cell(templateCell(t, "TD01", "rate")).formula).toBeUndefined();
  });

  it("validates inputs in Excel too, with Vietnamese prompts", () => {
    const covering = (address: string) =>
      plan.validations.filter((v) => {
        const range = parseRange(v.range)!;
        const a = parseA1(address)!;
        return (
          a.row >= range.start.row &&
          a.row <= range.end.row &&
          a.col >= range.start.col &&
          a.col <= range.end.col
        );
      });
    for (const ind of t.indicators) {
      const v = covering(templateCell(t, ind.code, "actual"));
      if (ind.kind === "count") expect(v.map((x) => x.type)).toEqual(["wholeNumber"]);
      if (ind.kind === "money") expect(v.map((x) => x.type)).toEqual(["decimal"]);
      if (ind.kind === "ratio") expect(v).toEqual([]);
      if (ind.kind !== "grade") expect(covering(templateCell(t, ind.code, "target"))).toHaveLength(1);
    }
    const grade = covering(templateCell(t, "TD01", "actual"));
    expect(grade).toHaveLength(1);
    expect(grade[0]).toMatchObject({ type: "list", source: ["XS", "T", "HT", "KHT"] });
    expect(grade[0]!.prompt).toContain("XS = Hoàn thành xuất sắc nhiệm vụ");
    for (const v of plan.validations) {
      expect(v.prompt!.length).toBeLessThanOrEqual(255);
      expect(v.error!.length).toBeLessThanOrEqual(255);
      if (v.type !== "list") expect(v.min).toBe(0);
    }
    // Consecutive count rows share one validation.
    expect(plan.validations.length).toBeLessThan(30);
  });

  it("prints, freezes, protects and remembers its template", () => {
    expect(plan.freezeRows).toBe(L.headerRow);
    expect(plan.print).toMatchObject({ paperSize: "A4", titleRows: `$${L.headerRow}:$${L.headerRow}` });
    // A free row, the legend, a blank row and the three rows of the signature block under the table.
    expect(plan.print?.area).toBe(`A1:H${rows.lastRow + 6}`);
    expect(plan.protect).toBe(true);
    expect(plan.properties).toEqual({ "baocao.template": "doan-2024", "baocao.version": "1" });
    expect(Object.keys(plan.columnWidths).sort()).toEqual(["A", "B", "C", "D", "E", "F", "G", "H"]);
  });
});

describe("templateSheetPlan: the official look", () => {
  const last = rows.lastRow;
  // 17:30 UTC on 31 December is already 1 January in Vietnam: the year of the date line is 2027.
  const q3 = templateSheetPlan(t, {
    unitName: "Đoàn xã Chiềng Mai",
    unitCode: "SL.CHIENGMAI",
    period: "2023-Q3",
    at: "2026-12-31T17:30:00Z",
  });
  const blank = templateSheetPlan(t, { at: "2026-06-01T00:00:00Z" });
  const of = (p: typeof plan, address: string) => p.cells.find((c) => c.address === address);

  it("puts the unit and *** top left, the union and the place-and-date line to fill in top right", () => {
    expect(of(q3, "A1")).toMatchObject({ value: "ĐOÀN XÃ CHIỀNG MAI", bold: true });
    expect(of(q3, "A1")?.locked).not.toBe(false);
    expect(of(q3, "A2")?.value).toBe("***");
    expect(of(q3, "E1")).toMatchObject({ value: "ĐOÀN TNCS HỒ CHÍ MINH", bold: true, underline: true });
    // The day it is signed is not the day the template is made: day and month stay to be written.
    expect(of(q3, "E2")).toMatchObject({
      value: "Chiềng Mai, ngày …… tháng …… năm 2027",
      italic: true,
      locked: false,
    });
    expect(q3.merges).toEqual(expect.arrayContaining(["A1:C1", "E1:H1", "A2:C2", "E2:H2", "A3:H3"]));
  });

  it("leaves the unit and the place to fill in on a template made without them", () => {
    expect(of(blank, "A1")).toMatchObject({ value: "…".repeat(10), locked: false });
    expect(of(blank, "E2")?.value).toBe("…………, ngày …… tháng …… năm 2026");
    expect(of(blank, "A4")).toBeUndefined();
  });

  it("writes the period as people write it under the title, and keeps its code in Kỳ báo cáo", () => {
    expect(of(q3, "A4")).toMatchObject({ value: "Quý III năm 2023", italic: true });
    expect(of(q3, L.header.period.input)?.value).toBe("2023-Q3");
    expect(of(plan, "A4")?.value).toBe("Năm 2023");
  });

  it("marks required rows (*) and explains the mark under the table", () => {
    for (const ind of t.indicators) {
      const label = of(q3, templateCell(t, ind.code, "label"))?.value as string;
      expect(label.endsWith(" (*)"), ind.code).toBe(ind.required === true);
    }
    expect(t.indicators.some((i) => i.required)).toBe(true);
    expect(q3.cells.filter((c) => c.address.endsWith(`${last + 1}`)).map((c) => c.address)).toEqual([]);
    expect(of(q3, `A${last + 2}`)).toMatchObject({ value: "(*) Chỉ tiêu bắt buộc báo cáo.", italic: true });
    expect(q3.merges).toContain(`A${last + 2}:H${last + 2}`);
  });

  it("ends with the signature block: the preparer; the Standing Committee and its secretary", () => {
    expect(of(q3, `A${last + 4}`)).toMatchObject({ value: "NGƯỜI LẬP BIỂU", bold: true });
    expect(of(q3, `A${last + 5}`)?.value).toBe("(Ký, ghi rõ họ tên)");
    expect(of(q3, `E${last + 4}`)).toMatchObject({ value: "T/M BAN THƯỜNG VỤ", bold: true });
    expect(of(q3, `E${last + 5}`)).toMatchObject({ value: "BÍ THƯ", bold: true });
    expect(of(q3, `E${last + 6}`)?.value).toBe("(Ký tên, đóng dấu)");
    expect(q3.print?.area).toBe(`A1:H${last + 6}`);
    expect(q3.print).toMatchObject({ footer: "Trang &P/&N", fitToWidth: true, orientation: "Landscape" });
  });

  it("names Times New Roman for the sheet and makes wrapped rows tall enough", () => {
    expect(q3.font).toEqual({ name: "Times New Roman", size: 12 });
    const heights = q3.rowHeights ?? {};
    // The column heads and every label longer than a line (with its " (*)") get two lines.
    expect(heights[L.headerRow]).toBeGreaterThan(30);
    // Column C is 60 characters wide: about 65 characters of Times New Roman 12 on a line.
    const label = (code: string) => of(q3, templateCell(t, code, "label"))?.value as string;
    const long = t.indicators.filter((i) => label(i.code).length > 65);
    expect(long.length).toBeGreaterThan(0);
    for (const ind of long) expect(heights[rows.indicators.get(ind.code)!], ind.code).toBeGreaterThan(30);
    const short = t.indicators.filter((i) => label(i.code).length <= 40);
    for (const ind of short) expect(heights[rows.indicators.get(ind.code)!], ind.code).toBeUndefined();
  });

  it("shows no internal id or machine time where a person reads, but the Mẫu stamp the locator reads", () => {
    for (const c of [...q3.cells, ...blank.cells]) {
      if (typeof c.value !== "string") continue;
      expect(c.value, c.address).not.toMatch(/\d{4}-\d{2}-\d{2}T|\bZ\b|undefined|null/);
      if (c.address !== L.header.template.input) expect(c.value, c.address).not.toContain(t.id);
    }
  });
});
