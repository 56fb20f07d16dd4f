// The pane's orchestration, shared by the task pane and the ribbon commands (one runtime, one state):
// it asks shared/ for every decision, the Excel port for every cell, the API client for everything remote,
// and publishes a plain state object that view.ts draws. No DOM here.
import {
  type ApiClient,
  ApiError,
  createApiClient,
  NetworkError,
  newIdempotencyKey,
} from "../../shared/api/client.ts";
import {
  type Consolidation,
  PERIOD_RE,
  type Receipt,
  type SubmissionBody,
} from "../../shared/api/schemas.ts";
import { submissionBody } from "../../shared/api/submission-body.ts";
import { templateAnswer } from "../../shared/api/templates.ts";
import { normalizeUnitCode } from "../../shared/api/unit-code.ts";
import { checkSheet } from "../../shared/check.ts";
import { chooseFixes } from "../../shared/fixes.ts";
import type { LocatedHeader } from "../../shared/grid/locate.ts";
import { hasErrors, type Issue } from "../../shared/issues.ts";
import { describeRefusal } from "../../shared/messages/remote.ts";
import type { Lang } from "../../shared/messages/types.ts";
import { consolidatedWorkbookPlans } from "../../shared/plans/consolidated-workbook.ts";
import { marksPlan } from "../../shared/plans/marks.ts";
import { unitNamesOf } from "../../shared/plans/reporting-summary.ts";
import { withReviewMarks } from "../../shared/plans/review-marks.ts";
import { indicatorAt } from "../../shared/plans/review-sheet.ts";
import { templateSheetPlan } from "../../shared/plans/template-sheet.ts";
import type { JsonStorage } from "../../shared/queue/storage.ts";
import type { QueueOutcome, Refusal, SubmissionQueue } from "../../shared/queue/submission-queue.ts";
import { STATE_LABEL } from "../../shared/review/labels.ts";
import { rankingForPull } from "../../shared/scoring/pull-scores.ts";
import { DEFAULT_TEMPLATE_ID, getTemplate } from "../../shared/template/registry.ts";
import type { Report, Template } from "../../shared/template/types.ts";
import type { Settings, SettingsStore } from "../state/settings.ts";
import { rtBoth } from "../ui/review-text.ts";
import type { TextKey, TextParams } from "../ui/text.ts";
import type { CellFix, ExcelPort } from "./excel-port.ts";
import * as desk from "./review-desk.ts";
import { fetchOwnScore, type OwnScoreView } from "./score-view.ts";
import { diffRows, type RowChange } from "./submission.ts";

export type PaneScreen = "main" | "create" | "pull" | "settings" | "review";

/** Something to tell the user: one of the pane's own texts, or a server's message in both languages. */
export type Said = { key: TextKey; params?: TextParams } | { vi: string; en: string };

export interface Notice {
  tone: "info" | "success" | "warning" | "error";
  said: Said;
}

export interface CheckResult {
  sheet: string;
  issues: Issue[];
  errors: number;
  warnings: number;
  /** Issues with a one-click fix on a cell. */
  fixable: number;
  template: Template | undefined;
  report: Report | null;
  header: LocatedHeader;
  at: string;
}

export interface ReceiptView {
  receipt: Receipt;
  replayed: boolean;
  /** Delivered by a retry from the queue rather than by the first send. */
  fromQueue: boolean;
}

export interface ConflictView {
  unit: string;
  period: string;
  /** The revision the refused report was made on (undefined: none known). */
  ours: number | undefined;
  current: number;
  receivedAt: string | undefined;
  changes: RowChange[];
}

export interface UnitOption {
  code: string;
  name: string;
  parent: string | null;
  depth: number;
}

export interface PaneState {
  view: PaneScreen;
  lang: Lang;
  settings: Readonly<Settings>;
  /** A long piece of work under way: the progress message. */
  busy: TextKey | null;
  notice: Notice | null;
  check: CheckResult | null;
  /** Asking whether to submit despite warnings. */
  confirm: { warnings: number } | null;
  receipt: ReceiptView | null;
  /** The last submission could not be delivered and waits in the queue. */
  queued: boolean;
  refusal: { itemId: string; refusal: Refusal } | null;
  conflict: ConflictView | null;
  pending: number;
  /** Why the head of the queue is still waiting: the server's HTTP status, or null when it was not reached. */
  lastQueueFailure: { status: number | null } | null;
  units: UnitOption[] | null;
  /** The period whose tree `units` is (GET /v1/units?period=); null: today's tree. */
  unitsPeriod: string | null;
  /** The last consolidated sheet written, with its reporting status. */
  pulled: PulledView | null;
  /** Review (§3): the checked report's own review (reporter side) and the "Duyệt báo cáo" desk. */
  ownReview: desk.OwnReview | null;
  desk: desk.ReviewDesk | null;
  /** Thi đua (§4): the checked report's unit's own score, once asked for (score-view.ts). */
  ownScore: OwnScoreView | null;
  /** Asking whether to replace the sheets of an earlier pull of the same unit and period. */
  pullReplace: { unit: string; period: string; compare: string; sheets: string[] } | null;
  /** How many user actions have finished: lets a caller (the e2e test) wait for the one it started. */
  completed: number;
}

export interface PulledView {
  /** The first sheet (Tổng hợp); `sheets` lists them all. */
  sheet: string;
  sheets: string[];
  unit: string;
  unitName: string;
  period: string;
  submitted: number;
  expected: number;
  /** Reported after the deadline (a count: the bar's middle part). */
  lateCount: number;
  /** Names of late and missing units. */
  late: string[];
  missing: string[];
  summary: { vi: string; en: string } | null;
  /** The period compared with, restated onto this period's tree. */
  compare?: string;
}

export interface CreateOptions {
  unitCode?: string;
  unitName?: string;
  period?: string;
  reporter?: string;
  phone?: string;
}

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
    Partial<Pick<ApiClient, "review" | "reviews" | "scores">>;
  /** Quiet time after the last edit before re-checking the sheet. */
  debounceMs?: number;
  /** How often the queue is retried while it holds reports. */
  retryIntervalMs?: number;
  now?: () => Date;
  /** Where the last fetched template of each id is kept for offline use (the pane's storage). */
  templateStore?: JsonStorage;
}

/** The key under which the fetched templates are kept: id@version → definition. */
const KEPT_TEMPLATES = "templates";

type Listener = (state: PaneState) => void;

/** The window's `online` event (the browser says the network is back). */
export interface OnlineEvents {
  addEventListener(type: "online", listener: () => void): void;
  removeEventListener(type: "online", listener: () => void): void;
}

const CONSOLIDATED_PREFIX = "Tổng hợp";

function isConsolidated(sheet: string): boolean {
  return sheet.startsWith(CONSOLIDATED_PREFIX);
}

/** Units as a tree in display order (parents before children), with their depth for indentation. */
export function orderUnits(
  units: readonly { code: string; name: string; parent: string | null }[],
): UnitOption[] {
  const codes = new Set(units.map((u) => u.code));
  const children = new Map<string | null, typeof units>();
  for (const u of units) {
    const parent = u.parent !== null && codes.has(u.parent) ? u.parent : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: UnitOption[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.code.localeCompare(b.code));
    for (const u of list) {
      out.push({ code: u.code, name: u.name, parent: u.parent, depth });
      walk(u.code, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

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

export class Controller {
  private current: PaneState;
  private readonly listeners = new Set<Listener>();
  /** Excel work runs one piece at a time: the pane and the ribbon never interleave batches. */
  private chain: Promise<unknown> = Promise.resolve();
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setInterval> | undefined;
  private stopWatching: (() => Promise<void>) | undefined;
  private readonly cleanups: (() => void)[] = [];
  /** The report sheet last created or checked: what re-checks and submissions read. */
  private reportSheet: string | undefined;
  private readonly excel: ExcelPort;
  private readonly settingsStore: SettingsStore;
  private readonly queue: SubmissionQueue;
  private readonly makeClient: NonNullable<ControllerDeps["makeClient"]>;
  private readonly debounceMs: number;
  private readonly retryIntervalMs: number;
  private readonly now: () => Date;
  private readonly templateStore: JsonStorage | undefined;
  /** Templates fetched from the server (id@version, and id for the last one), kept for offline use. */
  private kept = new Map<string, Template>();

  constructor(deps: ControllerDeps) {
    this.templateStore = deps.templateStore;
    this.excel = deps.excel;
    this.settingsStore = deps.settings;
    this.queue = deps.queue;
    this.makeClient =
      deps.makeClient ??
      ((s) => createApiClient({ baseUrl: s.serverUrl, token: s.token, timeoutMs: REQUEST_TIMEOUT_MS }));
    this.debounceMs = deps.debounceMs ?? 800;
    this.retryIntervalMs = deps.retryIntervalMs ?? 15_000;
    this.now = deps.now ?? (() => new Date());
    const settings = this.settingsStore.get();
    this.current = {
      view: "main",
      lang: settings.lang,
      settings,
      busy: null,
      notice: null,
      check: null,
      confirm: null,
      receipt: null,
      queued: false,
      refusal: null,
      conflict: null,
      pending: this.queue.size,
      lastQueueFailure: this.queueFailure(),
      units: null,
      unitsPeriod: null,
      pulled: null,
      ownReview: null,
      desk: null,
      ownScore: null,
      pullReplace: null,
      completed: 0,
    };
    const lastRefused = this.queue.history().findLast((o) => o.kind === "refused");
    if (lastRefused?.kind === "refused") {
      this.current.refusal = { itemId: lastRefused.item.id, refusal: lastRefused.refusal };
    }
    this.cleanups.push(
      this.queue.subscribe(() =>
        this.set({ pending: this.queue.size, lastQueueFailure: this.queueFailure() }),
      ),
      this.settingsStore.subscribe((s) => this.set({ settings: s, lang: s.lang })),
    );
  }

  private queueFailure(): PaneState["lastQueueFailure"] {
    const head = this.queue.pending()[0];
    if (!head || head.attempts === 0) return null;
    return { status: head.lastStatus ?? null };
  }

  get state(): Readonly<PaneState> {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the background work: re-check on edits, retry the queue on a timer and when back online. */
  async start(scope?: OnlineEvents): Promise<void> {
    await this.loadKeptTemplates();
    this.retryTimer = setInterval(() => void this.retryQueue(false), this.retryIntervalMs);
    if (scope) {
      const online = () => void this.retryQueue(true);
      scope.addEventListener("online", online);
      this.cleanups.push(() => scope.removeEventListener("online", online));
    }
    try {
      this.stopWatching = await this.excel.onChanged((sheet) => this.sheetChanged(sheet));
    } catch {
      // Hosts without worksheet events (ExcelApi < 1.7) still work: the user presses Kiểm tra.
    }
    if (this.queue.size > 0) void this.retryQueue(false);
  }

  async stop(): Promise<void> {
    if (this.retryTimer !== undefined) clearInterval(this.retryTimer);
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    for (const c of this.cleanups.splice(0)) c();
    await this.stopWatching?.();
    await this.chain.catch(() => undefined);
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

  showView(view: PaneScreen): void {
    this.set({ view, notice: null });
    if (!this.current.settings.token) return;
    // The pull form lists the units of the period it starts with; the create and review forms today's units.
    if (view === "pull") {
      const { period } = this.pullDefaults();
      if (this.current.units === null || this.current.unitsPeriod !== period) void this.loadUnits(period);
    } else if ((view === "create" || view === "review") && this.current.units === null) void this.loadUnits();
  }

  dismissNotice(): void {
    this.set({ notice: null });
  }

  async dismissRefusal(): Promise<void> {
    const r = this.current.refusal;
    this.set({ refusal: null });
    if (r) await this.queue.dismiss(r.itemId);
  }

  // ---- Tạo mẫu -------------------------------------------------------------------------------------

  /** The create form's starting values: the token's own unit (the root of its subtree) and this year. */
  createDefaults(): CreateOptions {
    const root = this.current.units?.[0];
    return {
      ...(root ? { unitCode: root.code, unitName: root.name } : {}),
      period: String(this.now().getFullYear()),
    };
  }

  /** Defaults for a create without the form (the ribbon): loads the token's units first when it can. */
  async loadCreateDefaults(): Promise<CreateOptions> {
    if (this.current.units === null && this.current.settings.token) {
      try {
        const units = await this.makeClient(this.current.settings).units();
        this.set({ units: orderUnits(units) });
      } catch {
        // Offline: the sheet is created with a blank unit, which the user types in.
      }
    }
    return this.createDefaults();
  }

  /** Fetched templates kept from an earlier session; a broken entry is dropped, never used. */
  private async loadKeptTemplates(): Promise<void> {
    const stored = (await this.templateStore?.get<Record<string, unknown>>(KEPT_TEMPLATES)) ?? {};
    for (const [key, value] of Object.entries(stored)) {
      const t = templateAnswer.safeParse(value);
      if (t.success) this.kept.set(key, t.data);
    }
  }

  private async keepTemplate(template: Template): Promise<void> {
    this.kept.set(`${template.id}@${template.version}`, template);
    this.kept.set(template.id, template);
    await this.templateStore?.set(KEPT_TEMPLATES, Object.fromEntries(this.kept));
  }

  /**
   * The template a period's units fill: asked of the server when signed in, and kept; offline (or
   * before any period has one), the last fetched of the default template, else the built-in one.
   */
  private async templateFor(period: string | undefined): Promise<Template> {
    const settings = this.current.settings;
    if (settings.token && period) {
      try {
        const client = createApiClient({
          baseUrl: settings.serverUrl,
          token: settings.token,
          timeoutMs: REQUEST_TIMEOUT_MS,
        });
        const id = (await client.period(period)).template ?? DEFAULT_TEMPLATE_ID;
        const template = await client.template(id);
        await this.keepTemplate(template);
        return template;
      } catch {
        // Offline or refused: the kept or built-in template below.
      }
    }
    return this.kept.get(DEFAULT_TEMPLATE_ID) ?? getTemplate(DEFAULT_TEMPLATE_ID)!;
  }

  /** A sheet whose "Mẫu:" names a fetched template (or an older version of one) is read with it. */
  private checkWithKept(grid: Parameters<typeof checkSheet>[0]): ReturnType<typeof checkSheet> {
    const checked = checkSheet(grid);
    const { templateId, templateVersion } = checked.located.header;
    const known = checked.located.template;
    if (templateId === undefined) return checked;
    if (known?.id === templateId && (templateVersion === undefined || known.version === templateVersion))
      return checked;
    const kept = this.kept.get(
      templateVersion === undefined ? templateId : `${templateId}@${templateVersion}`,
    );
    return kept ? checkSheet(grid, { template: kept }) : checked;
  }

  createTemplate(opts: CreateOptions = this.createDefaults()): Promise<void> {
    return this.act("busyCreating", async () => {
      const template = await this.templateFor(opts.period);
      const typed = clean(opts);
      // Unit codes are read case-insensitively and written upper-case ("sl.maison" → SL.MAISON).
      if (typed.unitCode !== undefined) typed.unitCode = normalizeUnitCode(typed.unitCode) ?? typed.unitCode;
      const plan = templateSheetPlan(template, typed);
      // Never over a report already in the workbook: "Báo cáo", then "Báo cáo (2)", …
      const taken = new Set((await this.excel.sheetNames?.()) ?? []);
      const base = plan.name;
      for (let n = 2; taken.has(plan.name); n++) plan.name = `${base} (${n})`;
      const sheet = await this.excel.render(plan);
      this.reportSheet = sheet;
      this.set({
        view: "main",
        check: null,
        receipt: null,
        queued: false,
        conflict: null,
        notice: { tone: "success", said: { key: "createDone", params: { sheet } } },
      });
    });
  }

  // ---- Kiểm tra ------------------------------------------------------------------------------------

  validate(): Promise<CheckResult | undefined> {
    return this.act(
      "busyValidating",
      async () => {
        const result = await this.check();
        return (await this.refreshOwnReview(result)) ?? result;
      },
      { clearNotice: true },
    );
  }

  /**
   * Reads the review of the report on the sheet; when it changed (returned with comments, or no longer
   * returned), checks the sheet again so the comments' notes are placed or cleared. Offline: left as is.
   */
  private async refreshOwnReview(result: CheckResult): Promise<CheckResult | undefined> {
    const report = result.report;
    if (!this.current.settings.token || !report?.unit || !report.period) return undefined;
    let own: desk.OwnReview | null;
    try {
      own = await desk.fetchOwnReview(this.makeClient(this.current.settings), report.unit, report.period);
    } catch {
      return undefined;
    }
    if (desk.sameOwnReview(own, this.current.ownReview)) return undefined;
    const notes = (o: desk.OwnReview | null) => o?.review.state === "returned";
    const before = notes(this.current.ownReview);
    this.set({ ownReview: own });
    return before || notes(own) ? this.check(result.sheet) : undefined;
  }

  /**
   * Reads a sheet, checks it with shared/, marks its cells; one read batch, one write batch. Without a
   * name it is the active sheet, unless that is a consolidated sheet: then the report last worked on.
   */
  private async check(sheet?: string, opts: { keepView?: boolean } = {}): Promise<CheckResult> {
    const lang = this.current.lang;
    const remembered = this.reportSheet;
    const result = await this.excel.validate<CheckResult | null>(sheet, (grid) => {
      if (
        sheet === undefined &&
        isConsolidated(grid.sheet) &&
        remembered !== undefined &&
        remembered !== grid.sheet
      ) {
        return { marks: [], result: null };
      }
      const checked = this.checkWithKept(grid);
      const template = checked.located.template;
      const issues = checked.issues;
      const marks = withReviewMarks(
        marksPlan(issues, template, lang, "addin"),
        desk.ownReviewMarks(this.current.ownReview, checked.report, checked.located.rows, grid.sheet, lang),
      );
      const res: CheckResult = {
        sheet: grid.sheet,
        issues,
        errors: checked.errors,
        warnings: checked.warnings,
        fixable: chooseFixes(issues).fixes.length,
        template,
        report: checked.report,
        header: checked.located.header,
        at: this.now().toISOString(),
      };
      return { marks, result: res };
    });
    if (result === null) return this.check(remembered);
    if (!isConsolidated(result.sheet)) this.reportSheet = result.sheet;
    // A re-check after an edit runs in the background: it must not pull the user out of another view.
    this.set({ check: result, ...(opts.keepView ? {} : { view: "main" as const }) });
    return result;
  }

  selectIssue(issue: Issue): Promise<void> {
    const sheet = issue.sheet ?? this.current.check?.sheet;
    if (!issue.cell || !sheet) return Promise.resolve();
    const cell = issue.cell;
    return this.act(null, () => this.excel.select(sheet, cell)).then(() => undefined);
  }

  /** The issue's cell only, and only when no other issue proposes a different value for it. */
  fixIssue(issue: Issue): Promise<void> {
    const fixes = chooseFixes(this.current.check?.issues ?? [issue]).fixes;
    return this.applyFixes(fixes.filter((f) => f.address === issue.cell));
  }

  /** Every unambiguous fix in one write batch, then a fresh check. */
  fixAll(): Promise<void> {
    return this.applyFixes(chooseFixes(this.current.check?.issues ?? []).fixes);
  }

  private applyFixes(fixes: CellFix[]): Promise<void> {
    return this.act("busyFixing", async () => {
      const sheet = this.current.check?.sheet;
      if (fixes.length === 0 || !sheet) {
        this.set({ notice: { tone: "info", said: { key: "fixNothing" } } });
        return;
      }
      await this.excel.applyFixes(sheet, fixes);
      await this.check(sheet);
      this.set({ notice: { tone: "success", said: { key: "fixedCount", params: { n: fixes.length } } } });
    });
  }

  private sheetChanged(sheet: string): void {
    if (this.current.check === null || sheet !== this.current.check.sheet) return;
    if (this.debounce !== undefined) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.act(null, () => this.check(sheet, { keepView: true }), { background: true });
    }, this.debounceMs);
  }

  // ---- Gửi báo cáo ---------------------------------------------------------------------------------

  /**
   * Checks the sheet again (it may have changed), refuses while errors remain, asks before sending with
   * warnings, then sends through the queue: the report is stored with its key BEFORE the first try, so a
   * crash or a lost answer never loses it nor sends it under another key.
   */
  submit(opts: { confirmed?: boolean } = {}): Promise<void> {
    return this.act(
      "busyValidating",
      async () => {
        if (!this.current.settings.token) {
          this.set({ view: "settings", notice: { tone: "warning", said: { key: "statusNoToken" } } });
          return;
        }
        const check = await this.check();
        // A sheet without unit code or period already has an error (grid.header_missing).
        if (hasErrors(check.issues)) {
          this.set({
            notice: { tone: "error", said: { key: "submitBlocked", params: { n: check.errors } } },
          });
          return;
        }
        if (!check.report) {
          this.set({ notice: { tone: "error", said: { key: "submitNoReport" } } });
          return;
        }
        if (check.warnings > 0 && !opts.confirmed) {
          this.set({ confirm: { warnings: check.warnings } });
          return;
        }
        const body = submissionBody(check.report, check.header, "replace");
        await this.send(body);
      },
      { clearNotice: true, clearResult: true },
    );
  }

  confirmSubmit(): Promise<void> {
    this.set({ confirm: null });
    return this.submit({ confirmed: true });
  }

  cancelConfirm(): void {
    this.set({ confirm: null });
  }

  private async send(body: SubmissionBody): Promise<void> {
    const ifMatch = this.settingsStore.revision(body.unit, body.period);
    const item = await this.queue.enqueue(body, {
      idempotencyKey: newIdempotencyKey(),
      ...(ifMatch !== undefined ? { ifMatch } : {}),
    });
    this.set({ busy: "busySubmitting" });
    await this.flush(true);
    // A flush that was already under way may have ended before reaching the new report.
    if (this.queue.pending().some((i) => i.id === item.id) && !this.queue.busy) {
      const head = this.queue.pending()[0];
      if (head?.id === item.id && head.attempts === 0) await this.flush(true);
    }
    if (this.queue.pending().some((i) => i.id === item.id)) this.set({ queued: true });
  }

  /** The "Gửi lại" button (force), the `online` event (force) and the timer (respects backoff). */
  retryQueue(force = true): Promise<void> {
    if (this.queue.size === 0) return Promise.resolve();
    if (!force) return this.flush(false).catch(() => undefined);
    return this.act("busyRetrying", () => this.flush(true), { clearNotice: true });
  }

  private async flush(force: boolean): Promise<void> {
    const result = await this.queue.flush(this.makeClient(this.current.settings), { force });
    await this.handleOutcomes(result.outcomes);
    if (result.pending === 0) this.set({ queued: false });
  }

  private async handleOutcomes(outcomes: QueueOutcome[]): Promise<void> {
    for (const outcome of outcomes) {
      const { unit, period } = outcome.item.body;
      if (outcome.kind === "sent") {
        await this.settingsStore.setRevision(unit, period, outcome.receipt.revision);
        this.set({
          receipt: {
            receipt: outcome.receipt,
            replayed: outcome.replayed,
            fromQueue: outcome.item.attempts > 0,
          },
          refusal: null,
          conflict: null,
        });
        await this.clearOwnReview(unit, period);
      } else if (outcome.refusal.code === "revision_conflict") {
        await this.queue.dismiss(outcome.item.id);
        await this.showConflict(outcome.item.body, outcome.item.ifMatch, outcome.refusal);
      } else {
        this.set({ refusal: { itemId: outcome.item.id, refusal: outcome.refusal }, receipt: null });
      }
    }
  }

  /** A resubmission makes a returned report submitted again: its notes leave the sheet. */
  private async clearOwnReview(unit: string, period: string): Promise<void> {
    const own = this.current.ownReview;
    if (!own || own.unit !== unit || own.period !== period) return;
    this.set({ ownReview: null });
    if (own.review.state === "returned" && this.reportSheet) await this.check(this.reportSheet);
  }

  /** A 409: fetch the server's current revision and list what differs from this sheet's report. */
  private async showConflict(
    body: SubmissionBody,
    ours: number | undefined,
    refusal: Refusal,
  ): Promise<void> {
    let current = refusal.currentRevision;
    let receivedAt: string | undefined;
    let changes: RowChange[] = [];
    try {
      const answer = await this.makeClient(this.current.settings).submissions(body.unit, body.period);
      if (answer.current) {
        current = answer.current.revision;
        receivedAt = answer.current.receivedAt;
        const template = getTemplate(answer.current.template) ?? getTemplate(body.template);
        const derived = new Set(template?.indicators.filter((i) => i.kind === "ratio").map((i) => i.code));
        changes = diffRows(answer.current.rows, body.rows).filter(
          (c) => !(derived.has(c.code) && c.field === "actual"),
        );
      }
    } catch {
      // Without the list we still know the revision from the 409 itself.
    }
    this.set({
      receipt: null,
      conflict: { unit: body.unit, period: body.period, ours, current: current ?? 0, receivedAt, changes },
    });
  }

  /** Takes the server's revision as the base and submits the sheet again (checked and confirmed as usual). */
  async resendOnCurrent(): Promise<void> {
    const c = this.current.conflict;
    if (!c) return;
    await this.settingsStore.setRevision(c.unit, c.period, c.current, true);
    this.set({ conflict: null });
    await this.submit();
  }

  // ---- Lấy tổng hợp --------------------------------------------------------------------------------

  /** The unit list: the tree of `period` when one is given (who existed then), else today's. */
  loadUnits(period?: string): Promise<void> {
    return this.act("busyLoadingUnits", async () => {
      const client = this.makeClient(this.current.settings);
      const p = period?.trim() ?? "";
      if (PERIOD_RE.test(p)) {
        const tree = await client.unitTree({ period: p });
        this.set({ units: orderUnits(tree.units), unitsPeriod: p });
      } else {
        this.set({ units: orderUnits(await client.units()), unitsPeriod: null });
      }
    });
  }

  /** The period the pull form starts with: the last one pulled, else this year. */
  pullDefaults(): { period: string } {
    return { period: this.current.settings.pull?.period ?? String(this.now().getFullYear()) };
  }

  /** Opens the pull form (the ribbon's "Lấy tổng hợp" lands here with the pane shown). */
  openPull(): void {
    this.showView("pull");
  }

  /**
   * Lấy tổng hợp: the consolidation (with every expected unit's detail, and with `compare` the figures of
   * that period restated onto this one's tree) and, beside it, the children's ranking when the server
   * scores the period; then one read batch for the sheet names, then the sheets (three, four with the
   * ranking) in ONE write batch: two syncs. An earlier pull of the same unit and period is replaced only
   * once the user says so; a user's sheet of the same name is never touched.
   */
  pull(unit: string, period: string, compare?: string, replace = false): Promise<void> {
    return this.act(
      "busyPulling",
      async () => {
        const p = period.trim();
        const cmp = compare?.trim() ?? "";
        if (!PERIOD_RE.test(p)) {
          this.set({ notice: { tone: "error", said: { key: "pullBadPeriod" } } });
          return;
        }
        if (cmp !== "" && !PERIOD_RE.test(cmp)) {
          this.set({ notice: { tone: "error", said: { key: "pullBadCompare" } } });
          return;
        }
        const client = this.makeClient(this.current.settings);
        const [consolidation, ranking] = await Promise.all([
          client.consolidation(unit, p, { ...(cmp !== "" && { compare: cmp }), detail: "units" }),
          rankingForPull(client, unit, p),
        ]);
        const template = getTemplate(consolidation.template);
        if (!template) {
          const params = { template: consolidation.template };
          this.set({ notice: { tone: "error", said: { key: "pullUnknownTemplate", params } } });
          return;
        }
        this.set({ busy: "busyPullWriting" });
        const existing = await this.excel.pulledSheets();
        const plans = consolidatedWorkbookPlans(consolidation, template, {
          lang: this.current.lang,
          at: this.now(),
          existing,
          ...(ranking !== undefined && { ranking }),
        });
        const replacing = plans.filter((x) => x.replaces).map((x) => x.plan.name);
        if (replacing.length > 0 && !replace) {
          this.set({ pullReplace: { unit, period: p, compare: cmp, sheets: replacing } });
          return;
        }
        const sheets = await this.excel.renderAll(plans.map((x) => x.plan));
        await this.settingsStore.update({ pull: { unit, period: p } });
        this.set({
          pulled: { ...pulledView(consolidation, sheets), ...(cmp !== "" && { compare: cmp }) },
          pullReplace: null,
          notice: pulledNotice(consolidation, sheets),
        });
      },
      { clearNotice: true },
    );
  }

  /** The unit's own score and what it misses per criterion (score-view.ts draws it). */
  loadOwnScore(unit: string, period: string): Promise<void> {
    return this.act(null, async () => {
      this.set({ ownScore: await fetchOwnScore(this.makeClient(this.current.settings), unit, period) });
    });
  }

  confirmPullReplace(): Promise<void> {
    const ask = this.current.pullReplace;
    this.set({ pullReplace: null });
    return ask ? this.pull(ask.unit, ask.period, ask.compare, true) : Promise.resolve();
  }

  cancelPullReplace(): void {
    this.set({ pullReplace: null });
  }

  // ---- Duyệt báo cáo ------------------------------------------------------------------------------

  openReviewDesk(): void {
    this.showView("review");
  }

  private reviewApi() {
    const client = this.makeClient(this.current.settings);
    const { review, reviews } = client;
    if (!review || !reviews) throw new Error("this client cannot review");
    return { client, review, reviews };
  }

  /** The units below `unit` for `period` with their state; a decision or an open report is dropped. */
  loadReviewList(unit: string, period: string): Promise<void> {
    return this.act(
      "busyLoadingUnits",
      async () => {
        const p = period.trim();
        if (!PERIOD_RE.test(p)) {
          this.set({ notice: { tone: "error", said: { key: "pullBadPeriod" } } });
          return;
        }
        const list = await this.reviewApi().reviews(unit, p);
        this.set({ desk: { unit, period: p, units: list.units, open: null } });
      },
      { clearNotice: true },
    );
  }

  /** Writes the unit's report as the read-only review sheet, changes since the last return in yellow. */
  openReview(unit: string): Promise<void> {
    return this.act(
      "busyPulling",
      async () => {
        const d = this.current.desk;
        const u = d?.units?.find((x) => x.unit === unit);
        if (!d || !u) return;
        const opened = await desk.openReviewSheet(this.reviewApi().client, this.excel, u, d.period);
        if (typeof opened === "string") {
          this.set({ notice: { tone: "warning", said: rtBoth("noReport") } });
          return;
        }
        this.set({ desk: { ...d, open: opened } });
      },
      { clearNotice: true },
    );
  }

  /** A comment on the indicator of the selected cell of the open review sheet. */
  addReviewComment(comment: string): Promise<void> {
    return this.act(null, async () => {
      const d = this.current.desk;
      const open = d?.open;
      if (!d || !open) return;
      const text = comment.trim();
      if (text === "") {
        this.set({ notice: { tone: "warning", said: rtBoth("commentEmpty") } });
        return;
      }
      const cell = await this.excel.selectedCell?.();
      const template = getTemplate(open.template);
      const code =
        cell && template && cell.sheet === open.sheet ? indicatorAt(template, cell.address) : undefined;
      if (!code) {
        this.set({ notice: { tone: "warning", said: rtBoth("selectCell", { sheet: open.sheet }) } });
        return;
      }
      const items = desk.withItem(open.items, { code, comment: text });
      this.set({ notice: null, desk: { ...d, open: { ...open, items } } });
    });
  }

  removeReviewComment(code: string): void {
    const d = this.current.desk;
    if (!d?.open) return;
    this.set({ desk: { ...d, open: { ...d.open, items: d.open.items.filter((i) => i.code !== code) } } });
  }

  /** Accept, return (with the comment and the drafted per-cell comments) or reopen the open report. */
  decideReview(decision: "accept" | "return" | "reopen", comment: string): Promise<void> {
    return this.act(
      "busySubmitting",
      async () => {
        const d = this.current.desk;
        const open = d?.open;
        if (!d || !open) return;
        const api = this.reviewApi();
        const text = comment.trim();
        const answer = await api.review({
          unit: open.unit,
          period: open.period,
          revision: open.revision,
          decision,
          ...(text === "" ? {} : { comment: text }),
          ...(decision === "return" && open.items.length > 0 ? { items: open.items } : {}),
        });
        const list = await api.reviews(d.unit, d.period);
        const label = STATE_LABEL[answer.state];
        this.set({
          desk: { ...d, units: list.units, open: null },
          notice: {
            tone: "success",
            said: { vi: `${open.unit}: ${label.vi}.`, en: `${open.unit}: ${label.en}.` },
          },
        });
      },
      { clearNotice: true },
    );
  }

  // ---- Cài đặt -------------------------------------------------------------------------------------

  async saveSettings(patch: { serverUrl?: string; token?: string; lang?: Lang }): Promise<boolean> {
    const saved = await this.act(null, async () => {
      if (patch.serverUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(patch.serverUrl.trim())) {
        this.set({ notice: { tone: "error", said: { key: "settingsBadUrl" } } });
        return false;
      }
      const before = this.current.settings;
      await this.settingsStore.update(patch);
      const after = this.settingsStore.get();
      // Another server or token sees other units, and other reports.
      if (after.serverUrl !== before.serverUrl || after.token !== before.token) {
        this.set({ units: null, unitsPeriod: null, pulled: null });
      }
      this.set({ notice: { tone: "success", said: { key: "settingsSaved" } } });
      return true;
    });
    if (saved && this.queue.size > 0) void this.retryQueue(false);
    return saved === true;
  }

  async setLanguage(lang: Lang): Promise<void> {
    await this.act(null, () => this.settingsStore.update({ lang }));
  }

  // ---- plumbing ------------------------------------------------------------------------------------

  /**
   * Runs one piece of work after the previous one, with a progress message, and turns failures into a
   * notice: a user action never ends in an unhandled rejection.
   */
  private act<T>(
    busy: TextKey | null,
    work: () => Promise<T>,
    opts: { clearNotice?: boolean; clearResult?: boolean; background?: boolean } = {},
  ): Promise<T | undefined> {
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

  private set(patch: Partial<PaneState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }
}

function clean(opts: CreateOptions): CreateOptions {
  const out: CreateOptions = {};
  for (const [k, v] of Object.entries(opts) as [keyof CreateOptions, string | undefined][]) {
    if (v !== undefined && v.trim() !== "") out[k] = v.trim();
  }
  return out;
}
function pulledView(c: Consolidation, sheets: string[]): PulledView {
  const r = c.reporting;
  const names = unitNamesOf(c);
  const nameOf = (code: string) => names.get(code) ?? code;
  return {
    sheet: sheets[0] ?? "",
    sheets,
    unit: c.unit,
    unitName: c.name ?? c.unit,
    period: c.period,
    submitted: r.submitted,
    expected: r.expected,
    lateCount: r.late,
    late: (r.lateUnits ?? []).map(nameOf),
    missing: r.missing.map(nameOf),
    summary: c.summary?.text ?? null,
  };
}

function pulledNotice(c: Consolidation, sheets: string[]): Notice {
  const r = c.reporting;
  return {
    tone: "success",
    said: {
      key: "pullDone",
      params: { sheet: sheets.join(", "), submitted: r.submitted, expected: r.expected },
    },
  };
}
