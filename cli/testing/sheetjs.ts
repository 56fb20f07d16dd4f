// A second xlsx writer for fixtures: files saved through SheetJS (the "xlsx" package, dev only) read
// differently from ExcelJS's own (t="str" or shared strings, no styles, cached formula results).
import * as XLSXModule from "xlsx";

type XLSXType = typeof XLSXModule;
// The package is CommonJS; depending on the loader its API is the namespace or its default export.
const XLSX: XLSXType = (XLSXModule as XLSXType & { default?: XLSXType }).default ?? XLSXModule;

export type SheetJsCell = XLSXModule.CellObject;

/** The little of SheetJS's bundled zip library the fixtures use. */
interface Cfb {
  read(data: Buffer, opts: { type: "buffer" }): CfbContainer;
  write(c: CfbContainer, opts: { type: "buffer"; fileType: "zip" }): Buffer;
  find(c: CfbContainer, path: string): { content: Buffer | Uint8Array } | null;
}
type CfbContainer = { readonly __cfb: unique symbol };

const CFB = (XLSX as unknown as { CFB: Cfb }).CFB;

/**
 * Opens `bytes` with SheetJS, lets `edit` change cells, and saves it again through SheetJS. `sharedStrings`
 * chooses SheetJS's string encoding: a shared string table, or its default t="str" cells.
 */
export function rewriteWithSheetJs(
  bytes: Buffer,
  edit: (sheets: Record<string, XLSXModule.WorkSheet>) => void,
  opts: { sharedStrings?: boolean } = {},
): Buffer {
  // cellStyles keeps formula cells that have no cached result (SheetJS drops them otherwise).
  const wb = XLSX.read(bytes, { type: "buffer", cellNF: true, cellFormula: true, cellStyles: true });
  edit(wb.Sheets);
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", bookSST: opts.sharedStrings ?? false }) as Buffer;
}

/** A workbook built from scratch by SheetJS: sheet name → cells by address. */
export function sheetJsWorkbook(sheets: Record<string, Record<string, SheetJsCell>>): Buffer {
  const wb = XLSX.utils.book_new();
  for (const [name, cells] of Object.entries(sheets)) {
    const ws: XLSXModule.WorkSheet = { ...cells };
    const refs = Object.keys(cells).map((a) => XLSX.utils.decode_cell(a));
    const maxR = Math.max(0, ...refs.map((r) => r.r));
    const maxC = Math.max(0, ...refs.map((r) => r.c));
    ws["!ref"] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

/**
 * Rewrites every t="str" value cell (no formula) of the first sheet as an inline string
 * (t="inlineStr"><is><t>…</t></is>), as some writers (and streaming exporters) do.
 */
export function toInlineStrings(bytes: Buffer, sheetPath = "/xl/worksheets/sheet1.xml"): Buffer {
  const zip = CFB.read(bytes, { type: "buffer" });
  const entry = CFB.find(zip, sheetPath);
  if (!entry) throw new Error(`no ${sheetPath} in the zip`);
  const xml = Buffer.from(entry.content).toString("utf8");
  const inlined = xml.replace(
    /<c r="([A-Z]+\d+)"([^>]*?) t="str"><v>([^<]*)<\/v><\/c>/g,
    '<c r="$1"$2 t="inlineStr"><is><t xml:space="preserve">$3</t></is></c>',
  );
  entry.content = Buffer.from(inlined, "utf8");
  return CFB.write(zip, { type: "buffer", fileType: "zip" });
}
