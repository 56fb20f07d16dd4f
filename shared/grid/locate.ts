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
// - Unit code and period are required (`grid.header_missing`, error). Forms that are understood but not
//   canonical ("Quý 3/2023", "sl.maison") are `grid.header_malformed` warnings with a fix, and the header
//   carries the canonical value; anything else is an error and the header keeps the raw text.
import { UNIT_CODE_RE } from "../api/schemas.ts";
import type { Issue, IssueParam, Severity } from "../issues.ts";
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
import { readPeriod } from "./period.ts";
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

function issue(
  code: Issue["code"],
  severity: Severity,
  sheet: string,
  cell: string,
  params: Record<string, IssueParam>,
  extra: Partial<Issue> = {},
): Issue {
  return { code, severity, sheet, cell, params, ...extra };
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

interface CodeHit {
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
  const sheet = typeof grid.sheet === "string" ? grid.sheet : "";
  const issues: Issue[] = [];
  const top = addressOf(grid, 0, 0);
  const table = findTable(grid);
  const headerFound = findHeader(grid, table ? table.headerRow - 1 : Number.POSITIVE_INFINITY);
  const headerCells: LocatedReport["headerCells"] = {};
  for (const [k, v] of Object.entries(headerFound) as [HeaderKey, HeaderFound][]) {
    headerCells[k] = { label: v.label, input: v.input };
  }
  const header: LocatedHeader = {};
  const placeOf = (key: HeaderKey) => headerFound[key]?.input ?? top;

  for (const key of ["unitName", "reporter", "phone"] as const) {
    const v = headerText(headerFound[key]);
    if (v !== "") header[key] = v;
  }

  // Unit code.
  const unitRaw = headerText(headerFound.unitCode);
  if (unitRaw === "") {
    issues.push(
      issue(
        "grid.header_missing",
        "error",
        sheet,
        placeOf("unitCode"),
        { field: "unitCode" },
        {
          field: "header.unitCode",
        },
      ),
    );
  } else if (UNIT_CODE_RE.test(unitRaw)) {
    header.unitCode = unitRaw;
  } else if (UNIT_CODE_RE.test(unitRaw.toUpperCase())) {
    header.unitCode = unitRaw.toUpperCase();
    issues.push(
      issue(
        "grid.header_malformed",
        "warning",
        sheet,
        placeOf("unitCode"),
        { field: "unitCode", value: unitRaw, expected: header.unitCode },
        { field: "header.unitCode", fix: { value: header.unitCode } },
      ),
    );
  } else {
    header.unitCode = unitRaw;
    issues.push(
      issue(
        "grid.header_malformed",
        "error",
        sheet,
        placeOf("unitCode"),
        { field: "unitCode", value: unitRaw },
        { field: "header.unitCode" },
      ),
    );
  }

  // Period.
  const periodFound = headerFound.period;
  const periodRaw = headerText(periodFound);
  if (periodRaw === "") {
    issues.push(
      issue(
        "grid.header_missing",
        "error",
        sheet,
        placeOf("period"),
        { field: "period" },
        {
          field: "header.period",
        },
      ),
    );
  } else {
    const reading = readPeriod(
      periodFound?.inline !== undefined
        ? { ...EMPTY_CELL, value: periodRaw, valueType: "String" }
        : periodFound!.cell,
    );
    if (reading.code && reading.exact) {
      header.period = reading.code;
    } else if (reading.code) {
      header.period = reading.code;
      issues.push(
        issue(
          "grid.header_malformed",
          "warning",
          sheet,
          placeOf("period"),
          { field: "period", value: periodFound?.cell.text || periodRaw, expected: reading.code },
          { field: "header.period", fix: { value: reading.code } },
        ),
      );
    } else {
      header.period = periodRaw;
      issues.push(
        issue(
          "grid.header_malformed",
          "error",
          sheet,
          placeOf("period"),
          { field: "period", value: periodRaw },
          { field: "header.period" },
        ),
      );
    }
  }

  // Table.
  const hits = table ? scanCodes(grid, table) : [];
  if (!table) {
    issues.push(issue("grid.table_not_found", "error", sheet, top, {}, { field: "sheet" }));
  }

  // Template.
  const stamp = parseTemplateStamp(headerText(headerFound.template));
  if (stamp.id !== undefined) header.templateId = stamp.id;
  if (stamp.version !== undefined) header.templateVersion = stamp.version;
  let template = opts.template;
  if (!template) {
    if (stamp.id !== undefined) {
      template = getTemplate(stamp.id);
      if (!template) {
        issues.push(
          issue(
            "grid.template_unknown",
            "error",
            sheet,
            placeOf("template"),
            { template: stamp.id, known: templateIds().join(", ") },
            { field: "header.template" },
          ),
        );
      } else if (stamp.version !== undefined && stamp.version !== template.version) {
        issues.push(
          issue(
            "grid.template_version_unknown",
            "error",
            sheet,
            placeOf("template"),
            { template: stamp.id, version: stamp.version, known: template.version },
            { field: "header.template" },
          ),
        );
      }
    } else {
      template = guessTemplate(hits);
      issues.push(
        issue(
          "grid.header_missing",
          template ? "warning" : "error",
          sheet,
          placeOf("template"),
          template
            ? { field: "template", assumed: `${template.id} v${template.version}` }
            : { field: "template" },
          { field: "header.template" },
        ),
      );
    }
  }

  const rows: LocatedRow[] = [];
  const raw: LocatedReport["raw"] = new Map();
  if (table) {
    const byCode = new Map<string, Indicator>();
    if (template) {
      for (const ind of template.indicators) {
        if (ind.formerCode && !byCode.has(ind.formerCode)) byCode.set(ind.formerCode, ind);
      }
      for (const ind of template.indicators) byCode.set(ind.code, ind);
    }
    const seen = new Map<string, string>();
    const col = (role: ColumnRole, row: number) => {
      const c = table.columns[role];
      return c === undefined ? "" : a1(row, c);
    };
    for (const hit of hits) {
      const ind = byCode.get(hit.code);
      if (template && !ind) {
        if (CODE_LIKE_RE.test(hit.code)) {
          issues.push(
            issue(
              "grid.row_unknown",
              "warning",
              sheet,
              hit.address,
              { code: hit.code, template: template.id },
              { field: "row" },
            ),
          );
        }
        continue;
      }
      if (!template && !CODE_LIKE_RE.test(hit.code)) continue;
      const code = ind?.code ?? hit.code;
      const first = seen.get(code);
      if (first !== undefined) {
        issues.push(
          issue(
            "grid.row_duplicate",
            "error",
            sheet,
            hit.address,
            { code, first },
            { indicator: code, field: "row" },
          ),
        );
        continue;
      }
      seen.set(code, hit.address);
      const cells: LocatedRow["cells"] = {
        code: hit.address,
        target: col("target", hit.row),
        actual: col("actual", hit.row),
        note: col("note", hit.row),
      };
      if (table.columns.rate !== undefined) cells.rate = col("rate", hit.row);
      rows.push({ code, row: hit.row, cells });
      const noteCol = table.columns.note;
      raw.set(code, {
        target: cellAt(grid, hit.row, table.columns.target!),
        actual: cellAt(grid, hit.row, table.columns.actual!),
        note: noteCol === undefined ? "" : cellString(cellAt(grid, hit.row, noteCol)),
      });
    }
    if (template) {
      for (const ind of template.indicators) {
        if (seen.has(ind.code)) continue;
        issues.push(
          issue(
            "grid.row_missing",
            ind.required ? "error" : "warning",
            sheet,
            table.anchor,
            { code: ind.code, required: ind.required === true },
            { indicator: ind.code, field: "row" },
          ),
        );
      }
    }
  }

  return {
    ...(template ? { template } : {}),
    header,
    headerCells,
    ...(table ? { table } : {}),
    rows,
    raw,
    issues,
  };
}
