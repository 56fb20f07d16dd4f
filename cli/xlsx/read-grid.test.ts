import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkSheet } from "../../shared/check.ts";
import { parseRange } from "../../shared/grid/address.ts";
import { cellAtA1 } from "../../shared/grid/cells.ts";
import type { Grid } from "../../shared/grid/types.ts";
import { planToGrid } from "../../shared/plans/to-grid.ts";
import { dateToSerial, readGrid } from "../../shared/xlsx/read-grid.ts";
import { at, CLEAN, fill, template, templateWorkbook } from "../testing/fixtures.ts";
import {
  rewriteWithSheetJs,
  type SheetJsCell,
  sheetJsWorkbook,
  toInlineStrings,
} from "../testing/sheetjs.ts";

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return load(bytes);
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/**
 * Cells of `a` and `b` that differ. Formula cells compare by formula only: files written by ExcelJS carry
 * no cached result (they read as Empty until Excel recalculates; the test double evaluates them).
 * Merged tails compare without their number format: Excel (and ExcelJS) give the whole merged area the
 * top-left cell's format, which the test double leaves at General.
 */
function differences(a: Grid, b: Grid, keys: (keyof Grid)[], merges: string[] = []): string[] {
  const tails = new Set<string>();
  for (const m of merges) {
    const r = parseRange(m);
    if (!r) continue;
    for (let row = r.start.row; row <= r.end.row; row++) {
      for (let col = r.start.col; col <= r.end.col; col++) {
        if (row !== r.start.row || col !== r.start.col) tails.add(`${row - 1}:${col - 1}`);
      }
    }
  }
  const out: string[] = [];
  const rows = Math.max(a.values.length, b.values.length);
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a.values[r]?.length ?? 0, b.values[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const fa = a.formulas[r]?.[c];
      const fb = b.formulas[r]?.[c];
      if ((typeof fa === "string" && fa.startsWith("=")) || (typeof fb === "string" && fb.startsWith("="))) {
        if (fa !== fb) out.push(`formula ${r + 1}:${c + 1} ${String(fa)} ≠ ${String(fb)}`);
        continue;
      }
      for (const k of keys) {
        if (k === "numberFormat" && tails.has(`${r}:${c}`)) continue;
        const va = (a[k] as unknown[][])[r]?.[c] ?? "";
        const vb = (b[k] as unknown[][])[r]?.[c] ?? "";
        if (va !== vb)
          out.push(`${String(k)} ${r + 1}:${c + 1} ${JSON.stringify(va)} ≠ ${JSON.stringify(vb)}`);
      }
    }
  }
  return out;
}

const ALL: (keyof Grid)[] = ["values", "valueTypes", "text", "formulas", "numberFormat"];

describe("readGrid on files written by ExcelJS", () => {
  it("reads a blank template exactly as the shared test double of Excel does", async () => {
    const { wb, plan } = await templateWorkbook();
    const grid = readGrid((await roundTrip(wb)).getWorksheet(plan.name)!);
    expect(grid.origin).toBe("A1");
    expect(differences(grid, planToGrid(plan), ALL, plan.merges)).toEqual([]);
  });

  it("reads a filled template like Excel would, and the locator finds every row", async () => {
    const { wb, ws, plan } = await templateWorkbook();
    const typed = { ...CLEAN, [at("PT05")]: "12 người" };
    fill(ws, typed);
    const grid = readGrid((await roundTrip(wb)).getWorksheet(plan.name)!);
    expect(differences(grid, planToGrid(plan, typed), ALL, plan.merges)).toEqual([]);
    const check = checkSheet(grid);
    expect(check.located.rows.map((r) => r.code)).toEqual(template.indicators.map((i) => i.code));
    expect(check.issues.map((i) => `${i.cell} ${i.code}`)).toEqual([`${at("PT05")} cell.number_with_unit`]);
  });

  it("gives merged tails as empty, like Office.js", async () => {
    const { wb, plan } = await templateWorkbook();
    const grid = readGrid((await roundTrip(wb)).getWorksheet(plan.name)!);
    expect(cellAtA1(grid, "A1")).toMatchObject({ value: "HUYỆN ĐOÀN MAI SƠN", valueType: "String" });
    expect(cellAtA1(grid, "E1")).toMatchObject({ value: "ĐOÀN TNCS HỒ CHÍ MINH", valueType: "String" });
    expect(cellAtA1(grid, "B1")).toMatchObject({ value: "", valueType: "Empty", formula: "" });
    expect(cellAtA1(grid, "H3")).toMatchObject({ value: "", valueType: "Empty" });
  });

  it("turns ExcelJS dates back into serials and keeps the date format, so the check flags them", async () => {
    const { wb, ws, plan } = await templateWorkbook();
    fill(ws, CLEAN);
    // Excel turned "1.5" typed into PT02 into 1 May.
    const cell = ws.getCell(at("PT02"));
    cell.value = new Date(Date.UTC(2023, 4, 1));
    cell.numFmt = "d-mmm";
    const back = await roundTrip(wb);
    expect(back.getWorksheet(plan.name)!.getCell(at("PT02")).value).toBeInstanceOf(Date);
    const grid = readGrid(back.getWorksheet(plan.name)!);
    expect(cellAtA1(grid, at("PT02"))).toEqual({
      value: 45047,
      valueType: "Double",
      text: "1-May",
      formula: 45047,
      numberFormat: "d-mmm",
    });
    expect(checkSheet(grid).issues.map((i) => i.code)).toContain("cell.date");
  });

  it("honours the 1904 date system", () => {
    expect(dateToSerial(new Date(Date.UTC(1904, 0, 2)), true)).toBe(1);
    expect(dateToSerial(new Date(Date.UTC(2023, 4, 1)), false)).toBe(45047);
  });

  it("reads errors, booleans, rich text, hyperlinks and cached formula results", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("A1").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("A2").value = true;
    ws.getCell("A3").value = { richText: [{ text: "92." }, { font: { bold: true }, text: "387" }] };
    ws.getCell("A4").value = { text: "xem / see", hyperlink: "https://example.org" };
    ws.getCell("A5").value = { formula: "B5*2", result: 8 } as ExcelJS.CellFormulaValue;
    ws.getCell("A6").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("A7").value = { formula: "B7", result: "x" } as ExcelJS.CellFormulaValue;
    ws.getCell("B5").value = 4;
    const grid = readGrid((await roundTrip(wb)).getWorksheet("S")!);
    expect(cellAtA1(grid, "A1")).toMatchObject({ value: "#DIV/0!", valueType: "Error", text: "#DIV/0!" });
    expect(cellAtA1(grid, "A2")).toMatchObject({ value: true, valueType: "Boolean", text: "TRUE" });
    expect(cellAtA1(grid, "A3")).toMatchObject({ value: "92.387", valueType: "String" });
    expect(cellAtA1(grid, "A4")).toMatchObject({ value: "xem / see", valueType: "String" });
    expect(cellAtA1(grid, "A5")).toMatchObject({ value: 8, valueType: "Double", formula: "=B5*2" });
    expect(cellAtA1(grid, "A6")).toMatchObject({ value: "#DIV/0!", valueType: "Error", formula: "=1/0" });
    expect(cellAtA1(grid, "A7")).toMatchObject({ value: "x", valueType: "String", formula: "=B7" });
  });

  it("translates shared formulas from their master cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (const r of [1, 2, 3]) ws.getCell(`A${r}`).value = r;
    // ExcelJS writes shared formulas from these fields, which its typings omit.
    const master = { formula: "A1*2", result: 2, shareType: "shared", ref: "B1:B3" };
    ws.getCell("B1").value = master as unknown as ExcelJS.CellFormulaValue;
    ws.getCell("B2").value = { sharedFormula: "B1", result: 4 };
    ws.getCell("B3").value = { sharedFormula: "B1", result: 6 };
    const grid = readGrid((await roundTrip(wb)).getWorksheet("S")!);
    expect(cellAtA1(grid, "B2")).toMatchObject({ value: 4, valueType: "Double", formula: "=A2*2" });
    expect(cellAtA1(grid, "B3")).toMatchObject({ value: 6, formula: "=A3*2" });
  });
});

describe("readGrid on files saved through SheetJS (a second writer)", () => {
  // Typed by a user into the ExcelJS template, then the file is saved again by SheetJS.
  const typed: Record<string, SheetJsCell> = {
    [at("GD01")]: { t: "n", v: 120 },
    [at("GD04")]: { t: "n", v: 4500 },
    [at("PT01")]: { t: "s", v: "92.387" },
    [at("PT02")]: { t: "s", v: "12 người" },
    [at("PT03")]: { t: "n", v: 555.5 },
    [at("TD01")]: { t: "s", v: "Hoàn thành xuất sắc nhiệm vụ" },
    [at("XD01", "note")]: { t: "s", v: '=HYPERLINK("http://x","y")' },
  };
  const asTyped = Object.fromEntries(Object.entries(typed).map(([a, c]) => [a, c.v as string | number]));

  async function viaSheetJs(opts: { sharedStrings?: boolean; inline?: boolean }): Promise<Grid> {
    const { wb, plan } = await templateWorkbook();
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    let out = rewriteWithSheetJs(
      bytes,
      (sheets) => {
        const ws = sheets[plan.name]!;
        for (const [address, cell] of Object.entries(typed)) ws[address] = { ...ws[address], ...cell };
      },
      opts,
    );
    if (opts.inline) out = toInlineStrings(out);
    return readGrid((await load(out)).getWorksheet(plan.name)!);
  }

  for (const [name, opts] of [
    ["t=str cells", {}],
    ["a shared string table", { sharedStrings: true }],
    ["inline strings", { inline: true }],
  ] as const) {
    it(`gives the same values as the ExcelJS file (${name})`, async () => {
      const { wb, ws, plan } = await templateWorkbook();
      fill(ws, asTyped);
      const ours = readGrid((await roundTrip(wb)).getWorksheet(plan.name)!);
      const theirs = await viaSheetJs(opts);
      expect(differences(theirs, ours, ["values", "valueTypes", "formulas"])).toEqual([]);
      expect(cellAtA1(theirs, at("PT01"))).toMatchObject({ value: "92.387", valueType: "String" });
      // The check sees the same file the same way, whatever wrote it.
      const codes = (g: Grid) => checkSheet(g).issues.map((i) => `${i.cell} ${i.code}`);
      expect(codes(theirs)).toEqual(codes(ours));
      expect(codes(theirs)).toContain(`${at("PT01")} cell.text_number`);
    });
  }

  it("reads SheetJS's cached formula results, errors and dates", async () => {
    const bytes = sheetJsWorkbook({
      S: {
        A1: { t: "n", v: 4 },
        B1: { t: "n", v: 8, f: "A1*2" },
        C1: { t: "e", v: 7, f: "1/0" },
        D1: { t: "s", v: "ok", f: 'IF(A1>0,"ok","no")' },
        E1: { t: "n", v: 45047, z: "dd/mm/yyyy" },
        F1: { t: "b", v: false },
      },
    });
    const grid = readGrid((await load(bytes)).getWorksheet("S")!);
    expect(cellAtA1(grid, "B1")).toMatchObject({ value: 8, valueType: "Double", formula: "=A1*2" });
    expect(cellAtA1(grid, "C1")).toMatchObject({ value: "#DIV/0!", valueType: "Error", formula: "=1/0" });
    expect(cellAtA1(grid, "D1")).toMatchObject({ value: "ok", valueType: "String" });
    expect(cellAtA1(grid, "E1")).toMatchObject({
      value: 45047,
      valueType: "Double",
      text: "01/05/2023",
      numberFormat: "dd/mm/yyyy",
    });
    expect(cellAtA1(grid, "F1")).toMatchObject({ value: false, valueType: "Boolean", text: "FALSE" });
  });
});
