// Draws the page from the state. Every control has a visible label; results are text in the page
// (issues by cell, naming the indicator and the proposed fix) and announced through a live region.
import { formatDateTimeVn } from "../shared/format/vietnam-time.ts";
import { formatIssue } from "../shared/messages/index.ts";
import { type UnitStatusRow, unitStatusRows } from "../shared/status/unit-status.ts";
import { getTemplate } from "../shared/template/registry.ts";
import * as act from "./actions.ts";
import { el } from "./dom.ts";
import { ownReviewCards, reviewCell, reviewPanel } from "./review.ts";
import type { AppContext, FileView, Said } from "./state.ts";
import { t } from "./text.ts";

function say(ctx: AppContext, s: Said): string {
  if ("raw" in s) return s.raw;
  if ("i18n" in s) return s.i18n[ctx.state.lang];
  return t(ctx.state.lang, s.key, s.params);
}

function header(ctx: AppContext): HTMLElement {
  const { lang } = ctx.state;
  const other = lang === "vi" ? "en" : "vi";
  return el(
    "header",
    {},
    el("h1", {}, t(lang, "title")),
    el("p", { class: "tagline" }, t(lang, "tagline")),
    el(
      "div",
      { class: "toolbar" },
      el(
        "button",
        {
          type: "button",
          id: "lang",
          lang: other,
          "aria-label": t(lang, "switchLangLabel"),
          onclick: () => act.switchLang(ctx),
        },
        t(lang, "switchLang"),
      ),
      ctx.state.token !== "" &&
        el("button", { type: "button", id: "sign-out", onclick: () => act.signOut(ctx) }, t(lang, "signOut")),
    ),
  );
}

function signInForm(ctx: AppContext): HTMLElement {
  const { lang } = ctx.state;
  const input = el("input", {
    type: "password",
    name: "token",
    id: "token",
    autocomplete: "current-password",
    required: true,
    "aria-describedby": "token-help",
  }) as HTMLInputElement;
  const form = el(
    "form",
    {
      id: "sign-in",
      onsubmit: (e: Event) => {
        e.preventDefault();
        void act.signIn(ctx, input.value);
      },
    },
    el("label", { for: "token" }, t(lang, "tokenLabel")),
    input,
    el("p", { id: "token-help", class: "help" }, t(lang, "tokenHelp")),
    el("button", { type: "submit", id: "sign-in-button", disabled: ctx.state.signingIn }, t(lang, "signIn")),
    ctx.state.signingIn && el("p", { role: "status" }, t(lang, "signingIn")),
    ctx.state.signInError && el("p", { class: "error", role: "alert" }, say(ctx, ctx.state.signInError)),
  );
  return el(
    "section",
    { "aria-labelledby": "sign-in-title" },
    el("h2", { id: "sign-in-title" }, t(lang, "signInTitle")),
    form,
  );
}

function issueItem(ctx: AppContext, view: FileView, i: number): HTMLElement {
  const { lang } = ctx.state;
  const checked = view.checked!;
  const issue = checked.issues[i]!;
  const fix = issue.fix;
  const value =
    fix === undefined ? "" : fix.value === null || fix.value === "" ? t(lang, "blank") : String(fix.value);
  return el(
    "li",
    { class: issue.severity, "data-cell": issue.cell, "data-code": issue.indicator },
    el("span", { class: "badge" }, t(lang, issue.severity)),
    " ",
    formatIssue(issue, checked.template, lang),
    fix !== undefined && el("span", { class: "fix" }, ` → ${t(lang, "fixTo", { value })}`),
  );
}

function fileActions(ctx: AppContext, view: FileView): HTMLElement {
  const { lang } = ctx.state;
  const c = view.checked!;
  const fixable = c.issues.some((i) => i.fix !== undefined);
  return el(
    "div",
    { class: "actions" },
    fixable &&
      el(
        "button",
        {
          type: "button",
          "aria-label": t(lang, "downloadFixedOf", { file: view.name }),
          onclick: () => void act.downloadFixed(ctx, view),
        },
        t(lang, "downloadFixed"),
      ),
    el(
      "button",
      {
        type: "button",
        class: "primary",
        "aria-label": t(lang, "sendOf", { file: view.name }),
        disabled: c.body === null || view.busy,
        onclick: () => void act.submit(ctx, view),
      },
      view.busy ? t(lang, "sending") : t(lang, "send"),
    ),
    c.body === null && c.errors > 0 && el("p", { class: "help" }, t(lang, "fixFirst")),
  );
}

function fileCard(ctx: AppContext, view: FileView): HTMLElement {
  const { lang } = ctx.state;
  const c = view.checked;
  const body: (HTMLElement | false | null)[] = [];
  if (view.failed) body.push(el("p", { class: "error" }, say(ctx, view.failed)));
  else if (!c) body.push(el("p", { role: "status" }, t(lang, "checking", { file: view.name })));
  else {
    const what = c.unit ? t(lang, "reportOf", { unit: c.unit, period: c.period }) : t(lang, "noReport");
    body.push(
      el(
        "p",
        {},
        `${what} · ${t(lang, "sheetUsed", { sheet: c.sheet })} · `,
        el("strong", {}, t(lang, "counts", { errors: c.errors, warnings: c.warnings })),
      ),
    );
    body.push(
      c.issues.length === 0
        ? el("p", { class: "ok" }, t(lang, "clean"))
        : el("ul", { class: "issues" }, ...c.issues.map((_, i) => issueItem(ctx, view, i))),
    );
    body.push(fileActions(ctx, view));
  }
  if (view.outcome)
    body.push(
      el("p", { class: `outcome ${view.outcome.tone}`, role: "status" }, say(ctx, view.outcome.said)),
    );
  return el("article", { class: "file", "data-file": view.name }, el("h3", {}, view.name), ...body);
}

function submitSection(ctx: AppContext): HTMLElement {
  const { lang } = ctx.state;
  const input = el("input", {
    type: "file",
    id: "files",
    multiple: true,
    accept: ".xlsx",
    "aria-describedby": "privacy",
  }) as HTMLInputElement;
  input.addEventListener("change", () => {
    const files = [...(input.files ?? [])];
    input.value = "";
    void act.addFiles(ctx, files);
  });
  const drop = el(
    "div",
    { class: "drop", id: "drop" },
    el("label", { for: "files" }, t(lang, "fileLabel")),
    input,
    el("p", { class: "help" }, t(lang, "dropHint")),
    el("p", { id: "privacy", class: "help" }, t(lang, "privacy")),
  );
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    void act.addFiles(ctx, [...(e.dataTransfer?.files ?? [])]);
  });
  return el(
    "section",
    { "aria-labelledby": "submit-title" },
    el("h2", { id: "submit-title" }, t(lang, "submitTitle")),
    drop,
    ...ctx.state.files.map((f) => fileCard(ctx, f)),
  );
}

function queueSection(ctx: AppContext): HTMLElement {
  const { lang } = ctx.state;
  const pending = ctx.queue.pending();
  return el(
    "section",
    { "aria-labelledby": "queue-title", id: "queue" },
    el("h2", { id: "queue-title" }, t(lang, "queueTitle")),
    pending.length === 0
      ? el("p", {}, t(lang, "queueEmpty"))
      : el(
          "ul",
          {},
          ...pending.map((q) =>
            el(
              "li",
              { "data-key": q.idempotencyKey },
              t(lang, "queueItem", {
                unit: q.body.unit,
                period: q.body.period,
                time: formatDateTimeVn(q.createdAt),
                attempts: q.attempts,
              }),
            ),
          ),
        ),
    pending.length > 0 &&
      el(
        "button",
        { type: "button", id: "retry", onclick: () => void act.flushQueue(ctx, true) },
        t(lang, "retry"),
      ),
  );
}

function statusRow(ctx: AppContext, r: UnitStatusRow): HTMLElement {
  const { lang } = ctx.state;
  const unknown = t(lang, "unknown");
  const reported = t(lang, "reportedOf", { reported: r.reported, indicators: r.indicators });
  return el(
    "tr",
    { "data-unit": r.unit, "data-status": r.status },
    el("th", { scope: "row" }, `${r.name} (${r.unit})`),
    el(
      "td",
      { "data-label": t(lang, "colStatus") },
      el("span", { class: `status ${r.status}` }, t(lang, `st_${r.status}`)),
    ),
    el(
      "td",
      { "data-label": t(lang, "colReported") },
      el("meter", { min: 0, max: r.indicators, value: r.reported, "aria-label": `${r.name}: ${reported}` }),
      " ",
      reported,
    ),
    el("td", { "data-label": t(lang, "colReporter") }, r.reporter?.name ?? unknown),
    el("td", { "data-label": t(lang, "colPhone") }, r.reporter?.phone ?? unknown),
    el("td", { class: "review", "data-label": t(lang, "colReview") }, reviewCell(ctx, r)),
  );
}

function statusTable(ctx: AppContext): HTMLElement | null {
  const c = ctx.state.consolidation;
  const template = c && getTemplate(c.template);
  if (!c || !template) return null;
  const { lang } = ctx.state;
  const o = unitStatusRows(c, template);
  const name = c.name ?? c.unit;
  const overview = t(lang, "overview", {
    name,
    period: c.period,
    submitted: o.submitted,
    expected: o.expected,
    late: o.late,
  });
  const reviewed =
    c.reporting.accepted === undefined
      ? ""
      : `, ${t(lang, "reviewCounts", { accepted: c.reporting.accepted, returned: c.reporting.returned?.length ?? 0 })}`;
  const cols = ["colUnit", "colStatus", "colReported", "colReporter", "colPhone", "colReview"] as const;
  return el(
    "div",
    { id: "status-result" },
    el(
      "p",
      { class: "overview" },
      el("meter", { min: 0, max: Math.max(o.expected, 1), value: o.submitted, "aria-label": overview }),
      " ",
      overview + reviewed,
    ),
    o.rows.length === 0
      ? el("p", {}, t(lang, "noChildren"))
      : el(
          "div",
          { class: "table-wrap" },
          el(
            "table",
            {},
            el("caption", { class: "sr-only" }, overview),
            el("thead", {}, el("tr", {}, ...cols.map((k) => el("th", { scope: "col" }, t(lang, k))))),
            el("tbody", {}, ...o.rows.map((r) => statusRow(ctx, r))),
          ),
        ),
  );
}

function statusSection(ctx: AppContext): HTMLElement {
  const { lang, units } = ctx.state;
  const unitSelect = el(
    "select",
    {
      id: "status-unit",
      name: "unit",
      onchange: (e: Event) => (ctx.state.statusUnit = (e.target as HTMLSelectElement).value),
    },
    ...(units ?? []).map((u) =>
      el("option", { value: u.code, selected: u.code === ctx.state.statusUnit }, `${u.name} (${u.code})`),
    ),
  );
  const period = el("input", {
    id: "status-period",
    name: "period",
    inputmode: "numeric",
    value: ctx.state.statusPeriod,
    oninput: (e: Event) => (ctx.state.statusPeriod = (e.target as HTMLInputElement).value),
  });
  const form = el(
    "form",
    {
      id: "status-form",
      onsubmit: (e: Event) => {
        e.preventDefault();
        void act.showStatus(ctx);
      },
    },
    el("div", { class: "field" }, el("label", { for: "status-unit" }, t(lang, "unitLabel")), unitSelect),
    el("div", { class: "field" }, el("label", { for: "status-period" }, t(lang, "periodLabel")), period),
    el(
      "div",
      { class: "actions" },
      el("button", { type: "submit", id: "show-status", disabled: ctx.state.statusBusy }, t(lang, "show")),
      el(
        "button",
        { type: "button", id: "pull", disabled: ctx.state.statusBusy, onclick: () => void act.pull(ctx) },
        t(lang, "pull"),
      ),
    ),
  );
  return el(
    "section",
    { "aria-labelledby": "status-title" },
    el("h2", { id: "status-title" }, t(lang, "statusTitle")),
    form,
    ctx.state.statusBusy && el("p", { role: "status" }, t(lang, "loading")),
    ctx.state.statusError && el("p", { class: "error", role: "alert" }, say(ctx, ctx.state.statusError)),
    statusTable(ctx),
    reviewPanel(ctx, (x) => say(ctx, x)),
  );
}

export function renderPage(ctx: AppContext): HTMLElement[] {
  const { lang, token, units } = ctx.state;
  const main = el("main", { id: "main" });
  if (token === "" || !units) main.append(signInForm(ctx));
  else {
    const names = units
      .filter((u) => !units.some((p) => p.code === u.parent))
      .map((u) => u.name)
      .join(", ");
    main.append(
      el("p", { class: "who" }, t(lang, "signedIn", { units: names })),
      ...ownReviewCards(ctx),
      submitSection(ctx),
      queueSection(ctx),
      statusSection(ctx),
    );
  }
  const live = el(
    "div",
    { id: "notice", role: "status", "aria-live": "polite" },
    ctx.state.notice ? say(ctx, ctx.state.notice) : "",
  );
  return [header(ctx), main, live];
}
