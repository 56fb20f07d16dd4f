import { describe, expect, it } from "vitest";
import { call } from "../test/helpers.ts";

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
});
