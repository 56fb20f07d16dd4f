// Review (api §3) on the page. In "Tình hình nộp", each unit's "Duyệt / Review" cell: the latest
// revision's state, who decided and when, the comment of a return, and "Mở". Below the table, the
// opened report: its figures (changes since the last return marked), the template's checks, earlier
// reviews, the comment, and Duyệt / Trả lại (Mở lại once accepted). For a reporter, a card per report
// of theirs that was returned or accepted.
import type { ReviewDecision, ReviewListUnit, ReviewSummary } from "../shared/api/reviews.ts";
import type { SubmissionsAnswer } from "../shared/api/schemas.ts";
import { formatDateTimeVn } from "../shared/format/vietnam-time.ts";
import { formatNumber } from "../shared/messages/format-number.ts";
import { formatIssue } from "../shared/messages/index.ts";
import type { Lang } from "../shared/messages/types.ts";
import { DECISION_LABEL, describeChange, REVIEW_LABEL } from "../shared/review/labels.ts";
import type { OwnReview } from "../shared/review/own-review.ts";
import { isAllowed } from "../shared/review/state.ts";
import { checkFigures } from "../shared/rules/check-report.ts";
import type { UnitStatusRow } from "../shared/status/unit-status.ts";
import { getTemplate } from "../shared/template/registry.ts";
import type { ReportRow, Template } from "../shared/template/types.ts";
import { showStatus } from "./actions.ts";
import { el } from "./dom.ts";
import * as rev from "./review-actions.ts";
import type { AppContext, Said } from "./state.ts";
import { t } from "./text.ts";

type Say = (s: Said) => string;

const focus = (id: string) => document.getElementById(id)?.focus();

/** Keyboard users land where the outcome is: the comment to fill in, the error, or the unit's row. */
async function decideThenFocus(ctx: AppContext, decision: ReviewDecision): Promise<void> {
  const unit = ctx.state.reviewOpen?.unit ?? "";
  await rev.decide(ctx, decision, () => showStatus(ctx));
  const error = ctx.state.reviewError;
  if (error && "key" in error && error.key === "reviewReasonMissing") focus("review-comment");
  else if (ctx.state.reviewOpen) focus("review-title");
  else focus(`open-${unit}`);
}

const at = (iso: string | undefined) => (iso ? formatDateTimeVn(iso) : "");

/** A review's general comment and its comments per indicator (the add-in writes those on cells). */
function comments(r: ReviewSummary, lang: Lang): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (r.comment)
    out.push(el("p", { class: "review-comment" }, t(lang, "reviewCommentShown", { comment: r.comment })));
  if (r.items?.length)
    out.push(
      el(
        "ul",
        { class: "review-comment" },
        ...r.items.map((item) => el("li", {}, el("strong", {}, item.code), `: ${item.comment}`)),
      ),
    );
  return out;
}

function stateBadge(state: ReviewListUnit["state"], lang: Lang): HTMLElement {
  return el(
    "span",
    { class: `review-state ${state}` },
    state === "missing" ? t(lang, "reviewNone") : REVIEW_LABEL[state][lang],
  );
}

/** The "Duyệt / Review" cell of a unit's row in "Tình hình nộp". */
export function reviewCell(ctx: AppContext, row: UnitStatusRow): Node | string {
  const { lang } = ctx.state;
  const u = ctx.state.reviewUnits?.find((x) => x.unit === row.unit);
  if (!u || u.state === "missing" || u.revision === undefined) return u ? stateBadge("missing", lang) : "—";
  const note = ctx.state.reviewNotes[u.unit];
  const who =
    u.state === "submitted"
      ? t(lang, "reviewWaiting", { revision: u.revision, at: at(u.receivedAt) })
      : t(lang, "reviewBy", { reviewer: u.reviewer ?? "", at: at(u.reviewedAt) });
  return el(
    "div",
    { "data-review": u.state },
    stateBadge(u.state, lang),
    el("span", { class: "help" }, ` · ${who}`),
    ...(note ? comments(note, lang) : []),
    el(
      "button",
      {
        type: "button",
        class: "small",
        "aria-label": t(lang, "reviewOpenOf", { name: row.name }),
        id: `open-${u.unit}`,
        "data-open": u.unit,
        disabled: ctx.state.reviewBusy,
        onclick: () => void rev.openReview(ctx, u.unit, row.name).then(() => focus("review-title")),
      },
      t(lang, "reviewOpen"),
    ),
  );
}

function show(v: ReportRow["actual"], lang: Lang): string {
  if (v === undefined || v === null || v === "") return "—";
  return typeof v === "number" ? formatNumber(v, lang) : v;
}

const hasFigure = (r: ReportRow | undefined) =>
  r !== undefined && [r.target, r.actual, r.note].some((v) => v !== undefined && v !== null && v !== "");

/** The revision's figures, one row per indicator with one, fields changed since a return marked. */
function figuresTable(answer: SubmissionsAnswer, template: Template, lang: Lang): HTMLElement {
  const current = answer.current!;
  const rows = new Map(current.rows.map((r) => [r.code, r]));
  const changes = answer.changes?.items ?? [];
  const changed = new Set(changes.map((c) => `${c.code}.${c.field}`));
  // The rows with a figure, and those emptied since the return; the others are counted, not listed.
  const shown = template.indicators.filter(
    (ind) => hasFigure(rows.get(ind.code)) || changes.some((c) => c.code === ind.code),
  );
  const blank = template.indicators.length - shown.length;
  const cell = (code: string, field: "target" | "actual" | "note", label: string, value: string) => {
    const mark = changed.has(`${code}.${field}`);
    return el(
      "td",
      { "data-label": label, class: mark ? "changed" : undefined },
      value,
      mark && el("span", { class: "changed-mark" }, ` ${t(lang, "figChanged")}`),
    );
  };
  const cols = ["figCode", "figLabel", "figTarget", "figActual", "figNote"] as const;
  return el(
    "div",
    { class: "table-wrap" },
    el(
      "table",
      { class: "figures" },
      el("caption", {}, t(lang, "reviewFigures", { revision: current.revision })),
      el("thead", {}, el("tr", {}, ...cols.map((k) => el("th", { scope: "col" }, t(lang, k))))),
      el(
        "tbody",
        {},
        ...shown.map((ind) => {
          const r = rows.get(ind.code);
          return el(
            "tr",
            { "data-code": ind.code },
            el("th", { scope: "row" }, ind.code),
            el("td", { "data-label": t(lang, "figLabel") }, ind.label[lang]),
            cell(ind.code, "target", t(lang, "figTarget"), show(r?.target, lang)),
            cell(ind.code, "actual", t(lang, "figActual"), show(r?.actual, lang)),
            cell(ind.code, "note", t(lang, "figNote"), show(r?.note, lang)),
          );
        }),
      ),
    ),
    blank > 0 && el("p", { class: "help" }, t(lang, "reviewBlank", { count: blank })),
  );
}

/** What changed since the last return, the template's checks, and the earlier reviews. */
function findings(answer: SubmissionsAnswer, template: Template, lang: Lang): HTMLElement[] {
  const out: HTMLElement[] = [];
  const ch = answer.changes;
  if (ch)
    out.push(
      ch.items.length === 0
        ? el("p", {}, t(lang, "reviewNoChanges", { since: ch.since }))
        : el(
            "div",
            { id: "review-changes" },
            el("h4", {}, t(lang, "reviewChanges", { since: ch.since })),
            el("ul", {}, ...ch.items.map((c) => el("li", {}, describeChange(c, lang)))),
          ),
    );
  const issues = checkFigures(template, answer.current?.rows ?? []);
  out.push(
    el(
      "div",
      { id: "review-checks" },
      el("h4", {}, t(lang, "reviewChecks")),
      issues.length === 0
        ? el("p", { class: "ok" }, t(lang, "reviewChecksClean"))
        : el(
            "ul",
            { class: "issues" },
            ...issues.map((i) =>
              el(
                "li",
                { class: i.severity, "data-code": i.indicator },
                el("span", { class: "badge" }, t(lang, i.severity)),
                " ",
                formatIssue(i, template, lang),
              ),
            ),
          ),
    ),
  );
  const past = answer.reviews ?? [];
  if (past.length > 0)
    out.push(
      el(
        "div",
        { id: "review-history" },
        el("h4", {}, t(lang, "reviewHistory")),
        el(
          "ul",
          {},
          ...past.map((r) =>
            el(
              "li",
              {},
              t(lang, "reviewHistoryItem", {
                at: at(r.reviewedAt),
                reviewer: r.reviewer,
                decision: DECISION_LABEL[r.decision][lang],
                revision: r.revision,
              }),
              r.comment ? `: ${r.comment}` : "",
            ),
          ),
        ),
      ),
    );
  return out;
}

function decisionForm(ctx: AppContext, answer: SubmissionsAnswer, say: Say): HTMLElement {
  const { lang } = ctx.state;
  const state = answer.review?.state ?? "submitted";
  const error = ctx.state.reviewError;
  const comment = el("textarea", {
    id: "review-comment",
    name: "comment",
    rows: 3,
    maxlength: 4000,
    "aria-invalid":
      error !== null && "key" in error && error.key === "reviewReasonMissing" ? "true" : undefined,
    "aria-describedby": error ? "review-error" : undefined,
    oninput: (e: Event) => (ctx.state.reviewComment = (e.target as HTMLTextAreaElement).value),
  }) as HTMLTextAreaElement;
  comment.value = ctx.state.reviewComment;
  const button = (decision: ReviewDecision, key: "reviewAccept" | "reviewReturn" | "reviewReopen") =>
    isAllowed(decision, state) &&
    el(
      "button",
      {
        type: "button",
        id: `review-${decision}`,
        class: decision === "accept" ? "primary" : undefined,
        disabled: ctx.state.reviewBusy,
        onclick: () => void decideThenFocus(ctx, decision),
      },
      t(lang, key),
    );
  return el(
    "div",
    { class: "decision" },
    el("label", { for: "review-comment" }, t(lang, "reviewCommentLabel")),
    comment,
    error && el("p", { id: "review-error", class: "error", role: "alert" }, say(error)),
    ctx.state.reviewBusy && el("p", { role: "status" }, t(lang, "reviewSending")),
    el(
      "div",
      { class: "actions" },
      button("accept", "reviewAccept"),
      button("return", "reviewReturn"),
      button("reopen", "reviewReopen"),
      el(
        "button",
        {
          type: "button",
          id: "review-close",
          onclick: () => {
            const unit = answer.unit;
            rev.closeReview(ctx);
            focus(`open-${unit}`);
          },
        },
        t(lang, "reviewClose"),
      ),
    ),
  );
}

/** The opened report, below the status table; or the error of a review call when nothing is open. */
export function reviewPanel(ctx: AppContext, say: Say): HTMLElement | null {
  const { lang } = ctx.state;
  const open = ctx.state.reviewOpen;
  if (!open) {
    const error = ctx.state.reviewError;
    return error && el("p", { class: "error", role: "alert" }, say(error));
  }
  const { answer } = open;
  const current = answer.current;
  const template = current && getTemplate(current.template);
  const state = answer.review?.state ?? "submitted";
  const title = t(lang, "reviewTitle", {
    name: open.name,
    unit: open.unit,
    period: answer.period,
    revision: current?.revision ?? "—",
  });
  const r = answer.review;
  return el(
    "section",
    { id: "review-panel", "aria-labelledby": "review-title", "data-unit": open.unit, "data-state": state },
    el("h3", { id: "review-title", tabindex: -1 }, title),
    el(
      "p",
      {},
      t(lang, "reviewStateLine", { state: REVIEW_LABEL[state][lang] }),
      r?.reviewer && ` · ${t(lang, "reviewBy", { reviewer: r.reviewer, at: at(r.reviewedAt) })}`,
    ),
    ...(r?.state === "returned" ? comments(r, lang) : []),
    ...(current && template ? findings(answer, template, lang) : []),
    !current && el("p", {}, t(lang, "reviewNone")),
    current && decisionForm(ctx, answer, say),
    current && template && figuresTable(answer, template, lang),
  );
}

/** Reporter: each report of theirs that was returned (with the comments) or accepted. */
export function ownReviewCards(ctx: AppContext): HTMLElement[] {
  const { lang } = ctx.state;
  return ctx.state.ownReviews.map((own: OwnReview, i) => {
    const r = own.review;
    const returned = r.state === "returned";
    const params = { unit: own.unit, period: own.period, reviewer: r.reviewer ?? "", at: at(r.reviewedAt) };
    const id = `own-review-${i}`;
    return el(
      "section",
      {
        class: `own-review ${r.state}`,
        "aria-labelledby": id,
        "data-unit": own.unit,
        "data-period": own.period,
        "data-state": r.state,
      },
      el("h2", { id }, t(lang, returned ? "ownReturnedTitle" : "ownAcceptedTitle", params)),
      el("p", {}, t(lang, returned ? "ownReturnedIntro" : "ownAcceptedIntro", params)),
      ...comments(r, lang),
    );
  });
}
