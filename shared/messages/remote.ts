// What to do after a server refusal that is not about the figures, in each client's own words (the CLI
// has --token, the add-in has its Settings). The server's own sentence says what happened; this adds
// only the next step, so nothing is said twice. No HTTP status or header name reaches a person.
import type { Client } from "./fix-action.ts";
import type { Lang } from "./types.ts";

type Said = Record<Lang, string>;

const TOKEN_PLACE: Record<Client, Said> = {
  cli: { vi: "--token hoặc BAOCAO_TOKEN", en: "--token or BAOCAO_TOKEN" },
  addin: { vi: "Cài đặt của add-in", en: "the add-in's Settings" },
  api: { vi: "mã truy cập", en: "the access token" },
};

const CHECK_CMD: Record<Client, Said> = {
  cli: { vi: " (baocao validate để xem lại)", en: " (baocao validate to check)" },
  addin: { vi: " (bấm Kiểm tra để xem lại)", en: " (click Check to see them)" },
  api: { vi: "", en: "" },
};

const NEXT: Record<string, (c: Client) => Said> = {
  unauthenticated: (c) => ({
    vi: `Kiểm tra mã truy cập (${TOKEN_PLACE[c].vi}); xin cấp mã mới nếu đã bị thu hồi.`,
    en: `Check the access token (${TOKEN_PLACE[c].en}); ask for a new one if it was revoked.`,
  }),
  forbidden: (c) => ({
    vi: `Kiểm tra ô 'Mã đơn vị:' của báo cáo; nếu mã đúng, dùng mã truy cập của đơn vị đó hoặc của cấp trên (${TOKEN_PLACE[c].vi}). Nhập danh sách đơn vị và cấp mã truy cập cần mã quản trị.`,
    en: `Check the report's 'Mã đơn vị:' (unit code) cell; if it is right, use an access token of that unit or of a parent unit (${TOKEN_PLACE[c].en}). Importing units and issuing tokens needs an admin token.`,
  }),
  unknown_unit: () => ({
    vi: "Kiểm tra ô 'Mã đơn vị:' của báo cáo, hoặc nhờ quản trị nhập danh sách đơn vị (baocao units import).",
    en: "Check the report's 'Mã đơn vị:' (unit code) cell, or ask an admin to import the unit list (baocao units import).",
  }),
  period_locked: () => ({
    vi: "Liên hệ cấp tỉnh để mở khóa rồi gửi lại.",
    en: "Ask the province to reopen it, then submit again.",
  }),
  revision_conflict: () => ({
    vi: "Tải bản mới nhất, đối chiếu rồi gửi lại.",
    en: "Fetch the latest revision, compare, then submit again.",
  }),
  idempotency_conflict: () => ({
    vi: "Gửi lại như một lần gửi mới.",
    en: "Submit again as a new submission.",
  }),
  payload_too_large: () => ({
    vi: "Bớt ghi chú dài hoặc số dòng.",
    en: "Shorten long notes or remove rows.",
  }),
  report_accepted: (c) => ({
    vi: `Nếu thật sự cần sửa, đề nghị cấp trên mở lại báo cáo${c === "cli" ? " (baocao review reopen)" : ""} rồi gửi lại.`,
    en: `If it must change, ask the level above to reopen the report${c === "cli" ? " (baocao review reopen)" : ""}, then submit again.`,
  }),
  review_not_allowed: (c) => ({
    vi: `Xem trạng thái hiện tại của báo cáo${c === "cli" ? " (baocao review list)" : ""}.`,
    en: `See the report's current state${c === "cli" ? " (baocao review list)" : ""}.`,
  }),
  validation_failed: (c) => ({
    vi: `Sửa các lỗi được liệt kê rồi gửi lại${CHECK_CMD[c].vi}.`,
    en: `Fix the listed errors and submit again${CHECK_CMD[c].en}.`,
  }),
};

const RETRY: Said = {
  vi: "Máy chủ tạm thời lỗi hoặc quá tải: thử lại sau ít phút.",
  en: "The server failed or is busy: try again in a few minutes.",
};

const stop = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

/**
 * The server's sentence (from its error envelope) and the next step for `client`, once each. Without a
 * sentence from the server (a proxy's page, an empty body), the next step alone, or "try again" when
 * the failure is temporary.
 */
export function describeRefusal(
  server: Said | undefined,
  code: string,
  retryable: boolean,
  client: Client,
): Said {
  const next = NEXT[code]?.(client) ?? (retryable ? RETRY : undefined);
  const out: Said = { vi: "", en: "" };
  for (const lang of ["vi", "en"] as const) {
    const parts = [server ? stop(server[lang]) : "", next?.[lang] ?? ""].filter((p) => p !== "");
    out[lang] =
      parts.length > 0
        ? parts.join(" ")
        : lang === "vi"
          ? "Máy chủ từ chối yêu cầu."
          : "The server refused the request.";
  }
  return out;
}
