/// <reference types="office-js" />
// An in-memory Excel for tests: `fake.run` has the shape of `Excel.run`, hands the batch a context typed
// as `Excel.RequestContext`, and counts every `context.sync()`. The behaviour follows
// docs/excel-behaviour.md; where a fact is unconfirmed the fake is strict. See README.md.

import { cellName, parseAddress, type Rect } from "./address.ts";
import { type FakeHost, FakeRequestContext } from "./context.ts";
import { addNote, singleCell } from "./notes-and-comments-state.ts";
import { clearFill, setFill } from "./range-format-state.ts";
import type {
  ChangedEvent,
  ConditionalFormatState,
  DvState,
  SheetState,
  Target,
  ValueType,
} from "./sheet-state.ts";
import { type FakeOptions, versionAtLeast, WorkbookState } from "./state.ts";
import type { Scalar } from "./typed.ts";
import { attachRoot } from "./workbook-proxy.ts";

export { FakeRichApiError, FakeUnsupportedError } from "./errors.ts";
export type { FakeOptions } from "./state.ts";

export interface CellSnapshot {
  value: Scalar;
  valueType: ValueType;
  text: string;
  formula: Scalar;
  numberFormat: string;
  /** null for No Fill (unlike the API, which reads "#FFFFFF" for both). */
  fill: string | null;
  bold: boolean;
  italic: boolean;
  fontColor: string;
  fontName: string;
  fontSize: number;
  underline: string;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  locked: boolean;
  note: string | null;
  comment: string | null;
  validation: DvState | null;
  borders: string[];
}

export interface SheetSnapshot {
  id: string;
  name: string;
  active: boolean;
  /** Column widths in points, by column letter, for columns that were set. */
  columnWidths: Record<string, number>;
  merges: string[];
  tables: { name: string; address: string; style: string }[];
  freezeRows: number;
  freezeColumns: number;
  pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: Record<string, number>;
    printArea: string | null;
    printTitleRows: string | null;
    printTitleColumns: string | null;
    margins: { left: number; right: number; top: number; bottom: number };
    headersFooters: Record<string, string>;
  };
  /** Row heights set by the add-in, by 1-based row number. */
  rowHeights: Record<number, number>;
  autoFilter: string | null;
  conditionalFormats: ConditionalFormatState[];
  protection: { protected: boolean; options: Record<string, boolean | string> };
  notes: Record<string, string>;
  comments: Record<string, string>;
  handlers: number;
}

export interface DeliveredEvent extends ChangedEvent {
  sheetName: string;
}

/** What a person does in Excel, for test setup: typing is parsed and raises onChanged like real edits. */
export interface FakeUser {
  /** Types into every cell of `address` (parsed as typed; refused on locked cells of a protected sheet). */
  type(sheet: string, address: string, input: Scalar): void;
  /** Formats cells directly (test setup; ignores protection). null clears to No Fill. */
  fill(sheet: string, address: string, color: string | null): void;
  numberFormat(sheet: string, address: string, format: string): void;
  addNote(sheet: string, address: string, text: string): void;
  /** Changes a note's text (test setup; ignores protection). */
  editNote(sheet: string, address: string, text: string): void;
  protect(sheet: string): void;
  unprotect(sheet: string): void;
  select(sheet: string, ...addresses: string[]): void;
  addSheet(name: string): void;
}

export interface FakeExcel {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** With a context (an EventHandlerResult's), the batch runs in that context again. */
  run<T>(
    contextOrOptions: OfficeExtension.ClientRequestContext | Excel.RunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
  readonly state: WorkbookState;
  /** Every context.sync() so far, plus Excel.run's final flush when it had commands to send. */
  readonly syncCount: number;
  /** Commands sent per sync, in order. */
  readonly syncLog: readonly { commands: number }[];
  resetSyncCount(): void;
  isSetSupported(name: string, version?: string | number): boolean;
  /** Waits until every onChanged handler raised so far has run. */
  flushEvents(): Promise<void>;
  /** Events delivered to handlers so far. */
  readonly events: readonly DeliveredEvent[];
  readonly user: FakeUser;
  cell(sheet: string, address: string): CellSnapshot;
  sheet(name: string): SheetSnapshot;
  sheetNames(): string[];
  readonly warnings: readonly string[];
  /** Installs `Excel.run` and `Office.context.requirements` on a global object (e2e); returns an undo. */
  installGlobals(target?: Record<string, unknown>): () => void;
}

export function createFakeExcel(options: FakeOptions = {}): FakeExcel {
  const state = new WorkbookState(options);
  const syncLog: { commands: number }[] = [];
  const delivered: DeliveredEvent[] = [];
  const inFlight = new Set<Promise<void>>();

  const deliver = (events: ChangedEvent[]): void => {
    for (const event of events) {
      const sheet = state.sheetById(event.sheetId);
      if (!sheet) continue;
      const handlers = [...sheet.handlers, ...state.workbookHandlers];
      const args = {
        type: "WorksheetChanged" as const,
        address: event.address,
        changeType: "RangeEdited" as const,
        source: "Local" as const,
        triggerSource: event.triggerSource,
        worksheetId: event.sheetId,
        details: event.details,
        getRange: (ctx: Excel.RequestContext) =>
          ctx.workbook.worksheets.getItem(sheet.name).getRange(event.address),
      };
      const p = new Promise<void>((resolve) => {
        setTimeout(async () => {
          delivered.push({ ...event, sheetName: sheet.name });
          try {
            for (const h of handlers) await h(args);
          } finally {
            resolve();
          }
        }, 0);
      });
      inFlight.add(p);
      void p.then(() => inFlight.delete(p));
    }
  };

  const host: FakeHost = {
    state,
    recordSync: (commands) => {
      syncLog.push({ commands });
    },
    deliverEvents: deliver,
  };

  async function run<T>(...args: unknown[]): Promise<T> {
    const batch = args[args.length - 1] as (context: Excel.RequestContext) => Promise<T>;
    if (typeof batch !== "function") throw new TypeError("Excel.run needs a batch function");
    const reuse = args.length > 1 && args[0] instanceof FakeRequestContext ? args[0] : undefined;
    if (reuse && reuse.host !== host) throw new Error("fake: that context belongs to another fake workbook");
    const ctx = reuse ?? new FakeRequestContext(host);
    if (reuse) reuse.reopen();
    else attachRoot(ctx);
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      // Excel.run syncs what is still queued before resolving (facts §11).
      if (ctx.pending > 0) await ctx.sync();
      return result;
    } finally {
      ctx.close();
    }
  }

  const sheetOf = (name: string): SheetState => {
    const s = state.findSheet(name);
    if (!s) throw new Error(`fake: no sheet named ${name}`);
    return s;
  };
  const target = (sheet: string, address: string): Target => state.resolveOn(sheetOf(sheet), address, "fake");
  const each = (t: Target, fn: (r: number, c: number) => void) => {
    for (let r = t.rect.r0; r <= t.rect.r1; r++) for (let c = t.rect.c0; c <= t.rect.c1; c++) fn(r, c);
  };
  const flushPending = () => {
    const events = state.pendingEvents;
    state.pendingEvents = [];
    if (events.length > 0) deliver(events);
  };

  const user: FakeUser = {
    type(sheet, address, input) {
      const t = target(sheet, address);
      state.pendingEvents = [];
      each(t, (r, c) => {
        state.writeContent(
          { sheet: t.sheet, rect: { r0: r, c0: c, r1: r, c1: c }, unbounded: "none" },
          [[input]],
          "user.type",
          "Unknown",
        );
      });
      flushPending();
    },
    fill(sheet, address, color) {
      const t = target(sheet, address);
      const saved = t.sheet.protection;
      t.sheet.protection = { ...saved, protected: false };
      try {
        if (color === null) clearFill(state, t, "user.fill");
        else setFill(state, t, color, "user.fill");
      } finally {
        t.sheet.protection = saved;
      }
    },
    numberFormat(sheet, address, format) {
      const t = target(sheet, address);
      each(t, (r, c) => {
        t.sheet.edit(r, c).numberFormat = format;
      });
    },
    addNote(sheet, address, text) {
      const t = target(sheet, address);
      const saved = t.sheet.protection;
      t.sheet.protection = { ...saved, protected: false };
      try {
        addNote(state, t, text, "user.addNote");
      } finally {
        t.sheet.protection = saved;
      }
    },
    editNote(sheet, address, text) {
      const t = target(sheet, address);
      const note = t.sheet.notes.get(singleCell(t, "user.editNote"));
      if (!note) throw new Error(`fake: no note at ${address}`);
      note.content = text;
    },
    protect(sheet) {
      const s = sheetOf(sheet);
      s.protection = { ...s.protection, protected: true };
    },
    unprotect(sheet) {
      const s = sheetOf(sheet);
      s.protection = { ...s.protection, protected: false, password: undefined };
    },
    select(sheet, ...addresses) {
      const s = sheetOf(sheet);
      state.activate(s, "user.select");
      const rects: Rect[] = addresses.map((a) => state.resolveOn(s, a, "user.select").rect);
      state.selection = { sheetId: s.id, rects };
    },
    addSheet(name) {
      state.addSheet(name, "user.addSheet");
    },
  };

  const fake: FakeExcel = {
    run: run as FakeExcel["run"],
    state,
    get syncCount() {
      return syncLog.length;
    },
    syncLog,
    resetSyncCount() {
      syncLog.length = 0;
    },
    isSetSupported(name, version) {
      if (name !== "ExcelApi") return false;
      return versionAtLeast(state.apiVersion, String(version ?? "1.1"));
    },
    async flushEvents() {
      // Handlers may write and raise more events: wait until nothing is in flight.
      for (let i = 0; i < 100 && inFlight.size > 0; i++) await Promise.all([...inFlight]);
    },
    events: delivered,
    user,
    cell(sheet, address) {
      const s = sheetOf(sheet);
      const p = parseAddress(address);
      if (!p || p.rect.r0 !== p.rect.r1 || p.rect.c0 !== p.rect.c1)
        throw new Error(`fake: ${address} is not one cell`);
      const { r0: r, c0: c } = p.rect;
      const cell = s.get(r, c);
      const { value, type } = state.readValue(s, r, c);
      const k = r * 16_384 + c;
      return {
        value,
        valueType: type,
        text: state.readText(s, r, c),
        formula: state.readFormula(s, r, c),
        numberFormat: cell.numberFormat,
        fill: cell.fill,
        bold: cell.bold,
        italic: cell.italic,
        fontColor: cell.fontColor,
        fontName: cell.fontName,
        fontSize: cell.fontSize,
        underline: cell.underline,
        horizontalAlignment: cell.horizontalAlignment,
        verticalAlignment: cell.verticalAlignment,
        wrapText: cell.wrapText,
        locked: cell.locked,
        note: s.notes.get(k)?.content ?? null,
        comment: s.comments.get(k)?.content ?? null,
        validation: cell.dv ? structuredClone(cell.dv) : null,
        borders: Object.keys(cell.borders).sort(),
      };
    },
    sheet(name) {
      const s = sheetOf(name);
      const widths: Record<string, number> = {};
      for (const [c, w] of [...s.columnWidths.entries()].sort(([a], [b]) => a - b)) {
        widths[cellName(0, c).replace(/\d+$/, "")] = w;
      }
      const at = (k: number) => cellName(Math.floor(k / 16_384), k % 16_384);
      return {
        id: s.id,
        name: s.name,
        active: state.activeSheetId === s.id,
        columnWidths: widths,
        merges: s.merges.map((m) => s.qualified(m).split("!")[1] ?? ""),
        tables: s.tables.map((t) => ({
          name: t.name,
          address: s.qualified(t.rect).split("!")[1] ?? "",
          style: t.style,
        })),
        freezeRows: s.freeze.rows,
        freezeColumns: s.freeze.columns,
        pageLayout: {
          orientation: s.pageLayout.orientation,
          paperSize: s.pageLayout.paperSize,
          zoom: { ...s.pageLayout.zoom } as Record<string, number>,
          printArea: s.pageLayout.printArea,
          printTitleRows: s.pageLayout.printTitleRows,
          printTitleColumns: s.pageLayout.printTitleColumns,
          margins: { ...s.pageLayout.margins },
          headersFooters: { ...s.pageLayout.headersFooters },
        },
        rowHeights: Object.fromEntries([...s.rowHeights.entries()].map(([r, h]) => [r + 1, h])),
        autoFilter: s.autoFilter,
        conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf })),
        protection: { protected: s.protection.protected, options: { ...s.protection.options } },
        notes: Object.fromEntries([...s.notes.entries()].map(([k, n]) => [at(k), n.content])),
        comments: Object.fromEntries([...s.comments.entries()].map(([k, n]) => [at(k), n.content])),
        handlers: s.handlers.size,
      };
    },
    sheetNames() {
      return state.liveSheets().map((s) => s.name);
    },
    warnings: state.warnings,
    installGlobals(targetObject) {
      const g = targetObject ?? (globalThis as unknown as Record<string, unknown>);
      const before = { Excel: g.Excel, Office: g.Office };
      g.Excel = { run: fake.run };
      g.Office = {
        context: { requirements: { isSetSupported: fake.isSetSupported } },
        onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
      };
      return () => {
        g.Excel = before.Excel;
        g.Office = before.Office;
      };
    },
  };
  return fake;
}

/** For tests that assert on error codes: the code of a thrown RichApi-like error. */
export function errorCode(e: unknown): string | undefined {
  if (typeof e === "object" && e !== null && "code" in e) {
    const code = (e as { code: unknown }).code;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}
