// The web page's entry (GET /): for everyone without the add-in. Opens the shared submission queue in
// localStorage, signs in again with the tab's token after a reload, and re-sends what waits.

import { todayInVietnam } from "../shared/format/vietnam-time.ts";
import { jsonStorage } from "../shared/queue/storage.ts";
import { SubmissionQueue } from "../shared/queue/submission-queue.ts";
import { flushQueue, signIn } from "./actions.ts";
import { savedLang, savedToken } from "./session.ts";
import type { AppContext, FileView, State } from "./state.ts";
import { renderPage } from "./view.ts";

/** How often a waiting report is tried again (the queue's own backoff decides whether it is due). */
const RETRY_EVERY_MS = 5000;

function redraw(ctx: AppContext): void {
  const focused = document.activeElement?.id;
  document.documentElement.lang = ctx.state.lang;
  document.title = ctx.state.lang === "vi" ? "Báo cáo Đoàn" : "Youth Union Reports (Báo cáo Đoàn)";
  document.body.replaceChildren(...renderPage(ctx));
  if (focused) document.getElementById(focused)?.focus();
  document.body.dataset.ready = "true";
}

/**
 * The link `baocao tokens issue` writes for a unit carries its token in the fragment (#token=…), which
 * never reaches a server; it is taken once and removed from the address bar and the history.
 */
function tokenFromLink(): string {
  const m = /^#token=([^&]+)$/.exec(location.hash);
  if (!m) return "";
  history.replaceState(null, "", location.pathname + location.search);
  return decodeURIComponent(m[1] ?? "");
}

async function start(): Promise<void> {
  const queue = await SubmissionQueue.open(jsonStorage(localStorage));
  const state: State = {
    lang: savedLang(),
    token: "",
    units: null,
    signInError: null,
    signingIn: false,
    files: [],
    statusUnit: "",
    statusPeriod: todayInVietnam().slice(0, 4),
    statusBusy: false,
    statusError: null,
    consolidation: null,
    notice: null,
    reviewUnits: null,
    reviewNotes: {},
    reviewOpen: null,
    reviewBusy: false,
    reviewError: null,
    reviewComment: "",
    ownReviews: [],
  };
  const ctx: AppContext = {
    state,
    queue,
    update(patch) {
      Object.assign(ctx.state, patch);
      redraw(ctx);
    },
    updateFile(id, patch: Partial<FileView>) {
      ctx.update({ files: ctx.state.files.map((f) => (f.id === id ? { ...f, ...patch } : f)) });
    },
  };
  queue.subscribe(() => redraw(ctx));
  redraw(ctx);
  const token = tokenFromLink() || savedToken();
  if (token !== "") await signIn(ctx, token);
  window.addEventListener("online", () => void flushQueue(ctx, true));
  setInterval(() => void flushQueue(ctx, false), RETRY_EVERY_MS);
}

void start();
