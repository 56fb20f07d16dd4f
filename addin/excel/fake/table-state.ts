// Tables as Excel keeps them: names unique across the workbook, built-in styles only, and a header row
// whose texts Excel makes unique and non-empty when the table is added.

import { rectsOverlap } from "./address.ts";
import { richError, unsupported } from "./errors.ts";
import type { SheetState, TableState, Target } from "./sheet-state.ts";
import type { WorkbookState } from "./state.ts";

function allTables(state: WorkbookState): { sheet: SheetState; table: TableState }[] {
  return state.liveSheets().flatMap((sheet) => sheet.tables.map((table) => ({ sheet, table })));
}

export function validateTableName(
  state: WorkbookState,
  name: unknown,
  where: string,
  except?: TableState,
): string {
  if (
    typeof name !== "string" ||
    !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(name) ||
    name.length > 255 ||
    /^[A-Za-z]{1,3}\d+$/.test(name) ||
    /^[RrCc]$/.test(name)
  ) {
    throw richError("InvalidArgument", `${JSON.stringify(name)} is not a valid table name`, where);
  }
  const lower = name.toLowerCase();
  if (allTables(state).some(({ table }) => table !== except && table.name.toLowerCase() === lower)) {
    throw richError("ItemAlreadyExists", `A table named ${name} already exists`, where);
  }
  return name;
}

export function addTable(state: WorkbookState, t: Target, hasHeaders: unknown, where: string): TableState {
  if (t.unbounded !== "none") throw richError("InvalidArgument", "A table needs a bounded range", where);
  if (hasHeaders !== true) throw unsupported("tables.add with hasHeaders=false (Excel inserts a header row)");
  if (t.rect.r0 === t.rect.r1) throw unsupported("a header-only table (whether Excel adds a body row is ✘)");
  state.assertStructureEditable(t.sheet, where);
  if (allTables(state).some(({ sheet, table }) => sheet === t.sheet && rectsOverlap(table.rect, t.rect))) {
    throw richError("InvalidArgument", "A table cannot overlap another table", where);
  }
  if (t.sheet.merges.some((m) => rectsOverlap(m, t.rect))) {
    throw richError("InvalidOperation", "A table cannot overlap a range that contains merged cells", where);
  }
  // Header cells become unique, non-empty text, as Excel renames them.
  const seen = new Set<string>();
  for (let c = t.rect.c0; c <= t.rect.c1; c++) {
    const cell = t.sheet.edit(t.rect.r0, c);
    let text = state.readText(t.sheet, t.rect.r0, c);
    if (text === "") text = `Column${c - t.rect.c0 + 1}`;
    let candidate = text;
    let n = 2;
    while (seen.has(candidate.toLowerCase())) candidate = `${text}${n++}`;
    seen.add(candidate.toLowerCase());
    if (cell.f !== null || cell.v !== candidate) {
      cell.f = null;
      cell.ast = null;
      cell.v = candidate;
    }
  }
  state.invalidate();
  let name: string;
  do {
    state.tableCounter++;
    name = `Table${state.tableCounter}`;
  } while (allTables(state).some(({ table }) => table.name.toLowerCase() === name.toLowerCase()));
  const table: TableState = {
    id: String(state.tableCounter),
    name,
    rect: { ...t.rect },
    style: "TableStyleMedium2",
    showHeaders: true,
  };
  t.sheet.tables.push(table);
  return table;
}

export function validateTableStyle(style: unknown, where: string): string {
  if (typeof style !== "string") throw richError("InvalidArgument", "A table style is a string", where);
  const m = /^TableStyle(Light|Medium|Dark)(\d+)$/.exec(style);
  const max: Record<string, number> = { Light: 21, Medium: 28, Dark: 11 };
  if (style === "" || (m && Number(m[2]) >= 1 && Number(m[2]) <= (max[m[1] ?? ""] ?? 0))) return style;
  throw richError("InvalidArgument", `${style} is not a table style`, where);
}
