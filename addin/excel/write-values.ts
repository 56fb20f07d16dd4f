/// <reference types="office-js" />
// "Sửa" / "Sửa tất cả": write the one unambiguous correction of each cell. Two syncs: read the cells'
// number formats and the sheet's protection, then write everything in one batch with events off.
// A number goes in as a number: a "@" (text) cell would store it as text, so its format is set to
// `numberFormat` (default General) first. Text goes into "@" cells only, so it is never parsed as typed.

import { syncWithoutEvents } from "./events.ts";
import { normalizeAddress } from "./marks-plan.ts";
import { type ApiSupport, officeApiSupport } from "./support.ts";

export interface ValueFix {
  address: string;
  /** A number, a text, or null to empty the cell. */
  value: number | string | null;
  /** Format for a number written into a "@" cell (default "General"). */
  numberFormat?: string;
}

export interface FixOptions {
  support?: ApiSupport;
}

export async function applyFixes(
  ctx: Excel.RequestContext,
  sheetName: string,
  fixes: readonly ValueFix[],
  options: FixOptions = {},
): Promise<void> {
  if (fixes.length === 0) return;
  const support = options.support ?? officeApiSupport();
  const byCell = new Map<string, ValueFix>();
  for (const fix of fixes) {
    if (typeof fix.value === "number" && !Number.isFinite(fix.value)) {
      throw new RangeError(`fix for ${fix.address} is not a finite number`);
    }
    byCell.set(normalizeAddress(fix.address), fix);
  }
  const sheet = ctx.workbook.worksheets.getItem(sheetName);
  const protection = sheet.protection;
  protection.load("protected,options");
  const cells = [...byCell].map(([address, fix]) => {
    const range = sheet.getRange(address);
    range.load("numberFormat");
    return { address, fix, range };
  });
  await ctx.sync();

  const wasProtected = protection.protected;
  const protectOptions = wasProtected ? protection.options : undefined;
  await syncWithoutEvents(ctx, support, () => {
    if (wasProtected) sheet.protection.unprotect();
    for (const { fix, range } of cells) {
      const format = (range.numberFormat as unknown[][])[0]?.[0];
      if (typeof fix.value === "number") {
        if (format === "@") range.numberFormat = [[fix.numberFormat ?? "General"]];
        range.values = [[fix.value]];
      } else if (typeof fix.value === "string") {
        if (format !== "@") range.numberFormat = [["@"]];
        range.values = [[fix.value]];
      } else {
        range.values = [[""]];
      }
    }
    if (wasProtected) sheet.protection.protect(protectOptions);
  });
}
