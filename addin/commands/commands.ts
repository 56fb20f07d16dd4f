// The ribbon's buttons. With the shared runtime they run in the pane's page, so each one calls the same
// controller the pane uses and the pane shows the result (the Kiểm tra button updates the pane's list).
import type { Controller } from "../taskpane/controller.ts";
import { RIBBON_FUNCTIONS, type RibbonFunction } from "./names.ts";

/** The part of Office.js the commands use, so tests can pass a recording stand-in. */
export interface RibbonHost {
  actions: { associate(name: string, handler: (event: CommandEvent) => void): void };
  addin?: { showAsTaskpane(): Promise<void> };
}

export interface CommandEvent {
  completed(): void;
}

async function showPane(host: RibbonHost): Promise<void> {
  try {
    await host.addin?.showAsTaskpane();
  } catch {
    // Without SharedRuntime 1.1 (or from a Marketplace copy) the pane stays as it is; the work is done anyway.
  }
}

export function ribbonHandlers(
  host: RibbonHost,
  controller: Controller,
): Record<RibbonFunction, () => Promise<void>> {
  return {
    createTemplate: async () => {
      await controller.createTemplate(await controller.loadCreateDefaults());
      await showPane(host);
    },
    validate: async () => {
      await controller.validate();
      await showPane(host);
    },
    submit: async () => {
      // Shown first: a confirmation or the receipt needs the pane.
      await showPane(host);
      await controller.submit();
    },
    pull: async () => {
      await showPane(host);
      controller.openPull();
    },
    review: async () => {
      await showPane(host);
      controller.openReviewDesk();
    },
  };
}

/** Associates every ribbon function; Office waits for `completed()`, so it is called whatever happens. */
export function registerRibbonCommands(host: RibbonHost, controller: Controller): void {
  const handlers = ribbonHandlers(host, controller);
  for (const name of RIBBON_FUNCTIONS) {
    host.actions.associate(name, (event: CommandEvent) => {
      void (async () => {
        try {
          await handlers[name]();
        } catch {
          // The controller already shows failures in the pane; the button must still complete.
        } finally {
          event.completed();
        }
      })();
    });
  }
}
