import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("GET /v1/health", () => {
  it("answers ok inside workerd with D1 bound", async () => {
    const res = await SELF.fetch("http://w/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    const row = await env.DB.prepare("select 1 as one").first<{ one: number }>();
    expect(row?.one).toBe(1);
  });
});
