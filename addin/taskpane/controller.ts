// The pane's orchestration, shared by the task pane and the ribbon commands (one runtime, one state):
// the one door the pane (view.ts) and the ribbon (commands.ts) go through. Each job lives in its own
// file as functions over PaneCore (pane-core.ts): Kiểm tra in check-action.ts and sheet-check.ts, Tạo
// mẫu in create-template.ts, a sheet's template version in template-news.ts, Gửi in submit-report.ts
// and queue-delivery.ts, Lấy tổng hợp in pull-consolidation.ts, Duyệt in review-actions.ts, Cài đặt in
// settings-actions.ts. No DOM here.
import type { Issue } from "../../shared/issues.ts";
import type { Lang } from "../../shared/messages/types.ts";
import { validate } from "./check-action.ts";
import { createDefaults, createTemplate, loadCreateDefaults } from "./create-template.ts";
import { type ControllerDeps, PaneCore } from "./pane-core.ts";
import type { CheckResult, CreateOptions, PaneState } from "./pane-state.ts";
import * as pulling from "./pull-consolidation.ts";
import { queueFailure, retryQueue } from "./queue-delivery.ts";
import * as reviewing from "./review-actions.ts";
import { fetchOwnScore } from "./score-view.ts";
import { saveSettings, setLanguage } from "./settings-actions.ts";
import { fixAll, fixIssue, selectIssue, sheetChanged } from "./sheet-check.ts";
import { confirmSubmit, resendOnCurrent, submit } from "./submit-report.ts";
import { getNewTemplate } from "./template-news.ts";

/** The pane's screens; each is drawn by the screen view.ts registers under the same name. */
export type PaneScreen = "main" | "create" | "pull" | "settings" | "review";

export type { ControllerDeps } from "./pane-core.ts";
export { errorSaid } from "./pane-core.ts";
export type {
  CheckResult,
  ConflictView,
  CreateOptions,
  Notice,
  PaneState,
  PulledView,
  ReceiptView,
  Said,
  TemplateNews,
  UnitOption,
} from "./pane-state.ts";
export { orderUnits } from "./unit-options.ts";

/** The window's `online` event (the browser says the network is back). */
export interface OnlineEvents {
  addEventListener(type: "online", listener: () => void): void;
  removeEventListener(type: "online", listener: () => void): void;
}

function initialState(deps: ControllerDeps): PaneState {
  const settings = deps.settings.get();
  const lastRefused = deps.queue.history().findLast((o) => o.kind === "refused");
  return {
    view: "main",
    lang: settings.lang,
    settings,
    busy: null,
    notice: null,
    check: null,
    templateNews: null,
    confirm: null,
    receipt: null,
    queued: false,
    refusal:
      lastRefused?.kind === "refused" ? { itemId: lastRefused.item.id, refusal: lastRefused.refusal } : null,
    conflict: null,
    pending: deps.queue.size,
    lastQueueFailure: queueFailure(deps),
    units: null,
    unitsPeriod: null,
    pulled: null,
    ownReview: null,
    desk: null,
    ownScore: null,
    pullReplace: null,
    completed: 0,
  };
}

export class Controller {
  private readonly core: PaneCore;
  private readonly retryIntervalMs: number;
  private retryTimer: ReturnType<typeof setInterval> | undefined;
  private stopWatching: (() => Promise<void>) | undefined;
  private readonly cleanups: (() => void)[] = [];

  constructor(deps: ControllerDeps) {
    const core = new PaneCore(deps, initialState(deps));
    this.core = core;
    this.retryIntervalMs = deps.retryIntervalMs ?? 15_000;
    this.cleanups.push(
      core.queue.subscribe(() =>
        core.set({ pending: core.queue.size, lastQueueFailure: queueFailure(core) }),
      ),
      core.settingsStore.subscribe((s) => core.set({ settings: s, lang: s.lang })),
    );
  }

  get state(): Readonly<PaneState> {
    return this.core.state;
  }

  subscribe(listener: (state: PaneState) => void): () => void {
    return this.core.subscribe(listener);
  }

  /** Starts the background work: re-check on edits, retry the queue on a timer and when back online. */
  async start(scope?: OnlineEvents): Promise<void> {
    await this.core.templates.load();
    this.retryTimer = setInterval(() => void this.retryQueue(false), this.retryIntervalMs);
    if (scope) {
      const online = () => void this.retryQueue(true);
      scope.addEventListener("online", online);
      this.cleanups.push(() => scope.removeEventListener("online", online));
    }
    try {
      this.stopWatching = await this.core.excel.onChanged((sheet) => sheetChanged(this.core, sheet));
    } catch {
      // Hosts without worksheet events (ExcelApi < 1.7) still work: the user presses Kiểm tra.
    }
    if (this.core.queue.size > 0) void this.retryQueue(false);
  }

  async stop(): Promise<void> {
    if (this.retryTimer !== undefined) clearInterval(this.retryTimer);
    if (this.core.debounce !== undefined) clearTimeout(this.core.debounce);
    for (const c of this.cleanups.splice(0)) c();
    await this.stopWatching?.();
    await this.core.settle();
  }

  /** Resolves once every queued piece of work (including a pending debounced re-check) is done. */
  whenIdle(): Promise<void> {
    return this.core.whenIdle();
  }

  showView(view: PaneScreen): void {
    const core = this.core;
    core.set({ view, notice: null });
    if (!core.state.settings.token) return;
    // The pull form lists the units of the period it starts with; the create and review forms today's units.
    if (view === "pull") {
      const { period } = pulling.pullDefaults(core);
      if (core.state.units === null || core.state.unitsPeriod !== period) void this.loadUnits(period);
    } else if ((view === "create" || view === "review") && core.state.units === null) void this.loadUnits();
  }

  dismissNotice(): void {
    this.core.set({ notice: null });
  }

  async dismissRefusal(): Promise<void> {
    const r = this.core.state.refusal;
    this.core.set({ refusal: null });
    if (r) await this.core.queue.dismiss(r.itemId);
  }

  // ---- Tạo mẫu (create-template.ts, template-news.ts) ----------------------------------------------
  createDefaults = (): CreateOptions => createDefaults(this.core);
  loadCreateDefaults = (): Promise<CreateOptions> => loadCreateDefaults(this.core);
  createTemplate = (opts?: CreateOptions): Promise<void> => createTemplate(this.core, opts);
  /** "Tải mẫu mới": Tạo mẫu for the template the checked sheet's period now uses. */
  getNewTemplate = (): Promise<void> => getNewTemplate(this.core);

  // ---- Kiểm tra, Sửa (check-action.ts, sheet-check.ts) ---------------------------------------------
  validate = (): Promise<CheckResult | undefined> => validate(this.core);
  selectIssue = (issue: Issue): Promise<void> => selectIssue(this.core, issue);
  fixIssue = (issue: Issue): Promise<void> => fixIssue(this.core, issue);
  fixAll = (): Promise<void> => fixAll(this.core);

  // ---- Gửi báo cáo (submit-report.ts, queue-delivery.ts) -------------------------------------------
  submit = (opts?: { confirmed?: boolean }): Promise<void> => submit(this.core, opts);
  confirmSubmit = (): Promise<void> => confirmSubmit(this.core);
  cancelConfirm = (): void => this.core.set({ confirm: null });
  retryQueue = (force = true): Promise<void> => retryQueue(this.core, force);
  resendOnCurrent = (): Promise<void> => resendOnCurrent(this.core);

  // ---- Lấy tổng hợp (pull-consolidation.ts) ------------------------------------------------------
  loadUnits = (period?: string): Promise<void> => pulling.loadUnits(this.core, period);
  pullDefaults = (): { period: string } => pulling.pullDefaults(this.core);
  /** Opens the pull form (the ribbon's "Lấy tổng hợp" lands here with the pane shown). */
  openPull = (): void => this.showView("pull");
  pull = (unit: string, period: string, compare?: string, replace = false): Promise<void> =>
    pulling.pull(this.core, unit, period, compare, replace);
  confirmPullReplace = (): Promise<void> => pulling.confirmPullReplace(this.core);
  cancelPullReplace = (): void => this.core.set({ pullReplace: null });
  /** The unit's own score and what it misses per criterion (score-view.ts draws it). */
  loadOwnScore = (unit: string, period: string): Promise<void> =>
    this.core
      .act(null, async () => {
        this.core.set({ ownScore: await fetchOwnScore(this.core.client(), unit, period) });
      })
      .then(() => undefined);

  // ---- Duyệt báo cáo (review-actions.ts) ---------------------------------------------------------
  openReviewDesk = (): void => this.showView("review");
  loadReviewList = (unit: string, period: string): Promise<void> =>
    reviewing.loadReviewList(this.core, unit, period);
  openReview = (unit: string): Promise<void> => reviewing.openReview(this.core, unit);
  addReviewComment = (comment: string): Promise<void> => reviewing.addReviewComment(this.core, comment);
  removeReviewComment = (code: string): void => reviewing.removeReviewComment(this.core, code);
  decideReview = (decision: "accept" | "return" | "reopen", comment: string): Promise<void> =>
    reviewing.decideReview(this.core, decision, comment);

  // ---- Cài đặt (settings-actions.ts) -------------------------------------------------------------
  saveSettings = (patch: { serverUrl?: string; token?: string; lang?: Lang }): Promise<boolean> =>
    saveSettings(this.core, patch);
  setLanguage = (lang: Lang): Promise<void> => setLanguage(this.core, lang);
}
