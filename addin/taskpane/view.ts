// Draws the controller's state as DOM and turns clicks into controller calls. No decisions here: what to
// show comes from PaneState, every word from ui/text.ts, every issue sentence from shared/messages.

import { PERIOD_RE } from "../../shared/api/schemas.ts";
import { samePeriodYearBefore } from "../../shared/consolidation/compared-period.ts";
import { chooseFixes } from "../../shared/fixes.ts";
import { formatDateTimeVn } from "../../shared/format/vietnam-time.ts";
import type { Issue } from "../../shared/issues.ts";
import { formatNumber } from "../../shared/messages/format-number.ts";
import { formatIssue } from "../../shared/messages/index.ts";
import { type Lang, type TextKey, type TextParams, t } from "../ui/text.ts";
import type {
  CheckResult,
  ConflictView,
  Controller,
  Notice,
  PaneState,
  PulledView,
  ReceiptView,
  Said,
} from "./controller.ts";
import { type Child, h, icon } from "./dom.ts";
import { ICONS } from "./icons.ts";
import { ownReviewCard, reviewDeskView, reviewToolButton } from "./review-view.ts";
import { ownScoreCard } from "./score-view.ts";
import type { ChangeValue } from "./submission.ts";

/** Quiet time after the last keystroke in the pull form's period before its units are loaded. */
const PERIOD_SETTLE_MS = 600;

interface Drafts {
  settings: { serverUrl: string; token: string; lang: Lang };
  /** `compare` null: follow the period (the same period a year earlier) until the user types one. */
  pull: { unit: string; period: string; compare: string | null };
  create: { unitCode: string; unitName: string; period: string; reporter: string; phone: string };
}

export function say(said: Said, lang: Lang): string {
  return "key" in said ? t(said.key, lang, said.params) : said[lang];
}

/** Local date and time as its readers write it (vi: 14:05:09 23/11/2026). `timeOnly` for today's events. */
/** Every time a person reads: Vietnam time, dd/mm/yyyy hh:mm, whatever the computer's own zone. */
function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDateTimeVn(d);
}

function formatValue(v: ChangeValue, lang: Lang): string {
  if (v === null) return "—";
  return typeof v === "number" ? formatNumber(v, lang) : v;
}

/**
 * A fix's value as the message that proposes it writes it: whole numbers without grouping, so the fix of
 * the text "92.387" reads 92387 and cannot be mistaken for the text itself.
 */
function fixValue(v: number | string, lang: Lang): string {
  if (typeof v === "string") return `“${v}”`;
  return Number.isInteger(v) ? String(v) : formatNumber(v, lang);
}

export class PaneView {
  private drafts: Drafts;
  private lastView: PaneState["view"] | undefined;
  private periodTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly controller: Controller,
  ) {
    this.drafts = this.freshDrafts(controller.state);
    controller.subscribe((s) => this.render(s));
    this.render(controller.state);
  }

  private tr(key: TextKey, params?: TextParams): string {
    return t(key, this.controller.state.lang, params);
  }

  private freshDrafts(s: PaneState): Drafts {
    const defaults = this.controller.createDefaults();
    const firstUnit = s.settings.pull?.unit ?? s.units?.[0]?.code ?? "";
    return {
      settings: { serverUrl: s.settings.serverUrl, token: s.settings.token, lang: s.settings.lang },
      pull: { unit: firstUnit, period: this.controller.pullDefaults().period, compare: null },
      create: {
        unitCode: defaults.unitCode ?? "",
        unitName: defaults.unitName ?? "",
        period: defaults.period ?? "",
        reporter: "",
        phone: "",
      },
    };
  }

  /** Whole re-render; the focused field and its caret survive it so typing is never interrupted. */
  render(s: PaneState): void {
    if (s.view !== this.lastView) {
      this.drafts = this.freshDrafts(s);
      this.lastView = s.view;
    }
    // A unit the chosen period's tree does not hold (a district ended in 2025) gives way to the first.
    const pulled = this.drafts.pull;
    if (s.view === "pull" && s.units?.[0] && !s.units.some((u) => u.code === pulled.unit))
      pulled.unit = s.units[0].code;
    if (s.view === "create" && this.drafts.create.unitCode === "" && s.units?.[0]) {
      this.drafts.create.unitCode = s.units[0].code;
      this.drafts.create.unitName = s.units[0].name;
    }
    const active = document.activeElement as HTMLInputElement | null;
    const focusId = active?.id;
    const caret: [number, number] | null =
      active && typeof active.selectionStart === "number"
        ? [active.selectionStart, active.selectionEnd ?? active.selectionStart]
        : null;

    document.documentElement.lang = s.lang;
    this.root.dataset.completed = String(s.completed);
    const parts: (HTMLElement | null)[] = [
      this.header(s),
      this.toolbar(s),
      this.statusLine(s),
      s.busy ? this.progress(s.busy) : null,
      s.notice ? this.noticeBar(s.notice) : null,
      h("main", { class: "content" }, ...this.content(s)),
      s.confirm ? this.confirmDialog(s.confirm.warnings) : null,
      s.pullReplace ? this.pullReplaceDialog(s.pullReplace.sheets) : null,
    ];
    this.root.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));

    if (focusId) {
      const el = document.getElementById(focusId) as HTMLInputElement | null;
      if (el) {
        el.focus();
        if (caret && typeof el.setSelectionRange === "function") {
          try {
            el.setSelectionRange(caret[0], caret[1]);
          } catch {
            // <select> and some input types have no caret.
          }
        }
      }
    }
  }

  private content(s: PaneState): Child[] {
    switch (s.view) {
      case "settings":
        return [this.settingsView(s)];
      case "pull":
        return [this.pullView(s), s.pulled ? this.pulledCard(s.pulled, s.lang) : null];
      case "create":
        return [this.createView(s)];
      case "review":
        return reviewDeskView(s, this.controller);
      default:
        return [
          s.conflict ? this.conflictCard(s.conflict) : null,
          s.refusal ? this.refusalCard(s) : null,
          s.queued ? this.queuedCard() : null,
          s.receipt ? this.receiptCard(s.receipt) : null,
          ownReviewCard(s.ownReview, s.lang),
          ownScoreCard(s.check?.report, s.ownScore, s.lang, s.busy !== null, this.controller),
          this.issuesPanel(s),
        ];
    }
  }

  // ---- chrome --------------------------------------------------------------------------------------

  private header(s: PaneState): HTMLElement {
    return h(
      "header",
      { class: "app-header" },
      h("img", { class: "app-logo", src: "assets/icon-32.png", alt: "" }),
      h(
        "div",
        { class: "app-titles" },
        h("h1", { class: "app-title" }, this.tr("appTitle")),
        h("div", { class: "app-subtitle" }, this.tr("appSubtitle")),
      ),
      h(
        "button",
        {
          class: `icon-button${s.view === "settings" ? " is-selected" : ""}`,
          title: this.tr("actionSettings"),
          aria: { label: this.tr("actionSettings") },
          data: { testid: "open-settings" },
          onClick: () => this.controller.showView(s.view === "settings" ? "main" : "settings"),
        },
        icon(ICONS.settings),
      ),
    );
  }

  private toolbar(s: PaneState): HTMLElement {
    const busy = s.busy !== null;
    const button = (key: TextKey, svg: string, testid: string, run: () => void, selected = false) =>
      h(
        "button",
        {
          class: `tool-button${selected ? " is-selected" : ""}`,
          disabled: busy,
          data: { testid },
          onClick: run,
        },
        icon(svg, "icon icon-24"),
        h("span", { class: "tool-label" }, this.tr(key)),
      );
    return h(
      "nav",
      { class: "toolbar", aria: { label: this.tr("appTitle") } },
      button(
        "actionCreate",
        ICONS.create,
        "action-create",
        () => this.controller.showView("create"),
        s.view === "create",
      ),
      button("actionValidate", ICONS.validate, "action-validate", () => void this.controller.validate()),
      button("actionSubmit", ICONS.submit, "action-submit", () => void this.controller.submit()),
      button("actionPull", ICONS.pull, "action-pull", () => this.controller.openPull(), s.view === "pull"),
      reviewToolButton(s, () => this.controller.openReviewDesk()),
    );
  }

  private statusLine(s: PaneState): HTMLElement {
    const waiting = s.pending > 0;
    const text = waiting
      ? this.tr("statusQueued", { n: s.pending })
      : s.settings.token
        ? this.tr("statusReady")
        : this.tr("statusNoToken");
    return h(
      "div",
      { class: `status-line${waiting ? " is-waiting" : ""}`, role: "status", data: { testid: "status" } },
      h("span", { class: "status-dot", aria: { hidden: "true" } }),
      h(
        "span",
        { class: "status-text" },
        h("span", { data: { testid: "status-text" } }, text),
        waiting && s.lastQueueFailure
          ? h(
              "span",
              { class: "status-detail" },
              s.lastQueueFailure.status === null
                ? this.tr("statusLastNetwork")
                : this.tr("statusLastServer", { status: s.lastQueueFailure.status }),
            )
          : null,
      ),
      waiting
        ? h(
            "button",
            {
              class: "button button-small",
              disabled: s.busy !== null,
              data: { testid: "retry-queue" },
              onClick: () => void this.controller.retryQueue(true),
            },
            icon(ICONS.retry, "icon icon-16"),
            this.tr("actionRetry"),
          )
        : null,
    );
  }

  private progress(key: TextKey): HTMLElement {
    return h(
      "div",
      {
        class: "progress",
        role: "progressbar",
        aria: { busy: "true", label: this.tr(key) },
        data: { testid: "progress" },
      },
      h("div", { class: "progress-track" }, h("div", { class: "progress-bar" })),
      h("div", { class: "progress-label" }, this.tr(key)),
    );
  }

  private noticeBar(n: Notice): HTMLElement {
    const svg = { info: ICONS.info, success: ICONS.success, warning: ICONS.warning, error: ICONS.error }[
      n.tone
    ];
    return h(
      "div",
      {
        class: `message-bar tone-${n.tone}`,
        role: n.tone === "error" ? "alert" : "status",
        data: { testid: "notice" },
      },
      icon(svg, "icon message-icon"),
      h("div", { class: "message-text" }, say(n.said, this.controller.state.lang)),
      h(
        "button",
        {
          class: "icon-button icon-button-small",
          title: this.tr("actionDismiss"),
          aria: { label: this.tr("actionDismiss") },
          onClick: () => this.controller.dismissNotice(),
        },
        icon(ICONS.dismiss, "icon icon-16"),
      ),
    );
  }

  private confirmDialog(warnings: number): HTMLElement {
    return this.modal({
      id: "confirm",
      title: this.tr("confirmTitle"),
      body: this.tr("confirmBody", { n: warnings }),
      cancel: () => this.controller.cancelConfirm(),
      confirm: {
        testid: "confirm-send",
        label: this.tr("actionConfirmSend"),
        run: () => this.controller.confirmSubmit(),
      },
    });
  }

  /** A modal question with Cancel and one confirming button (send with warnings, replace a pull). */
  private modal(d: {
    id: string;
    title: string;
    body: string;
    cancel: () => void;
    confirm: { testid: string; label: string; run: () => Promise<void> };
  }): HTMLElement {
    return h(
      "div",
      { class: "dialog-backdrop" },
      h(
        "div",
        {
          class: "dialog",
          role: "dialog",
          aria: { modal: "true", labelledby: `${d.id}-title` },
          data: { testid: d.id },
        },
        h("h2", { class: "dialog-title", id: `${d.id}-title` }, d.title),
        h("p", { class: "dialog-body" }, d.body),
        h(
          "div",
          { class: "dialog-actions" },
          h("button", { class: "button", onClick: d.cancel }, this.tr("actionCancel")),
          h(
            "button",
            {
              class: "button button-primary",
              data: { testid: d.confirm.testid },
              onClick: () => void d.confirm.run(),
            },
            d.confirm.label,
          ),
        ),
      ),
    );
  }

  // ---- main view: results ----------------------------------------------------------------------------

  private issuesPanel(s: PaneState): HTMLElement {
    const check = s.check;
    if (!check) {
      return h(
        "section",
        { class: "card card-empty", data: { testid: "issues" } },
        icon(ICONS.validate, "icon icon-32 empty-icon"),
        h("p", {}, this.tr("issuesNotChecked")),
      );
    }
    const errors = check.issues.filter((i) => i.severity === "error");
    const warnings = check.issues.filter((i) => i.severity !== "error");
    const fixable = check.fixable;
    return h(
      "section",
      { class: "card", data: { testid: "issues" } },
      cardHeader(
        null,
        this.tr("issuesTitle"),
        h(
          "div",
          { class: "card-meta" },
          this.tr("issuesSheet", { sheet: check.sheet, time: formatTime(check.at) }),
        ),
      ),
      h(
        "div",
        { class: "counts" },
        h(
          "span",
          { class: `badge badge-error${errors.length ? "" : " is-zero"}`, data: { testid: "count-errors" } },
          this.tr("countErrors", { n: errors.length }),
        ),
        h(
          "span",
          {
            class: `badge badge-warning${warnings.length ? "" : " is-zero"}`,
            data: { testid: "count-warnings" },
          },
          this.tr("countWarnings", { n: warnings.length }),
        ),
        h("span", { class: "spacer" }),
        fixable > 0
          ? h(
              "button",
              {
                class: "button button-small",
                disabled: s.busy !== null,
                data: { testid: "fix-all" },
                onClick: () => void this.controller.fixAll(),
              },
              this.tr("actionFixAll", { n: fixable }),
            )
          : null,
      ),
      check.issues.length === 0
        ? h(
            "div",
            { class: "all-clear", data: { testid: "all-clear" } },
            icon(ICONS.success, "icon"),
            this.tr("issuesNone"),
          )
        : null,
      errors.length ? this.issueGroup("error", errors, check, s) : null,
      warnings.length ? this.issueGroup("warning", warnings, check, s) : null,
    );
  }

  private issueGroup(
    severity: "error" | "warning",
    issues: Issue[],
    check: CheckResult,
    s: PaneState,
  ): HTMLElement {
    const title = severity === "error" ? "groupErrors" : "groupWarnings";
    return h(
      "div",
      { class: `issue-group group-${severity}` },
      h(
        "h3",
        { class: "group-title" },
        icon(severity === "error" ? ICONS.error : ICONS.warning, "icon icon-16"),
        `${this.tr(title)} (${issues.length})`,
      ),
      h("ul", { class: "issue-list" }, ...issues.map((i) => this.issueItem(i, check, s))),
    );
  }

  private issueItem(issue: Issue, check: CheckResult, s: PaneState): HTMLElement {
    // The cell is a chip and the row a heading, so the sentence is formatted without its "Ô F14 (…):" prefix.
    const { cell: _cell, indicator, ...bare } = issue;
    const text = formatIssue(bare, check.template, s.lang, "addin");
    const label = check.template?.indicators.find((i) => i.code === indicator)?.label[s.lang];
    // Only a fix the shared chooser keeps: a cell two issues want changed differently gets no button.
    const fix = issue.fix && chooseFixes(check.issues).fixes.find((f) => f.address === issue.cell);
    const select = () => void this.controller.selectIssue(issue);
    return h(
      "li",
      {
        class: `issue issue-${issue.severity}`,
        data: { testid: "issue", cell: issue.cell ?? "", code: issue.code },
      },
      h(
        "button",
        {
          class: "issue-main",
          title: issue.cell ? this.tr("issueGoTo", { cell: issue.cell }) : undefined,
          onClick: select,
        },
        issue.cell ? h("span", { class: "cell-chip" }, issue.cell) : null,
        h(
          "span",
          { class: "issue-text" },
          indicator ? h("span", { class: "issue-row" }, label ? `${indicator} · ${label}` : indicator) : null,
          h("span", { class: "issue-message" }, text),
          fix
            ? h(
                "span",
                { class: "issue-fix-hint" },
                fix.value === null
                  ? this.tr("issueFixClear")
                  : this.tr("issueFixTo", { value: fixValue(fix.value, s.lang) }),
              )
            : null,
        ),
      ),
      fix
        ? h(
            "button",
            {
              class: "button button-small",
              disabled: s.busy !== null,
              data: { testid: "fix" },
              onClick: () => void this.controller.fixIssue(issue),
            },
            this.tr("actionFix"),
          )
        : null,
    );
  }

  private receiptCard(r: ReceiptView): HTMLElement {
    const lang = this.controller.state.lang;
    const rc = r.receipt;
    const row = (label: TextKey, value: Child, testid?: string) =>
      h(
        "div",
        { class: "kv" },
        h("dt", {}, this.tr(label)),
        h("dd", testid ? { data: { testid } } : {}, value),
      );
    return h(
      "section",
      { class: "card card-success", data: { testid: "receipt" } },
      cardHeader(
        ICONS.success,
        this.tr("receiptTitle"),
        r.fromQueue ? h("span", { class: "tag" }, this.tr("receiptFromQueue")) : null,
      ),
      h(
        "dl",
        { class: "kv-list" },
        row("receiptRevision", String(rc.revision), "receipt-revision"),
        row("receiptUnit", rc.unit),
        row("receiptPeriod", rc.period),
        row("receiptTime", formatTime(rc.receivedAt), "receipt-time"),
        row("receiptSummary", rc.summary.text[lang], "receipt-summary"),
      ),
      r.replayed ? h("p", { class: "card-note" }, this.tr("receiptReplayed")) : null,
      rc.warnings.length
        ? h(
            "details",
            { class: "server-warnings" },
            h("summary", {}, this.tr("receiptWarnings", { n: rc.warnings.length })),
            h("ul", {}, ...rc.warnings.map((w) => h("li", {}, w.i18n?.[lang] ?? w.message))),
          )
        : null,
    );
  }

  private queuedCard(): HTMLElement {
    return h(
      "section",
      { class: "card card-warning", data: { testid: "queued" } },
      cardHeader(ICONS.queue, this.tr("queuedTitle")),
      h("p", { class: "card-body" }, this.tr("queuedBody")),
    );
  }

  private refusalCard(s: PaneState): HTMLElement {
    const r = s.refusal!.refusal;
    const lang = s.lang;
    return h(
      "section",
      { class: "card card-error", data: { testid: "refusal" } },
      cardHeader(
        ICONS.error,
        this.tr("refusedTitle"),
        h(
          "button",
          {
            class: "icon-button icon-button-small",
            title: this.tr("actionDismiss"),
            onClick: () => void this.controller.dismissRefusal(),
          },
          icon(ICONS.dismiss, "icon icon-16"),
        ),
      ),
      h("p", { class: "card-body" }, r.i18n?.[lang] ?? r.message, ` (${r.status} ${r.code})`),
      r.issues?.length
        ? h("ul", { class: "plain-list" }, ...r.issues.map((i) => h("li", {}, i.i18n?.[lang] ?? i.message)))
        : null,
      h("p", { class: "card-note" }, this.tr("refusedBody")),
    );
  }

  private conflictCard(c: ConflictView): HTMLElement {
    const lang = this.controller.state.lang;
    const fieldKey = { target: "fieldTarget", actual: "fieldActual", note: "fieldNote" } as const;
    return h(
      "section",
      { class: "card card-warning", data: { testid: "conflict" } },
      cardHeader(ICONS.warning, this.tr("conflictTitle")),
      h(
        "p",
        { class: "card-body" },
        this.tr("conflictBody", {
          ours: c.ours === undefined ? this.tr("conflictNever") : String(c.ours),
          current: c.current,
          time: c.receivedAt ? formatTime(c.receivedAt) : "—",
        }),
      ),
      c.changes.length === 0
        ? h("p", { class: "card-note" }, this.tr("conflictNone"))
        : h(
            "table",
            { class: "diff-table", data: { testid: "conflict-changes" } },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", {}, this.tr("conflictColCode")),
                h("th", {}, this.tr("conflictColField")),
                h("th", { class: "num" }, this.tr("conflictColServer")),
                h("th", { class: "num" }, this.tr("conflictColSheet")),
              ),
            ),
            h(
              "tbody",
              {},
              ...c.changes.map((ch) =>
                h(
                  "tr",
                  {},
                  h("td", {}, ch.code),
                  h("td", {}, this.tr(fieldKey[ch.field])),
                  h("td", { class: "num" }, formatValue(ch.server, lang)),
                  h("td", { class: "num" }, formatValue(ch.sheet, lang)),
                ),
              ),
            ),
          ),
      h(
        "div",
        { class: "card-actions" },
        h(
          "button",
          {
            class: "button button-primary",
            data: { testid: "resend" },
            onClick: () => void this.controller.resendOnCurrent(),
          },
          icon(ICONS.submit, "icon icon-16"),
          this.tr("actionResend", { revision: c.current }),
        ),
      ),
    );
  }

  // ---- forms ---------------------------------------------------------------------------------------

  private field(id: string, label: TextKey, control: HTMLElement, hint?: TextKey): HTMLElement {
    return h(
      "div",
      { class: "field" },
      h("label", { class: "field-label", for: id }, this.tr(label)),
      control,
      hint ? h("div", { class: "field-hint" }, this.tr(hint)) : null,
    );
  }

  private input<K extends keyof Drafts, F extends keyof Drafts[K] & string>(
    form: K,
    name: F,
    opts: { type?: string; placeholder?: string; autocomplete?: string } = {},
  ): HTMLElement {
    const id = `${form}-${name}`;
    return h("input", {
      class: "input",
      id,
      name,
      type: opts.type ?? "text",
      value: String(this.drafts[form][name]),
      placeholder: opts.placeholder,
      autocomplete: opts.autocomplete ?? "off",
      spellcheck: false,
      data: { testid: id },
      onInput: (e) => {
        (this.drafts[form] as Record<string, string>)[name] = (e.target as HTMLInputElement).value;
      },
    });
  }

  private unitSelect(id: string, s: PaneState, value: string, onPick: (code: string) => void): HTMLElement {
    const units = s.units ?? [];
    return h(
      "select",
      {
        class: "input select",
        id,
        data: { testid: id },
        onChange: (e) => onPick((e.target as HTMLSelectElement).value),
      },
      ...units.map((u) =>
        h(
          "option",
          { value: u.code, selected: u.code === value },
          `${"\u00a0\u00a0".repeat(u.depth)}${u.name} (${u.code})`,
        ),
      ),
    );
  }

  private viewHeader(title: TextKey, hint?: string): Child[] {
    return [
      h(
        "div",
        { class: "view-header" },
        h(
          "button",
          {
            class: "icon-button",
            title: this.tr("actionBack"),
            aria: { label: this.tr("actionBack") },
            data: { testid: "back" },
            onClick: () => this.controller.showView("main"),
          },
          icon(ICONS.back),
        ),
        h("h2", { class: "view-title" }, this.tr(title)),
      ),
      hint ? h("p", { class: "view-hint" }, hint) : null,
    ];
  }

  private settingsView(s: PaneState): HTMLElement {
    const d = this.drafts.settings;
    const langOption = (lang: Lang, key: TextKey) =>
      h(
        "label",
        { class: "radio" },
        h("input", {
          type: "radio",
          name: "lang",
          value: lang,
          checked: d.lang === lang,
          data: { testid: `settings-lang-${lang}` },
          onChange: () => {
            d.lang = lang;
            // Switching language takes effect at once: the whole pane re-renders in it.
            void this.controller.setLanguage(lang);
          },
        }),
        h("span", {}, this.tr(key)),
      );
    return h(
      "form",
      {
        class: "card form",
        data: { testid: "settings" },
        onSubmit: (e) => {
          e.preventDefault();
          void this.controller.saveSettings({ serverUrl: d.serverUrl, token: d.token, lang: d.lang });
        },
      },
      ...this.viewHeader("settingsTitle"),
      this.field(
        "settings-serverUrl",
        "settingsServer",
        this.input("settings", "serverUrl", { type: "url", placeholder: "https://…" }),
      ),
      this.field(
        "settings-token",
        "settingsToken",
        this.input("settings", "token", { type: "password", autocomplete: "off" }),
        "settingsTokenHint",
      ),
      h(
        "fieldset",
        { class: "field" },
        h("legend", { class: "field-label" }, this.tr("settingsLanguage")),
        h("div", { class: "radio-group" }, langOption("vi", "langVi"), langOption("en", "langEn")),
      ),
      h(
        "div",
        { class: "form-actions" },
        h(
          "button",
          {
            class: "button button-primary",
            type: "submit",
            disabled: s.busy !== null,
            data: { testid: "settings-save" },
          },
          this.tr("actionSave"),
        ),
      ),
    );
  }

  private pullReplaceDialog(sheets: string[]): HTMLElement {
    return this.modal({
      id: "pull-replace",
      title: this.tr("pullReplaceTitle"),
      body: this.tr("pullReplaceBody", { sheets: sheets.join(", ") }),
      cancel: () => this.controller.cancelPullReplace(),
      confirm: {
        testid: "pull-replace-confirm",
        label: this.tr("actionReplace"),
        run: () => this.controller.confirmPullReplace(),
      },
    });
  }

  /** Reported on time / late / missing as one bar: the picture of the pull, with its words beside it. */
  private reportingBar(p: PulledView): HTMLElement {
    const missing = Math.max(0, p.expected - p.submitted);
    const onTime = Math.max(0, p.submitted - p.lateCount);
    const pct = (n: number) => (p.expected > 0 ? `${((n / p.expected) * 100).toFixed(1)}%` : "0%");
    const label = this.tr("pulledBar", { onTime, late: p.lateCount, missing, expected: p.expected });
    const part = (cls: string, n: number) =>
      n > 0 ? h("div", { class: `reporting-bar-part ${cls}`, styleWidth: pct(n), title: String(n) }) : null;
    return h(
      "div",
      { class: "reporting-bar-block" },
      h(
        "div",
        { class: "reporting-bar", role: "img", aria: { label }, data: { testid: "pulled-bar" } },
        part("bar-on-time", onTime),
        part("bar-late", p.lateCount),
        part("bar-missing", missing),
      ),
      h("div", { class: "reporting-bar-legend" }, label),
    );
  }

  private pulledCard(p: PulledView, lang: Lang): HTMLElement {
    const row = (label: TextKey, value: Child, testid?: string) =>
      h(
        "div",
        { class: "kv" },
        h("dt", {}, this.tr(label)),
        h("dd", testid ? { data: { testid } } : {}, value),
      );
    const names = (list: string[]) => (list.length ? list.join("; ") : this.tr("pulledNone"));
    return h(
      "section",
      { class: "card card-success", data: { testid: "pulled" } },
      cardHeader(ICONS.pull, this.tr("pulledTitle")),
      this.reportingBar(p),
      h(
        "dl",
        { class: "kv-list" },
        row("pulledSheet", p.sheet, "pulled-sheet"),
        row("pulledSheets", p.sheets.join(" · "), "pulled-sheets"),
        row("pulledUnit", `${p.unitName} (${p.unit})`),
        row(
          "pulledSubmitted",
          this.tr("pulledSubmittedValue", { submitted: p.submitted, expected: p.expected }),
        ),
        row("pulledLate", names(p.late)),
        row("pulledMissing", names(p.missing)),
        p.summary ? row("pulledTargets", p.summary[lang]) : null,
        p.compare ? row("pulledCompare", p.compare) : null,
      ),
    );
  }

  private pullView(s: PaneState): HTMLElement {
    const d = this.drafts.pull;
    const units = s.units;
    return h(
      "form",
      {
        class: "card form",
        data: { testid: "pull" },
        onSubmit: (e) => {
          e.preventDefault();
          if (d.unit) void this.controller.pull(d.unit, d.period, this.compareOf(d));
        },
      },
      ...this.viewHeader("pullTitle", this.tr("pullHint")),
      units && units.length > 0
        ? this.field(
            "pull-unit",
            "fieldUnit",
            this.unitSelect("pull-unit", s, d.unit, (code) => {
              d.unit = code;
            }),
          )
        : h("p", { class: "card-note" }, this.tr("pullNoUnits")),
      this.field("pull-period", "fieldPeriod", this.pullPeriodInput(), "fieldPeriodHint"),
      this.field("pull-compare", "fieldCompare", this.pullCompareInput(), "fieldCompareHint"),
      h(
        "div",
        { class: "form-actions" },
        h(
          "button",
          {
            class: "button",
            type: "button",
            disabled: s.busy !== null,
            onClick: () => void this.controller.loadUnits(d.period),
          },
          icon(ICONS.retry, "icon icon-16"),
          this.tr("actionReloadUnits"),
        ),
        h(
          "button",
          {
            class: "button button-primary",
            type: "submit",
            disabled: s.busy !== null || !units?.length,
            data: { testid: "pull-submit" },
          },
          icon(ICONS.pull, "icon icon-16"),
          this.tr("actionPullSheet"),
        ),
      ),
    );
  }

  /** The compare field's value: what the user typed, else the same period a year earlier. */
  private compareOf(d: Drafts["pull"]): string {
    return d.compare ?? samePeriodYearBefore(d.period) ?? "";
  }

  /** A text field of the pull form whose value is not a plain draft field. */
  private pullInput(
    name: "period" | "compare",
    value: string,
    onInput: (value: string) => void,
    onChange?: () => void,
  ): HTMLElement {
    return h("input", {
      class: "input",
      id: `pull-${name}`,
      name,
      type: "text",
      value,
      placeholder: name === "period" ? "2026" : "2025",
      autocomplete: "off",
      spellcheck: false,
      data: { testid: `pull-${name}` },
      onInput: (e) => onInput((e.target as HTMLInputElement).value),
      ...(onChange && { onChange }),
    });
  }

  /** The period: typing moves the proposed comparison along and, once it settles, loads its units. */
  private pullPeriodInput(): HTMLElement {
    const d = this.drafts.pull;
    return this.pullInput("period", d.period, (value) => {
      d.period = value;
      const compare = document.getElementById("pull-compare") as HTMLInputElement | null;
      if (compare && d.compare === null) compare.value = this.compareOf(d);
      // Once typing stops on a valid period, list that period's units (not on blur: a re-render
      // while the pointer is on "Lấy tổng hợp" would swallow the click).
      clearTimeout(this.periodTimer);
      this.periodTimer = setTimeout(() => {
        const p = d.period.trim();
        if (PERIOD_RE.test(p) && p !== this.controller.state.unitsPeriod) void this.controller.loadUnits(p);
      }, PERIOD_SETTLE_MS);
    });
  }

  private pullCompareInput(): HTMLElement {
    const d = this.drafts.pull;
    return this.pullInput("compare", this.compareOf(d), (value) => {
      d.compare = value;
    });
  }

  private createView(s: PaneState): HTMLElement {
    const d = this.drafts.create;
    const units = s.units;
    return h(
      "form",
      {
        class: "card form",
        data: { testid: "create" },
        onSubmit: (e) => {
          e.preventDefault();
          void this.controller.createTemplate({ ...d });
        },
      },
      ...this.viewHeader("createTitle", this.tr("createHint", { template: "doan-2024" })),
      units && units.length > 0
        ? this.field(
            "create-unit",
            "fieldUnit",
            this.unitSelect("create-unit", s, d.unitCode, (code) => {
              d.unitCode = code;
              d.unitName = units.find((u) => u.code === code)?.name ?? "";
            }),
          )
        : h(
            "div",
            { class: "field-row" },
            this.field(
              "create-unitCode",
              "fieldUnitCode",
              this.input("create", "unitCode", { placeholder: "SL.MAISON" }),
            ),
            this.field("create-unitName", "fieldUnitName", this.input("create", "unitName")),
          ),
      this.field(
        "create-period",
        "fieldPeriod",
        this.input("create", "period", { placeholder: "2023" }),
        "fieldPeriodHint",
      ),
      h(
        "div",
        { class: "field-row" },
        this.field(
          "create-reporter",
          "fieldReporter",
          this.input("create", "reporter", { autocomplete: "name" }),
        ),
        this.field(
          "create-phone",
          "fieldPhone",
          this.input("create", "phone", { type: "tel", autocomplete: "tel" }),
        ),
      ),
      h(
        "div",
        { class: "form-actions" },
        h(
          "button",
          {
            class: "button button-primary",
            type: "submit",
            disabled: s.busy !== null,
            data: { testid: "create-submit" },
          },
          icon(ICONS.create, "icon icon-16"),
          this.tr("actionCreateSheet"),
        ),
      ),
    );
  }
}

/** The header row of every card: its icon, its title, and whatever the card puts beside them. */
function cardHeader(iconSvg: string | null, title: string, ...extra: Child[]): HTMLElement {
  return h(
    "div",
    { class: "card-header" },
    iconSvg ? icon(iconSvg, "icon card-icon") : null,
    h("h2", { class: "card-title" }, title),
    ...extra,
  );
}
