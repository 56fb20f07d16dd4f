// The review's DOM (§3): the reporter's "Bị trả lại" / "Đã duyệt" card, and the reviewer's "Duyệt báo
// cáo" view (list, open report, comments, Duyệt / Trả lại). Drawn as the "review" screen of view.ts on every render; typed
// drafts live here so a re-render never loses them.
import { formatDateTimeVn } from "../../shared/format/vietnam-time.ts";
import type { Lang } from "../../shared/messages/types.ts";
import { describeChange, STATE_LABEL } from "../../shared/review/labels.ts";
import { rt } from "../ui/review-text.ts";
import type { Controller, PaneState } from "./controller.ts";
import { type Child, h } from "./dom.ts";
import { ICONS } from "./icons.ts";
import type { OpenReview, OwnReview, ReviewDesk } from "./review-desk.ts";
import type { Screen, ScreenContext } from "./screen.ts";
import { cardHeader, field, formCard, toolButton } from "./widgets.ts";

const drafts = { unit: "", period: "", comment: "", cellComment: "" };

/** Reporter: the review of the checked report when it is returned (with its comments) or accepted. */
export function ownReviewCard(own: OwnReview | null, lang: Lang): HTMLElement | null {
  const r = own?.review;
  if (!r || (r.state !== "returned" && r.state !== "accepted")) return null;
  const params = { reviewer: r.reviewer ?? "", at: r.reviewedAt ? formatDateTimeVn(r.reviewedAt) : "" };
  const returned = r.state === "returned";
  return h(
    "section",
    { class: `card ${returned ? "card-warning" : "card-success"}`, data: { testid: "own-review" } },
    cardHeader(
      returned ? ICONS.warning : ICONS.success,
      rt(returned ? "returnedTitle" : "acceptedTitle", lang),
    ),
    h("p", { class: "card-note" }, rt(returned ? "returnedIntro" : "acceptedIntro", lang, params)),
    r.comment ? h("p", { class: "review-comment", data: { testid: "own-review-comment" } }, r.comment) : null,
    r.items?.length
      ? h(
          "ul",
          { class: "issue-list", data: { testid: "own-review-items" } },
          ...r.items.map((i) => h("li", { class: "issue" }, h("strong", {}, i.code), `: ${i.comment}`)),
        )
      : null,
  );
}

/** A labelled input whose typed text survives re-renders (drafts). */
function draftField(id: string, label: string, key: keyof typeof drafts, placeholder: string): HTMLElement {
  return field(id, label, input(id, key, placeholder));
}

function input(id: string, key: keyof typeof drafts, placeholder: string): HTMLElement {
  return h("input", {
    id,
    class: "input",
    value: drafts[key],
    placeholder,
    onInput: (e) => {
      drafts[key] = (e.target as HTMLInputElement).value;
    },
  });
}

function listCard(d: ReviewDesk, c: Controller, busy: boolean, lang: Lang): HTMLElement {
  const units = d.units ?? [];
  return h(
    "section",
    { class: "card", data: { testid: "review-list" } },
    units.length === 0
      ? h("p", { class: "card-note" }, rt("deskEmpty", lang))
      : h(
          "ul",
          { class: "issue-list" },
          ...units.map((u) =>
            h(
              "li",
              { class: "issue", data: { testid: `review-unit-${u.unit}`, state: u.state } },
              h("span", {}, h("strong", {}, u.unit), ` ${u.name} · `, STATE_LABEL[u.state][lang]),
              u.state === "missing"
                ? null
                : h(
                    "button",
                    {
                      class: "button button-small",
                      disabled: busy,
                      data: { testid: `review-open-${u.unit}` },
                      onClick: () => void c.openReview(u.unit),
                    },
                    rt("deskOpen", lang),
                  ),
            ),
          ),
        ),
  );
}

function changesList(open: OpenReview, lang: Lang): Child {
  const ch = open.changes;
  if (!ch) return null;
  if (ch.items.length === 0)
    return h("p", { class: "card-note" }, rt("changesNone", lang, { since: ch.since }));
  return h(
    "div",
    { data: { testid: "review-changes" } },
    h("h3", { class: "card-subtitle" }, rt("changesTitle", lang, { since: ch.since })),
    h(
      "ul",
      { class: "issue-list" },
      ...ch.items.map((i) => h("li", { class: "issue" }, describeChange(i, lang))),
    ),
  );
}

function openCard(open: OpenReview, c: Controller, busy: boolean, lang: Lang): HTMLElement {
  const button = (key: "accept" | "return" | "reopen", primary: boolean) =>
    h(
      "button",
      {
        class: `button${primary ? " button-primary" : ""}`,
        type: "button",
        disabled: busy,
        data: { testid: `review-${key}` },
        onClick: () => {
          const comment = drafts.comment;
          drafts.comment = "";
          void c.decideReview(key, comment);
        },
      },
      rt(key, lang),
    );
  return h(
    "section",
    { class: "card", data: { testid: "review-open" } },
    cardHeader(ICONS.validate, rt("openTitle", lang, { unit: open.unit, revision: open.revision })),
    h("p", { class: "card-note" }, `${open.name} · ${STATE_LABEL[open.state][lang]} · ${open.sheet}`),
    changesList(open, lang),
    draftField("review-cell-comment", rt("cellComment", lang), "cellComment", "…"),
    h(
      "div",
      { class: "form-actions" },
      h(
        "button",
        {
          class: "button button-small",
          type: "button",
          disabled: busy,
          data: { testid: "review-add-cell" },
          onClick: () => {
            // Cleared before the pane re-renders; given back when no cell took it.
            const text = drafts.cellComment;
            drafts.cellComment = "";
            void c.addReviewComment(text).then(() => {
              if (!c.state.desk?.open?.items.some((i) => i.comment === text.trim()))
                drafts.cellComment = text;
            });
          },
        },
        rt("addCellComment", lang),
      ),
    ),
    open.items.length
      ? h(
          "ul",
          { class: "issue-list", data: { testid: "review-items" } },
          ...open.items.map((i) =>
            h(
              "li",
              { class: "issue" },
              h("span", {}, h("strong", {}, i.code), `: ${i.comment}`),
              h(
                "button",
                {
                  class: "button button-small",
                  type: "button",
                  onClick: () => c.removeReviewComment(i.code),
                },
                rt("removeItem", lang),
              ),
            ),
          ),
        )
      : null,
    draftField("review-comment", rt("commentLabel", lang), "comment", "…"),
    h(
      "div",
      { class: "form-actions" },
      open.state === "accepted" ? button("reopen", false) : button("accept", true),
      button("return", false),
    ),
  );
}

/** Reviewer: "Duyệt báo cáo". */
export function reviewDeskView(s: PaneState, c: Controller): HTMLElement[] {
  if (drafts.unit === "") drafts.unit = s.desk?.unit ?? s.units?.[0]?.code ?? "";
  if (drafts.period === "") drafts.period = s.desk?.period ?? String(new Date().getFullYear());
  const busy = s.busy !== null;
  const form = formCard(
    "review-desk",
    () => void c.loadReviewList(drafts.unit.trim(), drafts.period),
    cardHeader(ICONS.validate, rt("deskTitle", s.lang)),
    h("p", { class: "card-note" }, rt("deskIntro", s.lang)),
    draftField("review-unit", rt("unitAbove", s.lang), "unit", "SL"),
    draftField("review-period", rt("period", s.lang), "period", "2026"),
    h(
      "div",
      { class: "form-actions" },
      h(
        "button",
        { class: "button button-primary", type: "submit", disabled: busy, data: { testid: "review-load" } },
        rt("deskLoad", s.lang),
      ),
    ),
  );
  const d = s.desk;
  return [
    form,
    ...(d?.open ? [openCard(d.open, c, busy, s.lang)] : []),
    ...(d ? [listCard(d, c, busy, s.lang)] : []),
  ];
}

/** The toolbar's "Duyệt báo cáo" button, beside Lấy tổng hợp. */
export function reviewToolButton(s: PaneState, run: () => void): HTMLElement {
  return toolButton({
    label: rt("deskTitle", s.lang),
    icon: ICONS.validate,
    testid: "action-review",
    run,
    disabled: s.busy !== null,
    selected: s.view === "review",
  });
}

/** The "review" screen of the pane (view.ts's SCREENS). */
export function reviewScreen(ctx: ScreenContext): Screen {
  return { render: (s) => reviewDeskView(s, ctx.controller) };
}
