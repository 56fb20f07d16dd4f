// Finds the Chromium the end-to-end tests drive (Debian's `chromium`; scripts/install-chromium.sh puts it
// there) and launches it through playwright-core, which downloads nothing. A fresh profile every run, and
// flags that keep a headless browser from reaching anything but the pages under test.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type BrowserContextOptions, chromium } from "playwright-core";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
] as const;

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** $CHROME_PATH, then Debian's paths; undefined when none is an existing file. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.CHROME_PATH, ...CANDIDATES].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p));
}

export interface LaunchedChromium {
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * A headless Chromium with a fresh --user-data-dir (removed by close()). Playwright takes the profile
 * directory as an argument of launchPersistentContext rather than as a flag, so that is what we use.
 */
export async function launchChromium(options: BrowserContextOptions = {}): Promise<LaunchedChromium> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error("Chromium not found: run scripts/install-chromium.sh or set CHROME_PATH");
  }
  const userDataDir = mkdtempSync(join(tmpdir(), "baocao-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS],
      ...options,
    });
    let closed: Promise<void> | undefined;
    return {
      context,
      userDataDir,
      close: () => {
        closed ??= context.close().finally(() => rmSync(userDataDir, { recursive: true, force: true }));
        return closed;
      },
    };
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
}
