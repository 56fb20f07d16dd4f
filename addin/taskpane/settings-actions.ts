// Cài đặt: the server, the token and the language.
import type { Lang } from "../../shared/messages/types.ts";
import type { PaneCore } from "./pane-core.ts";
import { retryQueue } from "./queue-delivery.ts";

export async function saveSettings(
  core: PaneCore,
  patch: { serverUrl?: string; token?: string; lang?: Lang },
): Promise<boolean> {
  const saved = await core.act(null, async () => {
    if (patch.serverUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(patch.serverUrl.trim())) {
      core.set({ notice: { tone: "error", said: { key: "settingsBadUrl" } } });
      return false;
    }
    const before = core.state.settings;
    await core.settingsStore.update(patch);
    const after = core.settingsStore.get();
    // Another server or token sees other units, and other reports.
    if (after.serverUrl !== before.serverUrl || after.token !== before.token) {
      core.set({ units: null, unitsPeriod: null, pulled: null });
    }
    core.set({ notice: { tone: "success", said: { key: "settingsSaved" } } });
    return true;
  });
  if (saved && core.queue.size > 0) void retryQueue(core, false);
  return saved === true;
}

export async function setLanguage(core: PaneCore, lang: Lang): Promise<void> {
  await core.act(null, () => core.settingsStore.update({ lang }));
}
