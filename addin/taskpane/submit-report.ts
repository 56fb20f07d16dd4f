// Gửi báo cáo: check the sheet again, refuse while errors remain, ask before sending with warnings, then
// send through the queue; after a 409, send again on the server's revision.
import { newIdempotencyKey } from "../../shared/api/client.ts";
import type { SubmissionBody } from "../../shared/api/schemas.ts";
import { submissionBody } from "../../shared/api/submission-body.ts";
import { hasErrors } from "../../shared/issues.ts";
import type { PaneCore } from "./pane-core.ts";
import { flush } from "./queue-delivery.ts";
import { check } from "./sheet-check.ts";

/**
 * Checks the sheet again (it may have changed), refuses while errors remain, asks before sending with
 * warnings, then sends through the queue: the report is stored with its key BEFORE the first try, so a
 * crash or a lost answer never loses it nor sends it under another key.
 */
export function submit(core: PaneCore, opts: { confirmed?: boolean } = {}): Promise<void> {
  const work = async () => {
    if (!core.state.settings.token) {
      core.set({ view: "settings", notice: { tone: "warning", said: { key: "statusNoToken" } } });
      return;
    }
    const checked = await check(core);
    // A sheet without unit code or period already has an error (grid.header_missing).
    if (hasErrors(checked.issues)) {
      core.set({ notice: { tone: "error", said: { key: "submitBlocked", params: { n: checked.errors } } } });
      return;
    }
    if (!checked.report) {
      core.set({ notice: { tone: "error", said: { key: "submitNoReport" } } });
      return;
    }
    if (checked.warnings > 0 && !opts.confirmed) {
      core.set({ confirm: { warnings: checked.warnings } });
      return;
    }
    await send(core, submissionBody(checked.report, checked.header, "replace"));
  };
  return core.act("busyValidating", work, { clearNotice: true, clearResult: true });
}

export function confirmSubmit(core: PaneCore): Promise<void> {
  core.set({ confirm: null });
  return submit(core, { confirmed: true });
}

async function send(core: PaneCore, body: SubmissionBody): Promise<void> {
  const ifMatch = core.settingsStore.revision(body.unit, body.period);
  const item = await core.queue.enqueue(body, {
    idempotencyKey: newIdempotencyKey(),
    ...(ifMatch !== undefined ? { ifMatch } : {}),
  });
  core.set({ busy: "busySubmitting" });
  await flush(core, true);
  // A flush that was already under way may have ended before reaching the new report.
  const waiting = () => core.queue.pending().some((i) => i.id === item.id);
  if (waiting() && !core.queue.busy) {
    const head = core.queue.pending()[0];
    if (head?.id === item.id && head.attempts === 0) await flush(core, true);
  }
  if (waiting()) core.set({ queued: true });
}

/** Takes the server's revision as the base and submits the sheet again (checked and confirmed as usual). */
export async function resendOnCurrent(core: PaneCore): Promise<void> {
  const c = core.state.conflict;
  if (!c) return;
  await core.settingsStore.setRevision(c.unit, c.period, c.current, true);
  core.set({ conflict: null });
  await submit(core);
}
