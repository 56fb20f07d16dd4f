// How each client tells a person to apply an offered fix: the add-in has a "Sửa" button, the CLI has
// `baocao fix`, an API answer has neither. Messages say "<action> đổi thành số 92387"; only this table
// knows the client's words, so the CLI never says "Bấm Sửa".
import type { Lang } from "./types.ts";

export type Client = "addin" | "cli" | "api";

export const CLIENTS: readonly Client[] = ["addin", "cli", "api"];

/** The opening of the sentence, followed by a verb: "Bấm Sửa để đổi thành …", "Run baocao fix to make …". */
export const FIX_ACTION: Record<Client, Record<Lang, string>> = {
  addin: { vi: "Bấm Sửa để", en: "Click Fix to" },
  cli: { vi: "Chạy baocao fix để", en: "Run baocao fix to" },
  api: { vi: "Hãy", en: "Please" },
};

export function isClient(v: unknown): v is Client {
  return typeof v === "string" && (CLIENTS as readonly string[]).includes(v);
}

/** The action for the client named in a message's params (`client`), the API's words by default. */
export function fixAction(client: unknown, lang: Lang): string {
  return FIX_ACTION[isClient(client) ? client : "api"][lang];
}
