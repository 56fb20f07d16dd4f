// The pane's settings: which server, which token, which language, and the last revision seen of each
// (unit, period) report (sent as If-Match). Stored like the queue, so the ribbon's runtime sees them too.
import type { Lang } from "../../shared/messages/types.ts";
import type { JsonStorage } from "../../shared/queue/storage.ts";

declare const __BAOCAO_DEFAULT_SERVER__: string | undefined;

export interface Settings {
  serverUrl: string;
  token: string;
  lang: Lang;
  /** "unit|period" → last revision this workbook's user saw accepted. */
  revisions: Record<string, number>;
  /** The last unit and period pulled, to pre-fill the pull form. */
  pull?: { unit: string; period: string };
}

const KEY = "settings";
const FALLBACK_SERVER = "http://127.0.0.1:8787";

/** A build served by the Worker itself (`npm run build`) talks to the origin it was loaded from. */
export const SAME_ORIGIN = "@origin";

/** The Worker URL the build was made for (a build-time define), or the local `wrangler dev` one. */
export function defaultServerUrl(scope: { location?: { origin?: string } } = globalThis): string {
  const built = typeof __BAOCAO_DEFAULT_SERVER__ === "string" ? __BAOCAO_DEFAULT_SERVER__ : "";
  if (built === SAME_ORIGIN) return scope.location?.origin ?? FALLBACK_SERVER;
  return built !== "" ? built : FALLBACK_SERVER;
}

export function defaultSettings(serverUrl = defaultServerUrl()): Settings {
  return { serverUrl, token: "", lang: "vi", revisions: {} };
}

function revisionKey(unit: string, period: string): string {
  return `${unit}|${period}`;
}

export class SettingsStore {
  private current: Settings;
  private readonly listeners = new Set<(s: Settings) => void>();

  private constructor(
    private readonly storage: JsonStorage,
    initial: Settings,
  ) {
    this.current = initial;
  }

  static async open(storage: JsonStorage, defaults: Settings = defaultSettings()): Promise<SettingsStore> {
    const saved = (await storage.get<Partial<Settings>>(KEY)) ?? {};
    const lang: Lang = saved.lang === "en" ? "en" : "vi";
    return new SettingsStore(storage, {
      ...defaults,
      ...saved,
      lang,
      revisions: { ...defaults.revisions, ...(saved.revisions ?? {}) },
    });
  }

  get(): Readonly<Settings> {
    return this.current;
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...this.current, ...patch };
    next.serverUrl = next.serverUrl.trim().replace(/\/+$/, "");
    next.token = next.token.trim();
    this.current = next;
    await this.storage.set(KEY, next);
    for (const l of this.listeners) l(next);
    return next;
  }

  revision(unit: string, period: string): number | undefined {
    return this.current.revisions[revisionKey(unit, period)];
  }

  /**
   * Never steps back unless `exact`: a late answer for an older revision must not undo a newer one, but
   * the server's own word in a 409 (its current revision) is the truth even when it is lower.
   */
  async setRevision(unit: string, period: string, revision: number, exact = false): Promise<void> {
    const key = revisionKey(unit, period);
    const known = this.current.revisions[key];
    if (known === revision || (!exact && known !== undefined && known > revision)) return;
    await this.update({ revisions: { ...this.current.revisions, [key]: revision } });
  }

  subscribe(listener: (s: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
