import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, createApiClient, isRetryable, NetworkError } from "./client.ts";

// A real HTTP server on loopback that answers what each path names, so the client's
// classification of answers is tested over a real socket.
let server: Server;
let base = "";
const seen: { path: string; headers: Record<string, string | string[] | undefined> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", headers: req.headers });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.url === "/ok/v1/health") return send(200, { ok: true });
    if (req.url === "/busy/v1/health")
      return send(503, { error: { code: "unavailable", message: "bận / busy" } }, { "retry-after": "7" });
    if (req.url === "/bad/v1/health") return send(200, { ok: "yes" });
    if (req.url?.startsWith("/slow/")) return setTimeout(() => send(200, { ok: true }), 2000);
    if (req.url === "/refuse/v1/submissions")
      return send(422, {
        error: {
          code: "validation_failed",
          message: "Báo cáo có lỗi / The report has errors",
          issues: [
            { code: "rule.compare", severity: "error", message: "GD02 > GD01", field: "rows.1.actual" },
          ],
        },
      });
    send(404, { error: { code: "not_found", message: "không có / none" } });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("API client", () => {
  it("parses a good answer and sends the bearer token", async () => {
    const api = createApiClient({ baseUrl: `${base}/ok/`, token: "t0k" });
    expect(await api.health()).toEqual({ ok: true });
    expect(seen.at(-1)?.headers.authorization).toBe("Bearer t0k");
  });

  it("turns a 5xx into a retryable ApiError with Retry-After", async () => {
    const err = await createApiClient({ baseUrl: `${base}/busy` })
      .health()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 503, code: "unavailable", retryable: true, retryAfterSeconds: 7 });
  });

  it("turns a 422 into a final ApiError carrying the issues", async () => {
    const api = createApiClient({ baseUrl: `${base}/refuse` });
    const err = await api
      .submit(
        { unit: "SL", period: "2023", template: "doan-2024", rows: [] },
        { idempotencyKey: "k1", ifMatch: 3 },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.retryable).toBe(false);
    expect(e.envelope?.error.issues?.[0]?.code).toBe("rule.compare");
    const sent = seen.at(-1)?.headers;
    expect(sent?.["idempotency-key"]).toBe("k1");
    expect(sent?.["if-match"]).toBe('"3"');
  });

  it("refuses an answer whose shape is wrong", async () => {
    const err = await createApiClient({ baseUrl: `${base}/bad` })
      .health()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "unexpected_answer" });
  });

  it("reports a closed port and a timeout as retryable network errors", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await createApiClient({ baseUrl: `http://127.0.0.1:${port}` })
      .health()
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NetworkError);
    const slow = await createApiClient({ baseUrl: `${base}/slow`, timeoutMs: 100 })
      .health()
      .catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(NetworkError);
    expect((slow as NetworkError).retryable).toBe(true);
  });
});

describe("isRetryable", () => {
  it("retries no answer and 'later' answers, never a refusal or a stray error", () => {
    expect(isRetryable(new NetworkError("offline"))).toBe(true);
    for (const status of [500, 503, 429, 408]) {
      expect(isRetryable(new ApiError(status, undefined, null))).toBe(true);
    }
    for (const status of [400, 401, 409, 422, 423]) {
      expect(isRetryable(new ApiError(status, undefined, null))).toBe(false);
    }
    expect(isRetryable(new Error("bug"))).toBe(false);
    expect(isRetryable("text")).toBe(false);
  });
});
