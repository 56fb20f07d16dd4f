import { describe, expect, it } from "vitest";
import { jsonStorage, memoryBackend } from "../../shared/queue/storage.ts";
import { defaultServerUrl, defaultSettings, SettingsStore } from "./settings.ts";

describe("SettingsStore", () => {
  it("starts from the defaults and persists changes across a reopen", async () => {
    const backend = memoryBackend();
    const s = await SettingsStore.open(jsonStorage(backend), defaultSettings("http://w.example"));
    expect(s.get()).toMatchObject({ serverUrl: "http://w.example", token: "", lang: "vi" });
    await s.update({ serverUrl: " http://127.0.0.1:9999/ ", token: " tok ", lang: "en" });
    const again = await SettingsStore.open(jsonStorage(backend), defaultSettings("http://w.example"));
    expect(again.get()).toMatchObject({ serverUrl: "http://127.0.0.1:9999", token: "tok", lang: "en" });
  });

  it("keeps the last revision per unit and period, never stepping back unless told", async () => {
    const s = await SettingsStore.open(jsonStorage(memoryBackend()));
    expect(s.revision("SL", "2023")).toBeUndefined();
    await s.setRevision("SL", "2023", 3);
    await s.setRevision("SL", "2023", 2);
    expect(s.revision("SL", "2023")).toBe(3);
    await s.setRevision("SL", "2023", 2, true);
    expect(s.revision("SL", "2023")).toBe(2);
    expect(s.revision("SL", "2024")).toBeUndefined();
  });

  it("falls back to the local Worker URL when the build defined none", () => {
    expect(defaultServerUrl()).toBe("http://127.0.0.1:8787");
  });

  it("ignores an unknown language in storage", async () => {
    const backend = memoryBackend();
    await jsonStorage(backend).set("settings", { lang: "fr" });
    expect((await SettingsStore.open(jsonStorage(backend))).get().lang).toBe("vi");
  });
});
