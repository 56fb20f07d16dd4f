import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApiClient } from "../api/client.ts";
import type { SubmissionBody } from "../api/schemas.ts";
import { jsonStorage, memoryBackend } from "./storage.ts";
import { SubmissionQueue } from "./submission-queue.ts";

// A real HTTP server on loopback playing the Worker: it answers each POST by the next scripted status,
// remembers every request, and stores a submission once per Idempotency-Key like the real one.
type Script = "ok" | "500" | "503" | "409" | "422" | "hang";
let server: Server;
let base = "";
let script: Script[] = [];
let requests: { key: string; ifMatch: string | undefined; body: SubmissionBody }[] = [];
let stored: Map<string, number>;
let revision = 0;
let inFlight = 0;
let maxInFlight = 0;

function receiptFor(body: SubmissionBody, rev: number) {
  return {
    unit: body.unit,
    period: body.period,
    revision: rev,
    receivedAt: "2024-01-05T10:00:00.000Z",
    warnings: [],
    summary: { withTarget: 0, achieved: 0, exceeded: 0, text: { vi: "đạt 0/0 chỉ tiêu", en: "met 0/0" } },
  };
}

function handle(req: IncomingMessage, res: ServerResponse, raw: string) {
  const send = (status: number, body: unknown) => {
    inFlight--;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const body = JSON.parse(raw) as SubmissionBody;
  const key = String(req.headers["idempotency-key"]);
  const ifMatch = req.headers["if-match"] as string | undefined;
  requests.push({ key, ifMatch, body });
  const step = script.shift() ?? "ok";
  if (step === "hang") return setTimeout(() => send(200, receiptFor(body, revision)), 300);
  if (step === "500")
    return send(500, { error: { code: "internal", message: "lỗi máy chủ / server error" } });
  if (step === "503") return send(503, { error: { code: "unavailable", message: "bận / busy" } });
  if (step === "409")
    return send(409, {
      error: { code: "revision_conflict", message: "Đã có bản mới / newer revision", currentRevision: 7 },
    });
  if (step === "422")
    return send(422, { error: { code: "validation_failed", message: "Báo cáo có lỗi / errors" } });
  const seen = stored.get(key);
  if (seen !== undefined) return send(200, receiptFor(body, seen));
  revision += 1;
  stored.set(key, revision);
  send(201, receiptFor(body, revision));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let raw = "";
    req.on("data", (c: Buffer) => {
      raw += c.toString("utf8");
    });
    req.on("end", () => handle(req, res, raw));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  script = [];
  requests = [];
  stored = new Map();
  revision = 0;
  inFlight = 0;
  maxInFlight = 0;
});

const body = (period = "2023", actual = 92387): SubmissionBody => ({
  unit: "SL.MAISON",
  period,
  template: "doan-2024",
  rows: [{ code: "PT01", actual }],
});

/** A port nothing listens on: connection refused, as when offline. */
async function deadUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}`;
}

describe("SubmissionQueue", () => {
  it("keeps a report while the server is unreachable and sends it once, with the same key, when it is back", async () => {
    const storage = jsonStorage(memoryBackend());
    const queue = await SubmissionQueue.open(storage);
    const item = await queue.enqueue(body(), { idempotencyKey: "key-1", ifMatch: 3 });

    const offline = await queue.flush(createApiClient({ baseUrl: await deadUrl() }), { force: true });
    expect(offline.pending).toBe(1);
    expect(offline.lastError).toMatch(/Không kết nối được/);
    expect(queue.pending()[0]).toMatchObject({ id: item.id, attempts: 1, idempotencyKey: "key-1" });
    expect(queue.pending()[0]?.lastStatus).toBeUndefined();

    const online = await queue.flush(createApiClient({ baseUrl: base }), { force: true });
    expect(online.pending).toBe(0);
    expect(online.outcomes).toHaveLength(1);
    expect(online.outcomes[0]).toMatchObject({ kind: "sent", receipt: { revision: 1 } });
    expect(requests).toEqual([{ key: "key-1", ifMatch: '"3"', body: body() }]);
  });

  it("retries a 5xx with the same key and does not count a replayed send twice", async () => {
    const queue = await SubmissionQueue.open(jsonStorage(memoryBackend()));
    await queue.enqueue(body(), { idempotencyKey: "key-5xx" });
    const api = createApiClient({ baseUrl: base });
    script = ["500"];
    expect((await queue.flush(api, { force: true })).pending).toBe(1);
    expect(queue.pending()[0]?.lastStatus).toBe(500);
    script = ["503"];
    expect((await queue.flush(api, { force: true })).pending).toBe(1);
    const sent = await queue.flush(api, { force: true });
    expect(sent.outcomes[0]).toMatchObject({ kind: "sent", replayed: false, receipt: { revision: 1 } });
    expect(new Set(requests.map((r) => r.key))).toEqual(new Set(["key-5xx"]));
    expect(requests).toHaveLength(3);
    expect(stored.size).toBe(1);
  });

  it("survives a reload: a new queue on the same storage still holds the report and its attempts", async () => {
    const backend = memoryBackend();
    const first = await SubmissionQueue.open(jsonStorage(backend));
    await first.enqueue(body(), { idempotencyKey: "key-reload" });
    await first.flush(createApiClient({ baseUrl: await deadUrl() }), { force: true });

    const second = await SubmissionQueue.open(jsonStorage(backend));
    expect(second.size).toBe(1);
    expect(second.pending()[0]).toMatchObject({ idempotencyKey: "key-reload", attempts: 1 });
    await second.flush(createApiClient({ baseUrl: base }), { force: true });
    expect(second.size).toBe(0);
    const third = await SubmissionQueue.open(jsonStorage(backend));
    expect(third.size).toBe(0);
    expect(third.history().map((o) => o.kind)).toEqual(["sent"]);
  });

  it("removes a report the server refuses for good and records why", async () => {
    const queue = await SubmissionQueue.open(jsonStorage(memoryBackend()));
    const refused = await queue.enqueue(body("2023"), { idempotencyKey: "key-422" });
    await queue.enqueue(body("2024"), { idempotencyKey: "key-next" });
    script = ["422"];
    const result = await queue.flush(createApiClient({ baseUrl: base }), { force: true });
    expect(result.outcomes.map((o) => o.kind)).toEqual(["refused", "sent"]);
    expect(result.outcomes[0]).toMatchObject({
      item: { id: refused.id },
      refusal: { status: 422, code: "validation_failed" },
    });
    expect(queue.size).toBe(0);
    expect(queue.history()).toHaveLength(2);
    await queue.dismiss(refused.id);
    expect(queue.history().map((o) => o.kind)).toEqual(["sent"]);
  });

  it("records a 409 with the server's current revision", async () => {
    const queue = await SubmissionQueue.open(jsonStorage(memoryBackend()));
    await queue.enqueue(body(), { idempotencyKey: "key-409", ifMatch: 2 });
    script = ["409"];
    const result = await queue.flush(createApiClient({ baseUrl: base }), { force: true });
    expect(result.outcomes[0]).toMatchObject({
      kind: "refused",
      refusal: { status: 409, code: "revision_conflict", currentRevision: 7 },
    });
  });

  it("sends in order and chains If-Match: a second report for the same unit builds on the first's revision", async () => {
    const queue = await SubmissionQueue.open(jsonStorage(memoryBackend()));
    await queue.enqueue(body("2023", 1), { idempotencyKey: "a", ifMatch: 0 });
    await queue.enqueue(body("2023", 2), { idempotencyKey: "b", ifMatch: 0 });
    revision = 4;
    await queue.flush(createApiClient({ baseUrl: base }), { force: true });
    expect(requests.map((r) => [r.key, r.ifMatch])).toEqual([
      ["a", '"0"'],
      ["b", '"5"'],
    ]);
  });

  it("stops at the first undeliverable report so later ones do not overtake it", async () => {
    const queue = await SubmissionQueue.open(jsonStorage(memoryBackend()));
    await queue.enqueue(body("2023"), { idempotencyKey: "first" });
    await queue.enqueue(body("2024"), { idempotencyKey: "second" });
    script = ["500"];
    const result = await queue.flush(createApiClient({ baseUrl: base }), { force: true });
    expect(result.pending).toBe(2);
    expect(requests.map((r) => r.key)).toEqual(["first"]);
  });

  it("waits out the backoff on an automatic flush but not on a forced one", async () => {
    let now = 1_000_000;
    const queue = await SubmissionQueue.open(jsonStorage(memoryBackend()), {
      now: () => now,
      backoffMs: () => 10_000,
    });
    await queue.enqueue(body(), { idempotencyKey: "backoff" });
    const api = createApiClient({ baseUrl: base });
    script = ["500"];
    await queue.flush(api);
    expect(requests).toHaveLength(1);
    await queue.flush(api);
    expect(requests).toHaveLength(1);
    now += 10_001;
    await queue.flush(api);
    expect(requests).toHaveLength(2);
    expect(queue.size).toBe(0);

    await queue.enqueue(body(), { idempotencyKey: "forced" });
    script = ["500"];
    await queue.flush(api);
    await queue.flush(api, { force: true });
    expect(requests.map((r) => r.key)).toEqual(["backoff", "backoff", "forced", "forced"]);
  });

  it("never sends one report twice at the same time: a flush during a flush joins it", async () => {
    const queue = await SubmissionQueue.open(jsonStorage(memoryBackend()));
    await queue.enqueue(body(), { idempotencyKey: "lock" });
    const api = createApiClient({ baseUrl: base });
    script = ["hang"];
    const a = queue.flush(api, { force: true });
    const b = queue.flush(api, { force: true });
    expect(queue.busy).toBe(true);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra).toBe(rb);
    expect(requests).toHaveLength(1);
    expect(maxInFlight).toBe(1);
    expect(queue.busy).toBe(false);
  });

  it("tells subscribers when the count changes", async () => {
    const queue = await SubmissionQueue.open(jsonStorage(memoryBackend()));
    const sizes: number[] = [];
    queue.subscribe(() => sizes.push(queue.size));
    await queue.enqueue(body(), { idempotencyKey: "sub" });
    await queue.flush(createApiClient({ baseUrl: base }), { force: true });
    expect(sizes).toContain(1);
    expect(sizes.at(-1)).toBe(0);
  });
});
