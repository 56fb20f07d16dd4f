// The main screen's check results: the counts, every issue on its cell with its fix, which template the
// sheet was checked with, and the notice when its period now uses another template ("Tải mẫu mới").
import { chooseFixes } from "../../shared/fixes.ts";
import { formatDateTimeVn } from "../../shared/format/vietnam-time.ts";
import type { Issue } from "../../shared/issues.ts";
import { formatNumber } from "../../shared/messages/format-number.ts";
import { formatIssue } from "../../shared/messages/index.ts";
import { tt } from "../ui/template-text.ts";
import type { Lang } from "../ui/text.ts";
import type { CheckResult, PaneState, TemplateNews } from "./controller.ts";
import { h, icon } from "./dom.ts";
import { ICONS } from "./icons.ts";
import type { ScreenContext } from "./screen.ts";
import { button, cardHeader, formActions } from "./widgets.ts";

/** Every time a person reads: Vietnam time, dd/mm/yyyy hh:mm, whatever the computer's own zone. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDateTimeVn(d);
}

/**
 * A fix's value as the message that proposes it writes it: whole numbers without grouping, so the fix of
 * the text "92.387" reads 92387 and cannot be mistaken for the text itself.
 */
function fixValue(v: number | string, lang: Lang): string {
  if (typeof v === "string") return `“${v}”`;
  return Number.isInteger(v) ? String(v) : formatNumber(v, lang);
}

export function issuesPanel(ctx: ScreenContext, s: PaneState): HTMLElement {
  const check = s.check;
  if (!check) {
    return h(
      "section",
      { class: "card card-empty", data: { testid: "issues" } },
      icon(ICONS.validate, "icon icon-32 empty-icon"),
      h("p", {}, ctx.tr("issuesNotChecked")),
    );
  }
  const errors = check.issues.filter((i) => i.severity === "error");
  const warnings = check.issues.filter((i) => i.severity !== "error");
  const used = check.template;
  return h(
    "section",
    { class: "card", data: { testid: "issues" } },
    cardHeader(
      null,
      ctx.tr("issuesTitle"),
      h(
        "div",
        { class: "card-meta" },
        ctx.tr("issuesSheet", { sheet: check.sheet, time: formatTime(check.at) }),
      ),
    ),
    used
      ? h(
          "p",
          { class: "card-note", data: { testid: "checked-with" } },
          tt("checkedWith", s.lang, { template: used.id, version: used.version }),
        )
      : null,
    counts(ctx, s, check, errors.length, warnings.length),
    check.issues.length === 0
      ? h(
          "div",
          { class: "all-clear", data: { testid: "all-clear" } },
          icon(ICONS.success, "icon"),
          ctx.tr("issuesNone"),
        )
      : null,
    errors.length ? issueGroup(ctx, "error", errors, check, s) : null,
    warnings.length ? issueGroup(ctx, "warning", warnings, check, s) : null,
  );
}

function counts(
  ctx: ScreenContext,
  s: PaneState,
  check: CheckResult,
  errors: number,
  warnings: number,
): HTMLElement {
  const badge = (tone: "error" | "warning", n: number, testid: string, text: string) =>
    h("span", { class: `badge badge-${tone}${n ? "" : " is-zero"}`, data: { testid } }, text);
  return h(
    "div",
    { class: "counts" },
    badge("error", errors, "count-errors", ctx.tr("countErrors", { n: errors })),
    badge("warning", warnings, "count-warnings", ctx.tr("countWarnings", { n: warnings })),
    h("span", { class: "spacer" }),
    check.fixable > 0
      ? button({
          label: ctx.tr("actionFixAll", { n: check.fixable }),
          small: true,
          disabled: s.busy !== null,
          testid: "fix-all",
          onClick: () => void ctx.controller.fixAll(),
        })
      : null,
  );
}

function issueGroup(
  ctx: ScreenContext,
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
      `${ctx.tr(title)} (${issues.length})`,
    ),
    h("ul", { class: "issue-list" }, ...issues.map((i) => issueItem(ctx, i, check, s))),
  );
}

function issueItem(ctx: ScreenContext, issue: Issue, check: CheckResult, s: PaneState): HTMLElement {
  // The cell is a chip and the row a heading, so the sentence is formatted without its "Ô F14 (…):" prefix.
  const { cell: _cell, indicator, ...bare } = issue;
  const text = formatIssue(bare, check.template, s.lang, "addin");
  const label = check.template?.indicators.find((i) => i.code === indicator)?.label[s.lang];
  // Only a fix the shared chooser keeps: a cell two issues want changed differently gets no button.
  const fix = issue.fix && chooseFixes(check.issues).fixes.find((f) => f.address === issue.cell);
  const fixHint = fix
    ? fix.value === null
      ? ctx.tr("issueFixClear")
      : ctx.tr("issueFixTo", { value: fixValue(fix.value, s.lang) })
    : null;
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
        title: issue.cell ? ctx.tr("issueGoTo", { cell: issue.cell }) : undefined,
        onClick: () => void ctx.controller.selectIssue(issue),
      },
      issue.cell ? h("span", { class: "cell-chip" }, issue.cell) : null,
      h(
        "span",
        { class: "issue-text" },
        indicator ? h("span", { class: "issue-row" }, label ? `${indicator} · ${label}` : indicator) : null,
        h("span", { class: "issue-message" }, text),
        fixHint ? h("span", { class: "issue-fix-hint" }, fixHint) : null,
      ),
    ),
    fix
      ? button({
          label: ctx.tr("actionFix"),
          small: true,
          disabled: s.busy !== null,
          testid: "fix",
          onClick: () => void ctx.controller.fixIssue(issue),
        })
      : null,
  );
}

/** The sheet's template is not its period's: the CLI's sentence, and Tạo mẫu for the period's template. */
export function templateNewsCard(ctx: ScreenContext, news: TemplateNews, s: PaneState): HTMLElement {
  return h(
    "section",
    { class: "card card-warning", data: { testid: "template-news" } },
    cardHeader(ICONS.warning, tt("newsTitle", s.lang)),
    h("p", { class: "card-body", data: { testid: "template-news-text" } }, news.said[s.lang]),
    h("p", { class: "card-note" }, tt("newsHint", s.lang)),
    formActions(
      button({
        label: tt("getNew", s.lang),
        icon: ICONS.create,
        primary: true,
        type: "button",
        disabled: s.busy !== null,
        testid: "get-new-template",
        onClick: () => void ctx.controller.getNewTemplate(),
      }),
    ),
  );
}
