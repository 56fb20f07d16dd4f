// What the page keeps: the access token in sessionStorage (this tab only: closing it forgets the token),
// the language and the submission queue in localStorage (a queued report survives a reload and a
// restart of the browser; it holds figures only, never the token).
import type { Lang } from "../shared/messages/types.ts";

const TOKEN = "baocao:web.token";
const LANG = "baocao:web.lang";

export function savedToken(): string {
  return sessionStorage.getItem(TOKEN) ?? "";
}

export function saveToken(token: string): void {
  if (token === "") sessionStorage.removeItem(TOKEN);
  else sessionStorage.setItem(TOKEN, token);
}

export function savedLang(): Lang {
  return localStorage.getItem(LANG) === "en" ? "en" : "vi";
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG, lang);
}

const SENT = "baocao:web.sent";
/** How many sent reports are remembered, newest first: enough for a unit's open periods. */
const SENT_KEPT = 6;

export interface SentReport {
  unit: string;
  period: string;
}

/** The reports sent from this browser, so signing in again tells whether one was returned. */
export function sentReports(): SentReport[] {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(SENT) ?? "[]");
    if (!Array.isArray(list)) return [];
    return list.filter((r): r is SentReport => typeof r?.unit === "string" && typeof r?.period === "string");
  } catch {
    return [];
  }
}

export function rememberSent(report: SentReport): void {
  const others = sentReports().filter((r) => r.unit !== report.unit || r.period !== report.period);
  localStorage.setItem(SENT, JSON.stringify([report, ...others].slice(0, SENT_KEPT)));
}
