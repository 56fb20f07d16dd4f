// The submission queue's deliveries as the pane sees them: retries (the button, the timer, the network
// coming back), and each outcome turned into state: a receipt, a refusal, or a 409's conflict with
// what differs from the server's current revision.
import type { SubmissionBody } from "../../shared/api/schemas.ts";
import type { QueueOutcome, Refusal } from "../../shared/queue/submission-queue.ts";
import { getTemplate } from "../../shared/template/registry.ts";
import type { PaneCore } from "./pane-core.ts";
import type { PaneState } from "./pane-state.ts";
import { check } from "./sheet-check.ts";
import { diffRows, type RowChange } from "./submission.ts";

/** Why the head of the queue is still waiting (null: not tried yet). */
export function queueFailure(core: Pick<PaneCore, "queue">): PaneState["lastQueueFailure"] {
  const head = core.queue.pending()[0];
  if (!head || head.attempts === 0) return null;
  return { status: head.lastStatus ?? null };
}

/** The "Gửi lại" button (force), the `online` event (force) and the timer (respects backoff). */
export function retryQueue(core: PaneCore, force = true): Promise<void> {
  if (core.queue.size === 0) return Promise.resolve();
  if (!force) return flush(core, false).catch(() => undefined);
  return core.act("busyRetrying", () => flush(core, true), { clearNotice: true });
}

export async function flush(core: PaneCore, force: boolean): Promise<void> {
  const result = await core.queue.flush(core.client(), { force });
  await handleOutcomes(core, result.outcomes);
  if (result.pending === 0) core.set({ queued: false });
}

async function handleOutcomes(core: PaneCore, outcomes: QueueOutcome[]): Promise<void> {
  for (const outcome of outcomes) {
    const { unit, period } = outcome.item.body;
    if (outcome.kind === "sent") {
      await core.settingsStore.setRevision(unit, period, outcome.receipt.revision);
      core.set({
        receipt: {
          receipt: outcome.receipt,
          replayed: outcome.replayed,
          fromQueue: outcome.item.attempts > 0,
        },
        refusal: null,
        conflict: null,
      });
      await clearOwnReview(core, unit, period);
    } else if (outcome.refusal.code === "revision_conflict") {
      await core.queue.dismiss(outcome.item.id);
      await showConflict(core, outcome.item.body, outcome.item.ifMatch, outcome.refusal);
    } else {
      core.set({ refusal: { itemId: outcome.item.id, refusal: outcome.refusal }, receipt: null });
    }
  }
}

/** A resubmission makes a returned report submitted again: its notes leave the sheet. */
async function clearOwnReview(core: PaneCore, unit: string, period: string): Promise<void> {
  const own = core.state.ownReview;
  if (!own || own.unit !== unit || own.period !== period) return;
  core.set({ ownReview: null });
  if (own.review.state === "returned" && core.reportSheet) await check(core, core.reportSheet);
}

/** A 409: fetch the server's current revision and list what differs from this sheet's report. */
async function showConflict(
  core: PaneCore,
  body: SubmissionBody,
  ours: number | undefined,
  refusal: Refusal,
): Promise<void> {
  let current = refusal.currentRevision;
  let receivedAt: string | undefined;
  let changes: RowChange[] = [];
  try {
    const answer = await core.client().submissions(body.unit, body.period);
    if (answer.current) {
      current = answer.current.revision;
      receivedAt = answer.current.receivedAt;
      const template = getTemplate(answer.current.template) ?? getTemplate(body.template);
      const derived = new Set(template?.indicators.filter((i) => i.kind === "ratio").map((i) => i.code));
      changes = diffRows(answer.current.rows, body.rows).filter(
        (c) => !(derived.has(c.code) && c.field === "actual"),
      );
    }
  } catch {
    // Without the list we still know the revision from the 409 itself.
  }
  core.set({
    receipt: null,
    conflict: { unit: body.unit, period: body.period, ours, current: current ?? 0, receivedAt, changes },
  });
}
