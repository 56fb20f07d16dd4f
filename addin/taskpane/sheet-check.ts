// Kiểm tra's core and what follows from its issues: read the report sheet, check it with shared/, mark
// its cells (one read batch, one write batch); re-check after a user's edit; go to an issue's cell; Sửa.
import { chooseFixes } from "../../shared/fixes.ts";
import type { Issue } from "../../shared/issues.ts";
import { marksPlan } from "../../shared/plans/marks.ts";
import { withReviewMarks } from "../../shared/plans/review-marks.ts";
import type { CellFix } from "./excel-port.ts";
import type { PaneCore } from "./pane-core.ts";
import type { CheckResult } from "./pane-state.ts";
import * as desk from "./review-desk.ts";

const CONSOLIDATED_PREFIX = "Tổng hợp";

export function isConsolidated(sheet: string): boolean {
  return sheet.startsWith(CONSOLIDATED_PREFIX);
}

/**
 * Reads a sheet, checks it with shared/, marks its cells; one read batch, one write batch. Without a
 * name it is the active sheet, unless that is a consolidated sheet: then the report last worked on.
 */
export async function check(
  core: PaneCore,
  sheet?: string,
  opts: { keepView?: boolean } = {},
): Promise<CheckResult> {
  const lang = core.state.lang;
  const remembered = core.reportSheet;
  const result = await core.excel.validate<CheckResult | null>(sheet, (grid) => {
    if (
      sheet === undefined &&
      isConsolidated(grid.sheet) &&
      remembered !== undefined &&
      remembered !== grid.sheet
    ) {
      return { marks: [], result: null };
    }
    const checked = core.templates.check(grid);
    const template = checked.located.template;
    const issues = checked.issues;
    const ownMarks = desk.ownReviewMarks(
      core.state.ownReview,
      checked.report,
      checked.located.rows,
      grid.sheet,
      lang,
    );
    const marks = withReviewMarks(marksPlan(issues, template, lang, "addin"), ownMarks);
    const res: CheckResult = {
      sheet: grid.sheet,
      issues,
      errors: checked.errors,
      warnings: checked.warnings,
      fixable: chooseFixes(issues).fixes.length,
      template,
      report: checked.report,
      header: checked.located.header,
      at: core.now().toISOString(),
    };
    return { marks, result: res };
  });
  if (result === null) return check(core, remembered);
  if (!isConsolidated(result.sheet)) core.reportSheet = result.sheet;
  // The template notice belongs to the sheet it was found on.
  const news = core.state.templateNews;
  const templateNews = news?.sheet === result.sheet ? news : null;
  // A re-check after an edit runs in the background: it must not pull the user out of another view.
  core.set({ check: result, templateNews, ...(opts.keepView ? {} : { view: "main" as const }) });
  return result;
}

/** A user's edit on the checked sheet: re-check once the typing stops. */
export function sheetChanged(core: PaneCore, sheet: string): void {
  if (core.state.check === null || sheet !== core.state.check.sheet) return;
  if (core.debounce !== undefined) clearTimeout(core.debounce);
  core.debounce = setTimeout(() => {
    core.debounce = undefined;
    void core.act(null, () => check(core, sheet, { keepView: true }), { background: true });
  }, core.debounceMs);
}

export function selectIssue(core: PaneCore, issue: Issue): Promise<void> {
  const sheet = issue.sheet ?? core.state.check?.sheet;
  if (!issue.cell || !sheet) return Promise.resolve();
  const cell = issue.cell;
  return core.act(null, () => core.excel.select(sheet, cell)).then(() => undefined);
}

/** The issue's cell only, and only when no other issue proposes a different value for it. */
export function fixIssue(core: PaneCore, issue: Issue): Promise<void> {
  const fixes = chooseFixes(core.state.check?.issues ?? [issue]).fixes;
  return applyFixes(
    core,
    fixes.filter((f) => f.address === issue.cell),
  );
}

/** Every unambiguous fix in one write batch, then a fresh check. */
export function fixAll(core: PaneCore): Promise<void> {
  return applyFixes(core, chooseFixes(core.state.check?.issues ?? []).fixes);
}

function applyFixes(core: PaneCore, fixes: CellFix[]): Promise<void> {
  return core.act("busyFixing", async () => {
    const sheet = core.state.check?.sheet;
    if (fixes.length === 0 || !sheet) {
      core.set({ notice: { tone: "info", said: { key: "fixNothing" } } });
      return;
    }
    await core.excel.applyFixes(sheet, fixes);
    await check(core, sheet);
    core.set({ notice: { tone: "success", said: { key: "fixedCount", params: { n: fixes.length } } } });
  });
}
