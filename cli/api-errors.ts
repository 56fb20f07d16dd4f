// Server answers that are not about the report's figures, said in vi and en with what to do next.
import { ApiError, NetworkError } from "../shared/api/client.ts";
import { CliError, EXIT } from "./errors.ts";

interface Said {
  vi: string;
  en: string;
}

const NEXT: Record<string, Said> = {
  unauthenticated: {
    vi: "Kiểm tra mã truy cập (--token hoặc BAOCAO_TOKEN); xin cấp mã mới nếu đã bị thu hồi.",
    en: "Check the token (--token or BAOCAO_TOKEN); ask for a new one if it was revoked.",
  },
  forbidden: {
    vi: "Mã truy cập này không có quyền với đơn vị đó: dùng mã của đơn vị hoặc của cấp trên.",
    en: "This token has no right on that unit: use a token of the unit or of a parent unit.",
  },
  unknown_unit: {
    vi: "Mã đơn vị chưa có trên máy chủ: kiểm tra mã, hoặc nhờ quản trị nhập danh sách đơn vị (baocao units import).",
    en: "The unit code is not on the server: check it, or ask an admin to import the unit list (baocao units import).",
  },
  period_locked: {
    vi: "Kỳ báo cáo đã khóa số liệu: liên hệ cấp tỉnh để mở khóa rồi gửi lại.",
    en: "The period is locked: ask the province to reopen it, then submit again.",
  },
  revision_conflict: {
    vi: "Đã có bản báo cáo mới hơn trên máy chủ: tải bản mới nhất, đối chiếu rồi gửi lại.",
    en: "A newer revision is on the server: fetch it, compare, then submit again.",
  },
  idempotency_conflict: {
    vi: "Khóa gửi (Idempotency-Key) đã dùng cho nội dung khác: gửi lại như một lần gửi mới.",
    en: "The Idempotency-Key was used for another body: submit again as a new submission.",
  },
  payload_too_large: {
    vi: "Báo cáo quá lớn: bớt ghi chú dài hoặc số dòng.",
    en: "The report is too large: shorten long notes or remove rows.",
  },
  report_accepted: {
    vi: "Nếu thật sự cần sửa, đề nghị cấp trên mở lại (baocao review reopen) rồi gửi lại.",
    en: "If it must change, ask the level above to reopen it (baocao review reopen), then submit again.",
  },
  review_not_allowed: {
    vi: "Xem trạng thái hiện tại bằng baocao review list.",
    en: "See the current state with baocao review list.",
  },
  validation_failed: {
    vi: "Sửa các lỗi được liệt kê trong tệp rồi gửi lại (baocao validate để xem lại).",
    en: "Fix the listed errors in the file and submit again (baocao validate to check).",
  },
};

const RETRY: Said = {
  vi: "Máy chủ tạm thời lỗi hoặc quá tải: thử lại sau ít phút.",
  en: "The server failed or is busy: try again in a few minutes.",
};

/** What went wrong and what to do, for any error of the API client. */
export function describeRemoteError(e: unknown): Said {
  if (e instanceof NetworkError) {
    const cause = e.cause instanceof Error ? e.cause.message : e.message;
    return {
      vi: `Không kết nối được máy chủ (${cause}). Kiểm tra mạng và địa chỉ --server rồi thử lại.`,
      en: `Cannot reach the server (${cause}). Check the network and the --server address, then retry.`,
    };
  }
  if (e instanceof ApiError) {
    const env = e.envelope?.error;
    const vi = env?.i18n?.vi ?? env?.message ?? `HTTP ${e.status}`;
    const en = env?.i18n?.en ?? env?.message ?? `HTTP ${e.status}`;
    const next = NEXT[e.code] ?? (e.retryable ? RETRY : undefined);
    const stop = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);
    return {
      vi: `Máy chủ từ chối (${e.status} ${e.code}): ${stop(vi)}${next ? ` ${next.vi}` : ""}`,
      en: `The server refused (${e.status} ${e.code}): ${stop(en)}${next ? ` ${next.en}` : ""}`,
    };
  }
  const why = e instanceof Error ? e.message : String(e);
  return { vi: `Lỗi: ${why}`, en: `Error: ${why}` };
}

/** A remote failure as the error a command ends with (exit 3). */
export function remoteFailure(e: unknown): CliError {
  const d = describeRemoteError(e);
  return new CliError(d.vi, d.en, EXIT.server);
}
