import { describe, expect, it } from "vitest";
import type { RawCell } from "../grid/types.ts";
import { ISSUE_CODES, type Issue } from "../issues.ts";
import { type CellField, parseCell } from "../parse/cell.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { indicatorMap } from "../template/registry.ts";
import { cellMessages } from "./cell.ts";
import { formatNumber } from "./format-number.ts";
import type { CellIssueCode, Lang, MessageParams } from "./types.ts";

const str = (s: string): RawCell => ({
  value: s,
  valueType: "String",
  text: s,
  formula: s,
  numberFormat: "@",
});
const num = (n: number, numberFormat = "General", text = String(n)): RawCell => ({
  value: n,
  valueType: "Double",
  text,
  formula: n,
  numberFormat,
});
const withFormula = (cell: RawCell, f: string): RawCell => ({ ...cell, formula: f });

// Real issues, made by parseCell, so the messages are tested against the params it really sends.
const samples: [string, CellField, RawCell][] = [
  ["PT01", "actual", str("92.387")],
  ["PT02", "actual", str("125")],
  ["KN02", "actual", num(1.758, "#,##0", "2")],
  ["PT02", "actual", str("１２３")],
  ["PT01", "actual", str("92 387")],
  ["PT03", "actual", str("1.234,5")],
  ["PT01", "actual", withFormula(str("92.387"), '=TEXT(A1,"#.##0")')],
  ["PT03", "actual", str("1,5")],
  ["PT03", "actual", str("1.500")],
  ["KN03", "actual", str("2,000")],
  ["GD01", "actual", str("12 người")],
  ["PT03", "actual", str("5 tỷ")],
  ["PT02", "actual", str(" 125\u00a0")],
  ["PT01", "actual", str("—")],
  ["PT01", "actual", num(-5)],
  ["PT01", "actual", num(123456789)],
  ["PT01", "actual", num(12.5)],
  ["PT03", "actual", num(1.2345)],
  ["PT01", "actual", num(45047, "m/d/yyyy", "5/1/2023")],
  [
    "PT01",
    "actual",
    { value: "#DIV/0!", valueType: "Error", text: "#DIV/0!", formula: "=A1/0", numberFormat: "General" },
  ],
  [
    "PT01",
    "actual",
    { value: "#SPILL!", valueType: "Error", text: "#SPILL!", formula: "=A1:A3", numberFormat: "General" },
  ],
  [
    "PT01",
    "actual",
    { value: true, valueType: "Boolean", text: "TRUE", formula: true, numberFormat: "General" },
  ],
  [
    "TD01",
    "actual",
    { value: false, valueType: "Boolean", text: "FALSE", formula: false, numberFormat: "General" },
  ],
  ["PT01", "actual", str("khoảng 12")],
  ["TD01", "actual", str("Khá")],
  ["TD01", "actual", str("hoàn thành xuất sắc")],
  ["TD01", "actual", withFormula(str("xs"), '=IF(A1>9,"xs","ht")')],
  ["GD03", "actual", num(100)],
];

const byCode = indicatorMap(doan2024);
const issues: Issue[] = samples.flatMap(([code, field, cell]) => {
  const indicator = byCode.get(code);
  if (!indicator) throw new Error(`no indicator ${code}`);
  return parseCell(cell, indicator, field, doan2024).issues;
});

function render(issue: Issue, lang: Lang): string {
  const indicator = byCode.get(issue.indicator ?? "");
  if (!indicator) throw new Error(`no indicator ${issue.indicator}`);
  const p: MessageParams = {
    ...issue.params,
    client: "addin",
    label: indicator.label[lang],
    indicator: indicator.code,
    cell: "F14",
  };
  return cellMessages[issue.code as CellIssueCode][lang](p);
}

const CELL_CODES = ISSUE_CODES.filter((c): c is CellIssueCode => c.startsWith("cell."));

describe("cellMessages", () => {
  it("has a message for every cell.* code, and the samples reach every one", () => {
    expect(Object.keys(cellMessages).sort()).toEqual([...CELL_CODES].sort());
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set(CELL_CODES));
  });

  it.each(issues.map((i) => [i.code, String(i.params.raw), i] as const))("%s for %j", (_code, raw, issue) => {
    const vi = render(issue, "vi");
    const en = render(issue, "en");
    for (const m of [vi, en]) {
      expect(m.length).toBeGreaterThan(20);
      expect(m).toContain(raw);
      expect(m).not.toMatch(/undefined|null|NaN|\[object/);
      expect(m).not.toContain("F14"); // the shared formatter adds the cell prefix
      expect(m.trim()).toBe(m);
    }
    // Vietnamese, with diacritics, telling the user what to do.
    expect(vi).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếểễệôồốổỗộơờớởỡợưừứửữựìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/);
    expect(vi).toMatch(/Bấm|Nhập|nhập|Hãy|ô/);
    if (issue.fix) {
      const v = issue.fix.value;
      const shownVi = typeof v === "number" ? formatNumber(v, "vi", { group: false }) : String(v);
      const shownEn = typeof v === "number" ? formatNumber(v, "en", { group: false }) : String(v);
      expect(vi).toContain("Bấm Sửa");
      expect(vi).toContain(shownVi);
      expect(en).toContain("Click Fix");
      expect(en).toContain(shownEn);
      // The CLI has no button: it names its own command, from the same table.
      const cliVi = cellMessages[issue.code as CellIssueCode].vi({ ...issue.params, client: "cli" });
      const cliEn = cellMessages[issue.code as CellIssueCode].en({ ...issue.params, client: "cli" });
      expect(cliVi).toContain("Chạy baocao fix");
      expect(cliVi).not.toContain("Bấm");
      expect(cliEn).toContain("Run baocao fix");
      expect(cliEn).not.toContain("Click");
    } else {
      // Never promise a button that is not there.
      expect(vi).not.toContain("Bấm Sửa");
      expect(en).not.toContain("Click Fix");
    }
  });

  it("gives both readings of an ambiguous number", () => {
    const issue = issues.find((i) => i.code === "cell.ambiguous_number" && i.params.raw === "1.500");
    expect(issue).toBeDefined();
    if (!issue) return;
    expect(render(issue, "vi")).toContain("1500");
    expect(render(issue, "vi")).toContain("1,5");
    expect(render(issue, "en")).toContain("1.5");
  });

  it("says which separator grouped thousands", () => {
    const issue = issues.find((i) => i.code === "cell.text_number" && i.params.raw === "92.387");
    if (!issue) throw new Error("no 92.387 sample");
    expect(render(issue, "vi")).toContain("dấu '.' ở đây là dấu phân cách hàng nghìn");
    expect(render(issue, "en")).toContain("the '.' separates thousands");
  });

  it("asks whether three decimals in a count were thousands, and offers the fix", () => {
    const issue = issues.find((i) => i.code === "cell.fraction_in_count" && i.fix !== undefined);
    if (!issue) throw new Error("no 1.758 sample");
    expect(render(issue, "vi")).toBe(
      "'1.758' không phải số nguyên, trong khi chỉ tiêu này đếm số ý tưởng; có phải là 1758? " +
        "Excel trên máy này coi dấu '.' là dấu thập phân, không phải dấu phân cách hàng nghìn. " +
        "Bấm Sửa để đổi thành số 1758.",
    );
    expect(render(issue, "en")).toContain("did you mean 1758?");
    expect(render(issue, "en")).toContain("Click Fix to make it the number 1758.");
    const other = issues.find((i) => i.code === "cell.fraction_in_count" && i.fix === undefined);
    if (!other) throw new Error("no 12.5 sample");
    expect(render(other, "vi")).not.toContain("có phải là");
  });

  it("lists the allowed grades with their Vietnamese names", () => {
    const issue = issues.find((i) => i.code === "cell.grade_unknown");
    if (!issue) throw new Error("no grade_unknown sample");
    expect(render(issue, "vi")).toContain("XS (Hoàn thành xuất sắc nhiệm vụ)");
    expect(render(issue, "en")).toContain("KHT (Not completed)");
  });

  it("names the ratio's two rows", () => {
    const issue = issues.find((i) => i.code === "cell.ratio_typed");
    if (!issue) throw new Error("no ratio_typed sample");
    expect(render(issue, "vi")).toContain("GD02 / GD01");
  });

  it("explains the common formula errors", () => {
    const issue = issues.find((i) => i.code === "cell.formula_error" && i.params.raw === "#DIV/0!");
    if (!issue) throw new Error("no #DIV/0! sample");
    expect(render(issue, "vi")).toContain("chia cho ô trống");
    expect(render(issue, "en")).toContain("division");
  });
});
