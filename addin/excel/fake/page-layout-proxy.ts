// A worksheet's page layout (ExcelApi 1.9): orientation, paper, zoom, margins, print area and titles,
// and headers and footers.

import { formatRect, parseAddress } from "./address.ts";
import { FakeClientObject, type Readers } from "./client-object.ts";
import type { FakeRequestContext } from "./context.ts";
import { richError, unsupported } from "./errors.ts";
import { FakeRange } from "./range-proxy.ts";
import type { SheetState } from "./sheet-state.ts";

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
