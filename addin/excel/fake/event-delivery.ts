/// <reference types="office-js" />
// onChanged delivery: each event reaches its sheet's and the workbook's handlers in a later task, after
// the sync that raised it has resolved; tests can wait until every handler has run.

import type { ChangedEvent } from "./sheet-state.ts";
import type { WorkbookState } from "./state.ts";

export interface DeliveredEvent extends ChangedEvent {
  sheetName: string;
}

export interface EventDelivery {
  deliver(events: ChangedEvent[]): void;
  /** Events delivered to handlers so far. */
  readonly delivered: DeliveredEvent[];
  /** Waits until every handler raised so far has run (handlers may raise more). */
  flush(): Promise<void>;
}

export function createEventDelivery(state: WorkbookState): EventDelivery {
  const delivered: DeliveredEvent[] = [];
  const inFlight = new Set<Promise<void>>();
  const deliver = (events: ChangedEvent[]): void => {
    for (const event of events) {
      const sheet = state.sheetById(event.sheetId);
      if (!sheet) continue;
      const handlers = [...sheet.handlers, ...state.workbookHandlers];
      const args = {
        type: "WorksheetChanged" as const,
        address: event.address,
        changeType: "RangeEdited" as const,
        source: "Local" as const,
        triggerSource: event.triggerSource,
        worksheetId: event.sheetId,
        details: event.details,
        getRange: (ctx: Excel.RequestContext) =>
          ctx.workbook.worksheets.getItem(sheet.name).getRange(event.address),
      };
      const p = new Promise<void>((resolve) => {
        setTimeout(async () => {
          delivered.push({ ...event, sheetName: sheet.name });
          try {
            for (const h of handlers) await h(args);
          } finally {
            resolve();
          }
        }, 0);
      });
      inFlight.add(p);
      void p.then(() => inFlight.delete(p));
    }
  };
  return {
    deliver,
    delivered,
    async flush() {
      // Handlers may write and raise more events: wait until nothing is in flight.
      for (let i = 0; i < 100 && inFlight.size > 0; i++) await Promise.all([...inFlight]);
    },
  };
}
