// What every job of the pane shares: the one state and its listeners, the chain that runs one piece of
// work at a time, and the parts each job reaches (Excel, settings, queue, API client, clock, kept
// templates). The jobs (sheet-check.ts, create-template.ts, pull-consolidation.ts, …) are functions
// over it; controller.ts owns one and is the pane's and the ribbon's only door to them.
import { type ApiClient, ApiError, createApiClient, NetworkError } from "../../shared/api/client.ts";
import { describeRefusal } from "../../shared/messages/remote.ts";
import type { JsonStorage } from "../../shared/queue/storage.ts";
import type { SubmissionQueue } from "../../shared/queue/submission-queue.ts";
import type { Settings, SettingsStore } from "../state/settings.ts";
import type { TextKey } from "../ui/text.ts";
import type { ExcelPort } from "./excel-port.ts";
import { KeptTemplates } from "./kept-templates.ts";
import type { PaneState, Said } from "./pane-state.ts";

declare const __BAOCAO_REQUEST_TIMEOUT_MS__: number | undefined;
/** No answer after this long: the request is abandoned and the report queued (a build may shorten it). */
const REQUEST_TIMEOUT_MS =
  typeof __BAOCAO_REQUEST_TIMEOUT_MS__ === "number" ? __BAOCAO_REQUEST_TIMEOUT_MS__ : 20_000;

export interface ControllerDeps {
  excel: ExcelPort;
  settings: SettingsStore;
  queue: SubmissionQueue;
  /** Builds the API client for the current settings (tests inject fetch or timeouts through it). */
  makeClient?: (
    settings: Readonly<Settings>,
  ) => Pick<ApiClient, "submit" | "units" | "unitTree" | "consolidation" | "submissions"> &
    Partial<Pick<ApiClient, "review" | "reviews" | "scores" | "scheme">>;
  /** Quiet time after the last edit before re-checking the sheet. */
  debounceMs?: number;
  /** How often the queue is retried while it holds reports. */
  retryIntervalMs?: number;
  now?: () => Date;
  /** Where the last fetched template of each id is kept for offline use (the pane's storage). */
  templateStore?: JsonStorage;
}

type Listener = (state: PaneState) => void;

export function errorSaid(error: unknown): Said {
  if (error instanceof NetworkError) return { key: "errorNetwork" };
  if (error instanceof ApiError) {
    const i18n = error.envelope?.error.i18n;
    return describeRefusal(i18n, error.code, error.retryable, "addin");
  }
  return {
    key: "errorUnexpected",
    params: { message: error instanceof Error ? error.message : String(error) },
  };
}

export interface ActOptions {
  clearNotice?: boolean;
  clearResult?: boolean;
  /** Not a user's action: `completed` does not count it. */
  background?: boolean;
}

export class PaneCore {
  private current: PaneState;
  private readonly listeners = new Set<Listener>();
  /** Excel work runs one piece at a time: the pane and the ribbon never interleave batches. */
  private chain: Promise<unknown> = Promise.resolve();
  /** A re-check waiting for the user to stop typing (sheet-check.ts). */
  debounce: ReturnType<typeof setTimeout> | undefined;
  /** The report sheet last created or checked: what re-checks and submissions read. */
  reportSheet: string | undefined;
  readonly excel: ExcelPort;
  readonly settingsStore: SettingsStore;
  readonly queue: SubmissionQueue;
  readonly makeClient: NonNullable<ControllerDeps["makeClient"]>;
  readonly debounceMs: number;
  readonly now: () => Date;
  readonly templates: KeptTemplates;

  constructor(deps: ControllerDeps, initial: PaneState) {
    this.excel = deps.excel;
    this.settingsStore = deps.settings;
    this.queue = deps.queue;
    this.makeClient =
      deps.makeClient ??
      ((s) => createApiClient({ baseUrl: s.serverUrl, token: s.token, timeoutMs: REQUEST_TIMEOUT_MS }));
    this.debounceMs = deps.debounceMs ?? 800;
    this.now = deps.now ?? (() => new Date());
    this.templates = new KeptTemplates(deps.templateStore);
    this.current = initial;
  }

  get state(): Readonly<PaneState> {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(patch: Partial<PaneState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }

  client(): ReturnType<PaneCore["makeClient"]> {
    return this.makeClient(this.current.settings);
  }

  /** Periods and templates, which an injected `makeClient` need not offer: always the real client. */
  templateClient(): Pick<ApiClient, "period" | "template"> {
    const s = this.current.settings;
    return createApiClient({ baseUrl: s.serverUrl, token: s.token, timeoutMs: REQUEST_TIMEOUT_MS });
  }

  /**
   * Runs one piece of work after the previous one, with a progress message, and turns failures into a
   * notice: a user action never ends in an unhandled rejection.
   */
  act<T>(busy: TextKey | null, work: () => Promise<T>, opts: ActOptions = {}): Promise<T | undefined> {
    const run = async (): Promise<T | undefined> => {
      const patch: Partial<PaneState> = {};
      if (busy) patch.busy = busy;
      if (opts.clearNotice) patch.notice = null;
      if (opts.clearResult)
        Object.assign(patch, { receipt: null, queued: false, conflict: null, confirm: null });
      this.set(patch);
      try {
        return await work();
      } catch (error) {
        this.set({ notice: { tone: "error", said: errorSaid(error) } });
        return undefined;
      } finally {
        const completed = this.current.completed + (opts.background ? 0 : 1);
        this.set({ ...(busy ? { busy: null } : {}), completed });
      }
    };
    const next = this.chain.then(run, run);
    this.chain = next;
    return next;
  }

  /** Resolves once every queued piece of work (including a pending debounced re-check) is done. */
  async whenIdle(): Promise<void> {
    while (true) {
      const chain = this.chain;
      await chain.catch(() => undefined);
      if (chain === this.chain && this.debounce === undefined) return;
      if (this.debounce !== undefined) await new Promise((r) => setTimeout(r, this.debounceMs));
    }
  }

  /** Waits for the work under way (stopping). */
  async settle(): Promise<void> {
    await this.chain.catch(() => undefined);
  }
}
