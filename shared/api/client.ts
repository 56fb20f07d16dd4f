// The one typed client of API v1: plain fetch, every answer parsed with the shared zod schemas.
// The add-in and the CLI both use it; it holds no state but its options.
import { z } from "zod";
import {
  consolidation,
  type ErrorEnvelope,
  errorEnvelope,
  periodAnswer,
  type Role,
  receipt,
  recomputeAnswer,
  type SubmissionBody,
  submissionsAnswer,
  tokenAnswer,
  type UnitsImport,
  unitsAnswer,
} from "./schemas.ts";

export interface ApiClientOptions {
  baseUrl: string;
  token?: string;
  /** Injected for tests and for runtimes where the global fetch must be bound. */
  fetch?: typeof fetch;
  /** A request that takes longer is aborted and counts as a network failure (retryable). */
  timeoutMs?: number;
}

/** The server answered with an error envelope (or an unexpected status). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly envelope: ErrorEnvelope | undefined;
  /** Worth retrying with the same Idempotency-Key: the server may not have stored anything. */
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, envelope: ErrorEnvelope | undefined, retryAfter: string | null) {
    super(envelope?.error.message ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = envelope?.error.code ?? `http_${status}`;
    this.envelope = envelope;
    this.retryable = status >= 500 || status === 429 || status === 408;
    const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
    this.retryAfterSeconds = Number.isFinite(seconds) ? seconds : undefined;
  }
}

/** No answer at all: offline, DNS, refused connection, timeout. Always retryable. */
export class NetworkError extends Error {
  readonly retryable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NetworkError";
  }
}

export interface SubmitOptions {
  idempotencyKey: string;
  /** The revision the client last saw; the server answers 409 if another one is current. */
  ifMatch?: number;
}

export type ApiClient = ReturnType<typeof createApiClient>;

const healthAnswer = z.object({ ok: z.literal(true) });
/** Admin answers whose shape the clients do not depend on. */
const importAnswer = z.looseObject({});
const anyObject = z.looseObject({});

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call<S extends z.ZodType>(
    schema: S,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; data: z.output<S> }> {
    const h: Record<string, string> = { accept: "application/json", ...headers };
    if (options.token) h.authorization = `Bearer ${options.token}`;
    if (body !== undefined) h["content-type"] = "application/json";
    const controller = new AbortController();
    const timer = options.timeoutMs ? setTimeout(() => controller.abort(), options.timeoutMs) : undefined;
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: h,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new NetworkError(`Không kết nối được máy chủ ${base} / Cannot reach the server ${base}: ${why}`, {
        cause,
      });
    } finally {
      if (timer) clearTimeout(timer);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (!res.ok) {
      const env = errorEnvelope.safeParse(json);
      throw new ApiError(res.status, env.success ? env.data : undefined, res.headers.get("retry-after"));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiError(
        res.status,
        {
          error: {
            code: "unexpected_answer",
            message: `Máy chủ trả lời không đúng định dạng / The server's answer has an unexpected shape: ${parsed.error.message}`,
          },
        },
        null,
      );
    }
    return { status: res.status, data: parsed.data };
  }

  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const enc = encodeURIComponent;

  return {
    baseUrl: base,
    health: async () => (await call(healthAnswer, "GET", "/v1/health")).data,
    units: async () => (await call(unitsAnswer, "GET", "/v1/units")).data.units,
    /** Resolves with the receipt; `replayed` is true when the server answered an earlier identical send. */
    submit: async (body: SubmissionBody, opts: SubmitOptions) => {
      const headers: Record<string, string> = { "idempotency-key": opts.idempotencyKey };
      if (opts.ifMatch !== undefined) headers["if-match"] = `"${opts.ifMatch}"`;
      const { status, data } = await call(receipt, "POST", "/v1/submissions", body, headers);
      return { receipt: data, replayed: status === 200 };
    },
    submissions: async (unit: string, period: string) =>
      (await call(submissionsAnswer, "GET", `/v1/submissions?${q({ unit, period })}`)).data,
    /** `detail: "units"` adds reporting.units, every expected unit of the subtree (the workbook's third sheet). */
    consolidation: async (unit: string, period: string, opts: { detail?: "units" } = {}) =>
      (await call(consolidation, "GET", `/v1/consolidation?${q({ unit, period, ...opts })}`)).data,
    importUnits: async (body: UnitsImport) => (await call(importAnswer, "PUT", "/v1/admin/units", body)).data,
    createToken: async (unit: string, role: Role) =>
      (await call(tokenAnswer, "POST", "/v1/admin/tokens", { unit, role })).data,
    revokeToken: async (id: string) => (await call(anyObject, "DELETE", `/v1/admin/tokens/${enc(id)}`)).data,
    setDeadline: async (period: string, deadline: string) =>
      (await call(periodAnswer, "PUT", `/v1/admin/periods/${enc(period)}`, { deadline })).data,
    period: async (period: string) => (await call(periodAnswer, "GET", `/v1/periods/${enc(period)}`)).data,
    lock: async (period: string) =>
      (await call(periodAnswer, "POST", `/v1/periods/${enc(period)}/lock`, {})).data,
    unlock: async (period: string) =>
      (await call(periodAnswer, "POST", `/v1/periods/${enc(period)}/unlock`, {})).data,
    /** Admin: replay every revision, compare with what is stored, and with `fix` rewrite what differs. */
    recompute: async (opts: { period?: string; fix?: boolean } = {}) => {
      const params: Record<string, string> = {};
      if (opts.period !== undefined) params.period = opts.period;
      if (opts.fix) params.fix = "true";
      const query = Object.keys(params).length > 0 ? `?${q(params)}` : "";
      return (await call(recomputeAnswer, "POST", `/v1/admin/recompute${query}`)).data;
    },
  };
}
