// Worksheet and what hangs on it alone: ranges by address or index, used range, activate and delete,
// sheet protection, freeze panes, AutoFilter, and the onChanged event (also used by the worksheets
// collection). Tables, notes, comments and page layout have their own files.

import { formatRect, MAX_COLS, MAX_ROWS, rectsOverlap } from "./address.ts";
import { FakeClientObject, type Readers } from "./client-object.ts";
import type { FakeRequestContext } from "./context.ts";
import { richError, unsupported } from "./errors.ts";
import { FakeCommentCollection, FakeNoteCollection } from "./notes-and-comments-proxy.ts";
import { FakePageLayout } from "./page-layout-proxy.ts";
import { FakeRange } from "./range-proxy.ts";
import type { ChangedHandler, SheetState } from "./sheet-state.ts";
import { FakeTableCollection } from "./table-proxy.ts";

interface EventHandlerResult {
  context: FakeRequestContext;
  remove(): void;
}

export class FakeEvent {
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
