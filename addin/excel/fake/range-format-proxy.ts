// A range's format: alignment, sizes, fill, font, cell protection and borders. Each part reads one value
// when every cell agrees and null when they differ, like Excel.

import { FakeClientObject, type Readers } from "./client-object.ts";
import { normalizeColor } from "./colors.ts";
import type { FakeRequestContext } from "./context.ts";
import { richError, unsupported } from "./errors.ts";
import {
  clearFill,
  columnWidthOf,
  formatCells,
  readBorder,
  rowHeightOf,
  setBorder,
  setColumnWidth,
  setFill,
  setLocked,
  setRowHeight,
} from "./range-format-state.ts";
import type { FakeRange } from "./range-proxy.ts";
import type { BorderEdge, BorderState, CellState, Target } from "./sheet-state.ts";

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

/** A proxy that reads and writes the cells of one range (its format parts, its data validation). */
export abstract class RangePart<T> extends FakeClientObject<T> {
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
    this._set(label, value, () => formatCells(this._state, this._t(), `${this._type}.${label}`, apply));
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
      columnWidth: () => columnWidthOf(this._t()),
      rowHeight: () => rowHeightOf(this._t()),
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
    this._set("columnWidth", v, () => setColumnWidth(this._state, this._t(), v, "RangeFormat.columnWidth"));
  }
  get rowHeight(): unknown {
    return this._get("rowHeight");
  }
  set rowHeight(v: unknown) {
    this._set("rowHeight", v, () => setRowHeight(this._state, this._t(), v, "RangeFormat.rowHeight"));
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
    this._set("color", v, () => setFill(this._state, this._t(), v, "RangeFill.color"));
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
    this._cmd("clear", () => clearFill(this._state, this._t(), "RangeFill.clear"));
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
    this._set("locked", v, () => setLocked(this._state, this._t(), v, "FormatProtection.locked"));
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
      style: () => readBorder(this._t(), this._edge, "style"),
      color: () => readBorder(this._t(), this._edge, "color"),
      weight: () => readBorder(this._t(), this._edge, "weight"),
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
      setBorder(this._state, this._t(), this._edge, prop, v, `RangeBorder.${prop}`);
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
