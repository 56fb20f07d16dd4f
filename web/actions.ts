// What a person can do on the page, each turned into state changes. The API is reached only through the
// shared client; submitting goes through the shared queue (same Idempotency-Key on every retry).

import { ApiError, NetworkError, newIdempotencyKey } from "../shared/api/client.ts";
import { PERIOD_RE } from "../shared/api/schemas.ts";
import { formatDateTimeVn } from "../shared/format/vietnam-time.ts";
import { consolidatedWorkbookPlans } from "../shared/plans/consolidated-workbook.ts";
import { type PulledRanking, rankingForPull } from "../shared/scoring/pull-scores.ts";
import { getTemplate } from "../shared/template/registry.ts";
import { renderPlan } from "../shared/xlsx/render-plan.ts";
import { client } from "./api.ts";
import { download } from "./dom.ts";
import { loadReviews, ownReportsToAsk, refreshOwnReviews, reportSent } from "./review-actions.ts";
import { saveLang, saveToken } from "./session.ts";
import type { AppContext, FileView, Said } from "./state.ts";
import { t } from "./text.ts";
import { checkFile, fixedCopy, fixedName, newWorkbook, UnreadableFile } from "./workbook.ts";

/** An API failure as people read it: the server's own vi/en sentence, or what to do. */
export function saidOf(error: unknown, lang: "vi" | "en"): Said {
  if (error instanceof NetworkError) return { key: "offline" };
  if (error instanceof ApiError) {
    if (error.status === 401) return { key: "badToken" };
    if (error.status === 403) return { key: "forbidden" };
    const i18n = error.envelope?.error.i18n;
    return { raw: i18n ? i18n[lang] : error.message };
  }
  return { raw: error instanceof Error ? error.message : String(error) };
}

export async function signIn(ctx: AppContext, token: string): Promise<void> {
  const trimmed = token.trim();
  if (trimmed === "") return ctx.update({ signInError: { key: "emptyToken" } });
  ctx.update({ signingIn: true, signInError: null });
  try {
    const units = await client(trimmed).units();
    saveToken(trimmed);
    const root = units.find((u) => !units.some((p) => p.code === u.parent)) ?? units[0];
    ctx.update({
      token: trimmed,
      units,
      signingIn: false,
      statusUnit: ctx.state.statusUnit || (root?.code ?? ""),
    });
    void flushQueue(ctx, true);
    void refreshOwnReviews(ctx, ownReportsToAsk(ctx));
  } catch (e) {
    // A revoked or mistyped token is forgotten; a network failure keeps it for the next try.
    if (e instanceof ApiError && e.status === 401) saveToken("");
    ctx.update({ signingIn: false, signInError: saidOf(e, ctx.state.lang) });
  }
}

export function signOut(ctx: AppContext): void {
  saveToken("");
  ctx.update({
    token: "",
    units: null,
    files: [],
    consolidation: null,
    statusError: null,
    notice: null,
    reviewUnits: null,
    reviewNotes: {},
    reviewOpen: null,
    reviewError: null,
    reviewComment: "",
    ownReviews: [],
  });
}

let nextId = 1;

export async function addFiles(ctx: AppContext, files: readonly File[]): Promise<void> {
  for (const file of files) {
    const id = nextId++;
    const view: FileView = {
      id,
      name: file.name,
      checked: null,
      failed: null,
      busy: true,
      outcome: null,
      receipt: null,
    };
    ctx.update({ files: [...ctx.state.files, view] });
    try {
      const checked = await checkFile(file);
      ctx.updateFile(id, { checked, busy: false });
      // A report sent back before: its comments are said before it is sent again.
      if (checked.unit && checked.period)
        void refreshOwnReviews(ctx, [{ unit: checked.unit, period: checked.period }]);
    } catch (e) {
      const failed: Said =
        e instanceof UnreadableFile
          ? e.notXlsx
            ? { key: "notXlsx", params: { file: file.name } }
            : { key: "unreadable", params: { file: file.name, why: e.why } }
          : { key: "unreadable", params: { file: file.name, why: String(e) } };
      ctx.updateFile(id, { failed, busy: false });
    }
  }
}

export async function downloadFixed(ctx: AppContext, view: FileView): Promise<void> {
  if (!view.checked) return;
  const { bytes, changed } = await fixedCopy(view.checked);
  const name = fixedName(view.name);
  download(bytes, name);
  ctx.updateFile(view.id, {
    outcome: { tone: "ok", said: { key: "fixedSaved", params: { count: changed, file: name } } },
  });
}

/** Queues the report under a new key and sends the queue: a failure leaves it queued, to be re-sent as is. */
export async function submit(ctx: AppContext, view: FileView): Promise<void> {
  const body = view.checked?.body;
  if (!body) return;
  ctx.updateFile(view.id, { busy: true, outcome: null });
  const item = await ctx.queue.enqueue(body, { idempotencyKey: newIdempotencyKey() });
  const result = await ctx.queue.flush(client(ctx.state.token), { force: true });
  const mine = result.outcomes.find((o) => o.item.id === item.id);
  if (mine?.kind === "sent") {
    const r = mine.receipt;
    const params = {
      unit: r.unit,
      period: r.period,
      revision: r.revision,
      time: formatDateTimeVn(r.receivedAt),
    };
    ctx.updateFile(view.id, {
      busy: false,
      receipt: r,
      outcome: { tone: "ok", said: { key: "sent", params } },
    });
    void reportSent(ctx, { unit: r.unit, period: r.period });
  } else if (mine?.kind === "refused") {
    const message = mine.refusal.i18n?.[ctx.state.lang] ?? mine.refusal.message;
    ctx.updateFile(view.id, {
      busy: false,
      outcome: { tone: "error", said: { key: "refused", params: { message } } },
    });
  } else {
    ctx.updateFile(view.id, { busy: false, outcome: { tone: "warn", said: { key: "queued" } } });
  }
}

/** Sends what waits in the queue (on sign-in, on `online`, on "Gửi lại ngay", and every so often). */
export async function flushQueue(ctx: AppContext, force: boolean): Promise<void> {
  if (ctx.state.token === "" || ctx.queue.size === 0) return;
  const { outcomes } = await ctx.queue.flush(client(ctx.state.token), { force });
  // Reports sent from the queue have no file card any more (a reload): say so in the live region.
  for (const o of outcomes)
    if (o.kind === "sent") void reportSent(ctx, { unit: o.receipt.unit, period: o.receipt.period });
  const said = outcomes.map((o) =>
    o.kind === "sent"
      ? t(ctx.state.lang, "sent", {
          unit: o.receipt.unit,
          period: o.receipt.period,
          revision: o.receipt.revision,
          time: formatDateTimeVn(o.receipt.receivedAt),
        })
      : t(ctx.state.lang, "refused", { message: o.refusal.i18n?.[ctx.state.lang] ?? o.refusal.message }),
  );
  ctx.update(said.length > 0 ? { notice: { raw: said.join(" ") } } : {});
}

async function loadConsolidation(ctx: AppContext) {
  const { statusUnit: unit, statusPeriod: period } = ctx.state;
  if (!PERIOD_RE.test(period.trim())) {
    ctx.update({ statusError: { key: "badPeriod" } });
    return null;
  }
  ctx.update({ statusBusy: true, statusError: null });
  try {
    const c = await client(ctx.state.token).consolidation(unit, period.trim(), { detail: "units" });
    ctx.update({ statusBusy: false, consolidation: c });
    return c;
  } catch (e) {
    ctx.update({ statusBusy: false, statusError: saidOf(e, ctx.state.lang), consolidation: null });
    return null;
  }
}

/** The status table, the review state of each unit below, and the unit's own report's review. */
export async function showStatus(ctx: AppContext): Promise<void> {
  ctx.update({ reviewOpen: null, reviewError: null });
  const c = await loadConsolidation(ctx);
  if (!c) return ctx.update({ reviewUnits: null, reviewNotes: {} });
  await Promise.all([
    loadReviews(ctx, c.unit, c.period),
    refreshOwnReviews(ctx, [{ unit: c.unit, period: c.period }]),
  ]);
}

/** The consolidated workbook: the add-in's pull plan, rendered by the CLI's renderer, in the browser. */
export async function pull(ctx: AppContext): Promise<void> {
  const c = await loadConsolidation(ctx);
  if (!c) return;
  const template = getTemplate(c.template);
  if (!template)
    return ctx.update({ statusError: { key: "unknownTemplate", params: { template: c.template } } });
  // The same sheets as the add-in's pull and `baocao pull` (Xếp loại when the period is scored).
  let ranking: PulledRanking | undefined;
  try {
    ranking = await rankingForPull(client(ctx.state.token), c.unit, c.period);
  } catch (e) {
    return ctx.update({ statusError: saidOf(e, ctx.state.lang) });
  }
  const wb = await newWorkbook();
  const opts = { lang: ctx.state.lang, at: new Date(), ...(ranking !== undefined && { ranking }) };
  for (const { plan } of consolidatedWorkbookPlans(c, template, opts)) await renderPlan(wb, plan);
  const file = `tong-hop-${c.unit}-${c.period}.xlsx`;
  download(await wb.xlsx.writeBuffer(), file);
  ctx.update({ notice: { key: "pulled", params: { file } } });
}

export function switchLang(ctx: AppContext): void {
  const lang = ctx.state.lang === "vi" ? "en" : "vi";
  saveLang(lang);
  ctx.update({ lang });
}
