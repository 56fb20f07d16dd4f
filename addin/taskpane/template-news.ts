// A sheet and the template versions (§5): the sheet is checked with the version its "Mẫu:" cell names
// (fetched when neither built in nor kept), and when its period now uses another template the pane says
// so with the CLI's words (shared/template/notice.ts) and offers "Tải mẫu mới".

import { fetchPeriodTemplate } from "../../shared/api/period-template.ts";
import { PERIOD_RE } from "../../shared/api/schemas.ts";
import { templateNotice } from "../../shared/template/notice.ts";
import { templateToLookUp } from "../../shared/template/sheet-template.ts";
import { createTemplate } from "./create-template.ts";
import type { PaneCore } from "./pane-core.ts";
import type { CheckResult, CreateOptions } from "./pane-state.ts";
import { check } from "./sheet-check.ts";

/**
 * The sheet names a template version the pane has not got (an older version, a province's template):
 * signed in, that version is fetched, kept, and the sheet checked again with it. Offline, the check's own
 * issue (the template or version is unknown) stands.
 */
export async function withSheetTemplate(core: PaneCore, result: CheckResult): Promise<CheckResult> {
  const want = templateToLookUp(result.header, result.template);
  if (!want || !core.state.settings.token) return result;
  try {
    const template = await core.templateClient().template(want.id, want.version);
    await core.templates.keep(template, { latest: want.version === undefined });
  } catch {
    return result;
  }
  return check(core, result.sheet);
}

/** Compares the checked sheet's template with the one its period uses, as `baocao validate` does. */
export async function findTemplateNews(core: PaneCore, result: CheckResult): Promise<void> {
  const period = result.header.period?.trim() ?? "";
  const used = result.template;
  if (!core.state.settings.token || !used || !PERIOD_RE.test(period)) {
    core.set({ templateNews: null });
    return;
  }
  let current: Awaited<ReturnType<typeof fetchPeriodTemplate>>;
  try {
    current = await fetchPeriodTemplate(core.templateClient(), period);
    if (current) await core.templates.keep(current);
  } catch {
    return; // offline: the check stands without the notice
  }
  const said = current && templateNotice({ id: used.id, version: used.version }, current);
  core.set({
    templateNews:
      current && said
        ? { sheet: result.sheet, period, template: { id: current.id, version: current.version }, said }
        : null,
  });
}

/**
 * "Tải mẫu mới": Tạo mẫu for the period's template with the checked sheet's unit, period and reporter.
 * Like every Tạo mẫu it never writes over a sheet: the new one comes beside the old, "Báo cáo (2)".
 */
export function getNewTemplate(core: PaneCore): Promise<void> {
  const news = core.state.templateNews;
  if (!news) return Promise.resolve();
  const header = core.state.check?.sheet === news.sheet ? core.state.check.header : {};
  const opts: CreateOptions = { period: news.period };
  for (const key of ["unitCode", "unitName", "reporter", "phone"] as const) {
    const value = header[key];
    if (value !== undefined) opts[key] = value;
  }
  return createTemplate(core, opts);
}
