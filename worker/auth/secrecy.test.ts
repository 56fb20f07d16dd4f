// Token secrets: shown once by POST /v1/admin/tokens, never logged, never in any other answer, and
// stored only as their SHA-256.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { tokenAnswer } from "../../shared/api/schemas.ts";
import app from "../index.ts";
import {
  call,
  dispatchDirectly,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  submitOk,
} from "../test/helpers.ts";
import { sha256Hex } from "./secrets.ts";

dispatchDirectly();

const METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;
let logged: string[] = [];

function text(v: unknown): string {
  if (v instanceof Error) return `${v.name} ${v.message} ${v.stack ?? ""}`;
  if (typeof v === "string") return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

beforeEach(async () => {
  logged = [];
  for (const m of METHODS) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(text).join(" "));
    });
  }
  await resetDb();
  await importUnits(SMALL_TREE);
});

afterEach(() => {
  vi.restoreAllMocks();
});

interface Issued {
  token: string;
  id: string;
  hash: string;
}

async function issue(unit: string, role: "reporter" | "reviewer" | "admin"): Promise<Issued> {
  const res = await call("POST", "/v1/admin/tokens", { json: { unit, role } });
  expect(res.status).toBe(201);
  const answer = tokenAnswer.parse(await json(res));
  return { token: answer.token, id: answer.id, hash: await sha256Hex(answer.token) };
}

/** A request through the app whose database fails every batch: the 500 path, which logs the error. */
async function failingRequest(token: string): Promise<Response> {
  const broken = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === "batch") return () => Promise.reject(new Error("D1_ERROR: disk I/O error (injected)"));
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const ctx = createExecutionContext();
  const res = await app.fetch(
    new Request("http://worker.test/v1/submissions", {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "idempotency-key": "x",
      },
      body: JSON.stringify(report("SL.MAISON", minimalRows())),
    }),
    { ...env, DB: broken },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe("token secrets", () => {
  it("never reach the log: creation, use, refusal, revocation and a server error", async () => {
    const reporter = await issue("SL.MAISON", "reporter");
    const reviewer = await issue("SL", "reviewer");
    await submitOk(report("SL.MAISON", minimalRows()), { token: reporter.token });
    expect(
      (await call("GET", "/v1/consolidation?unit=SL&period=2023", { token: reviewer.token })).status,
    ).toBe(200);
    expect((await call("POST", "/v1/admin/tokens", { token: reporter.token, json: {} })).status).toBe(403);
    expect((await call("GET", "/v1/units", { token: `${reporter.token}x` })).status).toBe(401);
    expect((await call("DELETE", `/v1/admin/tokens/${reviewer.id}`)).status).toBe(200);
    expect((await call("GET", "/v1/units", { token: reviewer.token })).status).toBe(401);
    const failed = await failingRequest(reporter.token);
    expect(failed.status).toBe(500);

    // The capture works: the server error was logged…
    expect(logged.join("\n")).toContain("injected");
    // …and no secret, hash or Authorization header is in anything logged.
    const all = logged.join("\n");
    for (const t of [reporter, reviewer]) {
      expect(all).not.toContain(t.token);
      expect(all).not.toContain(t.token.slice(4, 24));
      expect(all).not.toContain(t.hash);
    }
    expect(all.toLowerCase()).not.toContain("bearer");
  });

  it("are in no answer but the one that created them", async () => {
    const tokens = [
      await issue("SL.MAISON", "reporter"),
      await issue("SL", "reviewer"),
      await issue("SL", "admin"),
    ];
    await submitOk(report("SL.MAISON", minimalRows()), { token: tokens[0]?.token });
    const answers: Response[] = [];
    for (const t of tokens) {
      answers.push(
        await call("GET", "/v1/units", { token: t.token }),
        await call("GET", "/v1/templates", { token: t.token }),
        await call("GET", "/v1/periods/2023", { token: t.token }),
        await call("GET", "/v1/submissions?unit=SL.MAISON&period=2023", { token: t.token }),
        await call("GET", "/v1/consolidation?unit=SL&period=2023", { token: t.token }),
        await call("POST", "/v1/admin/tokens", { token: t.token, json: { unit: "NOPE", role: "reporter" } }),
        await call("GET", "/v1/units", { token: `${t.token}0` }),
      );
    }
    answers.push(await call("DELETE", `/v1/admin/tokens/${tokens[1]?.id}`));
    answers.push(await call("POST", "/v1/admin/recompute"));
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThan(10);
    for (const res of answers) {
      const body = await res.text();
      const headers = JSON.stringify([...res.headers]);
      for (const t of tokens) {
        expect(body).not.toContain(t.token);
        expect(body).not.toContain(t.hash);
        expect(headers).not.toContain(t.token);
      }
      expect(body).not.toMatch(/bcd_[A-Za-z0-9_-]{20}/);
    }
  });

  it("are stored only as SHA-256 hashes", async () => {
    const tokens = [
      await issue("SL.MAISON", "reporter"),
      await issue("SL", "reviewer"),
      await issue("SL", "admin"),
    ];
    const rows = (await env.DB.prepare("SELECT * FROM tokens").all<Record<string, unknown>>()).results;
    expect(rows).toHaveLength(tokens.length);
    const everything = JSON.stringify(rows);
    for (const t of tokens) {
      expect(everything).not.toContain(t.token);
      expect(everything).not.toContain(t.token.slice(4));
      const row = rows.find((r) => r.id === t.id);
      expect(row?.hash).toBe(t.hash);
      expect(Object.values(row ?? {})).not.toContain(t.token);
    }
  });
});

describe("the Worker's source", () => {
  // Every non-test module of worker/, as text.
  const sources = import.meta.glob<string>(["../**/*.ts", "!../**/*.test.ts", "!../test/**"], {
    query: "?raw",
    import: "default",
    eager: true,
  });

  it("logs no header, token or secret", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    const calls = Object.entries(sources).flatMap(([file, src]) =>
      src
        .split("\n")
        .filter((line) => /\bconsole\.\w+\(/.test(line))
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(calls.length).toBeGreaterThan(0);
    for (const line of calls)
      expect(line).not.toMatch(/token|secret|authori[sz]ation|header|bearer|hash|req\b|c\.req/i);
  });
});
