/// <reference types="office-js" />
// The page's entry point (the task pane and, with the shared runtime, the ribbon's function file): wait
// for Office, pick the Excel to talk to, open the stored settings and queue, wire the controller to the
// pane and the ribbon, and start the background work.

import { defaultBackend, jsonStorage } from "../../shared/queue/storage.ts";
import { SubmissionQueue } from "../../shared/queue/submission-queue.ts";
import { type RibbonHost, registerRibbonCommands } from "../commands/commands.ts";
import { createExcelPort } from "../excel/port.ts";
import { excelRun, officeReady } from "../state/host.ts";
import { defaultServerUrl, SettingsStore } from "../state/settings.ts";
import { Controller } from "./controller.ts";
import { firstScreen } from "./first-screen.ts";
import { PaneView } from "./view.ts";

function ribbonHost(): RibbonHost | undefined {
  const office = (globalThis as { Office?: Partial<RibbonHost> }).Office;
  return office?.actions && typeof office.actions.associate === "function"
    ? (office as RibbonHost)
    : undefined;
}

async function boot(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  await officeReady();
  const run = excelRun();
  if (!run) {
    // Outside Excel: say what this is and how to get it into Excel, rather than an error line.
    root.replaceChildren(
      firstScreen({
        server: defaultServerUrl(),
        manifest: new URL("manifest.xml", location.href).href,
        help: new URL("help.html", location.href).href,
      }),
    );
    document.body.dataset.ready = "true";
    return;
  }
  const storage = jsonStorage(defaultBackend());
  const settings = await SettingsStore.open(storage);
  const queue = await SubmissionQueue.open(storage);
  const controller = new Controller({ excel: createExcelPort(run), settings, queue, templateStore: storage });
  const ribbon = ribbonHost();
  if (ribbon) registerRibbonCommands(ribbon, controller);
  new PaneView(root, controller);
  await controller.start(window);
  // Lets an end-to-end test wait until the pane is wired; nothing reads it in Office.
  document.body.dataset.ready = "true";
}

void boot();
