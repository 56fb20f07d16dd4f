// The request context: a queue of commands applied in order at sync (facts §11), loads resolved at sync,
// and a count of every context.sync().

import { FakeRichApiError, richError } from "./errors.ts";
import type { ChangedEvent } from "./sheet-state.ts";
import type { WorkbookState } from "./state.ts";

export interface FakeHost {
  readonly state: WorkbookState;
  /** Called once per context.sync() (and once for Excel.run's final flush when commands are pending). */
  recordSync(commands: number): void;
  deliverEvents(events: ChangedEvent[]): void;
}

interface Command {
  label: string;
  run: () => void;
}

export type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

export function loadPaths(arg: LoadArg): string[] {
  if (arg === undefined) return [];
  const list =
    typeof arg === "string" ? [arg] : Array.isArray(arg) ? arg : [arg.select ?? "", arg.expand ?? ""];
  return list
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export class FakeRequestContext {
  private commands: Command[] = [];
  private post: (() => void)[] = [];
  private closed = false;
  /** Set by workbook-proxy.ts (attachRoot) to avoid an import cycle. */
  workbook: unknown;
  runtime: unknown;
  readonly trackedObjects = {
    add: (_: unknown): void => {},
    remove: (_: unknown): void => {},
  };

  constructor(readonly host: FakeHost) {}

  get state(): WorkbookState {
    return this.host.state;
  }

  get pending(): number {
    return this.commands.length;
  }

  /** Queues a command; it runs at the next sync, in order. */
  queue(label: string, run: () => void): void {
    if (this.closed) {
      throw richError("InvalidObjectPath", "The object was used outside of its Excel.run batch", label);
    }
    this.commands.push({ label, run });
  }

  /** Runs after the current sync succeeds (loaded values reach the proxies only then). */
  afterSync(fn: () => void): void {
    this.post.push(fn);
  }

  close(): void {
    this.closed = true;
  }

  /** Excel.run(context, batch) reuses a context (to remove an event handler in its own context). */
  reopen(): void {
    this.closed = false;
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    if (this.closed)
      throw richError("InvalidObjectPath", "sync() after Excel.run finished", "RequestContext.sync");
    const commands = this.commands;
    this.commands = [];
    this.post = [];
    this.host.recordSync(commands.length);
    // A sync is a round trip: let other microtasks run first.
    await Promise.resolve();
    const state = this.host.state;
    state.pendingEvents = [];
    let failure: unknown;
    for (const command of commands) {
      try {
        command.run();
      } catch (e) {
        failure =
          e instanceof FakeRichApiError && e.debugInfo.errorLocation === undefined
            ? richError(e.code, e.message, command.label)
            : e;
        break;
      }
    }
    // Commands before a failure stay applied: an Excel batch is not a transaction.
    const events = state.pendingEvents;
    state.pendingEvents = [];
    if (events.length > 0) this.host.deliverEvents(events);
    const post = this.post;
    this.post = [];
    if (failure !== undefined) throw failure;
    for (const fn of post) fn();
    return passThroughValue as T;
  }
}
