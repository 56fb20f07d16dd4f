// The one typed client of API v1: plain fetch, every answer parsed with the shared zod schemas.
// The add-in and the CLI both use it; it holds no state but its options.

import { z } from "zod";
import { type ReviewRequest, reviewAnswer, reviewList } from "./reviews.ts";
import {
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
import { schemeAnswer, schemesAnswer } from "./schemes.ts";
import { type ScoresPut, scoresAnswer, scoresPutAnswer } from "./scores.ts";
import { publishAnswer, templateAnswer, templatesAnswer } from "./templates.ts";
import {
  comparedConsolidation,
  type DatedUnitsImport,
  datedUnitsAnswer,
  type UnitChanges,
  unitChangesAnswer,
  unitHistoryAnswer,
} from "./units.ts";

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

/** Worth sending again with the same Idempotency-Key: no answer, or an answer that says "later". */
export function isRetryable(error: unknown): error is NetworkError | ApiError {
  return error instanceof NetworkError || (error instanceof ApiError && error.retryable);
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

type Call = <S extends z.ZodType>(
  schema: S,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<{ status: number; data: z.output<S> }>;

/** One request: the token, the timeout, and every failure turned into NetworkError or ApiError. */
function requester(options: ApiClientOptions, base: string): Call {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  return async function call<S extends z.ZodType>(
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
  };
}

/** Scoring schemes as data (GET /v1/schemes…, PUT /v1/admin/schemes/:id), shaped like the template calls. */
function schemeCalls(call: Call) {
  const enc = encodeURIComponent;
  return {
    schemes: async () => (await call(schemesAnswer, "GET", "/v1/schemes")).data,
    /** A scoring scheme, its latest version or the one named. */
    scheme: async (id: string, version?: number) =>
      (
        await call(
          schemeAnswer,
          "GET",
          `/v1/schemes/${enc(id)}${version === undefined ? "" : `/versions/${version}`}`,
        )
      ).data,
    publishScheme: async (id: string, definition: unknown) => {
      const { status, data } = await call(publishAnswer, "PUT", `/v1/admin/schemes/${enc(id)}`, definition);
      return { ...data, created: status === 201 };
    },
  };
}

export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const call = requester(options, base);
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  const enc = encodeURIComponent;

  return {
    baseUrl: base,
    health: async () => (await call(healthAnswer, "GET", "/v1/health")).data,
    templates: async () => (await call(templatesAnswer, "GET", "/v1/templates")).data,
    template: async (id: string, version?: number) =>
      (
        await call(
          templateAnswer,
          "GET",
          `/v1/templates/${enc(id)}${version === undefined ? "" : `/versions/${version}`}`,
        )
      ).data,
    publishTemplate: async (id: string, definition: unknown) => {
      const { status, data } = await call(publishAnswer, "PUT", `/v1/admin/templates/${enc(id)}`, definition);
      return { ...data, created: status === 201 };
    },
    setPeriodTemplate: async (period: string, template: string) =>
      (await call(periodAnswer, "PUT", `/v1/admin/periods/${enc(period)}`, { template })).data,
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
    /**
     * `compare`: each indicator gains `previous`, that period restated onto this one's tree (a string is
     * the compared period). `detail: "units"` adds reporting.units, every expected unit of the subtree.
     */
    consolidation: async (
      unit: string,
      period: string,
      opts: string | { compare?: string | undefined; detail?: "units" } = {},
    ) => {
      const { compare, detail } = typeof opts === "string" ? { compare: opts, detail: undefined } : opts;
      const query = q({
        unit,
        period,
        ...(compare !== undefined && { compare }),
        ...(detail !== undefined && { detail }),
      });
      return (await call(comparedConsolidation, "GET", `/v1/consolidation?${query}`)).data;
    },
    /** The tree of a period (`{ period }`) or a day (`{ at }`), within the token's subtree. */
    unitTree: async (on: { period: string } | { at: string }) =>
      (await call(datedUnitsAnswer, "GET", `/v1/units?${q(on)}`)).data,
    unitHistory: async (code: string) =>
      (await call(unitHistoryAnswer, "GET", `/v1/units/${enc(code)}/history`)).data,
    importUnits: async (body: UnitsImport | DatedUnitsImport) =>
      (await call(importAnswer, "PUT", "/v1/admin/units", body)).data,
    /** Resolves with the answer; `replayed` is true when the same list had been applied before (200). */
    changeUnits: async (body: UnitChanges) => {
      const { status, data } = await call(unitChangesAnswer, "POST", "/v1/admin/units/changes", body);
      return { answer: data, replayed: status === 200 };
    },
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
    /** Review (§3): accept, return or reopen a unit's report at the revision the reviewer read. */
    review: async (body: ReviewRequest) => (await call(reviewAnswer, "POST", "/v1/reviews", body)).data,
    /** The units below `unit` with their review state for the period. */
    reviews: async (unit: string, period: string) =>
      (await call(reviewList, "GET", `/v1/reviews?${q({ unit, period })}`)).data,
    /** Admin: replay every revision, compare with what is stored, and with `fix` rewrite what differs. */
    recompute: async (opts: { period?: string; fix?: boolean } = {}) => {
      const params: Record<string, string> = {};
      if (opts.period !== undefined) params.period = opts.period;
      if (opts.fix) params.fix = "true";
      const query = Object.keys(params).length > 0 ? `?${q(params)}` : "";
      return (await call(recomputeAnswer, "POST", `/v1/admin/recompute${query}`)).data;
    },
    scores: async (unit: string, period: string) =>
      (await call(scoresAnswer, "GET", `/v1/scores?${q({ unit, period })}`)).data,
    putScores: async (body: ScoresPut) => (await call(scoresPutAnswer, "PUT", "/v1/scores", body)).data,
    ...schemeCalls(call),
  };
}
