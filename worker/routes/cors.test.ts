import { describe, expect, it } from "vitest";
import { call, dispatchDirectly } from "../test/helpers.ts";

// A request per route, origin and method: see dispatchDirectly.
dispatchDirectly();

const ALLOWED = "https://localhost:3000";
/** Every route of the API, as a preflight would name it. */
const ROUTES: [string, string][] = [
  ["GET", "/v1/health"],
  ["PUT", "/v1/admin/units"],
  ["POST", "/v1/admin/tokens"],
  ["DELETE", "/v1/admin/tokens/tok_0"],
  ["PUT", "/v1/admin/periods/2023"],
  ["POST", "/v1/admin/recompute"],
  ["GET", "/v1/units"],
  ["GET", "/v1/templates"],
  ["GET", "/v1/templates/doan-2024"],
  ["POST", "/v1/submissions"],
  ["GET", "/v1/submissions?unit=SL&period=2023"],
  ["GET", "/v1/consolidation?unit=SL&period=2023"],
  ["GET", "/v1/periods/2023"],
  ["POST", "/v1/periods/2023/lock"],
  ["POST", "/v1/periods/2023/unlock"],
];
const OTHERS = [
  "https://evil.example",
  "https://localhost:3000.evil.example",
  "http://localhost:3000",
  "null",
];

describe("CORS", () => {
  it("answers the add-in's origin only", async () => {
    const ok = await call("GET", "/v1/health", {
      token: null,
      headers: { origin: "https://localhost:3000" },
    });
    expect(ok.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    const other = await call("GET", "/v1/health", {
      token: null,
      headers: { origin: "https://evil.example" },
    });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers a preflight without a token, allowing the headers the API reads", async () => {
    const res = await call("OPTIONS", "/v1/submissions", {
      token: null,
      headers: {
        origin: "https://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, idempotency-key, if-match",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("idempotency-key");
  });

  it("keeps CORS headers on error answers", async () => {
    const res = await call("GET", "/v1/units", {
      token: null,
      headers: { origin: "https://localhost:3000" },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
  });

  it("gives every route's preflight and answer CORS headers for the add-in's origin only", async () => {
    for (const [method, path] of ROUTES) {
      for (const origin of [ALLOWED, ...OTHERS]) {
        const preflight = await call("OPTIONS", path, {
          token: null,
          headers: {
            origin,
            "access-control-request-method": method,
            "access-control-request-headers": "authorization, content-type",
          },
        });
        const answer = await call(method, path, { headers: { origin } });
        const expected = origin === ALLOWED ? ALLOWED : null;
        const label = `${method} ${path} from ${origin}`;
        expect(preflight.headers.get("access-control-allow-origin"), label).toBe(expected);
        expect(answer.headers.get("access-control-allow-origin"), label).toBe(expected);
        if (origin === ALLOWED)
          expect(preflight.headers.get("access-control-allow-methods"), label).toContain(method);
        expect(answer.headers.get("access-control-allow-credentials"), label).toBeNull();
      }
    }
  });
});
