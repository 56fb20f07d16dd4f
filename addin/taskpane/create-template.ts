// Tạo mẫu: the template sheet of the period's template, filled with the unit and period, under a name
// no report in the workbook has yet.
import { fetchPeriodTemplate } from "../../shared/api/period-template.ts";
import { normalizeUnitCode } from "../../shared/api/unit-code.ts";
import { templateSheetPlan } from "../../shared/plans/template-sheet.ts";
import { DEFAULT_TEMPLATE_ID, getTemplate } from "../../shared/template/registry.ts";
import type { Template } from "../../shared/template/types.ts";
import type { PaneCore } from "./pane-core.ts";
import type { CreateOptions } from "./pane-state.ts";
import { orderUnits } from "./unit-options.ts";

/** The create form's starting values: the token's own unit (the root of its subtree) and this year. */
export function createDefaults(core: PaneCore): CreateOptions {
  const root = core.state.units?.[0];
  return {
    ...(root ? { unitCode: root.code, unitName: root.name } : {}),
    period: String(core.now().getFullYear()),
  };
}

/** Defaults for a create without the form (the ribbon): loads the token's units first when it can. */
export async function loadCreateDefaults(core: PaneCore): Promise<CreateOptions> {
  if (core.state.units === null && core.state.settings.token) {
    try {
      core.set({ units: orderUnits(await core.client().units()) });
    } catch {
      // Offline: the sheet is created with a blank unit, which the user types in.
    }
  }
  return createDefaults(core);
}

/**
 * The template a period's units fill: asked of the server when signed in, and kept; offline (or
 * before any period has one), the last fetched of the default template, else the built-in one.
 */
async function templateFor(core: PaneCore, period: string | undefined): Promise<Template> {
  if (core.state.settings.token && period) {
    try {
      const client = core.templateClient();
      const template =
        (await fetchPeriodTemplate(client, period)) ?? (await client.template(DEFAULT_TEMPLATE_ID));
      await core.templates.keep(template);
      return template;
    } catch {
      // Offline or refused: the kept or built-in template below.
    }
  }
  return core.templates.get(DEFAULT_TEMPLATE_ID) ?? getTemplate(DEFAULT_TEMPLATE_ID)!;
}

export function createTemplate(core: PaneCore, opts: CreateOptions = createDefaults(core)): Promise<void> {
  return core.act("busyCreating", async () => {
    const template = await templateFor(core, opts.period);
    const typed = clean(opts);
    // Unit codes are read case-insensitively and written upper-case ("sl.maison" → SL.MAISON).
    if (typed.unitCode !== undefined) typed.unitCode = normalizeUnitCode(typed.unitCode) ?? typed.unitCode;
    const plan = templateSheetPlan(template, typed);
    // Never over a report already in the workbook: "Báo cáo", then "Báo cáo (2)", …
    const taken = new Set((await core.excel.sheetNames?.()) ?? []);
    const base = plan.name;
    for (let n = 2; taken.has(plan.name); n++) plan.name = `${base} (${n})`;
    const sheet = await core.excel.render(plan);
    core.reportSheet = sheet;
    core.set({
      view: "main",
      check: null,
      templateNews: null,
      receipt: null,
      queued: false,
      conflict: null,
      notice: { tone: "success", said: { key: "createDone", params: { sheet } } },
    });
  });
}

function clean(opts: CreateOptions): CreateOptions {
  const out: CreateOptions = {};
  for (const [k, v] of Object.entries(opts) as [keyof CreateOptions, string | undefined][]) {
    if (v !== undefined && v.trim() !== "") out[k] = v.trim();
  }
  return out;
}
