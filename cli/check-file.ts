// One workbook file through the shared check: load → pick the report sheet → checkSheet. validate, fix and
// submit all start here, so they see a file the same way.
import type { Workbook } from "exceljs";
import { checkSheet, type SheetCheck } from "../shared/check.ts";
import { templateToLookUp } from "../shared/template/sheet-template.ts";
import type { Template } from "../shared/template/types.ts";
import { SheetTooLargeError } from "../shared/xlsx/read-grid.ts";
import { UnreadableFileError } from "./errors.ts";
import { loadWorkbook } from "./xlsx/load-workbook.ts";
import { type PickedSheet, pickSheet } from "./xlsx/pick-sheet.ts";

export interface FileCheck extends SheetCheck {
  file: string;
  workbook: Workbook;
  picked: PickedSheet;
  template: Template | undefined;
}

/** A template by id and version, from outside the built-ins (the CLI's kept templates). */
export type TemplateLookup = (id: string, version: number | undefined) => Promise<Template | undefined>;

/**
 * The sheet checked with the template its "Mẫu:" cell names; when that is not built in (a published
 * template, an older version), with the one `lookup` finds.
 */
async function checkWith(grid: PickedSheet["grid"], lookup?: TemplateLookup): Promise<SheetCheck> {
  const check = checkSheet(grid);
  const want = templateToLookUp(check.located.header, check.located.template);
  if (!lookup || !want) return check;
  const template = await lookup(want.id, want.version);
  return template ? checkSheet(grid, { template }) : check;
}

/** `path` is read; `opts.display` names the file in messages (default: the path). */
export async function checkFile(
  path: string,
  opts: { sheet?: string; display?: string; templates?: TemplateLookup } = {},
): Promise<FileCheck> {
  const file = opts.display ?? path;
  const workbook = await loadWorkbook(path, file);
  let picked: PickedSheet;
  try {
    picked = pickSheet(workbook, opts.sheet !== undefined ? { sheet: opts.sheet } : {});
  } catch (e) {
    if (!(e instanceof SheetTooLargeError)) throw e;
    throw new UnreadableFileError(
      file,
      `trang tính "${e.sheet}" quá lớn: xóa các ô thừa ở xa bảng rồi lưu lại.`,
      `sheet "${e.sheet}" is too large: delete stray cells far from the table and save again.`,
    );
  }
  const check = await checkWith(picked.grid, opts.templates);
  return { ...check, file: path, workbook, picked, template: check.located.template };
}

/** A fix value as people read it. */
export function showValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === "") return "(trống/blank)";
  return typeof v === "number" ? String(v) : JSON.stringify(v);
}
