// Duyệt báo cáo (§3), the reviewer's actions: list the units below with their state, open one report as
// the read-only review sheet, draft comments on its cells, and accept, return or reopen it.
import { PERIOD_RE } from "../../shared/api/schemas.ts";
import { indicatorAt } from "../../shared/plans/review-sheet.ts";
import { STATE_LABEL } from "../../shared/review/labels.ts";
import { getTemplate } from "../../shared/template/registry.ts";
import { rtBoth } from "../ui/review-text.ts";
import type { PaneCore } from "./pane-core.ts";
import * as desk from "./review-desk.ts";

function reviewApi(core: PaneCore) {
  const client = core.client();
  const { review, reviews } = client;
  if (!review || !reviews) throw new Error("this client cannot review");
  return { client, review, reviews };
}

/** The units below `unit` for `period` with their state; a decision or an open report is dropped. */
export function loadReviewList(core: PaneCore, unit: string, period: string): Promise<void> {
  const work = async () => {
    const p = period.trim();
    if (!PERIOD_RE.test(p)) {
      core.set({ notice: { tone: "error", said: { key: "pullBadPeriod" } } });
      return;
    }
    const list = await reviewApi(core).reviews(unit, p);
    core.set({ desk: { unit, period: p, units: list.units, open: null } });
  };
  return core.act("busyLoadingUnits", work, { clearNotice: true });
}

/** Writes the unit's report as the read-only review sheet, changes since the last return in yellow. */
export function openReview(core: PaneCore, unit: string): Promise<void> {
  const work = async () => {
    const d = core.state.desk;
    const u = d?.units?.find((x) => x.unit === unit);
    if (!d || !u) return;
    const opened = await desk.openReviewSheet(reviewApi(core).client, core.excel, u, d.period);
    if (typeof opened === "string") {
      core.set({ notice: { tone: "warning", said: rtBoth("noReport") } });
      return;
    }
    core.set({ desk: { ...d, open: opened } });
  };
  return core.act("busyPulling", work, { clearNotice: true });
}

/** A comment on the indicator of the selected cell of the open review sheet. */
export function addReviewComment(core: PaneCore, comment: string): Promise<void> {
  return core.act(null, async () => {
    const d = core.state.desk;
    const open = d?.open;
    if (!d || !open) return;
    const text = comment.trim();
    if (text === "") {
      core.set({ notice: { tone: "warning", said: rtBoth("commentEmpty") } });
      return;
    }
    const cell = await core.excel.selectedCell?.();
    const template = getTemplate(open.template);
    const code =
      cell && template && cell.sheet === open.sheet ? indicatorAt(template, cell.address) : undefined;
    if (!code) {
      core.set({ notice: { tone: "warning", said: rtBoth("selectCell", { sheet: open.sheet }) } });
      return;
    }
    const items = desk.withItem(open.items, { code, comment: text });
    core.set({ notice: null, desk: { ...d, open: { ...open, items } } });
  });
}

export function removeReviewComment(core: PaneCore, code: string): void {
  const d = core.state.desk;
  if (!d?.open) return;
  core.set({ desk: { ...d, open: { ...d.open, items: d.open.items.filter((i) => i.code !== code) } } });
}

/** Accept, return (with the comment and the drafted per-cell comments) or reopen the open report. */
export function decideReview(
  core: PaneCore,
  decision: "accept" | "return" | "reopen",
  comment: string,
): Promise<void> {
  const work = async () => {
    const d = core.state.desk;
    const open = d?.open;
    if (!d || !open) return;
    const api = reviewApi(core);
    const text = comment.trim();
    const answer = await api.review({
      unit: open.unit,
      period: open.period,
      revision: open.revision,
      decision,
      ...(text === "" ? {} : { comment: text }),
      ...(decision === "return" && open.items.length > 0 ? { items: open.items } : {}),
    });
    const list = await api.reviews(d.unit, d.period);
    const label = STATE_LABEL[answer.state];
    core.set({
      desk: { ...d, units: list.units, open: null },
      notice: {
        tone: "success",
        said: { vi: `${open.unit}: ${label.vi}.`, en: `${open.unit}: ${label.en}.` },
      },
    });
  };
  return core.act("busySubmitting", work, { clearNotice: true });
}
