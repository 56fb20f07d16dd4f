// Tables on a worksheet: add, find by name, rename, restyle, their ranges, delete.

import type { Rect } from "./address.ts";
import { FakeClientObject, FakeCollection, type Readers } from "./client-object.ts";
import type { FakeRequestContext } from "./context.ts";
import { richError } from "./errors.ts";
import { FakeRange } from "./range-proxy.ts";
import type { SheetState, TableState, Target } from "./sheet-state.ts";
import { addTable, validateTableName, validateTableStyle } from "./table-state.ts";

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
      t.table.name = validateTableName(this._state, v, "Table.name", t.table);
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t) => {
      t.table.style = validateTableStyle(v, "Table.style");
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
      const table = addTable(this._state, target, hasHeaders, "TableCollection.add");
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
