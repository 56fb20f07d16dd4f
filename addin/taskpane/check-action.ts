// Kiểm tra, the user's action: the sheet checked (with its own template version), its review read
// (a returned report's comments go on the cells), and whether its period now uses another template.
import type { PaneCore } from "./pane-core.ts";
import type { CheckResult } from "./pane-state.ts";
import * as desk from "./review-desk.ts";
import { check } from "./sheet-check.ts";
import { findTemplateNews, withSheetTemplate } from "./template-news.ts";

export function validate(core: PaneCore): Promise<CheckResult | undefined> {
  return core.act(
    "busyValidating",
    async () => {
      const checked = await withSheetTemplate(core, await check(core));
      // Both ask the server; side by side, so an unreachable one costs one wait, not two.
      const [reviewed] = await Promise.all([
        refreshOwnReview(core, checked),
        findTemplateNews(core, checked),
      ]);
      return reviewed ?? checked;
    },
    { clearNotice: true },
  );
}

/**
 * Reads the review of the report on the sheet; when it changed (returned with comments, or no longer
 * returned), checks the sheet again so the comments' notes are placed or cleared. Offline: left as is.
 */
async function refreshOwnReview(core: PaneCore, result: CheckResult): Promise<CheckResult | undefined> {
  const report = result.report;
  if (!core.state.settings.token || !report?.unit || !report.period) return undefined;
  let own: desk.OwnReview | null;
  try {
    own = await desk.fetchOwnReview(core.client(), report.unit, report.period);
  } catch {
    return undefined;
  }
  if (desk.sameOwnReview(own, core.state.ownReview)) return undefined;
  const notes = (o: desk.OwnReview | null) => o?.review.state === "returned";
  const before = notes(core.state.ownReview);
  core.set({ ownReview: own });
  return before || notes(own) ? check(core, result.sheet) : undefined;
}
