// Proxy objects shaped like Office.js: property writes and method calls queue commands; reads need
// load + sync (PropertyNotLoaded otherwise); *OrNullObject proxies learn isNullObject at sync, and
// commands on a null object do nothing (Microsoft's samples rely on getItemOrNullObject(x).delete()).

import { formatRect, MAX_COLS, MAX_ROWS, parseAddress, type Rect, rectsOverlap } from "./address.ts";
import { normalizeColor } from "./colors.ts";
import { type FakeRequestContext, type LoadArg, loadPaths } from "./context.ts";
import { richError, unsupported } from "./errors.ts";
import type {
  BorderEdge,
  BorderState,
  CellState,
  ChangedHandler,
  ConditionalFormatState,
  NoteState,
  SheetState,
  TableState,
  Target,
  WorkbookState,
} from "./state.ts";

type Readers = Record<string, () => unknown>;

function notLoaded(type: string, prop: string): Error {
  return richError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

abstract class FakeClientObject<T> {
  protected readonly _values = new Map<string, unknown>();
  private _memo: { v: T | null } | undefined;
  private _nullKnown: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly _type: string,
  ) {}

  protected get _state(): WorkbookState {
    return this.context.state;
  }

  /** Computes the target at first use (inside a command). Null means a null object. */
  protected abstract _resolve(): T | null;
  /** Throws when a resolved target no longer exists (a deleted sheet, note …). */
  protected _checkLive(_t: T): void {}
  protected abstract _readers(): Readers;
  protected _navs(): Record<string, FakeClientObject<unknown>> {
    return {};
  }

  /** For objects created by a command (add): the target is known. */
  _presolve(t: T): void {
    this._memo = { v: t };
    this.context.afterSync(() => {
      this._nullKnown = false;
    });
  }

  /** Resolves at the next sync even when unused: *OrNullObject proxies. */
  protected _resolveAtSync(): void {
    this.context.queue(`${this._type}.resolve`, () => {
      this._target();
    });
  }

  _target(): T | null {
    if (!this._memo) {
      const v = this._resolve();
      this._memo = { v };
      this.context.afterSync(() => {
        this._nullKnown = v === null;
      });
    }
    const v = this._memo.v;
    if (v !== null) this._checkLive(v);
    return v;
  }

  get isNullObject(): boolean {
    if (this._nullKnown === undefined) throw notLoaded(this._type, "isNullObject");
    return this._nullKnown;
  }

  protected _get<V>(name: string): V {
    if (this._nullKnown === true) return null as V;
    if (!this._values.has(name)) throw notLoaded(this._type, name);
    return this._values.get(name) as V;
  }

  /** Queues a command on the target; a null object ignores it. */
  protected _cmd(label: string, fn: (t: T) => void): void {
    this.context.queue(`${this._type}.${label}`, () => {
      const t = this._target();
      if (t === null) return;
      fn(t);
    });
  }

  /** A property write: kept locally (like Office.js) and queued. */
  protected _set(name: string, value: unknown, fn: (t: T) => void): void {
    this._values.set(name, value);
    this._cmd(name, fn);
  }

  load(arg?: LoadArg): this {
    this._load(loadPaths(arg));
    return this;
  }

  _load(paths: string[]): void {
    const readers = this._readers();
    const navs = this._navs();
    const names = new Set<string>();
    if (paths.length === 0) for (const n of Object.keys(readers)) names.add(n);
    for (const path of paths) {
      const [head = "", ...rest] = path.split("/");
      const nav = navs[head];
      if (nav) {
        nav._load(rest.length > 0 ? [rest.join("/")] : []);
      } else if (head in readers && rest.length === 0) {
        names.add(head);
      } else {
        this.context.queue(`${this._type}.load`, () => {
          throw richError("InvalidArgument", `The property '${path}' does not exist on ${this._type}`);
        });
      }
    }
    if (names.size === 0) return;
    this.context.queue(`${this._type}.load`, () => {
      const t = this._target();
      if (t === null) return;
      const read = this._readers();
      const got: [string, unknown][] = [];
      for (const n of names) got.push([n, read[n]?.()]);
      this.context.afterSync(() => {
        for (const [n, v] of got) this._values.set(n, v);
      });
    });
  }

  /** Reads scalars immediately; only inside a command (a collection's load of its items). */
  _loadNow(paths: string[]): void {
    const readers = this._readers();
    const names = paths.length === 0 ? Object.keys(readers) : paths;
    const got: [string, unknown][] = [];
    for (const n of names) {
      const read = readers[n];
      if (!read) throw unsupported(`loading ${n} on collection items`);
      got.push([n, read()]);
    }
    this.context.afterSync(() => {
      for (const [n, v] of got) this._values.set(n, v);
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }
}

class ClientResult<V> {
  private _v: { value: V } | undefined;
  constructor(private readonly _where: string) {}
  _resolveWith(v: V): void {
    this._v = { value: v };
  }
  get value(): V {
    if (!this._v) throw notLoaded(this._where, "value");
    return this._v.value;
  }
}

function countResult<T>(ctx: FakeRequestContext, where: string, count: () => number): ClientResult<T> {
  const result = new ClientResult<T>(where);
  ctx.queue(where, () => {
    const n = count();
    ctx.afterSync(() => result._resolveWith(n as T));
  });
  return result;
}

// ---- Range -----------------------------------------------------------------------------------

const H_ALIGN = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];

export class FakeRange extends FakeClientObject<Target> {
  private _format?: FakeRangeFormat;
  private _dv?: FakeDataValidation;
  private _cfs?: FakeConditionalFormatCollection;
  private _worksheet?: FakeWorksheet;

  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => Target | null,
    orNull = false,
  ) {
    super(ctx, "Range");
    if (orNull) this._resolveAtSync();
  }

  protected _resolve(): Target | null {
    return this._resolver();
  }

  protected override _checkLive(t: Target): void {
    if (t.sheet.deleted) throw richError("ItemNotFound", "The range's worksheet was deleted");
  }

  protected _readers(): Readers {
    const t = () => this._target() as Target;
    const s = this._state;
    return {
      address: () => t().sheet.qualified(t().rect, t().unbounded),
      addressLocal: () => t().sheet.qualified(t().rect, t().unbounded),
      cellCount: () => (t().rect.r1 - t().rect.r0 + 1) * (t().rect.c1 - t().rect.c0 + 1),
      rowCount: () => t().rect.r1 - t().rect.r0 + 1,
      columnCount: () => t().rect.c1 - t().rect.c0 + 1,
      rowIndex: () => t().rect.r0,
      columnIndex: () => t().rect.c0,
      values: () => s.grid(t(), (r, c) => s.readValue(t().sheet, r, c).value),
      valueTypes: () => s.grid(t(), (r, c) => s.readValue(t().sheet, r, c).type),
      text: () => s.grid(t(), (r, c) => s.readText(t().sheet, r, c)),
      formulas: () => s.grid(t(), (r, c) => s.readFormula(t().sheet, r, c)),
      numberFormat: () => s.grid(t(), (r, c) => t().sheet.get(r, c).numberFormat),
    };
  }

  protected override _navs(): Record<string, FakeClientObject<unknown>> {
    return {
      format: this.format as FakeClientObject<unknown>,
      dataValidation: this.dataValidation as FakeClientObject<unknown>,
      worksheet: this.worksheet as FakeClientObject<unknown>,
    };
  }

  get format(): FakeRangeFormat {
    this._format ??= new FakeRangeFormat(this.context, this);
    return this._format;
  }

  get dataValidation(): FakeDataValidation {
    this._dv ??= new FakeDataValidation(this.context, this);
    return this._dv;
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this._cfs ??= new FakeConditionalFormatCollection(this.context, this);
    return this._cfs;
  }

  get worksheet(): FakeWorksheet {
    this._worksheet ??= new FakeWorksheet(this.context, () => this._target()?.sheet ?? null);
    return this._worksheet;
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get valueTypes(): unknown {
    return this._get("valueTypes");
  }
  get text(): unknown {
    return this._get("text");
  }

  get values(): unknown {
    return this._get("values");
  }
  set values(v: unknown) {
    this._set("values", v, (t) => this._state.writeContent(t, v, "Range.values", "ThisLocalAddin"));
  }

  get formulas(): unknown {
    return this._get("formulas");
  }
  set formulas(v: unknown) {
    this._set("formulas", v, (t) => this._state.writeContent(t, v, "Range.formulas", "ThisLocalAddin"));
  }

  get numberFormat(): unknown {
    return this._get("numberFormat");
  }
  set numberFormat(v: unknown) {
    this._set("numberFormat", v, (t) => this._state.writeNumberFormat(t, v, "Range.numberFormat"));
  }

  private _derived(fn: (t: Target) => Rect, orNull = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        if (t === null) return null;
        const rect = fn(t);
        if (
          rect.r0 < 0 ||
          rect.c0 < 0 ||
          rect.r1 >= MAX_ROWS ||
          rect.c1 >= MAX_COLS ||
          rect.r1 < rect.r0 ||
          rect.c1 < rect.c0
        ) {
          throw richError("InvalidArgument", "The resulting range is outside the worksheet");
        }
        return { sheet: t.sheet, rect, unbounded: "none" };
      },
      orNull,
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this._derived((t) => ({
      r0: t.rect.r0 + row,
      c0: t.rect.c0 + column,
      r1: t.rect.r0 + row,
      c1: t.rect.c0 + column,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this._derived((t) => ({ ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this._derived((t) => ({
      r0: t.rect.r0 + rowOffset,
      c0: t.rect.c0 + columnOffset,
      r1: t.rect.r1 + rowOffset,
      c1: t.rect.c1 + columnOffset,
    }));
  }

  private _used(valuesOnly: boolean, orNull: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        if (t === null) return null;
        const used = t.sheet.usedRect(valuesOnly);
        const inter =
          used && rectsOverlap(used, t.rect)
            ? {
                r0: Math.max(used.r0, t.rect.r0),
                c0: Math.max(used.c0, t.rect.c0),
                r1: Math.min(used.r1, t.rect.r1),
                c1: Math.min(used.c1, t.rect.c1),
              }
            : null;
        if (!inter) {
          if (orNull) return null;
          // Range.getUsedRange throws when the range has no used cells (facts §1 trap).
          throw richError("ItemNotFound", "The range has no used cells");
        }
        return { sheet: t.sheet, rect: inter, unbounded: "none" };
      },
      orNull,
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._used(valuesOnly === true, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._used(valuesOnly === true, true);
  }

  select(): void {
    this._cmd("select", (t) => this._state.select(t, "Range.select"));
  }

  merge(across?: boolean): void {
    this._cmd("merge", (t) => this._state.merge(t, across === true, "Range.merge"));
  }

  unmerge(): void {
    this._cmd("unmerge", (t) => this._state.unmerge(t, "Range.unmerge"));
  }

  clear(applyTo?: string): void {
    this._cmd("clear", (t) => {
      const what = applyTo ?? "All";
      if (what === "All" || what === "Contents") {
        this._state.writeContent(t, "", "Range.clear", "ThisLocalAddin");
      }
      if (what === "All" || what === "Formats") {
        this._state.formatCells(t, "Range.clear", (cell) => {
          cell.numberFormat = "General";
          cell.fill = null;
          cell.tintAndShade = null;
          cell.bold = false;
          cell.italic = false;
          cell.fontColor = "#000000";
          cell.horizontalAlignment = "General";
          cell.wrapText = false;
          cell.borders = {};
        });
      }
      if (what !== "All" && what !== "Contents" && what !== "Formats")
        throw unsupported(`Range.clear("${what}")`);
    });
  }

  set(_: unknown): void {
    throw unsupported("Range.set");
  }
}

abstract class RangePart<T> extends FakeClientObject<T> {
  constructor(
    ctx: FakeRequestContext,
    type: string,
    protected readonly _range: FakeRange,
  ) {
    super(ctx, type);
  }
  protected _t(): Target {
    return this._range._target() as Target;
  }
  protected _uniform<V>(read: (cell: Readonly<CellState>) => V): V | null {
    return this._state.uniform(this._t(), read);
  }
  protected _fmt(label: string, value: unknown, apply: (cell: CellState) => void): void {
    this._set(label, value, () => this._state.formatCells(this._t(), `${this._type}.${label}`, apply));
  }
}

export class FakeRangeFormat extends RangePart<Target> {
  private _fill?: FakeRangeFill;
  private _font?: FakeRangeFont;
  private _protection?: FakeFormatProtection;
  private _borders?: FakeBorderCollection;

  constructor(ctx: FakeRequestContext, range: FakeRange) {
    super(ctx, "RangeFormat", range);
  }
  protected _resolve(): Target | null {
    return this._range._target();
  }
  protected _readers(): Readers {
    return {
      columnWidth: () => this._state.columnWidthOf(this._t()),
      rowHeight: () => this._state.rowHeightOf(this._t()),
      wrapText: () => this._uniform((c) => c.wrapText),
      horizontalAlignment: () => this._uniform((c) => c.horizontalAlignment),
      verticalAlignment: () => this._uniform((c) => c.verticalAlignment),
    };
  }
  protected override _navs(): Record<string, FakeClientObject<unknown>> {
    return {
      fill: this.fill as FakeClientObject<unknown>,
      font: this.font as FakeClientObject<unknown>,
      protection: this.protection as FakeClientObject<unknown>,
      borders: this.borders as FakeClientObject<unknown>,
    };
  }
  get fill(): FakeRangeFill {
    this._fill ??= new FakeRangeFill(this.context, this._range);
    return this._fill;
  }
  get font(): FakeRangeFont {
    this._font ??= new FakeRangeFont(this.context, this._range);
    return this._font;
  }
  get protection(): FakeFormatProtection {
    this._protection ??= new FakeFormatProtection(this.context, this._range);
    return this._protection;
  }
  get borders(): FakeBorderCollection {
    this._borders ??= new FakeBorderCollection(this.context, this._range);
    return this._borders;
  }
  get columnWidth(): unknown {
    return this._get("columnWidth");
  }
  set columnWidth(v: unknown) {
    this._set("columnWidth", v, () => this._state.setColumnWidth(this._t(), v, "RangeFormat.columnWidth"));
  }
  get rowHeight(): unknown {
    return this._get("rowHeight");
  }
  set rowHeight(v: unknown) {
    this._set("rowHeight", v, () => this._state.setRowHeight(this._t(), v, "RangeFormat.rowHeight"));
  }
  get wrapText(): unknown {
    return this._get("wrapText");
  }
  set wrapText(v: unknown) {
    this._fmt("wrapText", v, (cell) => {
      if (typeof v !== "boolean") throw richError("InvalidArgument", "wrapText is a boolean");
      cell.wrapText = v;
    });
  }
  get horizontalAlignment(): unknown {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: unknown) {
    this._fmt("horizontalAlignment", v, (cell) => {
      if (typeof v !== "string" || !H_ALIGN.includes(v)) {
        throw richError("InvalidArgument", `${String(v)} is not a horizontal alignment`);
      }
      cell.horizontalAlignment = v;
    });
  }
  get verticalAlignment(): unknown {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: unknown) {
    this._fmt("verticalAlignment", v, (cell) => {
      if (typeof v !== "string" || !V_ALIGN.includes(v)) {
        throw richError("InvalidArgument", `${String(v)} is not a vertical alignment`);
      }
      cell.verticalAlignment = v;
    });
  }
  autofitColumns(): void {
    throw unsupported("autofitColumns (sizes depend on rendering)");
  }
}

export class FakeRangeFill extends RangePart<Target> {
  constructor(ctx: FakeRequestContext, range: FakeRange) {
    super(ctx, "RangeFill", range);
  }
  protected _resolve(): Target | null {
    return this._range._target();
  }
  protected _readers(): Readers {
    return {
      // An unfilled cell reads #FFFFFF, exactly like a white fill (facts §3).
      color: () => this._uniform((c) => c.fill ?? "#FFFFFF"),
      tintAndShade: () => {
        this._state.requireApi("1.9", "RangeFill.tintAndShade");
        return this._uniform((c) => c.tintAndShade);
      },
      pattern: () => {
        this._state.requireApi("1.9", "RangeFill.pattern");
        return this._uniform((c) => (c.fill === null ? "None" : "Solid"));
      },
    };
  }
  get color(): unknown {
    return this._get("color");
  }
  set color(v: unknown) {
    this._set("color", v, () => this._state.setFill(this._t(), v, "RangeFill.color"));
  }
  get tintAndShade(): unknown {
    return this._get("tintAndShade");
  }
  set tintAndShade(_: unknown) {
    throw unsupported("RangeFill.tintAndShade writes");
  }
  get pattern(): unknown {
    return this._get("pattern");
  }
  /** Back to No Fill (maintainer, GH office-js#2349). */
  clear(): void {
    this._cmd("clear", () => this._state.clearFill(this._t(), "RangeFill.clear"));
  }
}

export class FakeRangeFont extends RangePart<Target> {
  constructor(ctx: FakeRequestContext, range: FakeRange) {
    super(ctx, "RangeFont", range);
  }
  protected _resolve(): Target | null {
    return this._range._target();
  }
  protected _readers(): Readers {
    return {
      bold: () => this._uniform((c) => c.bold),
      italic: () => this._uniform((c) => c.italic),
      color: () => this._uniform((c) => c.fontColor),
      name: () => this._uniform((c) => c.fontName),
      size: () => this._uniform((c) => c.fontSize),
      underline: () => this._uniform((c) => c.underline),
    };
  }
  get bold(): unknown {
    return this._get("bold");
  }
  set bold(v: unknown) {
    this._fmt("bold", v, (cell) => {
      if (typeof v !== "boolean") throw richError("InvalidArgument", "bold is a boolean");
      cell.bold = v;
    });
  }
  get italic(): unknown {
    return this._get("italic");
  }
  set italic(v: unknown) {
    this._fmt("italic", v, (cell) => {
      if (typeof v !== "boolean") throw richError("InvalidArgument", "italic is a boolean");
      cell.italic = v;
    });
  }
  get color(): unknown {
    return this._get("color");
  }
  set color(v: unknown) {
    this._fmt("color", v, (cell) => {
      const c = normalizeColor(v);
      if (c === null)
        throw richError("InvalidArgument", `${JSON.stringify(v)} is not a valid colour`, "RangeFont.color");
      cell.fontColor = c;
    });
  }
  get name(): unknown {
    return this._get("name");
  }
  set name(v: unknown) {
    this._fmt("name", v, (cell) => {
      if (typeof v !== "string" || v.trim() === "" || v.length > 31)
        throw richError("InvalidArgument", `${JSON.stringify(v)} is not a font name`, "RangeFont.name");
      cell.fontName = v;
    });
  }
  get size(): unknown {
    return this._get("size");
  }
  set size(v: unknown) {
    this._fmt("size", v, (cell) => {
      if (typeof v !== "number" || !(v >= 1 && v <= 409))
        throw richError("InvalidArgument", `${String(v)} is not a font size (1–409)`, "RangeFont.size");
      cell.fontSize = v;
    });
  }
  get underline(): unknown {
    return this._get("underline");
  }
  set underline(v: unknown) {
    this._fmt("underline", v, (cell) => {
      if (typeof v !== "string" || !UNDERLINE.includes(v))
        throw richError("InvalidArgument", `${String(v)} is not an underline style`, "RangeFont.underline");
      cell.underline = v;
    });
  }
}

const UNDERLINE = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];

export class FakeFormatProtection extends RangePart<Target> {
  constructor(ctx: FakeRequestContext, range: FakeRange) {
    super(ctx, "FormatProtection", range);
  }
  protected _resolve(): Target | null {
    return this._range._target();
  }
  protected _readers(): Readers {
    return {
      locked: () => this._uniform((c) => c.locked),
      formulaHidden: () => this._uniform((c) => c.formulaHidden),
    };
  }
  get locked(): unknown {
    return this._get("locked");
  }
  set locked(v: unknown) {
    this._set("locked", v, () => this._state.setLocked(this._t(), v, "FormatProtection.locked"));
  }
  get formulaHidden(): unknown {
    return this._get("formulaHidden");
  }
}

const BORDER_INDEX: BorderEdge[] = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
  "DiagonalDown",
  "DiagonalUp",
];
const BORDER_STYLE = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHT = ["Hairline", "Thin", "Medium", "Thick"];

export class FakeBorderCollection extends RangePart<Target> {
  constructor(ctx: FakeRequestContext, range: FakeRange) {
    super(ctx, "RangeBorderCollection", range);
  }
  protected _resolve(): Target | null {
    return this._range._target();
  }
  protected _readers(): Readers {
    return {};
  }
  getItem(index: string): FakeRangeBorder {
    if (!BORDER_INDEX.includes(index as BorderEdge)) {
      throw richError("InvalidArgument", `${index} is not a border index`, "RangeBorderCollection.getItem");
    }
    return new FakeRangeBorder(this.context, this._range, index as BorderEdge);
  }
}

export class FakeRangeBorder extends RangePart<Target> {
  constructor(
    ctx: FakeRequestContext,
    range: FakeRange,
    private readonly _edge: BorderEdge,
  ) {
    super(ctx, "RangeBorder", range);
  }
  protected _resolve(): Target | null {
    return this._range._target();
  }
  protected _readers(): Readers {
    return {
      sideIndex: () => this._edge,
      style: () => this._state.readBorder(this._t(), this._edge, "style"),
      color: () => this._state.readBorder(this._t(), this._edge, "color"),
      weight: () => this._state.readBorder(this._t(), this._edge, "weight"),
    };
  }
  private _border(prop: keyof BorderState, v: unknown, allowed?: string[]): void {
    this._set(prop, v, () => {
      if (allowed && (typeof v !== "string" || !allowed.includes(v))) {
        throw richError(
          "InvalidArgument",
          `${String(v)} is not a valid border ${prop}`,
          `RangeBorder.${prop}`,
        );
      }
      this._state.setBorder(this._t(), this._edge, prop, v, `RangeBorder.${prop}`);
    });
  }
  get style(): unknown {
    return this._get("style");
  }
  set style(v: unknown) {
    this._border("style", v, BORDER_STYLE);
  }
  get color(): unknown {
    return this._get("color");
  }
  set color(v: unknown) {
    this._border("color", v);
  }
  get weight(): unknown {
    return this._get("weight");
  }
  set weight(v: unknown) {
    this._border("weight", v, BORDER_WEIGHT);
  }
}

export class FakeDataValidation extends RangePart<Target> {
  constructor(ctx: FakeRequestContext, range: FakeRange) {
    super(ctx, "DataValidation", range);
  }
  protected _resolve(): Target | null {
    return this._range._target();
  }
  protected _readers(): Readers {
    return {
      rule: () => this._uniform((c) => c.dv?.rule ?? null),
      type: () => this._state.validationType(this._t()),
      prompt: () => this._uniform((c) => c.dv?.prompt ?? { message: "", showPrompt: false, title: "" }),
      errorAlert: () =>
        this._uniform((c) => c.dv?.errorAlert ?? { message: "", showAlert: true, style: "Stop", title: "" }),
      ignoreBlanks: () => this._uniform((c) => c.dv?.ignoreBlanks ?? true),
      valid: () => this._state.validationValid(this._t()),
    };
  }
  get rule(): unknown {
    return this._get("rule");
  }
  set rule(v: unknown) {
    this._set("rule", v, () => this._state.setValidationRule(this._t(), v, "DataValidation.rule"));
  }
  get prompt(): unknown {
    return this._get("prompt");
  }
  set prompt(v: unknown) {
    this._set("prompt", v, () => this._state.setValidationPrompt(this._t(), v, "DataValidation.prompt"));
  }
  get errorAlert(): unknown {
    return this._get("errorAlert");
  }
  set errorAlert(v: unknown) {
    this._set("errorAlert", v, () =>
      this._state.setValidationErrorAlert(this._t(), v, "DataValidation.errorAlert"),
    );
  }
  get ignoreBlanks(): unknown {
    return this._get("ignoreBlanks");
  }
  get type(): unknown {
    return this._get("type");
  }
  get valid(): unknown {
    return this._get("valid");
  }
  clear(): void {
    this._cmd("clear", () => this._state.clearValidation(this._t(), "DataValidation.clear"));
  }
}

// ---- Worksheet --------------------------------------------------------------------------------

interface EventHandlerResult {
  context: FakeRequestContext;
  remove(): void;
}

class FakeEvent {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly handlers: () => Set<ChangedHandler> | null,
    private readonly where: string,
    private readonly api: string,
  ) {}
  /** Registered at the next sync; remove() must run in this same context (facts §9). */
  add(handler: ChangedHandler): EventHandlerResult {
    this.ctx.queue(`${this.where}.add`, () => {
      this.ctx.state.requireApi(this.api, this.where);
      this.handlers()?.add(handler);
    });
    return {
      context: this.ctx,
      remove: () => {
        this.ctx.queue(`${this.where}.remove`, () => {
          this.handlers()?.delete(handler);
        });
      },
    };
  }
}

export class FakeWorksheet extends FakeClientObject<SheetState> {
  private _protection?: FakeWorksheetProtection;
  private _freeze?: FakeFreezePanes;
  private _pageLayout?: FakePageLayout;
  private _tables?: FakeTableCollection;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;
  private _onChanged?: FakeEvent;
  private _autoFilter?: FakeAutoFilter;

  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => SheetState | null,
    orNull = false,
  ) {
    super(ctx, "Worksheet");
    if (orNull) this._resolveAtSync();
  }

  protected _resolve(): SheetState | null {
    return this._resolver();
  }
  protected override _checkLive(t: SheetState): void {
    if (t.deleted) throw richError("ItemNotFound", `The worksheet ${t.name} was deleted`);
  }
  protected _readers(): Readers {
    const t = () => this._target() as SheetState;
    return {
      id: () => t().id,
      name: () => t().name,
      position: () => this._state.liveSheets().indexOf(t()),
      visibility: () => t().visibility,
    };
  }
  protected override _navs(): Record<string, FakeClientObject<unknown>> {
    return {
      protection: this.protection as FakeClientObject<unknown>,
      freezePanes: this.freezePanes as FakeClientObject<unknown>,
      pageLayout: this.pageLayout as FakeClientObject<unknown>,
      tables: this.tables as FakeClientObject<unknown>,
      notes: this.notes as FakeClientObject<unknown>,
      comments: this.comments as FakeClientObject<unknown>,
    };
  }

  private _sheetOrNull = (): SheetState | null => this._target();

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t) => this._state.renameSheet(t, v, "Worksheet.name"));
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): string {
    return this._get("visibility");
  }
  get protection(): FakeWorksheetProtection {
    this._protection ??= new FakeWorksheetProtection(this.context, this._sheetOrNull);
    return this._protection;
  }
  get freezePanes(): FakeFreezePanes {
    this._freeze ??= new FakeFreezePanes(this.context, this._sheetOrNull);
    return this._freeze;
  }
  get pageLayout(): FakePageLayout {
    this._pageLayout ??= new FakePageLayout(this.context, this._sheetOrNull);
    return this._pageLayout;
  }
  get autoFilter(): FakeAutoFilter {
    this._autoFilter ??= new FakeAutoFilter(this.context, this._sheetOrNull);
    return this._autoFilter;
  }
  get tables(): FakeTableCollection {
    this._tables ??= new FakeTableCollection(this.context, this._sheetOrNull);
    return this._tables;
  }
  get notes(): FakeNoteCollection {
    this._notes ??= new FakeNoteCollection(this.context, this._sheetOrNull);
    return this._notes;
  }
  get comments(): FakeCommentCollection {
    this._comments ??= new FakeCommentCollection(this.context, this._sheetOrNull);
    return this._comments;
  }
  get onChanged(): FakeEvent {
    this._onChanged ??= new FakeEvent(
      this.context,
      () => this._sheetOrNull()?.handlers ?? null,
      "Worksheet.onChanged",
      "1.7",
    );
    return this._onChanged;
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this._target();
      if (sheet === null) return null;
      if (address === undefined || address === "") {
        return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 }, unbounded: "rows" };
      }
      return this._state.resolveOn(sheet, address, "Worksheet.getRange");
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this._target();
      if (sheet === null) return null;
      const rect = {
        r0: startRow,
        c0: startColumn,
        r1: startRow + rowCount - 1,
        c1: startColumn + columnCount - 1,
      };
      if (
        rowCount < 1 ||
        columnCount < 1 ||
        rect.r0 < 0 ||
        rect.c0 < 0 ||
        rect.r1 >= MAX_ROWS ||
        rect.c1 >= MAX_COLS
      ) {
        throw richError(
          "InvalidArgument",
          "The indexes are outside the worksheet",
          "Worksheet.getRangeByIndexes",
        );
      }
      return { sheet, rect, unbounded: "none" };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  private _used(valuesOnly: boolean, orNull: boolean): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this._target();
        if (sheet === null) return null;
        if (!orNull) this._state.requireApi(valuesOnly ? "1.2" : "1.1", "Worksheet.getUsedRange");
        else this._state.requireApi("1.4", "Worksheet.getUsedRangeOrNullObject");
        const rect = sheet.usedRect(valuesOnly);
        // A blank sheet: getUsedRange gives A1, the OrNullObject variant a null object (facts §1).
        if (!rect) return orNull ? null : { sheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 }, unbounded: "none" };
        return { sheet, rect, unbounded: "none" };
      },
      orNull,
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this._used(valuesOnly === true, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this._used(valuesOnly === true, true);
  }

  activate(): void {
    this._cmd("activate", (t) => this._state.activate(t, "Worksheet.activate"));
  }

  delete(): void {
    this._cmd("delete", (t) => this._state.deleteSheet(t, "Worksheet.delete"));
  }
}

export class FakeWorksheetProtection extends FakeClientObject<SheetState> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _sheet: () => SheetState | null,
  ) {
    super(ctx, "WorksheetProtection");
  }
  protected _resolve(): SheetState | null {
    return this._sheet();
  }
  protected _readers(): Readers {
    const t = () => this._target() as SheetState;
    return {
      protected: () => t().protection.protected,
      options: () => ({ ...t().protection.options }),
    };
  }
  get protected(): boolean {
    return this._get("protected");
  }
  get options(): unknown {
    return this._get("options");
  }
  protect(options?: Record<string, unknown>, password?: string): void {
    this._cmd("protect", (t) => {
      if (t.protection.protected) {
        // "Fails" per DTS; 2026 builds throw AccessDenied (GH office-js#6784).
        throw richError("AccessDenied", "The sheet is already protected", "WorksheetProtection.protect");
      }
      const merged = { ...t.protection.options };
      for (const [k, v] of Object.entries(options ?? {})) {
        if (!(k in merged)) throw richError("InvalidArgument", `${k} is not a protection option`);
        if (v !== undefined) merged[k] = v as boolean | string;
      }
      t.protection = { protected: true, options: merged, password };
    });
  }
  unprotect(password?: string): void {
    this._cmd("unprotect", (t) => {
      if (!t.protection.protected) return;
      if (t.protection.password !== undefined && t.protection.password !== password) {
        throw richError("AccessDenied", "The password is wrong (code ✘)", "WorksheetProtection.unprotect");
      }
      t.protection = { ...t.protection, protected: false, password: undefined };
    });
  }
}

export class FakeFreezePanes extends FakeClientObject<SheetState> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _sheet: () => SheetState | null,
  ) {
    super(ctx, "WorksheetFreezePanes");
  }
  protected _resolve(): SheetState | null {
    return this._sheet();
  }
  protected _readers(): Readers {
    return {};
  }
  private _freeze(label: string, rows: number | null, columns: number | null): void {
    this._cmd(label, (t) => {
      this._state.requireApi("1.7", `WorksheetFreezePanes.${label}`);
      for (const n of [rows, columns]) {
        if (n !== null && (!Number.isInteger(n) || n < 0)) {
          throw richError(
            "InvalidArgument",
            "A freeze count is a whole number ≥ 0",
            `WorksheetFreezePanes.${label}`,
          );
        }
      }
      t.freeze = { rows: rows ?? 0, columns: columns ?? 0 };
    });
  }
  freezeRows(count?: number): void {
    this._freeze("freezeRows", count ?? 1, null);
  }
  freezeColumns(count?: number): void {
    this._freeze("freezeColumns", null, count ?? 1);
  }
  unfreeze(): void {
    this._freeze("unfreeze", 0, 0);
  }
  /** Freezes the rows above and the columns left of the range's bottom-right corner, from A1 (1.7). */
  freezeAt(frozenRange: FakeRange | string): void {
    this._cmd("freezeAt", (t) => {
      this._state.requireApi("1.7", "WorksheetFreezePanes.freezeAt");
      const target =
        typeof frozenRange === "string"
          ? this._state.resolveOn(t, frozenRange, "WorksheetFreezePanes.freezeAt")
          : frozenRange._target();
      if (target?.unbounded !== "none")
        throw richError("InvalidArgument", "freezeAt needs a bounded range", "WorksheetFreezePanes.freezeAt");
      t.freeze = { rows: target.rect.r1 + 1, columns: target.rect.c1 + 1 };
    });
  }
  getLocationOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        if (t === null || (t.freeze.rows === 0 && t.freeze.columns === 0)) return null;
        if (t.freeze.columns === 0) {
          return {
            sheet: t,
            rect: { r0: 0, c0: 0, r1: t.freeze.rows - 1, c1: MAX_COLS - 1 },
            unbounded: "rows",
          };
        }
        if (t.freeze.rows === 0) {
          return {
            sheet: t,
            rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: t.freeze.columns - 1 },
            unbounded: "columns",
          };
        }
        return {
          sheet: t,
          rect: { r0: 0, c0: 0, r1: t.freeze.rows - 1, c1: t.freeze.columns - 1 },
          unbounded: "none",
        };
      },
      true,
    );
  }
}

const PAPER = [
  "Letter",
  "LetterSmall",
  "Tabloid",
  "Ledger",
  "Legal",
  "Statement",
  "Executive",
  "A3",
  "A4",
  "A4Small",
  "A5",
  "B4",
  "B5",
];

export class FakePageLayout extends FakeClientObject<SheetState> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _sheet: () => SheetState | null,
  ) {
    super(ctx, "PageLayout");
  }
  protected _resolve(): SheetState | null {
    const t = this._sheet();
    this._state.requireApi("1.9", "PageLayout");
    return t;
  }
  protected _readers(): Readers {
    const t = () => this._target() as SheetState;
    return {
      orientation: () => t().pageLayout.orientation,
      paperSize: () => t().pageLayout.paperSize,
      zoom: () => ({ ...t().pageLayout.zoom }),
      leftMargin: () => t().pageLayout.margins.left,
      rightMargin: () => t().pageLayout.margins.right,
      topMargin: () => t().pageLayout.margins.top,
      bottomMargin: () => t().pageLayout.margins.bottom,
    };
  }
  get orientation(): unknown {
    return this._get("orientation");
  }
  set orientation(v: unknown) {
    this._set("orientation", v, (t) => {
      if (v !== "Portrait" && v !== "Landscape")
        throw richError("InvalidArgument", `${String(v)} is not an orientation`);
      t.pageLayout.orientation = v;
    });
  }
  get paperSize(): unknown {
    return this._get("paperSize");
  }
  set paperSize(v: unknown) {
    this._set("paperSize", v, (t) => {
      if (typeof v !== "string" || !PAPER.includes(v))
        throw richError("InvalidArgument", `${String(v)} is not a paper size`);
      t.pageLayout.paperSize = v;
    });
  }
  /** Must be assigned as a whole object (facts §12); a loaded copy can be changed without effect. */
  get zoom(): unknown {
    return this._get("zoom");
  }
  set zoom(v: unknown) {
    const copy = typeof v === "object" && v !== null ? { ...(v as Record<string, unknown>) } : v;
    this._set("zoom", copy, (t) => {
      if (typeof copy !== "object" || copy === null) throw richError("InvalidArgument", "zoom is an object");
      const z = copy as Record<string, unknown>;
      const out: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } = {};
      for (const k of ["scale", "horizontalFitToPages", "verticalFitToPages"] as const) {
        const n = z[k];
        if (n === undefined) continue;
        if (typeof n !== "number" || !Number.isInteger(n) || n < 0)
          throw richError("InvalidArgument", `zoom.${k} is not valid`);
        if (k === "scale" && (n < 10 || n > 400)) throw richError("InvalidArgument", "zoom.scale is 10–400");
        out[k] = n;
      }
      if (Object.keys(out).length === 0)
        throw richError("InvalidArgument", "zoom needs scale or fit-to-pages");
      t.pageLayout.zoom = out;
    });
  }
  private _margin(side: "left" | "right" | "top" | "bottom", v: unknown): void {
    this._set(`${side}Margin`, v, (t) => {
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || v > 1000)
        throw richError(
          "InvalidArgument",
          `${String(v)} is not a margin in points`,
          `PageLayout.${side}Margin`,
        );
      t.pageLayout.margins[side] = v;
    });
  }
  set leftMargin(v: unknown) {
    this._margin("left", v);
  }
  set rightMargin(v: unknown) {
    this._margin("right", v);
  }
  set topMargin(v: unknown) {
    this._margin("top", v);
  }
  set bottomMargin(v: unknown) {
    this._margin("bottom", v);
  }
  get leftMargin(): unknown {
    return this._get("leftMargin");
  }
  get rightMargin(): unknown {
    return this._get("rightMargin");
  }
  get topMargin(): unknown {
    return this._get("topMargin");
  }
  get bottomMargin(): unknown {
    return this._get("bottomMargin");
  }
  private _hf?: FakeHeaderFooterGroup;
  get headersFooters(): FakeHeaderFooterGroup {
    this._hf ??= new FakeHeaderFooterGroup(this.context, () => this._target());
    return this._hf;
  }
  setPrintTitleRows(rows: FakeRange | string): void {
    this._cmd("setPrintTitleRows", (t) => {
      let address: string;
      if (typeof rows === "string") {
        const p = parseAddress(rows);
        if (p?.unbounded !== "rows") {
          throw richError(
            "InvalidArgument",
            "Print title rows must be whole rows, e.g. $1:$1",
            "PageLayout.setPrintTitleRows",
          );
        }
        address = formatRect(p.rect, "rows");
      } else {
        const target = rows._target();
        if (target?.unbounded !== "rows") {
          throw richError(
            "InvalidArgument",
            "Print title rows must be whole rows",
            "PageLayout.setPrintTitleRows",
          );
        }
        address = formatRect(target.rect, "rows");
      }
      t.pageLayout.printTitleRows = address;
    });
  }
  /** Whole columns only, like the rows ("$A:$C"). */
  setPrintTitleColumns(columns: FakeRange | string): void {
    this._cmd("setPrintTitleColumns", (t) => {
      const target =
        typeof columns === "string"
          ? parseAddress(columns)
          : (() => {
              const x = columns._target();
              return x ? { rect: x.rect, unbounded: x.unbounded } : null;
            })();
      if (target?.unbounded !== "columns") {
        throw richError(
          "InvalidArgument",
          "Print title columns must be whole columns, e.g. $A:$A",
          "PageLayout.setPrintTitleColumns",
        );
      }
      t.pageLayout.printTitleColumns = formatRect(target.rect, "columns");
    });
  }
  getPrintTitleRowsOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        if (t === null || t.pageLayout.printTitleRows === null) return null;
        return this._state.resolveOn(
          t,
          t.pageLayout.printTitleRows,
          "PageLayout.getPrintTitleRowsOrNullObject",
        );
      },
      true,
    );
  }
  setPrintArea(area: FakeRange | string): void {
    this._cmd("setPrintArea", (t) => {
      if (typeof area === "string") {
        if (area.includes(",") || area.includes(";")) throw unsupported("multi-area print areas");
        const target = this._state.resolveOn(t, area, "PageLayout.setPrintArea");
        t.pageLayout.printArea = formatRect(target.rect, target.unbounded);
      } else {
        const target = area._target();
        if (!target) throw richError("InvalidArgument", "No print area", "PageLayout.setPrintArea");
        t.pageLayout.printArea = formatRect(target.rect, target.unbounded);
      }
    });
  }
  getPrintAreaOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this._target();
        if (t === null || t.pageLayout.printArea === null) return null;
        return this._state.resolveOn(t, t.pageLayout.printArea, "PageLayout.getPrintAreaOrNullObject");
      },
      true,
    );
  }
}

// ---- Tables -----------------------------------------------------------------------------------

interface TableTarget {
  sheet: SheetState;
  table: TableState;
}

export class FakeTable extends FakeClientObject<TableTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => TableTarget | null,
    orNull = false,
  ) {
    super(ctx, "Table");
    if (orNull) this._resolveAtSync();
  }
  protected _resolve(): TableTarget | null {
    return this._resolver();
  }
  protected override _checkLive(t: TableTarget): void {
    if (t.sheet.deleted || !t.sheet.tables.includes(t.table))
      throw richError("ItemNotFound", "The table was deleted");
  }
  protected _readers(): Readers {
    const t = () => (this._target() as TableTarget).table;
    return {
      id: () => t().id,
      name: () => t().name,
      style: () => t().style,
      showHeaders: () => t().showHeaders,
    };
  }
  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t) => {
      t.table.name = this._state.validateTableName(v, "Table.name", t.table);
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t) => {
      t.table.style = this._state.validateTableStyle(v, "Table.style");
    });
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  private _part(fn: (rect: Rect) => Rect): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      if (t === null) return null;
      return { sheet: t.sheet, rect: fn(t.table.rect), unbounded: "none" };
    });
  }
  getRange(): FakeRange {
    return this._part((r) => ({ ...r }));
  }
  getHeaderRowRange(): FakeRange {
    return this._part((r) => ({ ...r, r1: r.r0 }));
  }
  getDataBodyRange(): FakeRange {
    return this._part((r) => ({ ...r, r0: r.r0 + 1 }));
  }
  delete(): void {
    this._cmd("delete", (t) => {
      this._state.assertStructureEditable(t.sheet, "Table.delete");
      t.sheet.tables.splice(t.sheet.tables.indexOf(t.table), 1);
    });
  }
}

abstract class FakeCollection<P, T> extends FakeClientObject<T> {
  private _items: P[] | undefined;

  protected abstract _members(t: T): P[];

  protected _readers(): Readers {
    return {};
  }

  get items(): P[] {
    if (this._items === undefined) throw notLoaded(this._type, "items");
    return this._items;
  }

  override _load(paths: string[]): void {
    // Collection loads apply to the items: "items/name", "name", "items" or nothing (all scalars).
    const itemPaths = paths
      .map((p) => (p === "items" ? "" : p.startsWith("items/") ? p.slice("items/".length) : p))
      .filter((p) => p !== "");
    this.context.queue(`${this._type}.load`, () => {
      const t = this._target();
      if (t === null) return;
      const members = this._members(t);
      for (const m of members) {
        // The item loads run right here, inside this command.
        (m as unknown as FakeClientObject<unknown>)._loadNow(itemPaths);
      }
      this.context.afterSync(() => {
        this._items = members;
      });
    });
  }

  getCount(): ClientResult<number> {
    return countResult(this.context, `${this._type}.getCount`, () => {
      const t = this._target();
      return t === null ? 0 : this._members(t).length;
    });
  }
}

export class FakeTableCollection extends FakeCollection<FakeTable, SheetState> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _sheet: () => SheetState | null,
  ) {
    super(ctx, "TableCollection");
  }
  protected _resolve(): SheetState | null {
    return this._sheet();
  }
  protected _members(t: SheetState): FakeTable[] {
    return t.tables.map((table) => {
      const p = new FakeTable(this.context, () => ({ sheet: t, table }));
      p._presolve({ sheet: t, table });
      return p;
    });
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    const proxy = new FakeTable(this.context, () => null);
    this.context.queue("TableCollection.add", () => {
      const sheet = this._target();
      if (sheet === null) return;
      let target: Target | null;
      if (typeof address === "string") target = this._state.resolveOn(sheet, address, "TableCollection.add");
      else target = address._target();
      if (!target) throw richError("InvalidArgument", "No range for the table", "TableCollection.add");
      if (target.sheet !== sheet)
        throw richError("InvalidArgument", "The range is on another sheet", "TableCollection.add");
      const table = this._state.addTable(target, hasHeaders, "TableCollection.add");
      proxy._presolve({ sheet, table });
    });
    return proxy;
  }
  private _find(name: string, orNull: boolean): FakeTable {
    return new FakeTable(
      this.context,
      () => {
        const sheet = this._target();
        if (sheet === null) return null;
        const table = sheet.tables.find((tb) => tb.name.toLowerCase() === name.toLowerCase());
        if (table) return { sheet, table };
        if (orNull) return null;
        throw richError("ItemNotFound", `No table named ${name}`, "TableCollection.getItem");
      },
      orNull,
    );
  }
  getItem(name: string): FakeTable {
    return this._find(name, false);
  }
  getItemOrNullObject(name: string): FakeTable {
    return this._find(name, true);
  }
}

// ---- Notes (ExcelApi 1.18) and threaded comments (1.10) ------------------------------------------

interface CellRef {
  sheet: SheetState;
  key: number;
}

const cellKey = (r: number, c: number) => r * MAX_COLS + c;

export class FakeNote extends FakeClientObject<CellRef> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => CellRef | null,
    orNull = false,
  ) {
    super(ctx, "Note");
    if (orNull) this._resolveAtSync();
  }
  protected _resolve(): CellRef | null {
    return this._resolver();
  }
  protected override _checkLive(t: CellRef): void {
    if (t.sheet.deleted || !t.sheet.notes.has(t.key))
      throw richError("ItemNotFound", "The note no longer exists");
  }
  private _note(): NoteState {
    const t = this._target() as CellRef;
    return t.sheet.notes.get(t.key) as NoteState;
  }
  protected _readers(): Readers {
    return {
      content: () => this._note().content,
      authorName: () => this._note().authorName,
      visible: () => this._note().visible,
      width: () => this._note().width,
      height: () => this._note().height,
    };
  }
  get content(): string {
    return this._get("content");
  }
  set content(v: string) {
    this._set("content", v, (t) => {
      if (typeof v !== "string")
        throw richError("InvalidArgument", "A note's content is a string", "Note.content");
      this._state.assertStructureEditable(t.sheet, "Note.content", "allowEditObjects");
      (t.sheet.notes.get(t.key) as NoteState).content = v;
    });
  }
  get authorName(): string {
    return this._get("authorName");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  delete(): void {
    this._cmd("delete", (t) => {
      this._state.assertStructureEditable(t.sheet, "Note.delete", "allowEditObjects");
      t.sheet.notes.delete(t.key);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this._target();
      if (t === null) return null;
      const r = Math.floor(t.key / MAX_COLS);
      const c = t.key % MAX_COLS;
      return { sheet: t.sheet, rect: { r0: r, c0: c, r1: r, c1: c }, unbounded: "none" };
    });
  }
}

type Scope = { kind: "workbook" } | { kind: "sheet"; sheet: () => SheetState | null };

function scopeSheets(state: WorkbookState, scope: Scope): SheetState[] | null {
  if (scope.kind === "workbook") return state.liveSheets();
  const s = scope.sheet();
  return s === null ? null : [s];
}

function cellTarget(
  state: WorkbookState,
  scope: Scope,
  cell: FakeRange | string,
  where: string,
  requireSheetInString: boolean,
): Target | null {
  if (typeof cell !== "string") return cell._target();
  if (scope.kind === "workbook" || requireSheetInString) {
    const t = state.resolveQualified(cell, where);
    if (scope.kind === "sheet" && t.sheet !== scope.sheet()) {
      throw richError("InvalidArgument", "The cell is on another sheet", where);
    }
    return t;
  }
  const sheet = scope.sheet();
  if (sheet === null) return null;
  return state.resolveOn(sheet, cell, where);
}

export class FakeNoteCollection extends FakeCollection<FakeNote, SheetState[]> {
  constructor(ctx: FakeRequestContext, sheet: (() => SheetState | null) | null) {
    super(ctx, "NoteCollection");
    this._scope = sheet ? { kind: "sheet", sheet } : { kind: "workbook" };
  }
  private readonly _scope: Scope;
  protected _resolve(): SheetState[] | null {
    this._state.requireApi("1.18", "NoteCollection");
    return scopeSheets(this._state, this._scope);
  }
  protected _members(sheets: SheetState[]): FakeNote[] {
    return sheets.flatMap((sheet) =>
      [...sheet.notes.keys()]
        .sort((a, b) => a - b)
        .map((k) => {
          const p = new FakeNote(this.context, () => ({ sheet, key: k }));
          p._presolve({ sheet, key: k });
          return p;
        }),
    );
  }
  add(cellAddress: FakeRange | string, content: unknown): FakeNote {
    const proxy = new FakeNote(this.context, () => null);
    this.context.queue("NoteCollection.add", () => {
      if (this._target() === null) return;
      const t = cellTarget(this._state, this._scope, cellAddress, "NoteCollection.add", false);
      if (t === null) return;
      this._state.addNote(t, content, "NoteCollection.add");
      proxy._presolve({ sheet: t.sheet, key: cellKey(t.rect.r0, t.rect.c0) });
    });
    return proxy;
  }
  private _byCell(address: string, orNull: boolean): FakeNote {
    return new FakeNote(
      this.context,
      () => {
        if (this._target() === null) return null;
        const t = cellTarget(this._state, this._scope, address, "NoteCollection.getItem", false);
        if (t === null) return null;
        const k = this._state.singleCell(t, "NoteCollection.getItem");
        if (t.sheet.notes.has(k)) return { sheet: t.sheet, key: k };
        if (orNull) return null;
        throw richError("ItemNotFound", `No note at ${address}`, "NoteCollection.getItem");
      },
      orNull,
    );
  }
  getItem(key: string): FakeNote {
    return this._byCell(key, false);
  }
  getItemOrNullObject(key: string): FakeNote {
    return this._byCell(key, true);
  }
  getItemAt(index: number): FakeNote {
    return new FakeNote(this.context, () => {
      const sheets = this._target();
      if (sheets === null) return null;
      const all = sheets.flatMap((sheet) =>
        [...sheet.notes.keys()].sort((a, b) => a - b).map((k) => ({ sheet, key: k })),
      );
      const item = all[index];
      if (!item) throw richError("ItemNotFound", `No note at index ${index}`, "NoteCollection.getItemAt");
      return item;
    });
  }
}

interface CommentTarget {
  id: string;
}

export class FakeComment extends FakeClientObject<CommentTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => CommentTarget | null,
    orNull = false,
  ) {
    super(ctx, "Comment");
    if (orNull) this._resolveAtSync();
  }
  protected _resolve(): CommentTarget | null {
    return this._resolver();
  }
  private _found() {
    const t = this._target() as CommentTarget;
    const found = this._state.findComment(t.id);
    if (!found) throw richError("ItemNotFound", "The comment no longer exists");
    return found;
  }
  protected override _checkLive(t: CommentTarget): void {
    if (!this._state.findComment(t.id)) throw richError("ItemNotFound", "The comment no longer exists");
  }
  protected _readers(): Readers {
    return {
      id: () => this._found().comment.id,
      content: () => this._found().comment.content,
      authorName: () => this._found().comment.authorName,
    };
  }
  get id(): string {
    return this._get("id");
  }
  get content(): string {
    return this._get("content");
  }
  set content(v: string) {
    this._set("content", v, () => {
      const f = this._found();
      this._state.assertStructureEditable(f.sheet, "Comment.content", "allowEditObjects");
      f.comment.content = v;
    });
  }
  get authorName(): string {
    return this._get("authorName");
  }
  delete(): void {
    this._cmd("delete", () => {
      const f = this._found();
      this._state.assertStructureEditable(f.sheet, "Comment.delete", "allowEditObjects");
      f.sheet.comments.delete(f.key);
    });
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, () => {
      if (this._target() === null) return null;
      const f = this._found();
      const r = Math.floor(f.key / MAX_COLS);
      const c = f.key % MAX_COLS;
      return { sheet: f.sheet, rect: { r0: r, c0: c, r1: r, c1: c }, unbounded: "none" };
    });
  }
}

export class FakeCommentCollection extends FakeCollection<FakeComment, SheetState[]> {
  private readonly _scope: Scope;
  constructor(ctx: FakeRequestContext, sheet: (() => SheetState | null) | null) {
    super(ctx, "CommentCollection");
    this._scope = sheet ? { kind: "sheet", sheet } : { kind: "workbook" };
  }
  protected _resolve(): SheetState[] | null {
    this._state.requireApi("1.10", "CommentCollection");
    return scopeSheets(this._state, this._scope);
  }
  protected _members(sheets: SheetState[]): FakeComment[] {
    return sheets.flatMap((sheet) =>
      [...sheet.comments.entries()]
        .sort(([a], [b]) => a - b)
        .map(([, comment]) => {
          const p = new FakeComment(this.context, () => ({ id: comment.id }));
          p._presolve({ id: comment.id });
          return p;
        }),
    );
  }
  add(cellAddress: FakeRange | string, content: unknown, _contentType?: string): FakeComment {
    const proxy = new FakeComment(this.context, () => null);
    this.context.queue("CommentCollection.add", () => {
      if (this._target() === null) return;
      // A string address must include the sheet name (facts §4).
      const t = cellTarget(this._state, this._scope, cellAddress, "CommentCollection.add", true);
      if (t === null) return;
      const id = this._state.addComment(t, content, "CommentCollection.add");
      proxy._presolve({ id });
    });
    return proxy;
  }
  getItem(commentId: string): FakeComment {
    return new FakeComment(this.context, () => {
      if (this._target() === null) return null;
      if (!this._state.findComment(commentId))
        throw richError("ItemNotFound", "No such comment", "CommentCollection.getItem");
      return { id: commentId };
    });
  }
  getItemOrNullObject(commentId: string): FakeComment {
    return new FakeComment(
      this.context,
      () => {
        this._state.requireApi("1.14", "CommentCollection.getItemOrNullObject");
        if (this._target() === null) return null;
        return this._state.findComment(commentId) ? { id: commentId } : null;
      },
      true,
    );
  }
  getItemByCell(cellAddress: FakeRange | string): FakeComment {
    return new FakeComment(this.context, () => {
      if (this._target() === null) return null;
      const t = cellTarget(this._state, this._scope, cellAddress, "CommentCollection.getItemByCell", true);
      if (t === null) return null;
      const k = this._state.singleCell(t, "CommentCollection.getItemByCell");
      const comment = t.sheet.comments.get(k);
      if (!comment)
        throw richError("ItemNotFound", "The cell has no comment", "CommentCollection.getItemByCell");
      return { id: comment.id };
    });
  }
  getItemAt(index: number): FakeComment {
    return new FakeComment(this.context, () => {
      const sheets = this._target();
      if (sheets === null) return null;
      const all = sheets.flatMap((s) =>
        [...s.comments.entries()].sort(([a], [b]) => a - b).map(([, c]) => c.id),
      );
      const id = all[index];
      if (id === undefined)
        throw richError("ItemNotFound", `No comment at index ${index}`, "CommentCollection.getItemAt");
      return { id };
    });
  }
}

// ---- Worksheets, settings, custom properties, runtime, workbook ----------------------------------

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet, WorkbookState> {
  private _onChanged?: FakeEvent;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "WorksheetCollection");
  }
  get onChanged(): FakeEvent {
    this._onChanged ??= new FakeEvent(
      this.context,
      () => this._state.workbookHandlers,
      "WorksheetCollection.onChanged",
      "1.9",
    );
    return this._onChanged;
  }
  protected _resolve(): WorkbookState {
    return this._state;
  }
  protected _members(state: WorkbookState): FakeWorksheet[] {
    return state.liveSheets().map((sheet) => {
      const p = new FakeWorksheet(this.context, () => sheet);
      p._presolve(sheet);
      return p;
    });
  }
  add(name?: string): FakeWorksheet {
    const proxy = new FakeWorksheet(this.context, () => null);
    this.context.queue("WorksheetCollection.add", () => {
      proxy._presolve(this._state.addSheet(name, "WorksheetCollection.add"));
    });
    return proxy;
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this._state.findSheet(key) ?? this._state.sheetById(key);
      if (!sheet) throw richError("ItemNotFound", `No worksheet named ${key}`, "WorksheetCollection.getItem");
      return sheet;
    });
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => {
        this._state.requireApi("1.4", "WorksheetCollection.getItemOrNullObject");
        return this._state.findSheet(key) ?? this._state.sheetById(key) ?? null;
      },
      true,
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this._state.activeSheet());
  }
}

interface KeyTarget {
  key: string;
}

export class FakeSetting extends FakeClientObject<KeyTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => KeyTarget | null,
    orNull = false,
  ) {
    super(ctx, "Setting");
    if (orNull) this._resolveAtSync();
  }
  protected _resolve(): KeyTarget | null {
    return this._resolver();
  }
  protected override _checkLive(t: KeyTarget): void {
    if (!this._state.settings.has(t.key)) throw richError("ItemNotFound", `No setting ${t.key}`);
  }
  protected _readers(): Readers {
    const t = () => this._target() as KeyTarget;
    return {
      key: () => t().key,
      // A fresh copy, as if parsed from the document.
      value: () => JSON.parse(JSON.stringify(this._state.settings.get(t().key))) as unknown,
    };
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, (t) => this._state.setSetting(t.key, v, "Setting.value"));
  }
  delete(): void {
    this._cmd("delete", (t) => {
      this._state.settings.delete(t.key);
    });
  }
}

export class FakeSettingCollection extends FakeCollection<FakeSetting, WorkbookState> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "SettingCollection");
  }
  protected _resolve(): WorkbookState {
    this._state.requireApi("1.4", "SettingCollection");
    return this._state;
  }
  protected _members(state: WorkbookState): FakeSetting[] {
    return [...state.settings.keys()].map((key) => {
      const p = new FakeSetting(this.context, () => ({ key }));
      p._presolve({ key });
      return p;
    });
  }
  add(key: string, value: unknown): FakeSetting {
    const proxy = new FakeSetting(this.context, () => null);
    this.context.queue("SettingCollection.add", () => {
      this._target();
      this._state.setSetting(key, value, "SettingCollection.add");
      proxy._presolve({ key });
    });
    return proxy;
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, () => {
      this._target();
      if (!this._state.settings.has(key))
        throw richError("ItemNotFound", `No setting ${key}`, "SettingCollection.getItem");
      return { key };
    });
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(
      this.context,
      () => {
        this._target();
        return this._state.settings.has(key) ? { key } : null;
      },
      true,
    );
  }
}

export class FakeCustomProperty extends FakeClientObject<KeyTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _resolver: () => KeyTarget | null,
    orNull = false,
  ) {
    super(ctx, "CustomProperty");
    if (orNull) this._resolveAtSync();
  }
  protected _resolve(): KeyTarget | null {
    return this._resolver();
  }
  private _entry() {
    const t = this._target() as KeyTarget;
    const e = this._state.customProperties.get(t.key.toLowerCase());
    if (!e) throw richError("ItemNotFound", `No custom property ${t.key}`);
    return e;
  }
  protected override _checkLive(t: KeyTarget): void {
    if (!this._state.customProperties.has(t.key.toLowerCase()))
      throw richError("ItemNotFound", `No custom property ${t.key}`);
  }
  protected _readers(): Readers {
    return {
      key: () => this._entry().key,
      value: () => this._entry().value,
      type: () => this._entry().type,
    };
  }
  get key(): string {
    return this._get("key");
  }
  get type(): string {
    return this._get("type");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._set("value", v, (t) => this._state.setCustomProperty(t.key, v, "CustomProperty.value"));
  }
  delete(): void {
    this._cmd("delete", (t) => {
      this._state.customProperties.delete(t.key.toLowerCase());
    });
  }
}

export class FakeCustomPropertyCollection extends FakeCollection<FakeCustomProperty, WorkbookState> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "CustomPropertyCollection");
  }
  protected _resolve(): WorkbookState {
    this._state.requireApi("1.7", "CustomPropertyCollection");
    return this._state;
  }
  protected _members(state: WorkbookState): FakeCustomProperty[] {
    return [...state.customProperties.values()].map(({ key }) => {
      const p = new FakeCustomProperty(this.context, () => ({ key }));
      p._presolve({ key });
      return p;
    });
  }
  add(key: string, value: unknown): FakeCustomProperty {
    const proxy = new FakeCustomProperty(this.context, () => null);
    this.context.queue("CustomPropertyCollection.add", () => {
      this._target();
      this._state.setCustomProperty(key, value, "CustomPropertyCollection.add");
      proxy._presolve({ key: this._state.platform === "web" ? key : key.slice(0, 255) });
    });
    return proxy;
  }
  getItem(key: string): FakeCustomProperty {
    return new FakeCustomProperty(this.context, () => {
      this._target();
      if (!this._state.customProperties.has(key.toLowerCase())) {
        throw richError("ItemNotFound", `No custom property ${key}`, "CustomPropertyCollection.getItem");
      }
      return { key };
    });
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    return new FakeCustomProperty(
      this.context,
      () => {
        this._target();
        return this._state.customProperties.has(key.toLowerCase()) ? { key } : null;
      },
      true,
    );
  }
  deleteAll(): void {
    this._cmd("deleteAll", (state) => state.customProperties.clear());
  }
}

export class FakeDocumentProperties extends FakeClientObject<WorkbookState> {
  private _custom?: FakeCustomPropertyCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "DocumentProperties");
  }
  protected _resolve(): WorkbookState {
    return this._state;
  }
  protected _readers(): Readers {
    return {};
  }
  protected override _navs(): Record<string, FakeClientObject<unknown>> {
    return { custom: this.custom as FakeClientObject<unknown> };
  }
  get custom(): FakeCustomPropertyCollection {
    this._custom ??= new FakeCustomPropertyCollection(this.context);
    return this._custom;
  }
}

export class FakeRuntime extends FakeClientObject<WorkbookState> {
  constructor(ctx: FakeRequestContext) {
    super(ctx, "Runtime");
  }
  protected _resolve(): WorkbookState {
    return this._state;
  }
  protected _readers(): Readers {
    return { enableEvents: () => this._state.enableEvents };
  }
  get enableEvents(): boolean {
    return this._get("enableEvents");
  }
  /** Applied in queue order: writes queued while it is false raise no events (facts §9). */
  set enableEvents(v: boolean) {
    this._set("enableEvents", v, (state) => {
      state.requireApi("1.8", "Runtime.enableEvents");
      if (typeof v !== "boolean") throw richError("InvalidArgument", "enableEvents is a boolean");
      state.enableEvents = v;
    });
  }
}

export class FakeWorkbook extends FakeClientObject<WorkbookState> {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly properties: FakeDocumentProperties;
  private _notes?: FakeNoteCollection;
  private _comments?: FakeCommentCollection;

  constructor(ctx: FakeRequestContext) {
    super(ctx, "Workbook");
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.properties = new FakeDocumentProperties(ctx);
  }
  protected _resolve(): WorkbookState {
    return this._state;
  }
  protected _readers(): Readers {
    return {};
  }
  get notes(): FakeNoteCollection {
    this._notes ??= new FakeNoteCollection(this.context, null);
    return this._notes;
  }
  get comments(): FakeCommentCollection {
    this._comments ??= new FakeCommentCollection(this.context, null);
    return this._comments;
  }
  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this._state.selection;
      const sheet = this._state.sheetById(sel.sheetId);
      if (!sheet) throw richError("ItemNotFound", "The selected sheet is gone", "Workbook.getSelectedRange");
      const rect = sel.rects[0];
      if (sel.rects.length !== 1 || !rect) {
        throw richError("InvalidSelection", "Several areas are selected", "Workbook.getSelectedRange");
      }
      return { sheet, rect: { ...rect }, unbounded: "none" };
    });
  }
  getActiveCell(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this._state.selection;
      const sheet = this._state.sheetById(sel.sheetId);
      const rect = sel.rects[0];
      if (!sheet || !rect) throw richError("ItemNotFound", "No active cell", "Workbook.getActiveCell");
      return { sheet, rect: { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 }, unbounded: "none" };
    });
  }
}

export function attachRoot(ctx: FakeRequestContext): void {
  ctx.workbook = new FakeWorkbook(ctx);
  ctx.runtime = new FakeRuntime(ctx);
}

// ---- Conditional formats (ExcelApi 1.6), AutoFilter (1.9), headers and footers (1.9) ------------------

const CF_TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];

export class FakeConditionalFormatCollection extends FakeClientObject<Target> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _range: FakeRange,
  ) {
    super(ctx, "ConditionalFormatCollection");
  }
  protected _resolve(): Target | null {
    return this._range._target();
  }
  protected _readers(): Readers {
    return { count: () => (this._target() as Target).sheet.conditionalFormats.length };
  }
  add(type: string): FakeConditionalFormat {
    const cf = new FakeConditionalFormat(this.context);
    this._cmd("add", (t) => {
      this._state.requireApi("1.6", "ConditionalFormatCollection.add");
      if (!CF_TYPES.includes(type)) {
        throw richError(
          "InvalidArgument",
          `${type} is not a conditional format type`,
          "ConditionalFormatCollection.add",
        );
      }
      if (t.unbounded !== "none") throw unsupported("conditional formats on unbounded ranges");
      this._state.assertFormatEditable(t, "ConditionalFormatCollection.add");
      const entry: ConditionalFormatState = {
        type,
        range: formatRect(t.rect, "none"),
        formula: null,
        fill: null,
        fontColor: null,
        barColor: null,
      };
      t.sheet.conditionalFormats.push(entry);
      cf._presolve(entry);
    });
    return cf;
  }
}

/** A part of a conditional format that exists only for one type (Excel refuses the others at sync). */
abstract class CfPart extends FakeClientObject<ConditionalFormatState> {
  constructor(
    ctx: FakeRequestContext,
    type: string,
    private readonly _cf: () => ConditionalFormatState | null,
    private readonly _needs: string,
  ) {
    super(ctx, type);
  }
  protected _resolve(): ConditionalFormatState | null {
    const t = this._cf();
    if (t !== null && t.type !== this._needs) {
      throw richError(
        "InvalidOperation",
        `${this._type} belongs to a ${this._needs} conditional format, not ${t.type}`,
      );
    }
    return t;
  }
  protected _readers(): Readers {
    return {};
  }
  protected _color(
    name: string,
    v: unknown,
    apply: (t: ConditionalFormatState, color: string) => void,
  ): void {
    this._set(name, v, (t) => {
      const color = normalizeColor(v);
      if (color === null)
        throw richError("InvalidArgument", `${JSON.stringify(v)} is not a colour`, `${this._type}.${name}`);
      apply(t, color);
    });
  }
}

export class FakeConditionalFormat extends FakeClientObject<ConditionalFormatState> {
  private _custom?: FakeCustomConditionalFormat;
  private _dataBar?: FakeDataBarConditionalFormat;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "ConditionalFormat");
  }
  protected _resolve(): ConditionalFormatState | null {
    throw richError("InvalidObjectPath", "This conditional format was not added");
  }
  protected _readers(): Readers {
    return { type: () => (this._target() as ConditionalFormatState).type };
  }
  get type(): unknown {
    return this._get("type");
  }
  get custom(): FakeCustomConditionalFormat {
    this._custom ??= new FakeCustomConditionalFormat(this.context, () => this._target());
    return this._custom;
  }
  get dataBar(): FakeDataBarConditionalFormat {
    this._dataBar ??= new FakeDataBarConditionalFormat(this.context, () => this._target());
    return this._dataBar;
  }
}

export class FakeCustomConditionalFormat extends CfPart {
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;
  constructor(ctx: FakeRequestContext, cf: () => ConditionalFormatState | null) {
    super(ctx, "CustomConditionalFormat", cf, "Custom");
    this.rule = new FakeConditionalFormatRule(ctx, () => this._target());
    this.format = new FakeConditionalRangeFormat(ctx, () => this._target());
  }
}

export class FakeConditionalFormatRule extends CfPart {
  constructor(ctx: FakeRequestContext, cf: () => ConditionalFormatState | null) {
    super(ctx, "ConditionalFormatRule", cf, "Custom");
  }
  get formula(): unknown {
    return this._get("formula");
  }
  /** A formula string starting with "=", relative to the range's top-left cell, as in Excel's UI. */
  set formula(v: unknown) {
    this._set("formula", v, (t) => {
      if (typeof v !== "string" || !v.startsWith("=") || v.length > 8192)
        throw richError(
          "InvalidArgument",
          "A conditional format rule is a formula starting with =",
          "ConditionalFormatRule.formula",
        );
      t.formula = v;
    });
  }
}

export class FakeConditionalRangeFormat extends CfPart {
  readonly fill: { color: unknown };
  readonly font: { color: unknown };
  constructor(ctx: FakeRequestContext, cf: () => ConditionalFormatState | null) {
    super(ctx, "ConditionalRangeFormat", cf, "Custom");
    const part = this;
    this.fill = {
      get color(): unknown {
        throw richError("PropertyNotLoaded", "ConditionalRangeFill.color is write-only in this fake");
      },
      set color(v: unknown) {
        part._color("fill.color", v, (t, c) => {
          t.fill = c;
        });
      },
    };
    this.font = {
      get color(): unknown {
        throw richError("PropertyNotLoaded", "ConditionalRangeFont.color is write-only in this fake");
      },
      set color(v: unknown) {
        part._color("font.color", v, (t, c) => {
          t.fontColor = c;
        });
      },
    };
  }
}

export class FakeDataBarConditionalFormat extends CfPart {
  readonly positiveFormat: { fillColor: unknown; gradientFill: unknown };
  constructor(ctx: FakeRequestContext, cf: () => ConditionalFormatState | null) {
    super(ctx, "DataBarConditionalFormat", cf, "DataBar");
    const part = this;
    this.positiveFormat = {
      get fillColor(): unknown {
        throw richError(
          "PropertyNotLoaded",
          "ConditionalDataBarPositiveFormat.fillColor is write-only in this fake",
        );
      },
      set fillColor(v: unknown) {
        part._color("positiveFormat.fillColor", v, (t, c) => {
          t.barColor = c;
        });
      },
      get gradientFill(): unknown {
        throw richError("PropertyNotLoaded", "gradientFill is write-only in this fake");
      },
      set gradientFill(v: unknown) {
        part._cmdPublic("gradientFill", () => {
          if (typeof v !== "boolean") throw richError("InvalidArgument", "gradientFill is a boolean");
        });
      },
    };
  }
  _cmdPublic(label: string, fn: () => void): void {
    this._cmd(label, fn);
  }
}

export class FakeAutoFilter extends FakeClientObject<SheetState> {
  constructor(
    ctx: FakeRequestContext,
    private readonly _sheet: () => SheetState | null,
  ) {
    super(ctx, "AutoFilter");
  }
  protected _resolve(): SheetState | null {
    const t = this._sheet();
    this._state.requireApi("1.9", "AutoFilter");
    return t;
  }
  protected _readers(): Readers {
    return { enabled: () => (this._target() as SheetState).autoFilter !== null };
  }
  get enabled(): unknown {
    return this._get("enabled");
  }
  /** Puts the filter buttons on the range's first row; one AutoFilter per sheet (a new one replaces it). */
  apply(range: FakeRange | string, columnIndex?: number, criteria?: unknown): void {
    this._cmd("apply", (t) => {
      if (columnIndex !== undefined || criteria !== undefined) throw unsupported("AutoFilter criteria");
      const target =
        typeof range === "string" ? this._state.resolveOn(t, range, "AutoFilter.apply") : range._target();
      if (target?.unbounded !== "none")
        throw richError("InvalidArgument", "AutoFilter needs a bounded range", "AutoFilter.apply");
      if (t.tables.some((tb) => rectsOverlap(tb.rect, target.rect)))
        throw richError("InvalidOperation", "A table has its own filter", "AutoFilter.apply");
      t.autoFilter = formatRect(target.rect, "none");
    });
  }
  remove(): void {
    this._cmd("remove", (t) => {
      t.autoFilter = null;
    });
  }
}

const HF_PARTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;

export class FakeHeaderFooterGroup extends FakeClientObject<SheetState> {
  readonly defaultForAllPages: Record<(typeof HF_PARTS)[number], unknown>;
  constructor(
    ctx: FakeRequestContext,
    private readonly _sheet: () => SheetState | null,
  ) {
    super(ctx, "HeaderFooterGroup");
    const parts = {} as Record<(typeof HF_PARTS)[number], unknown>;
    for (const name of HF_PARTS) {
      Object.defineProperty(parts, name, {
        get: () => {
          throw richError("PropertyNotLoaded", `HeaderFooter.${name} is write-only in this fake`);
        },
        set: (v: unknown) => this._part(name, v),
        enumerable: true,
      });
    }
    this.defaultForAllPages = parts;
  }
  protected _resolve(): SheetState | null {
    return this._sheet();
  }
  protected _readers(): Readers {
    return {};
  }
  _part(name: string, v: unknown): void {
    this._cmd(name, (t) => {
      // Excel's limit on a header or footer section is 255 characters, codes included.
      if (typeof v !== "string" || v.length > 255)
        throw richError("InvalidArgument", `HeaderFooter.${name} is text of at most 255 characters`);
      t.pageLayout.headersFooters[name] = v;
    });
  }
}
