// What surrounds every screen: the header (title, settings), the toolbar of actions, the status line
// with the queue, the progress bar, the notice bar, and the two questions (send with warnings, replace
// an earlier pull).
import type { TextKey } from "../ui/text.ts";
import type { Notice, PaneState } from "./controller.ts";
import { h, icon } from "./dom.ts";
import { ICONS } from "./icons.ts";
import { reviewToolButton } from "./review-view.ts";
import { type ScreenContext, say } from "./screen.ts";
import { button, toolButton } from "./widgets.ts";

export function header(ctx: ScreenContext, s: PaneState): HTMLElement {
  return h(
    "header",
    { class: "app-header" },
    h("img", { class: "app-logo", src: "assets/icon-32.png", alt: "" }),
    h(
      "div",
      { class: "app-titles" },
      h("h1", { class: "app-title" }, ctx.tr("appTitle")),
      h("div", { class: "app-subtitle" }, ctx.tr("appSubtitle")),
    ),
    h(
      "button",
      {
        class: `icon-button${s.view === "settings" ? " is-selected" : ""}`,
        title: ctx.tr("actionSettings"),
        aria: { label: ctx.tr("actionSettings") },
        data: { testid: "open-settings" },
        onClick: () => ctx.controller.showView(s.view === "settings" ? "main" : "settings"),
      },
      icon(ICONS.settings),
    ),
  );
}

export function toolbar(ctx: ScreenContext, s: PaneState): HTMLElement {
  const c = ctx.controller;
  const tool = (key: TextKey, svg: string, testid: string, run: () => void, selected = false) =>
    toolButton({ label: ctx.tr(key), icon: svg, testid, run, selected, disabled: s.busy !== null });
  return h(
    "nav",
    { class: "toolbar", aria: { label: ctx.tr("appTitle") } },
    tool("actionCreate", ICONS.create, "action-create", () => c.showView("create"), s.view === "create"),
    tool("actionValidate", ICONS.validate, "action-validate", () => void c.validate()),
    tool("actionSubmit", ICONS.submit, "action-submit", () => void c.submit()),
    tool("actionPull", ICONS.pull, "action-pull", () => c.openPull(), s.view === "pull"),
    reviewToolButton(s, () => c.openReviewDesk()),
  );
}

export function statusLine(ctx: ScreenContext, s: PaneState): HTMLElement {
  const waiting = s.pending > 0;
  const text = waiting
    ? ctx.tr("statusQueued", { n: s.pending })
    : s.settings.token
      ? ctx.tr("statusReady")
      : ctx.tr("statusNoToken");
  const failure = s.lastQueueFailure;
  const detail =
    waiting && failure
      ? failure.status === null
        ? ctx.tr("statusLastNetwork")
        : ctx.tr("statusLastServer", { status: failure.status })
      : null;
  return h(
    "div",
    { class: `status-line${waiting ? " is-waiting" : ""}`, role: "status", data: { testid: "status" } },
    h("span", { class: "status-dot", aria: { hidden: "true" } }),
    h(
      "span",
      { class: "status-text" },
      h("span", { data: { testid: "status-text" } }, text),
      detail ? h("span", { class: "status-detail" }, detail) : null,
    ),
    waiting
      ? button({
          label: ctx.tr("actionRetry"),
          icon: ICONS.retry,
          small: true,
          disabled: s.busy !== null,
          testid: "retry-queue",
          onClick: () => void ctx.controller.retryQueue(true),
        })
      : null,
  );
}

export function progress(ctx: ScreenContext, key: TextKey): HTMLElement {
  return h(
    "div",
    {
      class: "progress",
      role: "progressbar",
      aria: { busy: "true", label: ctx.tr(key) },
      data: { testid: "progress" },
    },
    h("div", { class: "progress-track" }, h("div", { class: "progress-bar" })),
    h("div", { class: "progress-label" }, ctx.tr(key)),
  );
}

export function noticeBar(ctx: ScreenContext, n: Notice, s: PaneState): HTMLElement {
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
    h("div", { class: "message-text" }, say(n.said, s.lang)),
    h(
      "button",
      {
        class: "icon-button icon-button-small",
        title: ctx.tr("actionDismiss"),
        aria: { label: ctx.tr("actionDismiss") },
        onClick: () => ctx.controller.dismissNotice(),
      },
      icon(ICONS.dismiss, "icon icon-16"),
    ),
  );
}

/** A modal question with Cancel and one confirming button (send with warnings, replace a pull). */
function modal(
  ctx: ScreenContext,
  d: {
    id: string;
    title: string;
    body: string;
    cancel: () => void;
    confirm: { testid: string; label: string; run: () => Promise<void> };
  },
): HTMLElement {
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
        button({ label: ctx.tr("actionCancel"), onClick: d.cancel }),
        button({
          label: d.confirm.label,
          primary: true,
          testid: d.confirm.testid,
          onClick: () => void d.confirm.run(),
        }),
      ),
    ),
  );
}

export function confirmDialog(ctx: ScreenContext, warnings: number): HTMLElement {
  return modal(ctx, {
    id: "confirm",
    title: ctx.tr("confirmTitle"),
    body: ctx.tr("confirmBody", { n: warnings }),
    cancel: () => ctx.controller.cancelConfirm(),
    confirm: {
      testid: "confirm-send",
      label: ctx.tr("actionConfirmSend"),
      run: () => ctx.controller.confirmSubmit(),
    },
  });
}

export function pullReplaceDialog(ctx: ScreenContext, sheets: string[]): HTMLElement {
  return modal(ctx, {
    id: "pull-replace",
    title: ctx.tr("pullReplaceTitle"),
    body: ctx.tr("pullReplaceBody", { sheets: sheets.join(", ") }),
    cancel: () => ctx.controller.cancelPullReplace(),
    confirm: {
      testid: "pull-replace-confirm",
      label: ctx.tr("actionReplace"),
      run: () => ctx.controller.confirmPullReplace(),
    },
  });
}
