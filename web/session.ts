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
