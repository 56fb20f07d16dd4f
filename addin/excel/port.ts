/// <reference types="office-js" />
// The pane's ExcelPort (addin/taskpane/excel-port.ts) bound to the adapter and a `run`: Excel.run inside
// Office, the fake's run in tests and e2e.

import { pulledSheetKey } from "../../shared/plans/consolidated-workbook.ts";
import type { ExcelRun } from "../state/host.ts";
import type { CellFix, ExcelPort } from "../taskpane/excel-port.ts";
import { checkAndMarkSheet } from "./marks.ts";
import { renderPlan, renderPlans } from "./render-plan.ts";
import { selectCell } from "./select.ts";
import { selectedCell } from "./selected-cell.ts";
import { type ApiSupport, excelApi, officeApiSupport } from "./support.ts";
import { applyFixes } from "./write-values.ts";

/** Excel.run(context, batch): runs a batch in an existing context (needed to remove an event handler). */
export type RunIn = <T>(
  context: OfficeExtension.ClientRequestContext,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

export interface PortOptions {
  support?: ApiSupport;
  /** Without it, unsubscribing only silences the handler (it stays registered until the pane reloads). */
  runIn?: RunIn;
}

export function createExcelPort(run: ExcelRun, options: PortOptions = {}): ExcelPort {
  const support = options.support ?? officeApiSupport();
  return {
    async render(plan) {
      await run((ctx) => renderPlan(ctx, plan, { support }));
      return plan.name;
    },
    async renderAll(plans) {
      await run((ctx) => renderPlans(ctx, plans, { support }));
      return plans.map((p) => p.name);
    },
    async pulledSheets() {
      return run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name");
        const settings = ctx.workbook.settings;
        settings.load("items/key,items/value");
        await ctx.sync();
        const marks = new Map(settings.items.map((s) => [s.key, s.value]));
        return new Map(
          sheets.items.map((s) => {
            const mark: unknown = marks.get(pulledSheetKey(s.name));
            return [s.name, typeof mark === "string" ? mark : null] as const;
          }),
        );
      });
    },
    async validate(sheet, check) {
      const { checked } = await run((ctx) => checkAndMarkSheet(ctx, sheet, check, { support }));
      return checked.result;
    },
    async applyFixes(sheet: string, fixes: CellFix[]) {
      await run((ctx) => applyFixes(ctx, sheet, fixes, { support }));
    },
    async select(sheet, address) {
      await run((ctx) => selectCell(ctx, sheet, address));
    },
    async selectedCell() {
      return run((ctx) => selectedCell(ctx));
    },
    async sheetNames() {
      // Tạo mẫu names its sheet from these, so it never renders over (replaces) a filled report.
      return run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name");
        await ctx.sync();
        return sheets.items.map((s) => s.name);
      });
    },
    async onChanged(handler) {
      // WorksheetCollection.onChanged is ExcelApi 1.9; without it the pane re-checks on demand only.
      if (!excelApi(support, "1.9")) return async () => {};
      let active = true;
      const registration = await run(async (ctx) => {
        const result = ctx.workbook.worksheets.onChanged.add(async (event) => {
          // Our own writes run with events off; this also guards hosts without enableEvents (1.8).
          if (!active || event.triggerSource === "ThisLocalAddin") return;
          const name = await run(async (c) => {
            const sheet = c.workbook.worksheets.getItem(event.worksheetId);
            sheet.load("name");
            await c.sync();
            return sheet.name;
          });
          handler(name);
        });
        await ctx.sync();
        return result;
      });
      return async () => {
        active = false;
        const runIn = options.runIn;
        if (runIn) {
          await runIn(registration.context, async (ctx) => {
            registration.remove();
            await ctx.sync();
          });
        }
      };
    },
  };
}
