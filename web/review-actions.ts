// Review (api §3) on the page, as state changes. Reviewer: the units' review states beside the status,
// one report opened, accepted or returned with a comment. Reporter: whether a report it sent was
// returned or accepted. The API through the shared client; what is allowed and what a return needs
// are decided in shared/review.
import { ApiError, NetworkError } from "../shared/api/client.ts";
import type { ReviewDecision, ReviewSummary } from "../shared/api/reviews.ts";
import { describeRefusal } from "../shared/messages/remote.ts";
import { REVIEW_LABEL } from "../shared/review/labels.ts";
import { fetchOwnReview, needsTelling, type OwnReview } from "../shared/review/own-review.ts";
import { reasonMissing } from "../shared/review/reason.ts";
import { client } from "./api.ts";
import { rememberSent, type SentReport, sentReports } from "./session.ts";
import type { AppContext, Said } from "./state.ts";

/** A failed review call in people's words: the server's sentence and the next step, never a code. */
export function reviewSaid(error: unknown): Said {
  if (error instanceof NetworkError) return { key: "offline" };
  if (error instanceof ApiError) {
    if (error.status === 401) return { key: "badToken" };
    if (error.status === 403) return { key: "reviewForbidden" };
    return { i18n: describeRefusal(error.envelope?.error.i18n, error.code, error.retryable, "api") };
  }
  return { raw: error instanceof Error ? error.message : String(error) };
}

/** The review states of the units below the status unit, and the comments of those returned. */
export async function loadReviews(ctx: AppContext, unit: string, period: string): Promise<void> {
  const api = client(ctx.state.token);
  try {
    const list = await api.reviews(unit, period);
    const returned = list.units.filter((u) => u.state === "returned").map((u) => u.unit);
    const notes: Record<string, ReviewSummary> = {};
    await Promise.all(
      returned.map(async (code) => {
        const own = await fetchOwnReview(api, code, period);
        if (own) notes[code] = own.review;
      }),
    );
    ctx.update({ reviewUnits: list.units, reviewNotes: notes });
  } catch (e) {
    ctx.update({ reviewUnits: null, reviewNotes: {}, reviewError: reviewSaid(e) });
  }
}

/** Reads a unit's current report for the panel; focus goes to the panel's heading (view.ts). */
export async function openReview(ctx: AppContext, unit: string, name: string): Promise<void> {
  const period = ctx.state.consolidation?.period ?? ctx.state.statusPeriod.trim();
  ctx.update({ reviewBusy: true, reviewError: null });
  try {
    const answer = await client(ctx.state.token).submissions(unit, period);
    const keep = ctx.state.reviewOpen?.unit === unit ? ctx.state.reviewComment : "";
    ctx.update({ reviewBusy: false, reviewOpen: { unit, name, answer }, reviewComment: keep });
  } catch (e) {
    ctx.update({ reviewBusy: false, reviewError: reviewSaid(e) });
  }
}

export function closeReview(ctx: AppContext): void {
  ctx.update({ reviewOpen: null, reviewError: null, reviewComment: "" });
}

/**
 * Accepts, returns or reopens the open report at the revision shown. A return without a comment is
 * refused here, before anything is sent. A report re-sent since it was opened (409) is opened again at
 * its new revision, so the reviewer decides on what they saw.
 */
export async function decide(
  ctx: AppContext,
  decision: ReviewDecision,
  reload: () => Promise<void>,
): Promise<void> {
  const open = ctx.state.reviewOpen;
  const current = open?.answer.current;
  if (!open || !current) return;
  const comment = ctx.state.reviewComment.trim();
  if (reasonMissing(decision, comment, undefined))
    return ctx.update({ reviewError: { key: "reviewReasonMissing" } });
  const { period } = open.answer;
  ctx.update({ reviewBusy: true, reviewError: null });
  try {
    const answer = await client(ctx.state.token).review({
      unit: open.unit,
      period,
      revision: current.revision,
      decision,
      ...(comment === "" ? {} : { comment }),
    });
    const label = REVIEW_LABEL[answer.state];
    const said = (lang: "vi" | "en") => ({ name: open.name, period, state: label[lang] });
    ctx.update({
      reviewBusy: false,
      reviewOpen: null,
      reviewComment: "",
      notice: { key: "reviewDone", params: said(ctx.state.lang) },
    });
    await reload();
  } catch (e) {
    if (e instanceof ApiError && e.code === "revision_conflict") {
      await openReview(ctx, open.unit, open.name);
      const revision = ctx.state.reviewOpen?.answer.current?.revision ?? "";
      return ctx.update({ reviewError: { key: "reviewStale", params: { name: open.name, revision } } });
    }
    ctx.update({ reviewBusy: false, reviewError: reviewSaid(e) });
  }
}

const key = (r: SentReport) => `${r.unit}|${r.period}`;

/**
 * Asks, for each report, whether it was returned or accepted, and keeps those in `ownReviews` (a
 * report checked again replaces what was known about it). A report that cannot be read says nothing.
 */
export async function refreshOwnReviews(ctx: AppContext, reports: readonly SentReport[]): Promise<void> {
  const api = client(ctx.state.token);
  const asked = new Set(reports.map(key));
  const found = await Promise.all(
    [...asked].map(async (k) => {
      const [unit = "", period = ""] = k.split("|");
      return fetchOwnReview(api, unit, period).catch(() => null);
    }),
  );
  const kept = ctx.state.ownReviews.filter((o) => !asked.has(key(o)));
  const ownReviews = [...kept, ...found.filter(needsTelling)].sort(byNewest);
  // Nothing new, no redraw: a redraw under the pointer could swallow a click.
  if (JSON.stringify(ownReviews) !== JSON.stringify(ctx.state.ownReviews)) ctx.update({ ownReviews });
}

const byNewest = (a: OwnReview, b: OwnReview) =>
  (b.review.reviewedAt ?? "").localeCompare(a.review.reviewedAt ?? "");

/** On sign-in: the reports sent from this browser that this token sees, and its own units' for the period. */
export function ownReportsToAsk(ctx: AppContext): SentReport[] {
  const units = ctx.state.units ?? [];
  const seen = new Set(units.map((u) => u.code));
  const roots = units.filter((u) => !units.some((p) => p.code === u.parent));
  return [
    ...sentReports().filter((r) => seen.has(r.unit)),
    ...roots.map((u) => ({ unit: u.code, period: ctx.state.statusPeriod.trim() })),
  ];
}

/** After a report was received: remembered for the next sign-in, and its review state read again. */
export function reportSent(ctx: AppContext, report: SentReport): Promise<void> {
  rememberSent(report);
  return refreshOwnReviews(ctx, [report]);
}
