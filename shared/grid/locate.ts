// Finds the report inside a sheet as users leave it: header fields by their labels, the table by its
// header row, each indicator row by its code. No fixed address is trusted: users insert and delete
// rows, sort, add columns, paste the table elsewhere and write notes under it.
//
// Decisions:
// - The table header row is the first row holding "Mã chỉ tiêu", "Chỉ tiêu giao" and "Kết quả thực hiện"
//   (accents, case and punctuation ignored; a few synonyms). Columns come from that row. Without a
//   "Ghi chú" column a row's note address is "" and its note is empty.
// - Rows are found by the code in the code column below the header row, trimmed and upper-cased. The
//   first occurrence wins; a later one is `grid.row_duplicate` (error, its values are ignored).
// - A template row that is absent is `grid.row_missing` on the table header's code cell: an error for
//   required rows (they must hold a number), a warning otherwise (no data, like a blank row).
// - Code-like values (two letters, two digits) the template does not know are `grid.row_unknown` warnings.
// - Template: opts.template wins; else the "Mẫu:" cell ("doan-2024 v1"). Without a "Mẫu:" value the
//   registered template whose codes match the rows is assumed (`grid.header_missing` warning); without
//   any match, an error.
// - Unit code and period are required (`grid.header_missing`, error). A unit code is read
//   case-insensitively ("sl.maison" is SL.MAISON, no issue). A period understood but not canonical
//   ("Quý 3/2023") is a `grid.header_malformed` warning with a fix, and the header carries the canonical
//   value; anything else is an error and the header keeps the raw text.
// - Rows without a code inside the table (shared/grid/loose-rows.ts): a figure there would be lost, so it
//   is a warning; a row whose label is a template row's is that row with its code deleted (a fix writes
//   it back); "Trong đó: …" rows are breakdowns of the coded row above.
// - Header labels are read above the table's header row only (without a table, above the signature
//   block): the official header and the signature ("NGƯỜI LẬP BIỂU") are never fields.
import { normalizeUnitCode } from "../api/unit-code.ts";
import type { Issue, IssueField, IssueParam, Severity } from "../issues.ts";
import { getTemplate, templateIds } from "../template/registry.ts";
import type { Indicator, Template } from "../template/types.ts";
import { a1 } from "./address.ts";
import {
  addressOf,
  cellAt,
  cellAtIndex,
  cellString,
  EMPTY_CELL,
  gridOrigin,
  gridSize,
  isBlank,
} from "./cells.ts";
import { type Breakdown, findLooseRows } from "./loose-rows.ts";
import { readPeriodCell } from "./period.ts";
import { signatureRow } from "./signature.ts";
import { foldLabel, foldWords } from "./text.ts";
import type { Grid, RawCell } from "./types.ts";

export interface LocatedRow {
  code: string;
  /** 1-based sheet row. */
  row: number;
  /** A1 addresses. `note` is "" when the table has no note column; `rate` only when it has one. */
  cells: { code: string; target: string; actual: string; note: string; rate?: string };
}

export type HeaderKey = "unitName" | "unitCode" | "period" | "reporter" | "phone" | "template";
export type ColumnRole = "stt" | "code" | "label" | "unit" | "target" | "actual" | "rate" | "note";

export interface LocatedHeader {
  unitName?: string;
  unitCode?: string;
  period?: string;
  reporter?: string;
  phone?: string;
  templateId?: string;
  templateVersion?: number;
}

export interface LocatedTable {
  /** 1-based sheet row of the column headers. */
  headerRow: number;
  /** 1-based sheet column of each recognised column. */
  columns: Partial<Record<ColumnRole, number>>;
  /** A1 address of the "Mã chỉ tiêu" header cell: where sheet-wide row issues are placed. */
  anchor: string;
}

export interface LocatedReport {
  template?: Template;
  header: LocatedHeader;
  /** Where each header field's label and input cell were found (A1). */
  headerCells: Partial<Record<HeaderKey, { label: string; input: string }>>;
  table?: LocatedTable;
  /** Rows in sheet order: template rows only (or every code-like row when no template is known). */
  rows: LocatedRow[];
  raw: Map<string, { target: RawCell; actual: RawCell; note: string }>;
  /** "Trong đó: …" rows with a figure, each under its coded row (checked against it, never sent). */
  breakdowns: Breakdown[];
  issues: Issue[];
}

export const CODE_LIKE_RE = /^[A-Z]{2}\d{2}$/;

const COLUMN_ALIASES: Record<ColumnRole, string[]> = {
  stt: ["stt", "tt", "so thu tu"],
  code: ["ma chi tieu", "ma ct", "ma so", "ma", "ma chi so", "code"],
  label: ["noi dung chi tieu", "noi dung", "ten chi tieu", "chi tieu bao cao"],
  unit: ["dvt", "don vi tinh"],
  target: ["chi tieu giao", "chi tieu duoc giao", "chi tieu ke hoach", "chi tieu", "ke hoach", "target"],
  actual: ["ket qua thuc hien", "ket qua dat duoc", "ket qua", "thuc hien", "actual"],
  rate: ["ty le dat", "ty le hoan thanh", "ty le dat so voi chi tieu", "ty le", "rate"],
  note: ["ghi chu", "note", "notes"],
};

const HEADER_ALIASES: Record<HeaderKey, string[]> = {
  unitName: ["don vi", "ten don vi", "don vi bao cao"],
  unitCode: ["ma don vi", "ma dv", "ma so don vi", "ma don vi bao cao", "unit code"],
  period: ["ky bao cao", "ky", "thoi ky bao cao", "period"],
  reporter: ["nguoi lap", "nguoi lap bieu", "nguoi bao cao", "nguoi lap bao cao"],
  phone: ["dien thoai", "so dien thoai", "dt", "sdt"],
  template: ["mau", "mau bao cao", "mau so", "bieu mau", "template"],
};

function columnRole(text: string): ColumnRole | undefined {
  const key = foldWords(text);
  if (key === "") return undefined;
  let best: { role: ColumnRole; len: number } | undefined;
  for (const [role, aliases] of Object.entries(COLUMN_ALIASES) as [ColumnRole, string[]][]) {
    for (const alias of aliases) {
      // A prefix counts only for long, multi-word aliases: "Kết quả thực hiện năm 2023" yes, "Mã đơn vị" no.
      const hit = key === alias || (alias.includes(" ") && alias.length >= 8 && key.startsWith(`${alias} `));
      if (hit && (!best || alias.length > best.len)) best = { role, len: alias.length };
    }
  }
  return best?.role;
}

function headerLabel(text: string): { key: HeaderKey; inline?: string } | undefined {
  const colon = text.indexOf(":");
  const inline = colon >= 0 ? text.slice(colon + 1).trim() : "";
  const labelPart = colon >= 0 && inline !== "" ? text.slice(0, colon) : text;
  const folded = foldWords(labelPart);
  for (const [key, aliases] of Object.entries(HEADER_ALIASES) as [HeaderKey, string[]][]) {
    if (aliases.includes(folded)) return inline !== "" ? { key, inline } : { key };
  }
  return undefined;
}

/** Where a step's issues go: one sheet, one list. `issue` takes one object, sheet added. */
interface Issues {
  sheet: string;
  list: Issue[];
}

interface IssueSpec {
  code: Issue["code"];
  severity: Severity;
  cell: string;
  params: Record<string, IssueParam>;
  field: IssueField;
  indicator?: string;
  fix?: Issue["fix"];
}

function issue(to: Issues, spec: IssueSpec): void {
  to.list.push({ ...spec, sheet: to.sheet });
}

interface HeaderFound {
  label: string;
  input: string;
  cell: RawCell;
  /** Text of "Label: value" written in one cell. */
  inline?: string;
}

function findTable(grid: Grid): LocatedTable | undefined {
  const { rows, cols } = gridSize(grid);
  const origin = gridOrigin(grid);
  for (let r = 0; r < rows; r++) {
    const columns: Partial<Record<ColumnRole, number>> = {};
    for (let c = 0; c < cols; c++) {
      const cell = cellAtIndex(grid, r, c);
      if (typeof cell.value !== "string") continue;
      const role = columnRole(cell.value);
      if (role && columns[role] === undefined) columns[role] = origin.col + c;
    }
    if (columns.code !== undefined && columns.target !== undefined && columns.actual !== undefined) {
      const headerRow = origin.row + r;
      return { headerRow, columns, anchor: a1(headerRow, columns.code) };
    }
  }
  return undefined;
}

function findHeader(grid: Grid, lastRow: number): Partial<Record<HeaderKey, HeaderFound>> {
  const { rows, cols } = gridSize(grid);
  const found: Partial<Record<HeaderKey, HeaderFound>> = {};
  const origin = gridOrigin(grid);
  for (let r = 0; r < rows && origin.row + r <= lastRow; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = cellAtIndex(grid, r, c);
      if (typeof cell.value !== "string") continue;
      const label = headerLabel(cell.value);
      if (!label || found[label.key]) continue;
      const labelAddress = addressOf(grid, r, c);
      if (label.inline !== undefined) {
        found[label.key] = { label: labelAddress, input: labelAddress, cell, inline: label.inline };
        continue;
      }
      // The value is the next non-empty cell to the right, unless that cell is the next label.
      let input: HeaderFound = { label: labelAddress, input: addressOf(grid, r, c + 1), cell: EMPTY_CELL };
      if (c + 1 < cols) input.cell = cellAtIndex(grid, r, c + 1);
      for (let k = c + 1; k < cols; k++) {
        const next = cellAtIndex(grid, r, k);
        if (isBlank(next)) continue;
        if (typeof next.value === "string" && headerLabel(next.value)) break;
        input = { label: labelAddress, input: addressOf(grid, r, k), cell: next };
        break;
      }
      found[label.key] = input;
    }
  }
  return found;
}

function headerText(h: HeaderFound | undefined): string {
  if (!h) return "";
  return h.inline ?? cellString(h.cell);
}

/** Template id and version from "doan-2024 v1", "doan-2024 (phiên bản 1)" or "doan-2024". */
export function parseTemplateStamp(text: string): { id?: string; version?: number } {
  const tokens = foldLabel(text)
    .split(/[\s,;/()]+/)
    .filter((t) => t !== "");
  const id = tokens[0];
  if (!id) return {};
  const m = /(\d+)$/.exec(tokens.slice(1).join(" "));
  return m ? { id, version: Number(m[1]) } : { id };
}

export interface CodeHit {
  code: string;
  row: number;
  address: string;
}

function scanCodes(grid: Grid, table: LocatedTable): CodeHit[] {
  const { rows } = gridSize(grid);
  const origin = gridOrigin(grid);
  const col = table.columns.code!;
  const hits: CodeHit[] = [];
  for (let r = table.headerRow - origin.row + 1; r < rows; r++) {
    const cell = cellAtIndex(grid, r, col - origin.col);
    if (typeof cell.value !== "string") continue;
    const code = cell.value.trim().toUpperCase();
    if (code === "") continue;
    hits.push({ code, row: origin.row + r, address: a1(origin.row + r, col) });
  }
  return hits;
}

function guessTemplate(hits: CodeHit[]): Template | undefined {
  const codes = new Set(hits.map((h) => h.code).filter((c) => CODE_LIKE_RE.test(c)));
  if (codes.size === 0) return undefined;
  let best: { t: Template; n: number } | undefined;
  for (const id of templateIds()) {
    const t = getTemplate(id);
    if (!t) continue;
    const n = t.indicators.filter((i) => codes.has(i.code)).length;
    if (!best || n > best.n) best = { t, n };
  }
  return best && best.n * 2 >= codes.size ? best.t : undefined;
}

export function locateReport(grid: Grid, opts: { template?: Template } = {}): LocatedReport {
  const to: Issues = { sheet: typeof grid.sheet === "string" ? grid.sheet : "", list: [] };
  const top = addressOf(grid, 0, 0);
  const table = findTable(grid);
  // Header labels above the table; without one, above the signature block ("NGƯỜI LẬP BIỂU" is no field).
  const headerEnd = table ? table.headerRow : (signatureRow(grid) ?? Number.POSITIVE_INFINITY);
  const headerFound = findHeader(grid, headerEnd - 1);
  const headerCells: LocatedReport["headerCells"] = {};
  for (const [k, v] of Object.entries(headerFound) as [HeaderKey, HeaderFound][]) {
    headerCells[k] = { label: v.label, input: v.input };
  }
  const placeOf = (key: HeaderKey) => headerFound[key]?.input ?? top;
  const header: LocatedHeader = {};
  for (const key of ["unitName", "reporter", "phone"] as const) {
    const v = headerText(headerFound[key]);
    if (v !== "") header[key] = v;
  }
  readUnitCode(to, headerFound.unitCode, placeOf("unitCode"), header);
  readPeriodField(to, headerFound.period, placeOf("period"), header);
  if (!table)
    issue(to, { code: "grid.table_not_found", severity: "error", cell: top, params: {}, field: "sheet" });
  const hits = table ? scanCodes(grid, table) : [];
  const template = readTemplate(to, headerFound.template, placeOf("template"), header, hits, opts.template);
  const found = table
    ? readRows(to, grid, table, hits, template)
    : { rows: [], raw: new Map(), seen: new Map() };
  let breakdowns: Breakdown[] = [];
  if (table) {
    const loose = findLooseRows(grid, table, hits, template, found.seen);
    to.list.push(...loose.issues.map((i) => ({ ...i, sheet: to.sheet })));
    breakdowns = loose.breakdowns;
    if (template) missingRows(to, table, template, found.seen, loose.lostCodes);
  }
  return {
    ...(template ? { template } : {}),
    header,
    headerCells,
    ...(table ? { table } : {}),
    rows: found.rows,
    raw: found.raw,
    breakdowns,
    issues: to.list,
  };
}

/** Unit code: required; read case-insensitively (sl.maison is SL.MAISON); anything else is an error. */
function readUnitCode(to: Issues, found: HeaderFound | undefined, cell: string, header: LocatedHeader): void {
  const raw = headerText(found);
  const field = "header.unitCode";
  if (raw === "") {
    issue(to, { code: "grid.header_missing", severity: "error", cell, params: { field: "unitCode" }, field });
    return;
  }
  const code = normalizeUnitCode(raw);
  header.unitCode = code ?? raw;
  if (code === null) {
    issue(to, {
      code: "grid.header_malformed",
      severity: "error",
      cell,
      params: { field: "unitCode", value: raw },
      field,
    });
  }
}

/** Period: required; a form understood but not canonical ("Quý 3/2023") is a warning with its fix. */
function readPeriodField(
  to: Issues,
  found: HeaderFound | undefined,
  cell: string,
  header: LocatedHeader,
): void {
  const raw = headerText(found);
  const field = "header.period";
  if (raw === "" || !found) {
    issue(to, { code: "grid.header_missing", severity: "error", cell, params: { field: "period" }, field });
    return;
  }
  const reading = readPeriodCell(
    found.inline !== undefined ? { ...EMPTY_CELL, value: raw, valueType: "String" } : found.cell,
  );
  header.period = reading.code ?? raw;
  if (reading.code && reading.exact) return;
  if (reading.code) {
    issue(to, {
      code: "grid.header_malformed",
      severity: "warning",
      cell,
      params: { field: "period", value: found.cell.text || raw, expected: reading.code },
      field,
      fix: { value: reading.code },
    });
    return;
  }
  issue(to, {
    code: "grid.header_malformed",
    severity: "error",
    cell,
    params: { field: "period", value: raw },
    field,
  });
}

/** opts.template wins; else the "Mẫu:" stamp; else the registered template whose codes match the rows. */
function readTemplate(
  to: Issues,
  found: HeaderFound | undefined,
  cell: string,
  header: LocatedHeader,
  hits: CodeHit[],
  given: Template | undefined,
): Template | undefined {
  const stamp = parseTemplateStamp(headerText(found));
  if (stamp.id !== undefined) header.templateId = stamp.id;
  if (stamp.version !== undefined) header.templateVersion = stamp.version;
  if (given) return given;
  const field = "header.template";
  if (stamp.id === undefined) {
    const guessed = guessTemplate(hits);
    issue(to, {
      code: "grid.header_missing",
      severity: guessed ? "warning" : "error",
      cell,
      params: guessed
        ? { field: "template", assumed: `${guessed.id} v${guessed.version}` }
        : { field: "template" },
      field,
    });
    return guessed;
  }
  const template = getTemplate(stamp.id);
  if (!template) {
    const params = { template: stamp.id, known: templateIds().join(", ") };
    issue(to, { code: "grid.template_unknown", severity: "error", cell, params, field });
  } else if (stamp.version !== undefined && stamp.version !== template.version) {
    const params = { template: stamp.id, version: stamp.version, known: template.version };
    issue(to, { code: "grid.template_version_unknown", severity: "error", cell, params, field });
  }
  return template;
}

interface FoundRows {
  rows: LocatedRow[];
  raw: LocatedReport["raw"];
  /** Code → address of its first row. */
  seen: Map<string, string>;
}

/** The template's rows by their codes (a former code reads as its successor); unknown and duplicate codes. */
function readRows(
  to: Issues,
  grid: Grid,
  table: LocatedTable,
  hits: CodeHit[],
  template: Template | undefined,
): FoundRows {
  const byCode = new Map<string, Indicator>();
  for (const ind of template?.indicators ?? []) {
    if (ind.formerCode && !byCode.has(ind.formerCode)) byCode.set(ind.formerCode, ind);
  }
  for (const ind of template?.indicators ?? []) byCode.set(ind.code, ind);
  const out: FoundRows = { rows: [], raw: new Map(), seen: new Map() };
  const col = (role: ColumnRole, row: number) => {
    const c = table.columns[role];
    return c === undefined ? "" : a1(row, c);
  };
  for (const hit of hits) {
    const ind = byCode.get(hit.code);
    if (template && !ind) {
      if (CODE_LIKE_RE.test(hit.code)) {
        const params = { code: hit.code, template: template.id };
        issue(to, { code: "grid.row_unknown", severity: "warning", cell: hit.address, params, field: "row" });
      }
      continue;
    }
    if (!template && !CODE_LIKE_RE.test(hit.code)) continue;
    const code = ind?.code ?? hit.code;
    const first = out.seen.get(code);
    if (first !== undefined) {
      const params = { code, first };
      issue(to, {
        code: "grid.row_duplicate",
        severity: "error",
        cell: hit.address,
        params,
        field: "row",
        indicator: code,
      });
      continue;
    }
    out.seen.set(code, hit.address);
    const cells: LocatedRow["cells"] = {
      code: hit.address,
      target: col("target", hit.row),
      actual: col("actual", hit.row),
      note: col("note", hit.row),
    };
    if (table.columns.rate !== undefined) cells.rate = col("rate", hit.row);
    out.rows.push({ code, row: hit.row, cells });
    const noteCol = table.columns.note;
    out.raw.set(code, {
      target: cellAt(grid, hit.row, table.columns.target!),
      actual: cellAt(grid, hit.row, table.columns.actual!),
      note: noteCol === undefined ? "" : cellString(cellAt(grid, hit.row, noteCol)),
    });
  }
  return out;
}

/** Template rows absent from the sheet, except those found by their label (their code was deleted). */
function missingRows(
  to: Issues,
  table: LocatedTable,
  template: Template,
  seen: Map<string, string>,
  lostCodes: ReadonlySet<string>,
): void {
  for (const ind of template.indicators) {
    if (seen.has(ind.code) || lostCodes.has(ind.code)) continue;
    issue(to, {
      code: "grid.row_missing",
      severity: ind.required ? "error" : "warning",
      cell: table.anchor,
      params: { code: ind.code, required: ind.required === true },
      field: "row",
      indicator: ind.code,
    });
  }
}
