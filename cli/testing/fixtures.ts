// Test fixtures: template workbooks rendered by our renderer and filled like a user would, plus an Io
// that captures what a command prints. Used by the cli tests only.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { templateCell, templateSheetPlan } from "../../shared/plans/template-sheet.ts";
import type { SheetPlan } from "../../shared/plans/types.ts";
import { doan2024 } from "../../shared/template/doan-2024.ts";
import { renderPlan } from "../../shared/xlsx/render-plan.ts";
import type { Io } from "../io.ts";

export const template = doan2024;

export type Column = "code" | "target" | "actual" | "rate" | "note";

export function at(code: string, column: Column = "actual"): string {
  return templateCell(template, code, column);
}

/** A report with no errors and no warnings. */
export const CLEAN: Record<string, string | number> = {
  [at("GD01")]: 120,
  [at("GD02")]: 118,
  [at("GD04")]: 4500,
  [at("GD05")]: 4200,
  [at("PT01", "target")]: 90000,
  [at("PT01")]: 92387,
  [at("PT02", "target")]: 100,
  [at("PT02")]: 125,
  [at("PT03")]: 555,
  [at("TD01")]: "XS",
};

export function tempDir(prefix = "baocao-cli-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TemplateOptions {
  unitCode?: string;
  period?: string;
  unitName?: string;
}

export async function templateWorkbook(
  opts: TemplateOptions = {},
): Promise<{ wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet; plan: SheetPlan }> {
  const plan = templateSheetPlan(template, {
    unitCode: opts.unitCode ?? "SL.MAISON",
    period: opts.period ?? "2023",
    unitName: opts.unitName ?? "Huyện đoàn Mai Sơn",
  });
  const wb = new ExcelJS.Workbook();
  const { sheet } = await renderPlan(wb, plan);
  return { wb, ws: sheet, plan };
}

/** Types values into cells the way a user would: numbers as numbers, text as text. */
export function fill(ws: ExcelJS.Worksheet, values: Record<string, string | number>): void {
  for (const [address, v] of Object.entries(values)) ws.getCell(address).value = v;
}

/** Writes a filled template to `path`. */
export async function writeFilled(
  path: string,
  values: Record<string, string | number>,
  opts: TemplateOptions = {},
): Promise<void> {
  const { wb, ws } = await templateWorkbook(opts);
  fill(ws, values);
  await wb.xlsx.writeFile(path);
}

export interface CapturedIo {
  io: Io;
  out(): string;
  err(): string;
}

export function captureIo(cwd: string, extra: Partial<Io> = {}): CapturedIo {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: (s: string) => (err += s) },
      env: {},
      cwd,
      sleep: async () => {},
      ...extra,
    },
    out: () => out,
    err: () => err,
  };
}
