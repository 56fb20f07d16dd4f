// The workbook root of a request context: the worksheets collection, settings, custom document
// properties, runtime (enableEvents), workbook-wide notes and comments, selection and active cell.

import { FakeClientObject, FakeCollection, type Readers } from "./client-object.ts";
import type { FakeRequestContext } from "./context.ts";
import { richError } from "./errors.ts";
import { FakeCommentCollection, FakeNoteCollection } from "./notes-and-comments-proxy.ts";
import { FakeRange } from "./range-proxy.ts";
import type { WorkbookState } from "./state.ts";
import { FakeEvent, FakeWorksheet } from "./worksheet-proxy.ts";

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
