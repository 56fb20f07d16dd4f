// The workbook the fake holds in memory: its sheets, addresses, protection checks, calculation, cell
// writes and their change events, merges, settings and selection. One sheet's data is in sheet-state.ts;
// formats, data validation, tables, notes and comments change through their own *-state.ts files.
// Proxies (*-proxy.ts) queue closures that call into these; tests inspect it through FakeExcel (index.ts).

import {
  cellName,
  formatRect,
  MAX_COLS,
  MAX_ROWS,
  parseAddress,
  type Rect,
  rectContains,
  rectsOverlap,
} from "./address.ts";
import { richError, unsupported } from "./errors.ts";
import { Evaluator, FormulaError, type FValue, parseFormula } from "./formula.ts";
import { renderNumberFormat } from "./numfmt.ts";
import {
  type CellState,
  type ChangedEvent,
  type ChangedHandler,
  cellKey,
  SheetState,
  type Target,
  type ValueType,
} from "./sheet-state.ts";
import { parseTyped, type Scalar, TypedInputError } from "./typed.ts";

export interface FakeOptions {
  /** Highest ExcelApi requirement set the host supports (default "1.18"). */
  apiVersion?: string;
  /** Sheets the workbook starts with (default ["Sheet1"]). */
  sheets?: string[];
  /** Number format Excel applies when a General cell receives a date (default "d/m/yyyy", a vi-VN short date). */
  dateFormat?: string;
  /** "desktop" truncates custom property keys and values to 255 characters; "web" does not (facts §7). */
  platform?: "desktop" | "web";
  /** The name notes and comments are authored under. */
  userName?: string;
}

export function versionAtLeast(have: string, need: string): boolean {
  const [ha = 0, hb = 0] = have.split(".").map(Number);
  const [na = 0, nb = 0] = need.split(".").map(Number);
  return ha > na || (ha === na && hb >= nb);
}

type Input2D = { kind: "grid"; rows: unknown[][] } | { kind: "scalar"; value: unknown };

/** Reads `values`/`formulas`/`numberFormat` input: a 2-D array, or a scalar to broadcast. */
function input2D(input: unknown, where: string): Input2D {
  if (input === null || input === undefined) {
    throw richError("InvalidArgument", "null is not a valid input for a range property", where);
  }
  if (Array.isArray(input)) {
    if (!input.every((row) => Array.isArray(row))) {
      throw richError("InvalidArgument", "The input is not a 2-D array", where);
    }
    return { kind: "grid", rows: input as unknown[][] };
  }
  return { kind: "scalar", value: input };
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  activeSheetId: string;
  selection: { sheetId: string; rects: Rect[] };
  readonly settings = new Map<string, unknown>();
  readonly customProperties = new Map<
    string,
    { key: string; value: string | number | boolean; type: string }
  >();
  enableEvents = true;
  /** Handlers of workbook.worksheets.onChanged (ExcelApi 1.9): every sheet's changes. */
  readonly workbookHandlers = new Set<ChangedHandler>();
  readonly apiVersion: string;
  readonly dateFormat: string;
  readonly platform: "desktop" | "web";
  readonly userName: string;
  readonly warnings: string[] = [];
  /** Events produced by the current sync, delivered after it resolves. */
  pendingEvents: ChangedEvent[] = [];
  /** The last TableN number handed out; table-state.ts advances it. */
  tableCounter = 0;
  /** The last comment number handed out; notes-and-comments-state.ts advances it. */
  commentCounter = 0;
  private calcCache = new Map<string, FValue>();
  private calcStack = new Set<string>();

  constructor(options: FakeOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.18";
    this.dateFormat = options.dateFormat ?? "d/m/yyyy";
    this.platform = options.platform ?? "desktop";
    this.userName = options.userName ?? "Fake User";
    for (const name of options.sheets ?? ["Sheet1"]) this.sheets.push(new SheetState(name));
    const first = this.sheets[0];
    if (!first) throw new Error("a workbook needs at least one sheet");
    this.activeSheetId = first.id;
    this.selection = { sheetId: first.id, rects: [{ r0: 0, c0: 0, r1: 0, c1: 0 }] };
  }

  supports(version: string): boolean {
    return versionAtLeast(this.apiVersion, version);
  }

  requireApi(version: string, where: string): void {
    if (!this.supports(version)) {
      throw richError(
        "ApiNotFound",
        `${where} needs ExcelApi ${version}; this host has ${this.apiVersion}`,
        where,
      );
    }
  }

  // ---- sheets -------------------------------------------------------------------------------

  liveSheets(): SheetState[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.liveSheets().find((s) => s.name.toLowerCase() === lower);
  }

  /** findSheet for FakeUser and snapshots: there a missing sheet is a mistake in the test itself. */
  testSheet(name: string): SheetState {
    const s = this.findSheet(name);
    if (!s) throw new Error(`fake: no sheet named ${name}`);
    return s;
  }

  sheetById(id: string): SheetState | undefined {
    return this.liveSheets().find((s) => s.id === id);
  }

  activeSheet(): SheetState {
    const s = this.sheetById(this.activeSheetId);
    if (!s) throw new Error("fake: no active sheet");
    return s;
  }

  validateSheetName(name: unknown, where: string, except?: SheetState): string {
    if (typeof name !== "string" || name.length === 0 || name.length > 31) {
      throw richError("InvalidArgument", "A sheet name has 1 to 31 characters", where);
    }
    if (/[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw richError("InvalidArgument", `The sheet name ${JSON.stringify(name)} is not valid`, where);
    }
    if (name.toLowerCase() === "history") {
      throw richError("InvalidArgument", "History is a reserved sheet name", where);
    }
    const existing = this.findSheet(name);
    if (existing && existing !== except) {
      throw richError("ItemAlreadyExists", `A sheet named ${JSON.stringify(name)} already exists`, where);
    }
    return name;
  }

  addSheet(name: unknown, where: string): SheetState {
    let finalName: string;
    if (name === undefined || name === null) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    } else {
      finalName = this.validateSheetName(name, where);
    }
    const sheet = new SheetState(finalName);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetState, where: string): void {
    const visible = this.liveSheets().filter((s) => s.visibility === "Visible");
    if (visible.length <= 1 && sheet.visibility === "Visible") {
      throw richError("InvalidOperation", "A workbook must keep at least one visible sheet", where);
    }
    const live = this.liveSheets();
    const index = live.indexOf(sheet);
    sheet.deleted = true;
    if (this.activeSheetId === sheet.id) {
      const rest = live.filter((s) => s !== sheet && s.visibility === "Visible");
      const next = rest[Math.min(index, rest.length - 1)] ?? rest[0];
      if (next) {
        this.activeSheetId = next.id;
        this.selection = { sheetId: next.id, rects: [{ r0: 0, c0: 0, r1: 0, c1: 0 }] };
      }
    }
    this.invalidate();
  }

  renameSheet(sheet: SheetState, name: unknown, where: string): void {
    sheet.name = this.validateSheetName(name, where, sheet);
    this.invalidate();
  }

  // ---- addresses ------------------------------------------------------------------------------

  /** Resolves an address relative to `sheet`; a sheet-qualified address must name that sheet. */
  resolveOn(sheet: SheetState, address: string, where: string): Target {
    const parsed = parseAddress(address);
    if (!parsed)
      throw richError("InvalidArgument", `The address ${JSON.stringify(address)} is not valid`, where);
    if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
      throw richError("InvalidArgument", `The address ${address} is not on sheet ${sheet.name}`, where);
    }
    return { sheet, rect: parsed.rect, unbounded: parsed.unbounded };
  }

  /** Resolves a sheet-qualified address ("Sheet1!A1"). */
  resolveQualified(address: string, where: string): Target {
    const parsed = parseAddress(address);
    if (!parsed || parsed.sheet === undefined) {
      throw richError(
        "InvalidArgument",
        `The address ${JSON.stringify(address)} must include the sheet`,
        where,
      );
    }
    const sheet = this.findSheet(parsed.sheet);
    if (!sheet) throw richError("ItemNotFound", `No sheet named ${parsed.sheet}`, where);
    return { sheet, rect: parsed.rect, unbounded: parsed.unbounded };
  }

  // ---- protection ------------------------------------------------------------------------------

  private denied(where: string, what: string): never {
    throw richError("AccessDenied", `The sheet is protected: cannot ${what}`, where);
  }

  assertContentEditable(t: Target, where: string, cells?: (r: number, c: number) => boolean): void {
    const p = t.sheet.protection;
    if (!p.protected) return;
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        if (cells && !cells(r, c)) continue;
        if (t.sheet.get(r, c).locked) this.denied(where, `edit the locked cell ${cellName(r, c)}`);
      }
    }
  }

  /** Formatting on a protected sheet needs allowFormatCells (✘ for unlocked cells: the fake is strict). */
  assertFormatEditable(t: Target, where: string): void {
    const p = t.sheet.protection;
    if (p.protected && p.options.allowFormatCells !== true) this.denied(where, "format cells");
  }

  assertStructureEditable(sheet: SheetState, where: string, allow?: string): void {
    const p = sheet.protection;
    if (!p.protected) return;
    if (allow && p.options[allow] === true) return;
    this.denied(where, "change this on a protected sheet");
  }

  // ---- reading cells ---------------------------------------------------------------------------

  invalidate(): void {
    this.calcCache.clear();
  }

  /** The computed value of a cell: null when empty. */
  cellValue(sheet: SheetState, r: number, c: number): FValue {
    const cell = sheet.get(r, c);
    if (cell.f === null) return cell.v;
    const k = `${sheet.id}:${r}:${c}`;
    const cached = this.calcCache.get(k);
    if (cached !== undefined) return cached;
    if (this.calcStack.has(k)) {
      this.warnings.push(`circular reference at ${sheet.name}!${cellName(r, c)} reads 0`);
      return 0;
    }
    this.calcStack.add(k);
    try {
      const ast = cell.ast ?? parseFormula(cell.f.slice(1));
      const evaluator = new Evaluator({
        cell: (sh, rr, cc) => {
          if (rr >= MAX_ROWS || cc >= MAX_COLS) return new FormulaError("#REF!");
          const target = sh === undefined ? sheet : this.findSheet(sh);
          return target ? this.cellValue(target, rr, cc) : new FormulaError("#REF!");
        },
        hasSheet: (name) => this.findSheet(name) !== undefined,
        warn: (m) => this.warnings.push(m),
      });
      const v = evaluator.value(ast);
      this.calcCache.set(k, v);
      return v;
    } finally {
      this.calcStack.delete(k);
    }
  }

  readValue(sheet: SheetState, r: number, c: number): { value: Scalar; type: ValueType } {
    const v = this.cellValue(sheet, r, c);
    if (v === null) return { value: "", type: "Empty" };
    if (v instanceof FormulaError) return { value: v.code, type: "Error" };
    if (typeof v === "number") return { value: v, type: "Double" };
    if (typeof v === "boolean") return { value: v, type: "Boolean" };
    return { value: v, type: "String" };
  }

  readText(sheet: SheetState, r: number, c: number): string {
    const { value, type } = this.readValue(sheet, r, c);
    switch (type) {
      case "Empty":
        return "";
      case "Double":
        return renderNumberFormat(value as number, sheet.get(r, c).numberFormat);
      case "Boolean":
        return value ? "TRUE" : "FALSE";
      default:
        return String(value);
    }
  }

  readFormula(sheet: SheetState, r: number, c: number): Scalar {
    const cell = sheet.get(r, c);
    if (cell.f !== null) return cell.f;
    return cell.v ?? "";
  }

  /** A 2-D read of a bounded range; unbounded ranges read null (facts §1). */
  grid<T>(t: Target, read: (r: number, c: number) => T): T[][] | null {
    if (t.unbounded !== "none") return null;
    const out: T[][] = [];
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      const row: T[] = [];
      for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(read(r, c));
      out.push(row);
    }
    return out;
  }

  /** The shared value of a format property over a range, or null when mixed (facts §1, §3). */
  uniform<T>(t: Target, read: (cell: Readonly<CellState>, r: number, c: number) => T): T | null {
    if (t.unbounded !== "none") throw unsupported("reading formats of unbounded ranges");
    let first = true;
    let value: T | null = null;
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        const v = read(t.sheet.get(r, c), r, c);
        if (first) {
          value = v;
          first = false;
        } else if (JSON.stringify(v) !== JSON.stringify(value)) {
          return null;
        }
      }
    }
    return value;
  }

  // ---- writing cells ---------------------------------------------------------------------------

  private shape(
    t: Target,
    input: Input2D,
    where: string,
    allowOneByOne: boolean,
  ): (r: number, c: number) => unknown {
    const rows = t.rect.r1 - t.rect.r0 + 1;
    const cols = t.rect.c1 - t.rect.c0 + 1;
    if (input.kind === "scalar") return () => input.value;
    const g = input.rows;
    const first = g[0];
    if (allowOneByOne && g.length === 1 && first && first.length === 1 && (rows > 1 || cols > 1)) {
      return () => first[0];
    }
    if (g.length !== rows || g.some((row) => row.length !== cols)) {
      throw richError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        where,
      );
    }
    return (r, c) => g[r - t.rect.r0]?.[c - t.rect.c0];
  }

  /** `Range.values` and `Range.formulas` writes: each non-null input is parsed as if typed. */
  writeContent(t: Target, raw: unknown, where: string, origin: ChangedEvent["triggerSource"]): void {
    if (t.unbounded !== "none")
      throw richError("InvalidArgument", "Cannot write values to an unbounded range", where);
    const input = input2D(raw, where);
    const at = this.shape(t, input, where, false);
    type Planned = { r: number; c: number; typed: ReturnType<typeof parseTyped> };
    const planned: Planned[] = [];
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        const v = at(r, c);
        if (v === null || v === undefined) continue;
        if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
          throw richError("InvalidArgument", `Unsupported input value at ${cellName(r, c)}`, where);
        }
        if (
          input.kind === "scalar" &&
          typeof v === "string" &&
          v.startsWith("=") &&
          t.rect.r0 !== t.rect.r1
        ) {
          throw unsupported("broadcasting one formula over several rows (relative references)");
        }
        let typed: ReturnType<typeof parseTyped>;
        try {
          typed = parseTyped(v, t.sheet.get(r, c).numberFormat, this.dateFormat);
        } catch (e) {
          if (e instanceof TypedInputError) throw richError("InvalidArgument", e.message, where);
          throw e;
        }
        if (typed.kind !== "empty" && this.isHiddenByMerge(t.sheet, r, c)) {
          throw richError("InvalidOperation", `${cellName(r, c)} is inside a merged area`, where);
        }
        planned.push({ r, c, typed });
      }
    }
    const touched = new Set(planned.map((p) => cellKey(p.r, p.c)));
    this.assertContentEditable(t, where, (r, c) => touched.has(cellKey(r, c)));
    const single = t.rect.r0 === t.rect.r1 && t.rect.c0 === t.rect.c1;
    const before = single ? this.readValue(t.sheet, t.rect.r0, t.rect.c0) : null;
    for (const { r, c, typed } of planned) {
      const cell = t.sheet.edit(r, c);
      cell.v = null;
      cell.f = null;
      cell.ast = null;
      cell.quotePrefix = false;
      if (typed.kind === "value") {
        cell.v = typed.value;
        cell.quotePrefix = typed.quotePrefix === true;
        if (typed.autoFormat) cell.numberFormat = typed.autoFormat;
      } else if (typed.kind === "formula") {
        cell.f = typed.formula;
        cell.ast = parseFormula(typed.formula.slice(1));
      }
    }
    this.invalidate();
    if (planned.length === 0) return;
    const after = single ? this.readValue(t.sheet, t.rect.r0, t.rect.c0) : null;
    this.emitChanged(t.sheet, formatRect(t.rect), origin, before, after);
  }

  emitChanged(
    sheet: SheetState,
    address: string,
    origin: ChangedEvent["triggerSource"],
    before: { value: Scalar; type: ValueType } | null,
    after: { value: Scalar; type: ValueType } | null,
  ): void {
    if (!this.enableEvents || (sheet.handlers.size === 0 && this.workbookHandlers.size === 0)) return;
    const event: ChangedEvent = { sheetId: sheet.id, address, triggerSource: origin };
    if (before && after) {
      event.details = {
        valueBefore: before.value,
        valueAfter: after.value,
        valueTypeBefore: before.type,
        valueTypeAfter: after.type,
      };
    }
    this.pendingEvents.push(event);
  }

  writeNumberFormat(t: Target, raw: unknown, where: string): void {
    if (t.unbounded !== "none")
      throw richError("InvalidArgument", "Cannot set numberFormat on an unbounded range", where);
    const input = input2D(raw, where);
    // A 1×1 array broadcasts for numberFormat (CORE sets [["$0.00"]] on E3:E6).
    const at = this.shape(t, input, where, true);
    const planned: { r: number; c: number; f: string }[] = [];
    for (let r = t.rect.r0; r <= t.rect.r1; r++) {
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        const v = at(r, c);
        if (v === null || v === undefined) continue;
        if (typeof v !== "string") throw richError("InvalidArgument", "A number format is a string", where);
        planned.push({ r, c, f: v === "" ? "General" : v });
      }
    }
    if (planned.length > 0) this.assertFormatEditable(t, where);
    for (const p of planned) t.sheet.edit(p.r, p.c).numberFormat = p.f;
  }

  isHiddenByMerge(sheet: SheetState, r: number, c: number): boolean {
    return sheet.merges.some(
      (m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && (r !== m.r0 || c !== m.c0),
    );
  }

  merge(t: Target, across: boolean, where: string): void {
    if (t.unbounded !== "none") throw unsupported("merging unbounded ranges");
    this.assertStructureEditable(t.sheet, where);
    const areas: Rect[] = [];
    if (across) {
      for (let r = t.rect.r0; r <= t.rect.r1; r++) areas.push({ r0: r, c0: t.rect.c0, r1: r, c1: t.rect.c1 });
    } else {
      areas.push({ ...t.rect });
    }
    for (const area of areas) {
      if (area.r0 === area.r1 && area.c0 === area.c1) continue;
      if (t.sheet.tables.some((tb) => rectsOverlap(tb.rect, area))) {
        throw richError("InvalidOperation", "Cells inside a table cannot be merged", where);
      }
      for (const m of t.sheet.merges) {
        if (rectsOverlap(m, area) && !rectContains(area, m)) {
          throw richError("InvalidOperation", "The range partly overlaps a merged area", where);
        }
      }
      // Excel keeps only the upper-left value; the fake refuses to drop data (✘: strict).
      for (let r = area.r0; r <= area.r1; r++) {
        for (let c = area.c0; c <= area.c1; c++) {
          if (r === area.r0 && c === area.c0) continue;
          const cell = t.sheet.get(r, c);
          if (cell.v !== null || cell.f !== null) {
            throw richError(
              "InvalidOperation",
              `Merging would discard the value in ${cellName(r, c)}`,
              where,
            );
          }
        }
      }
      for (let i = t.sheet.merges.length - 1; i >= 0; i--) {
        const m = t.sheet.merges[i];
        if (m && rectContains(area, m)) t.sheet.merges.splice(i, 1);
      }
      t.sheet.merges.push(area);
    }
  }

  unmerge(t: Target, where: string): void {
    this.assertStructureEditable(t.sheet, where);
    for (let i = t.sheet.merges.length - 1; i >= 0; i--) {
      const m = t.sheet.merges[i];
      if (m && rectsOverlap(m, t.rect)) t.sheet.merges.splice(i, 1);
    }
  }

  // ---- workbook metadata --------------------------------------------------------------------------

  setSetting(keyName: unknown, value: unknown, where: string): void {
    this.requireApi("1.4", where);
    if (typeof keyName !== "string" || keyName.length === 0) {
      throw richError("InvalidArgument", "A setting key is a non-empty string", where);
    }
    if (value === undefined) throw richError("InvalidArgument", "A setting value cannot be undefined", where);
    // Settings are stored as JSON in the document: what cannot round-trip does not survive.
    this.settings.set(keyName, JSON.parse(JSON.stringify(value)) as unknown);
  }

  setCustomProperty(keyName: unknown, value: unknown, where: string): void {
    this.requireApi("1.7", where);
    if (typeof keyName !== "string" || keyName.length === 0) {
      throw richError("InvalidArgument", "A custom property key is a non-empty string", where);
    }
    let type: string;
    let stored: string | number | boolean;
    if (typeof value === "string") {
      type = "String";
      stored = this.platform === "web" ? value : value.slice(0, 255);
    } else if (typeof value === "number") {
      type = Number.isInteger(value) ? "Number" : "Float";
      stored = value;
    } else if (typeof value === "boolean") {
      type = "Boolean";
      stored = value;
    } else {
      throw unsupported("custom properties that are not strings, numbers or booleans");
    }
    const k = this.platform === "web" ? keyName : keyName.slice(0, 255);
    const lower = k.toLowerCase();
    const existing = this.customProperties.get(lower);
    this.customProperties.set(lower, { key: existing?.key ?? k, value: stored, type });
  }

  // ---- selection --------------------------------------------------------------------------------

  select(t: Target, where: string): void {
    if (t.sheet.id !== this.activeSheetId) {
      // Whether select() on another sheet activates it is ✘: the fake refuses.
      throw richError("InvalidOperation", "select() on a sheet that is not active (✘: strict)", where);
    }
    this.selection = { sheetId: t.sheet.id, rects: [{ ...t.rect }] };
  }

  activate(sheet: SheetState, where: string): void {
    if (sheet.visibility !== "Visible")
      throw richError("InvalidOperation", "A hidden sheet cannot be activated", where);
    if (this.activeSheetId !== sheet.id) {
      this.activeSheetId = sheet.id;
      this.selection = { sheetId: sheet.id, rects: [{ r0: 0, c0: 0, r1: 0, c1: 0 }] };
    }
  }
}
