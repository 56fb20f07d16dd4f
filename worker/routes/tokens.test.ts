import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { tokenAnswer } from "../../shared/api/schemas.ts";
import { sha256Hex } from "../auth/secrets.ts";
import { call, createToken, importUnits, json, resetDb, SMALL_TREE, storedCounts } from "../test/helpers.ts";

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
});

describe("POST /v1/admin/tokens", () => {
  it("returns a random token once and stores only its SHA-256", async () => {
    const res = await call("POST", "/v1/admin/tokens", { json: { unit: "SL.MAISON", role: "reporter" } });
    expect(res.status).toBe(201);
    const answer = tokenAnswer.parse(await json(res));
    expect(answer).toMatchObject({ unit: "SL.MAISON", role: "reporter" });
    // 32 random bytes in base64url: 256 bits.
    expect(answer.token).toMatch(/^bcd_[A-Za-z0-9_-]{43}$/);
    const row = await env.DB.prepare("SELECT * FROM tokens WHERE id = ?")
      .bind(answer.id)
      .first<Record<string, string>>();
    expect(row?.hash).toBe(await sha256Hex(answer.token));
    expect(JSON.stringify(row)).not.toContain(answer.token);
    expect((await call("GET", "/v1/units", { token: answer.token })).status).toBe(200);
  });

  it("refuses unknown units (404), bad roles (400) and non-admins (403)", async () => {
    const before = await storedCounts();
    expect(
      (await call("POST", "/v1/admin/tokens", { json: { unit: "NOPE", role: "reporter" } })).status,
    ).toBe(404);
    expect((await call("POST", "/v1/admin/tokens", { json: { unit: "SL", role: "boss" } })).status).toBe(400);
    expect(await storedCounts()).toEqual(before);
    const reporter = await createToken("SL", "reporter");
    const res = await call("POST", "/v1/admin/tokens", {
      token: reporter,
      json: { unit: "SL", role: "admin" },
    });
    expect(res.status).toBe(403);
  });

  it("lets an admin-role token do admin work", async () => {
    const admin = await createToken("SL", "admin");
    const res = await call("POST", "/v1/admin/tokens", {
      token: admin,
      json: { unit: "SL.TPSL", role: "reviewer" },
    });
    expect(res.status).toBe(201);
  });
});

describe("DELETE /v1/admin/tokens/:id", () => {
  it("revokes a token: it stops working at once", async () => {
    const created = tokenAnswer.parse(
      await json(await call("POST", "/v1/admin/tokens", { json: { unit: "SL", role: "reviewer" } })),
    );
    const res = await call("DELETE", `/v1/admin/tokens/${created.id}`);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: created.id, revoked: true });
    const after = await call("GET", "/v1/units", { token: created.token });
    expect(after.status).toBe(401);
    expect((await call("DELETE", "/v1/admin/tokens/tok_unknown")).status).toBe(404);
  });
});

describe("authentication", () => {
  it("accepts the ADMIN_TOKEN secret and refuses malformed headers", async () => {
    expect((await call("GET", "/v1/units")).status).toBe(200);
    const basic = await call("GET", "/v1/units", {
      token: null,
      headers: { authorization: "Basic YWRtaW4=" },
    });
    expect(basic.status).toBe(401);
    expect(await json(basic)).toMatchObject({ error: { code: "unauthenticated" } });
  });
});
