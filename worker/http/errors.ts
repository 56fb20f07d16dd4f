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
  | "unknown_scheme"
  | "unknown_token"
  | "revision_conflict"
  | "idempotency_conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "period_locked"
  | "report_accepted"
  | "review_not_allowed"
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
    vi: () => "Thiếu hoặc sai mã truy cập",
    en: () => "Missing or invalid access token",
  },
  forbidden: {
    status: 403,
    // With `unit` and `own`: a unit outside the token's tree (or none at all: the token cannot tell).
    vi: (p) =>
      p.unit !== undefined && p.own !== undefined
        ? `Mã truy cập này là của đơn vị ${p.own}: nó chỉ dùng được cho ${p.own} và các đơn vị trực thuộc, mà ${p.unit} không có trong danh sách đó`
        : "Mã truy cập này không được phép thực hiện thao tác này",
    en: (p) =>
      p.unit !== undefined && p.own !== undefined
        ? `This access token is for unit ${p.own}: it only works for ${p.own} and the units under it, and ${p.unit} is not among them`
        : "This access token may not do this",
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
  unknown_scheme: {
    status: 404,
    vi: (p) => `Không có bộ tiêu chí thi đua ${p.scheme}`,
    en: (p) => `Unknown scoring scheme ${p.scheme}`,
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
  // `reason` says what is wrong with a body that is not UTF-8 JSON (http/json-body.ts).
  unsupported_media_type: {
    status: 415,
    vi: (p) =>
      p.reason === "charset"
        ? `Nội dung gửi phải là JSON mã hóa UTF-8, không phải ${p.charset}: bỏ charset hoặc dùng charset=utf-8`
        : p.reason === "coding"
          ? `Không nhận nội dung nén hay mã hóa (Content-Encoding: ${p.coding}): hãy gửi JSON UTF-8 chưa nén`
          : p.reason === "bytes"
            ? "Nội dung gửi không phải văn bản UTF-8 (có thể là Latin-1, UTF-16 hay dữ liệu nén): hãy gửi JSON mã hóa UTF-8"
            : "Nội dung gửi phải là JSON (Content-Type: application/json)",
    en: (p) =>
      p.reason === "charset"
        ? `The request body must be JSON encoded as UTF-8, not ${p.charset}: drop the charset or send charset=utf-8`
        : p.reason === "coding"
          ? `Compressed or encoded bodies are not accepted (Content-Encoding: ${p.coding}): send plain UTF-8 JSON`
          : p.reason === "bytes"
            ? "The request body is not UTF-8 text (Latin-1, UTF-16 or compressed data?): send JSON encoded as UTF-8"
            : "The request body must be JSON (Content-Type: application/json)",
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
  // Review (§3). `at` and `by` may be "" when the acceptance landed between a submission's read and
  // its write (then the batch's trigger refused it, and the message says less).
  report_accepted: {
    status: 423,
    vi: (p) =>
      `Báo cáo của ${p.unit} (${p.periodVi}) đã được cấp trên duyệt${p.at ? ` lúc ${p.at}` : ""}${p.by ? ` (${p.by})` : ""}: số liệu đã chốt nên không nhận bản gửi mới. Nếu cần sửa, hãy đề nghị cấp trên mở lại báo cáo`,
    en: (p) =>
      `The report of ${p.unit} for ${p.periodEn} was accepted${p.at ? ` on ${p.at}` : ""}${p.by ? ` (${p.by})` : ""}: its figures are final and no new submission is taken. To correct it, ask the level above to reopen it`,
  },
  review_not_allowed: {
    status: 409,
    vi: (p) => `Báo cáo đang ở trạng thái "${p.stateVi}": không thể ${p.decisionVi}`,
    en: (p) => `The report is "${p.stateEn}": it cannot be ${p.decisionEn}`,
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
