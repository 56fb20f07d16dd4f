// The error envelope of API v1: `{ error: { code, message: "vi / en", i18n, issues?, currentRevision? } }`.
// Handlers throw ApiFailure; the one app.onError turns it (or anything else) into the envelope.
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiIssue, ErrorEnvelope } from "../../shared/api/schemas.ts";

export type ErrorCode =
  | "invalid_json"
  | "invalid_body"
  | "invalid_params"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "unknown_unit"
  | "unknown_template"
  | "unknown_token"
  | "revision_conflict"
  | "idempotency_conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "period_locked"
  | "rate_limited"
  | "tree_busy"
  | "internal";

type Params = Record<string, string | number>;

const messages: Record<
  ErrorCode,
  { status: ContentfulStatusCode; vi: (p: Params) => string; en: (p: Params) => string }
> = {
  invalid_json: {
    status: 400,
    vi: () => "Nội dung gửi không phải JSON hợp lệ",
    en: () => "The request body is not valid JSON",
  },
  invalid_body: {
    status: 400,
    vi: () => "Nội dung gửi không đúng định dạng",
    en: () => "The request body does not have the expected shape",
  },
  invalid_params: {
    status: 400,
    vi: () => "Tham số hoặc tiêu đề (header) của yêu cầu không hợp lệ",
    en: () => "A parameter or header of the request is invalid",
  },
  unauthenticated: {
    status: 401,
    vi: () => "Thiếu hoặc sai mã truy cập (Authorization: Bearer …)",
    en: () => "Missing or invalid access token (Authorization: Bearer …)",
  },
  forbidden: {
    status: 403,
    vi: () => "Mã truy cập này không được phép thực hiện thao tác này với đơn vị này",
    en: () => "This token may not do this, or not for this unit",
  },
  not_found: {
    status: 404,
    vi: (p) => `Không có đường dẫn ${p.path}`,
    en: (p) => `No such route: ${p.path}`,
  },
  unknown_unit: {
    status: 404,
    vi: (p) => `Không có đơn vị mã ${p.unit}`,
    en: (p) => `Unknown unit ${p.unit}`,
  },
  unknown_template: {
    status: 404,
    vi: (p) => `Không có mẫu báo cáo ${p.template}`,
    en: (p) => `Unknown template ${p.template}`,
  },
  unknown_token: {
    status: 404,
    vi: (p) => `Không có mã truy cập ${p.id}`,
    en: (p) => `Unknown token ${p.id}`,
  },
  revision_conflict: {
    status: 409,
    vi: (p) => `Báo cáo đã có bản ${p.current}, không phải bản ${p.expected} bạn đã sửa: tải lại rồi gửi lại`,
    en: (p) => `Revision ${p.current} is current, not ${p.expected} that you edited: reload and send again`,
  },
  idempotency_conflict: {
    status: 409,
    vi: () => "Khóa Idempotency-Key này đã được dùng cho một nội dung gửi khác",
    en: () => "This Idempotency-Key was already used with a different body",
  },
  payload_too_large: {
    status: 413,
    vi: (p) => `Nội dung gửi vượt quá ${p.limit} byte`,
    en: (p) => `The request body is larger than ${p.limit} bytes`,
  },
  unsupported_media_type: {
    status: 415,
    vi: () => "Nội dung gửi phải là JSON (Content-Type: application/json)",
    en: () => "The request body must be JSON (Content-Type: application/json)",
  },
  validation_failed: {
    status: 422,
    vi: (p) => `Có ${p.count} lỗi, chưa lưu gì`,
    en: (p) => `${p.count} error(s) found, nothing was stored`,
  },
  period_locked: {
    status: 423,
    vi: (p) => `Kỳ báo cáo ${p.period} đã khóa số liệu: không nhận báo cáo mới cho đến khi mở lại`,
    en: (p) => `Period ${p.period} is locked: no submissions until it is reopened`,
  },
  rate_limited: {
    status: 429,
    vi: (p) => `Gửi quá nhiều yêu cầu: thử lại sau ${p.seconds} giây`,
    en: (p) => `Too many requests: try again in ${p.seconds} seconds`,
  },
  tree_busy: {
    status: 503,
    vi: (p) =>
      `Cây đơn vị đang được thay đổi bởi một yêu cầu khác, chưa lưu gì: thử lại sau ${p.seconds} giây`,
    en: (p) =>
      `The unit tree is being changed by another request, nothing was stored: try again in ${p.seconds} seconds`,
  },
  internal: {
    status: 500,
    vi: () => "Lỗi máy chủ, chưa lưu gì; hãy gửi lại sau",
    en: () => "Server error, nothing was stored; please try again later",
  },
};

export class ApiFailure extends Error {
  readonly status: ContentfulStatusCode;

  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
    readonly issues?: ApiIssue[],
    readonly extra: { currentRevision?: number } = {},
  ) {
    super(code);
    this.name = "ApiFailure";
    this.status = messages[code].status;
  }

  envelope(): ErrorEnvelope {
    const m = messages[this.code];
    const vi = m.vi(this.params);
    const en = m.en(this.params);
    return {
      error: {
        code: this.code,
        message: `${vi} / ${en}`,
        i18n: { vi, en },
        ...(this.issues === undefined ? {} : { issues: this.issues }),
        ...this.extra,
      },
    };
  }
}

/** One issue of a request's shape (zod) or of an import, worded in both languages. */
export function requestIssue(code: string, field: string, vi: string, en: string): ApiIssue {
  return {
    code,
    field,
    severity: "error",
    message: `${field}: ${vi} / ${field}: ${en}`,
    i18n: { vi: `${field}: ${vi}`, en: `${field}: ${en}` },
  };
}
