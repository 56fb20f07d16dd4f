import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonStorage, memoryBackend } from "../../shared/queue/storage.ts";
import { SubmissionQueue } from "../../shared/queue/submission-queue.ts";
import { createFakeExcel } from "../excel/fake/index.ts";
import { createExcelPort } from "../excel/port.ts";
import { defaultSettings, SettingsStore } from "../state/settings.ts";
import { Controller } from "../taskpane/controller.ts";
import type { ExcelPort } from "../taskpane/excel-port.ts";
import { type CommandEvent, type RibbonHost, registerRibbonCommands } from "./commands.ts";
import { RIBBON_FUNCTIONS } from "./names.ts";

/** Office.actions and Office.addin as a recording stand-in: the handlers are the real ones. */
function recordingHost() {
  const handlers = new Map<string, (event: CommandEvent) => void>();
  let shown = 0;
  const host: RibbonHost = {
    actions: { associate: (name, handler) => void handlers.set(name, handler) },
    addin: {
      showAsTaskpane: async () => {
        shown += 1;
      },
    },
  };
  /** Clicks a ribbon button and resolves when the command calls completed(). */
  const click = (name: string) =>
    new Promise<number>((resolve) => {
      let completed = 0;
      handlers.get(name)!({ completed: () => resolve(++completed) });
    });
  return { host, handlers, click, shown: () => shown };
}

async function setup(excel?: ExcelPort) {
  const fake = createFakeExcel();
  const storage = jsonStorage(memoryBackend());
  const controller = new Controller({
    excel: excel ?? createExcelPort(fake.run, { support: fake }),
    settings: await SettingsStore.open(storage, defaultSettings("http://127.0.0.1:9")),
    queue: await SubmissionQueue.open(storage),
  });
  return { fake, controller };
}

describe("ribbon commands", () => {
  it("associates every function the manifest names, and only those", async () => {
    const manifest = readFileSync(new URL("../../manifest.xml", import.meta.url), "utf8");
    const inManifest = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)]
      .map((m) => m[1])
      .sort();
    const { host, handlers } = recordingHost();
    registerRibbonCommands(host, (await setup()).controller);
    expect([...handlers.keys()].sort()).toEqual([...RIBBON_FUNCTIONS].sort());
    expect([...RIBBON_FUNCTIONS].sort()).toEqual(inManifest);
  });

  it("Tạo mẫu and Kiểm tra from the ribbon drive the pane's controller (one shared state)", async () => {
    const { fake, controller } = await setup();
    const ribbon = recordingHost();
    registerRibbonCommands(ribbon.host, controller);
    expect(await ribbon.click("createTemplate")).toBe(1);
    expect(fake.sheetNames()).toContain("Báo cáo");
    expect(await ribbon.click("validate")).toBe(1);
    expect(controller.state.check?.sheet).toBe("Báo cáo");
    expect(ribbon.shown()).toBe(2);
  });

  it("Lấy tổng hợp opens the pane on the pull view", async () => {
    const { controller } = await setup();
    const ribbon = recordingHost();
    registerRibbonCommands(ribbon.host, controller);
    await ribbon.click("pull");
    expect(ribbon.shown()).toBe(1);
    expect(controller.state.view).toBe("pull");
  });

  it("calls completed() even when the work fails or the pane cannot be shown", async () => {
    const broken: ExcelPort = {
      render: () => Promise.reject(new Error("boom")),
      renderAll: () => Promise.reject(new Error("boom")),
      pulledSheets: () => Promise.reject(new Error("boom")),
      validate: () => Promise.reject(new Error("boom")),
      applyFixes: () => Promise.reject(new Error("boom")),
      select: () => Promise.reject(new Error("boom")),
      onChanged: () => Promise.reject(new Error("boom")),
    };
    const { controller } = await setup(broken);
    const handlers = new Map<string, (event: CommandEvent) => void>();
    registerRibbonCommands(
      {
        actions: { associate: (name, handler) => void handlers.set(name, handler) },
        addin: { showAsTaskpane: () => Promise.reject(new Error("not in SharedRuntime")) },
      },
      controller,
    );
    const tones: Record<string, string | undefined> = {};
    for (const name of RIBBON_FUNCTIONS) {
      const done = await new Promise<boolean>((resolve) =>
        handlers.get(name)!({ completed: () => resolve(true) }),
      );
      expect(done, name).toBe(true);
      tones[name] = controller.state.notice?.tone;
    }
    // The failures are shown in the pane.
    expect(tones).toMatchObject({ createTemplate: "error", validate: "error" });
  });
});
