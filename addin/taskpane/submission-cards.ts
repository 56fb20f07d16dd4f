// The main screen's cards about the last submission: the receipt, waiting in the queue, refused by the
// server, and a 409's conflict with what differs and "Gửi lại trên bản mới".
import { formatNumber } from "../../shared/messages/format-number.ts";
import type { Lang } from "../ui/text.ts";
import { formatTime } from "./check-results-view.ts";
import type { ConflictView, PaneState, ReceiptView } from "./controller.ts";
import { h, icon } from "./dom.ts";
import { ICONS } from "./icons.ts";
import type { ScreenContext } from "./screen.ts";
import type { ChangeValue } from "./submission.ts";
import { button, cardHeader, kvList, kvRow } from "./widgets.ts";

function formatValue(v: ChangeValue, lang: Lang): string {
  if (v === null) return "—";
  return typeof v === "number" ? formatNumber(v, lang) : v;
}

export function receiptCard(ctx: ScreenContext, r: ReceiptView, lang: Lang): HTMLElement {
  const rc = r.receipt;
  return h(
    "section",
    { class: "card card-success", data: { testid: "receipt" } },
    cardHeader(
      ICONS.success,
      ctx.tr("receiptTitle"),
      r.fromQueue ? h("span", { class: "tag" }, ctx.tr("receiptFromQueue")) : null,
    ),
    kvList(
      kvRow(ctx.tr("receiptRevision"), String(rc.revision), "receipt-revision"),
      kvRow(ctx.tr("receiptUnit"), rc.unit),
      kvRow(ctx.tr("receiptPeriod"), rc.period),
      kvRow(ctx.tr("receiptTime"), formatTime(rc.receivedAt), "receipt-time"),
      kvRow(ctx.tr("receiptSummary"), rc.summary.text[lang], "receipt-summary"),
    ),
    r.replayed ? h("p", { class: "card-note" }, ctx.tr("receiptReplayed")) : null,
    rc.warnings.length
      ? h(
          "details",
          { class: "server-warnings" },
          h("summary", {}, ctx.tr("receiptWarnings", { n: rc.warnings.length })),
          h("ul", {}, ...rc.warnings.map((w) => h("li", {}, w.i18n?.[lang] ?? w.message))),
        )
      : null,
  );
}

export function queuedCard(ctx: ScreenContext): HTMLElement {
  return h(
    "section",
    { class: "card card-warning", data: { testid: "queued" } },
    cardHeader(ICONS.queue, ctx.tr("queuedTitle")),
    h("p", { class: "card-body" }, ctx.tr("queuedBody")),
  );
}

export function refusalCard(
  ctx: ScreenContext,
  refusal: NonNullable<PaneState["refusal"]>,
  lang: Lang,
): HTMLElement {
  const r = refusal.refusal;
  return h(
    "section",
    { class: "card card-error", data: { testid: "refusal" } },
    cardHeader(
      ICONS.error,
      ctx.tr("refusedTitle"),
      h(
        "button",
        {
          class: "icon-button icon-button-small",
          title: ctx.tr("actionDismiss"),
          onClick: () => void ctx.controller.dismissRefusal(),
        },
        icon(ICONS.dismiss, "icon icon-16"),
      ),
    ),
    h("p", { class: "card-body" }, r.i18n?.[lang] ?? r.message, ` (${r.status} ${r.code})`),
    r.issues?.length
      ? h("ul", { class: "plain-list" }, ...r.issues.map((i) => h("li", {}, i.i18n?.[lang] ?? i.message)))
      : null,
    h("p", { class: "card-note" }, ctx.tr("refusedBody")),
  );
}

export function conflictCard(ctx: ScreenContext, c: ConflictView, lang: Lang): HTMLElement {
  return h(
    "section",
    { class: "card card-warning", data: { testid: "conflict" } },
    cardHeader(ICONS.warning, ctx.tr("conflictTitle")),
    h(
      "p",
      { class: "card-body" },
      ctx.tr("conflictBody", {
        ours: c.ours === undefined ? ctx.tr("conflictNever") : String(c.ours),
        current: c.current,
        time: c.receivedAt ? formatTime(c.receivedAt) : "—",
      }),
    ),
    c.changes.length === 0
      ? h("p", { class: "card-note" }, ctx.tr("conflictNone"))
      : changesTable(ctx, c, lang),
    h(
      "div",
      { class: "card-actions" },
      button({
        label: ctx.tr("actionResend", { revision: c.current }),
        icon: ICONS.submit,
        primary: true,
        testid: "resend",
        onClick: () => void ctx.controller.resendOnCurrent(),
      }),
    ),
  );
}

/** What differs between the server's revision and this sheet, one row per indicator and field. */
function changesTable(ctx: ScreenContext, c: ConflictView, lang: Lang): HTMLElement {
  const fieldKey = { target: "fieldTarget", actual: "fieldActual", note: "fieldNote" } as const;
  return h(
    "table",
    { class: "diff-table", data: { testid: "conflict-changes" } },
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", {}, ctx.tr("conflictColCode")),
        h("th", {}, ctx.tr("conflictColField")),
        h("th", { class: "num" }, ctx.tr("conflictColServer")),
        h("th", { class: "num" }, ctx.tr("conflictColSheet")),
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
          h("td", {}, ctx.tr(fieldKey[ch.field])),
          h("td", { class: "num" }, formatValue(ch.server, lang)),
          h("td", { class: "num" }, formatValue(ch.sheet, lang)),
        ),
      ),
    ),
  );
}
