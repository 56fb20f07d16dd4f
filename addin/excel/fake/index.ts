/// <reference types="office-js" />
// An in-memory Excel for tests: `fake.run` has the shape of `Excel.run`, hands the batch a context typed
// as `Excel.RequestContext`, and counts every `context.sync()`. The behaviour follows
// docs/excel-behaviour.md; where a fact is unconfirmed the fake is strict. See README.md.

import { type FakeHost, FakeRequestContext } from "./context.ts";
import { createEventDelivery, type DeliveredEvent } from "./event-delivery.ts";
import { createFakeUser, type FakeUser } from "./fake-user.ts";
import { type CellSnapshot, cellSnapshot, type SheetSnapshot, sheetSnapshot } from "./snapshots.ts";
import { type FakeOptions, versionAtLeast, WorkbookState } from "./state.ts";
import { attachRoot } from "./workbook-proxy.ts";

export { FakeRichApiError, FakeUnsupportedError } from "./errors.ts";
export type { DeliveredEvent } from "./event-delivery.ts";
export type { FakeUser } from "./fake-user.ts";
export type { CellSnapshot, SheetSnapshot } from "./snapshots.ts";
export type { FakeOptions } from "./state.ts";

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
  const events = createEventDelivery(state);

  const host: FakeHost = {
    state,
    recordSync: (commands) => {
      syncLog.push({ commands });
    },
    deliverEvents: events.deliver,
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

  const user = createFakeUser(state, events.deliver);

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
    flushEvents: events.flush,
    events: events.delivered,
    user,
    cell: (sheet, address) => cellSnapshot(state, sheet, address),
    sheet: (name) => sheetSnapshot(state, name),
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
