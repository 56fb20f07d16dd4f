// Lấy tổng hợp: the units of a period's tree for the form, then the consolidation written as three
// sheets (Tổng hợp, Theo đơn vị, Tình hình nộp), asking before replacing an earlier pull.
import { type Consolidation, PERIOD_RE } from "../../shared/api/schemas.ts";
import { consolidatedWorkbookPlans } from "../../shared/plans/consolidated-workbook.ts";
import { unitNamesOf } from "../../shared/plans/reporting-summary.ts";
import { rankingForPull } from "../../shared/scoring/pull-scores.ts";
import { getTemplate } from "../../shared/template/registry.ts";
import type { PaneCore } from "./pane-core.ts";
import type { Notice, PulledView } from "./pane-state.ts";
import { orderUnits } from "./unit-options.ts";

/** The unit list: the tree of `period` when one is given (who existed then), else today's. */
export function loadUnits(core: PaneCore, period?: string): Promise<void> {
  return core.act("busyLoadingUnits", async () => {
    const client = core.client();
    const p = period?.trim() ?? "";
    if (PERIOD_RE.test(p)) {
      const tree = await client.unitTree({ period: p });
      core.set({ units: orderUnits(tree.units), unitsPeriod: p });
    } else {
      core.set({ units: orderUnits(await client.units()), unitsPeriod: null });
    }
  });
}

/** The period the pull form starts with: the last one pulled, else this year. */
export function pullDefaults(core: PaneCore): { period: string } {
  return { period: core.state.settings.pull?.period ?? String(core.now().getFullYear()) };
}

/**
 * Lấy tổng hợp: the consolidation (with every expected unit's detail, and with `compare` the figures of
 * that period restated onto this one's tree), then one read batch for the sheet names, then the three
 * sheets in ONE write batch: two syncs. An earlier pull of the same unit and period is replaced only
 * once the user says so; a user's sheet of the same name is never touched.
 */
export function pull(
  core: PaneCore,
  unit: string,
  period: string,
  compare?: string,
  replace = false,
): Promise<void> {
  const work = async () => {
    const p = period.trim();
    const cmp = compare?.trim() ?? "";
    if (!PERIOD_RE.test(p) || (cmp !== "" && !PERIOD_RE.test(cmp))) {
      const key = PERIOD_RE.test(p) ? "pullBadCompare" : "pullBadPeriod";
      core.set({ notice: { tone: "error", said: { key } } });
      return;
    }
    const client = core.client();
    const [consolidation, ranking] = await Promise.all([
      client.consolidation(unit, p, { ...(cmp !== "" && { compare: cmp }), detail: "units" }),
      rankingForPull(client, unit, p),
    ]);
    const template = getTemplate(consolidation.template);
    if (!template) {
      const params = { template: consolidation.template };
      core.set({ notice: { tone: "error", said: { key: "pullUnknownTemplate", params } } });
      return;
    }
    core.set({ busy: "busyPullWriting" });
    const existing = await core.excel.pulledSheets();
    const plans = consolidatedWorkbookPlans(consolidation, template, {
      lang: core.state.lang,
      at: core.now(),
      existing,
      ...(ranking !== undefined && { ranking }),
    });
    const replacing = plans.filter((x) => x.replaces).map((x) => x.plan.name);
    if (replacing.length > 0 && !replace) {
      core.set({ pullReplace: { unit, period: p, compare: cmp, sheets: replacing } });
      return;
    }
    const sheets = await core.excel.renderAll(plans.map((x) => x.plan));
    await core.settingsStore.update({ pull: { unit, period: p } });
    core.set({
      pulled: { ...pulledView(consolidation, sheets), ...(cmp !== "" && { compare: cmp }) },
      pullReplace: null,
      notice: pulledNotice(consolidation, sheets),
    });
  };
  return core.act("busyPulling", work, { clearNotice: true });
}

export function confirmPullReplace(core: PaneCore): Promise<void> {
  const ask = core.state.pullReplace;
  core.set({ pullReplace: null });
  return ask ? pull(core, ask.unit, ask.period, ask.compare, true) : Promise.resolve();
}

function pulledView(c: Consolidation, sheets: string[]): PulledView {
  const r = c.reporting;
  const names = unitNamesOf(c);
  const nameOf = (code: string) => names.get(code) ?? code;
  return {
    sheet: sheets[0] ?? "",
    sheets,
    unit: c.unit,
    unitName: c.name ?? c.unit,
    period: c.period,
    submitted: r.submitted,
    expected: r.expected,
    lateCount: r.late,
    late: (r.lateUnits ?? []).map(nameOf),
    missing: r.missing.map(nameOf),
    summary: c.summary?.text ?? null,
  };
}

function pulledNotice(c: Consolidation, sheets: string[]): Notice {
  const r = c.reporting;
  return {
    tone: "success",
    said: {
      key: "pullDone",
      params: { sheet: sheets.join(", "), submitted: r.submitted, expected: r.expected },
    },
  };
}
