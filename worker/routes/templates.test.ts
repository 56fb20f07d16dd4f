import { describe, expect, it } from "vitest";
import { doan2024 } from "../../shared/template/doan-2024.ts";
import { call, json } from "../test/helpers.ts";

describe("GET /v1/templates", () => {
  it("serves the catalog as JSON to any token, 404 for an unknown id, 401 without a token", async () => {
    expect(await json(await call("GET", "/v1/templates"))).toEqual({ templates: ["doan-2024"] });
    const res = await call("GET", "/v1/templates/doan-2024");
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual(JSON.parse(JSON.stringify(doan2024)));
    const missing = await call("GET", "/v1/templates/doan-1999");
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ error: { code: "unknown_template" } });
    expect((await call("GET", "/v1/templates/doan-2024", { token: null })).status).toBe(401);
  });
});
