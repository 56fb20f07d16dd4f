import { describe, expect, it } from "vitest";
import { defaultBackend, jsonStorage, memoryBackend, type StringBackend } from "./storage.ts";

describe("jsonStorage", () => {
  it("round-trips JSON under a prefix and removes", async () => {
    const backend = memoryBackend();
    const store = jsonStorage(backend);
    await store.set("a", { n: 1, list: ["x"] });
    expect(await store.get("a")).toEqual({ n: 1, list: ["x"] });
    expect(backend.getItem("baocao:a")).toBe('{"n":1,"list":["x"]}');
    await store.remove("a");
    expect(await store.get("a")).toBeUndefined();
    expect(backend.size).toBe(0);
  });

  it("reads a corrupt entry as missing", async () => {
    const backend = memoryBackend();
    await backend.setItem("baocao:bad", "{not json");
    expect(await jsonStorage(backend).get("bad")).toBeUndefined();
  });

  it("works over an async backend like OfficeRuntime.storage", async () => {
    const map = new Map<string, string>();
    const asyncBackend: StringBackend = {
      getItem: async (k) => map.get(k) ?? null,
      setItem: async (k, v) => {
        map.set(k, v);
      },
      removeItem: async (k) => {
        map.delete(k);
      },
    };
    const store = jsonStorage(asyncBackend);
    await store.set("q", [1, 2]);
    expect(await store.get("q")).toEqual([1, 2]);
  });
});

describe("defaultBackend", () => {
  it("prefers OfficeRuntime.storage, then localStorage, then memory", () => {
    const office = memoryBackend();
    const local = memoryBackend();
    expect(defaultBackend({ OfficeRuntime: { storage: office }, localStorage: local } as never)).toBe(office);
    expect(defaultBackend({ localStorage: local } as never)).toBe(local);
    const fallback = defaultBackend({} as never);
    expect(fallback).not.toBe(local);
    expect(fallback.getItem("x")).toBeNull();
  });
});
