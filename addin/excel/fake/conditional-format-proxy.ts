// Conditional formats (ExcelApi 1.6): the custom (formula) and data bar kinds the add-in writes; the
// fake refuses a part that belongs to another kind, as Excel does at sync.

import { formatRect } from "./address.ts";
import { FakeClientObject, type Readers } from "./client-object.ts";
import { normalizeColor } from "./colors.ts";
import type { FakeRequestContext } from "./context.ts";
import { richError, unsupported } from "./errors.ts";
import type { FakeRange } from "./range-proxy.ts";
import type { ConditionalFormatState, Target } from "./sheet-state.ts";

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
    this.fill = this._colorPart("ConditionalRangeFill", "fill.color", (t, c) => {
      t.fill = c;
    });
    this.font = this._colorPart("ConditionalRangeFont", "font.color", (t, c) => {
      t.fontColor = c;
    });
  }
  /** A `{ color }` part the fake only writes; reading it throws rather than guess what Excel answers. */
  private _colorPart(
    type: string,
    label: string,
    apply: (t: ConditionalFormatState, color: string) => void,
  ): { color: unknown } {
    const part = this;
    return {
      get color(): unknown {
        throw richError("PropertyNotLoaded", `${type}.color is write-only in this fake`);
      },
      set color(v: unknown) {
        part._color(label, v, apply);
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
