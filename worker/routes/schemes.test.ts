import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { storedScheme } from "../../shared/scoring/stored.ts";
import { tieuChi2021 } from "../../shared/scoring/tieu-chi-2021.ts";
import type { ScoringScheme } from "../../shared/scoring/types.ts";
import {
  call,
  createToken,
  importUnits,
  json,
  resetDb,
  SMALL_TREE,
  storedSnapshot,
} from "../test/helpers.ts";

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
});

/** The built-in scheme under another id, as plain JSON (no version). */
function scheme(id: string): Omit<ScoringScheme, "version"> {
  const { version: _v, ...rest } = JSON.parse(JSON.stringify(tieuChi2021)) as ScoringScheme;
  return { ...rest, id };
}

const put = (id: string, body: unknown, token?: string) =>
  call("PUT", `/v1/admin/schemes/${id}`, { json: body, ...(token ? { token } : {}) });

describe("GET /v1/schemes", () => {
  it("lists the built-in scheme migration 0009 published", async () => {
    const res = await call("GET", "/v1/schemes");
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual([{ id: "tieu-chi-2021", version: 1, title: tieuChi2021.title }]);
  });

  it("serves tieu-chi-2021 exactly as the built-in, by id and by version; 404 for unknown; 401 without a token", async () => {
    const expected = JSON.parse(JSON.stringify(tieuChi2021));
    expect(await json(await call("GET", "/v1/schemes/tieu-chi-2021"))).toEqual(expected);
    expect(await json(await call("GET", "/v1/schemes/tieu-chi-2021/versions/1"))).toEqual(expected);
    const stored = await env.DB.prepare(
      "SELECT definition FROM scheme_versions WHERE id = 'tieu-chi-2021' AND version = 1",
    ).first<{ definition: string }>();
    expect(stored?.definition).toBe(storedScheme(tieuChi2021));
    const missing = await call("GET", "/v1/schemes/tieu-chi-1999");
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ error: { code: "unknown_scheme" } });
    expect((await call("GET", "/v1/schemes/tieu-chi-2021/versions/2")).status).toBe(404);
    expect((await call("GET", "/v1/schemes/tieu-chi-2021", { token: null })).status).toBe(401);
  });
});

describe("PUT /v1/admin/schemes/:id", () => {
  it("publishes version 1, answers the same definition with its version, publishes a change as version 2", async () => {
    const def = scheme("tinh-sl-2026");
    const first = await put("tinh-sl-2026", def);
    expect(first.status).toBe(201);
    expect(await json(first)).toEqual({ id: "tinh-sl-2026", version: 1 });

    // Same definition, keys in another order, a version sent back: the same version, nothing stored.
    const reordered = { ...Object.fromEntries(Object.entries(def).reverse()), version: 7 };
    const again = await put("tinh-sl-2026", reordered);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual({ id: "tinh-sl-2026", version: 1 });

    const changed = { ...def, grades: [{ grade: "XS", minTotal: 450 }, ...def.grades.slice(1)] };
    const second = await put("tinh-sl-2026", changed);
    expect(second.status).toBe(201);
    expect(await json(second)).toEqual({ id: "tinh-sl-2026", version: 2 });
    expect(await json(await call("GET", "/v1/schemes/tinh-sl-2026"))).toEqual({ ...changed, version: 2 });
    expect(await json(await call("GET", "/v1/schemes/tinh-sl-2026/versions/1"))).toEqual({
      ...def,
      version: 1,
    });
    expect(await json(await call("GET", "/v1/schemes"))).toEqual([
      { id: "tieu-chi-2021", version: 1, title: tieuChi2021.title },
      { id: "tinh-sl-2026", version: 2, title: def.title },
    ]);
  });

  it("answers 422 with every issue on its field and stores nothing", async () => {
    const bad = scheme("tinh-sl-2026") as ReturnType<typeof scheme> & { id: string };
    const criteria = JSON.parse(JSON.stringify(bad.criteria));
    criteria[2].items[0].max = 0;
    criteria[0].items[1].measure.indicator = "ZZ99";
    criteria[1].code = "TC1";
    const body = { ...bad, id: "other", criteria };
    const before = await storedSnapshot();
    const res = await put("tinh-sl-2026", body);
    expect(res.status).toBe(422);
    const answer = await json<{ error: { code: string; issues: { code: string; field: string }[] } }>(res);
    expect(answer.error.code).toBe("validation_failed");
    expect(answer.error.issues.map((i) => `${i.code} ${i.field}`)).toEqual([
      "id_mismatch id",
      "too_small criteria.2.items.0.max",
    ]);
    // Once the shape is right, the meaning: a repeated code and a code no template has.
    const shaped = JSON.parse(JSON.stringify(criteria));
    shaped[2].items[0].max = 10;
    const res2 = await put("tinh-sl-2026", { ...bad, criteria: shaped });
    expect(res2.status).toBe(422);
    const answer2 = await json<{ error: { issues: { code: string; field: string }[] } }>(res2);
    expect(answer2.error.issues.map((i) => `${i.code} ${i.field}`)).toEqual([
      "duplicate criteria.1.code",
      "unknown_code criteria.0.items.1.measure.indicator",
    ]);
    expect(await storedSnapshot()).toEqual(before);
    expect((await call("GET", "/v1/schemes/tinh-sl-2026")).status).toBe(404);
  });

  it("refuses a non-admin (403) and keeps a published version immutable", async () => {
    const reviewer = await createToken("SL", "reviewer");
    expect((await put("tinh-sl-2026", scheme("tinh-sl-2026"), reviewer)).status).toBe(403);
    await expect(
      env.DB.prepare("UPDATE scheme_versions SET definition = '{}' WHERE id = 'tieu-chi-2021'").run(),
    ).rejects.toThrow(/scheme_version_immutable/);
  });
});
