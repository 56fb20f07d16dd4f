// Range: values, formulas and number formats, derived ranges (cell, offset, resize, used range), select,
// merge and clear. Its format, data validation and conditional formats are proxies of their own.

import { MAX_COLS, MAX_ROWS, type Rect, rectsOverlap } from "./address.ts";
import { FakeClientObject, type Readers } from "./client-object.ts";
import { FakeConditionalFormatCollection } from "./conditional-format-proxy.ts";
import type { FakeRequestContext } from "./context.ts";
import { FakeDataValidation } from "./data-validation-proxy.ts";
import { richError, unsupported } from "./errors.ts";
import { FakeRangeFormat } from "./range-format-proxy.ts";
import { formatCells } from "./range-format-state.ts";
import type { Target } from "./sheet-state.ts";
import { FakeWorksheet } from "./worksheet-proxy.ts";

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
        formatCells(this._state, t, "Range.clear", (cell) => {
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
