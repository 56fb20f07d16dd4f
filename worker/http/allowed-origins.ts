// Which browser origins get CORS headers. The web page and the add-in are served by the Worker itself
// (same origin, no CORS needed); ALLOWED_ORIGIN lists the others, comma-separated: the add-in's dev
// server (https://localhost:3000, the default) or an add-in still hosted elsewhere.
export const DEFAULT_ALLOWED_ORIGIN = "https://localhost:3000";

export function allowedOrigins(setting: string | undefined): string[] {
  const list = (setting ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/+$/, ""))
    .filter((o) => o !== "");
  return list.length > 0 ? list : [DEFAULT_ALLOWED_ORIGIN];
}

/** The origin itself when allowed (compared whole: no prefixes, no wildcards), else null. */
export function corsOrigin(origin: string, setting: string | undefined): string | null {
  return allowedOrigins(setting).includes(origin) ? origin : null;
}
