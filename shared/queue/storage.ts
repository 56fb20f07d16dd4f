// Where the pane keeps what must survive a reload (settings, the submission queue): OfficeRuntime.storage
// inside Office (shared by the pane and the ribbon's runtime), localStorage where that is missing (a
// browser, the e2e run). Values are JSON; every call is async because OfficeRuntime.storage is.

/** The string store underneath: OfficeRuntime.storage, localStorage, or memory. */
export interface StringBackend {
  getItem(key: string): Promise<string | null> | string | null;
  setItem(key: string, value: string): Promise<void> | void;
  removeItem(key: string): Promise<void> | void;
}

export interface JsonStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** A plain Map behind the backend interface: for tests and for hosts with no storage at all. */
export function memoryBackend(): StringBackend & { readonly size: number } {
  const map = new Map<string, string>();
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, value);
    },
    removeItem: (key) => {
      map.delete(key);
    },
    get size() {
      return map.size;
    },
  };
}

/** Keys are prefixed so our entries never clash with another add-in's on the same domain. */
export function jsonStorage(backend: StringBackend, prefix = "baocao:"): JsonStorage {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const text = await backend.getItem(prefix + key);
      if (text === null || text === undefined) return undefined;
      try {
        return JSON.parse(text) as T;
      } catch {
        // A corrupt entry reads as missing rather than breaking the pane on start.
        return undefined;
      }
    },
    async set(key: string, value: unknown): Promise<void> {
      await backend.setItem(prefix + key, JSON.stringify(value));
    },
    async remove(key: string): Promise<void> {
      await backend.removeItem(prefix + key);
    },
  };
}

interface OfficeRuntimeLike {
  storage?: StringBackend;
}

/** OfficeRuntime.storage when the host has it, else localStorage, else memory (nothing persists). */
export function defaultBackend(scope: typeof globalThis = globalThis): StringBackend {
  const runtime = (scope as { OfficeRuntime?: OfficeRuntimeLike }).OfficeRuntime;
  if (runtime?.storage) return runtime.storage;
  try {
    const local = (scope as { localStorage?: StringBackend }).localStorage;
    if (local) return local;
  } catch {
    // Some sandboxes throw on merely touching localStorage.
  }
  return memoryBackend();
}
