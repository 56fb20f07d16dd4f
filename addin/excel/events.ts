/// <reference types="office-js" />
// Our own writes must not wake our own onChanged handler (facts §9: the add-in's writes raise events).
// Events are switched off in the same batch, before the writes, and on again after them; if the batch
// fails half-way, a second sync switches them back on.
import { type ApiSupport, excelApi } from "./support.ts";

export async function syncWithoutEvents(
  ctx: Excel.RequestContext,
  support: ApiSupport,
  queueWrites: () => void,
) {
  // Runtime.enableEvents is ExcelApi 1.8; without it the handler has to filter on triggerSource.
  const toggle = excelApi(support, "1.8");
  if (toggle) ctx.runtime.enableEvents = false;
  queueWrites();
  if (toggle) ctx.runtime.enableEvents = true;
  try {
    await ctx.sync();
  } catch (error) {
    if (toggle) {
      try {
        ctx.runtime.enableEvents = true;
        await ctx.sync();
      } catch {
        // The first error is the one to report.
      }
    }
    throw error;
  }
}
