// A dropped .xlsx file, read in the browser with ExcelJS (the CLI's library) and checked with the shared
// sheet choice, locator, rules and messages; the fixed copy is written back in the browser. Nothing here
// sends the file anywhere.
import type { Workbook } from "exceljs";
import type { SubmissionBody } from "../shared/api/schemas.ts";
import { submissionBody } from "../shared/api/submission-body.ts";
import { checkSheet } from "../shared/check.ts";
import type { Issue } from "../shared/issues.ts";
import type { Template } from "../shared/template/types.ts";
import { applyFixes } from "../shared/xlsx/apply-fixes.ts";
import { findReportSheet } from "../shared/xlsx/report-sheet.ts";

export interface CheckedFile {
  name: string;
  sheet: string;
  issues: Issue[];
  template: Template | undefined;
  errors: number;
  warnings: number;
  unit: string;
  period: string;
  /** The API body when the sheet holds a report without errors. */
  body: SubmissionBody | null;
  /** The bytes as read, to write the fixed copy from. */
  bytes: ArrayBuffer;
}

export class UnreadableFile extends Error {
  constructor(
    readonly file: string,
    readonly why: string,
    readonly notXlsx: boolean,
  ) {
    super(`${file}: ${why}`);
    this.name = "UnreadableFile";
  }
}

/** A new ExcelJS workbook; the library is loaded on first use (its own chunk of the bundle). */
export async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import("exceljs");
  return new ExcelJS.Workbook();
}

async function load(name: string, bytes: ArrayBuffer): Promise<Workbook> {
  const head = new Uint8Array(bytes.slice(0, 2));
  // An .xlsx is a zip ("PK"); anything else (an old .xls, a CSV renamed) is said so, not parsed.
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw new UnreadableFile(name, "not a zip", true);
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(bytes);
  } catch (e) {
    throw new UnreadableFile(name, e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e), false);
  }
  return wb;
}

export async function checkFile(file: File): Promise<CheckedFile> {
  const bytes = await file.arrayBuffer();
  const wb = await load(file.name, bytes);
  const picked = findReportSheet(wb);
  if (!picked) throw new UnreadableFile(file.name, "no worksheet", false);
  const check = checkSheet(picked.grid);
  const errors = check.issues.filter((i) => i.severity === "error").length;
  const header = check.located.header;
  return {
    name: file.name,
    sheet: picked.sheet.name,
    issues: check.issues,
    template: check.located.template,
    errors,
    warnings: check.issues.length - errors,
    unit: check.report?.unit ?? "",
    period: check.report?.period ?? "",
    body: check.report && errors === 0 ? submissionBody(check.report, header) : null,
    bytes,
  };
}

/** The workbook with every issue's own fix written in (the CLI's `baocao fix`), as .xlsx bytes. */
export async function fixedCopy(checked: CheckedFile): Promise<{ bytes: ArrayBuffer; changed: number }> {
  const wb = await load(checked.name, checked.bytes);
  const ws = wb.getWorksheet(checked.sheet);
  if (!ws) throw new UnreadableFile(checked.name, `sheet ${checked.sheet} is gone`, false);
  const changes = applyFixes(ws, checked.issues, checked.template);
  return { bytes: await wb.xlsx.writeBuffer(), changed: changes.length };
}

export function fixedName(name: string): string {
  return name.replace(/(\.xlsx)?$/i, "-da-sua.xlsx");
}
