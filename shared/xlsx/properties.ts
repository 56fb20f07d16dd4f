// The workbook's own properties (`baocao.template`, `baocao.version` …). ExcelJS 4.4 cannot write or read
// custom document properties (docProps/custom.xml; `workbook.properties` only holds date1904), so they live
// in a hidden sheet "_baocao": one key per row, key in A and value in B, both text. A hidden sheet is plain
// xlsx that spreadsheet programs keep (tested through a SheetJS round trip); the template's own header
// cells stay what the validator reads, this is the file remembering what wrote it.
import type { Workbook } from "exceljs";

export const PROPERTIES_SHEET = "_baocao";

export function writeProperties(wb: Workbook, props: Record<string, string>): void {
  const keys = Object.keys(props);
  if (keys.length === 0) return;
  const merged = { ...readProperties(wb), ...props };
  const old = wb.getWorksheet(PROPERTIES_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(PROPERTIES_SHEET, { state: "hidden" });
  for (const [i, [k, v]] of Object.entries(merged).entries()) {
    for (const [col, text] of [
      [1, k],
      [2, v],
    ] as const) {
      const cell = ws.getCell(i + 1, col);
      cell.value = text;
      cell.numFmt = "@";
    }
  }
}

export function readProperties(wb: Workbook): Record<string, string> {
  const ws = wb.getWorksheet(PROPERTIES_SHEET);
  const out: Record<string, string> = {};
  if (!ws) return out;
  ws.eachRow((row) => {
    const k = row.getCell(1).text.trim();
    if (k) out[k] = row.getCell(2).text;
  });
  return out;
}

export function isPropertiesSheet(name: string): boolean {
  return name === PROPERTIES_SHEET;
}
