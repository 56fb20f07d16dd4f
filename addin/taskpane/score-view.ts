// A unit's own score in the pane (thi đua, api §4): its total, grade and what it misses per criterion
// ("Thiếu 12 điểm ở TC3 – …"), from GET /v1/scores's `own` and shared/scoring/shortfall.ts. The data
// and its words are plain functions (tested with the fake); the card is drawn by view.ts's main screen.
import { type ApiClient, ApiError } from "../../shared/api/client.ts";
import type { OwnScoreAnswer } from "../../shared/api/scores.ts";
import type { Lang } from "../../shared/messages/types.ts";
import { schemeFor } from "../../shared/scoring/pull-scores.ts";
import { getScheme } from "../../shared/scoring/registry.ts";
import { describeShortfalls, shortfalls } from "../../shared/scoring/shortfall.ts";
import type { ScoringScheme } from "../../shared/scoring/types.ts";
import { DEFAULT_TEMPLATE_ID, getTemplate } from "../../shared/template/registry.ts";
import type { Grade } from "../../shared/template/types.ts";
import { st } from "../ui/score-text.ts";
import { type Child, h, icon } from "./dom.ts";
import { ICONS } from "./icons.ts";

/** The unit's own score for a period as last fetched; `own` absent: the server has no scheme for it. */
export interface OwnScoreView {
  unit: string;
  period: string;
  scheme?: { id: string; version: number; max: number };
  /** The scheme itself when this build does not have that version (fetched from the server). */
  definition?: ScoringScheme;
  own?: OwnScoreAnswer;
}

/** GET /v1/scores for the unit; a 404 (no scheme, or a server without scores) is "no scheme", not an error. */
export async function fetchOwnScore(
  client: Partial<Pick<ApiClient, "scores" | "scheme">>,
  unit: string,
  period: string,
): Promise<OwnScoreView> {
  if (client.scores === undefined) return { unit, period };
  try {
    const answer = await client.scores(unit, period);
    const fetched = getScheme(answer.scheme.id, answer.scheme.version)
      ? undefined
      : await schemeFor(client, answer.scheme);
    return {
      unit,
      period,
      scheme: answer.scheme,
      ...(fetched !== undefined && { definition: fetched }),
      ...(answer.own !== undefined && { own: answer.own }),
    };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { unit, period };
    throw e;
  }
}

function points(n: number, lang: Lang): string {
  return lang === "vi" ? String(n).replace(".", ",") : String(n);
}

function gradeName(grade: Grade, lang: Lang): string {
  return getTemplate(DEFAULT_TEMPLATE_ID)?.grades.find((g) => g.code === grade)?.label[lang] ?? grade;
}

/** The card's lines: the total and grade, self and reviewed when both exist, then each shortfall. */
export function ownScoreLines(view: OwnScoreView, lang: Lang): string[] {
  const { own, scheme: ref } = view;
  if (own === undefined || ref === undefined) return [st("noScheme", lang, { period: view.period })];
  const scheme = view.definition ?? getScheme(ref.id, ref.version);
  if (scheme === undefined) return [st("unknownScheme", lang, { scheme: `${ref.id} v${ref.version}` })];
  const total = st("total", lang, {
    unit: own.name,
    total: points(own.total, lang),
    max: points(ref.max, lang),
    grade: gradeName(own.grade, lang),
  });
  const reviewed =
    own.self !== undefined && own.reviewed !== undefined
      ? [st("selfReviewed", lang, { self: points(own.self, lang), reviewed: points(own.reviewed, lang) })]
      : [];
  const missing = describeShortfalls(shortfalls(scheme, own.criteria), lang);
  return [total, ...reviewed, ...(missing.length > 0 ? missing : [st("full", lang)])];
}

export interface ScoreCardActions {
  loadOwnScore(unit: string, period: string): Promise<void>;
}

/** The card under a checked report: a button until the score is fetched, then its lines. */
export function ownScoreCard(
  report: { unit: string; period: string } | null | undefined,
  view: OwnScoreView | null,
  lang: Lang,
  busy: boolean,
  actions: ScoreCardActions,
): HTMLElement | null {
  if (!report) return null;
  const shown = view !== null && view.unit === report.unit && view.period === report.period;
  const [first, ...rest]: Child[] = shown ? ownScoreLines(view, lang) : [];
  return h(
    "section",
    { class: "card", data: { testid: "own-score" } },
    h(
      "div",
      { class: "card-header" },
      icon(ICONS.info, "icon card-icon"),
      h("h2", { class: "card-title" }, st("title", lang)),
    ),
    shown
      ? h("p", { class: "card-note", data: { testid: "own-score-total" } }, first)
      : h(
          "button",
          {
            class: "button button-small",
            disabled: busy,
            data: { testid: "load-own-score" },
            onClick: () => void actions.loadOwnScore(report.unit, report.period),
          },
          st("load", lang, { period: report.period }),
        ),
    rest.length > 0
      ? h("ul", { class: "issue-list" }, ...rest.map((line) => h("li", { class: "issue" }, line)))
      : null,
  );
}
