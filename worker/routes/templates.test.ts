import { env } from "cloudflare:test";
import { beforeEach, describe, expect, it } from "vitest";
import { doan2024 } from "../../shared/template/doan-2024.ts";
import { doan2026 } from "../../shared/template/doan-2026.ts";
import { storedDefinition } from "../../shared/template/stored.ts";
import type { Template } from "../../shared/template/types.ts";
import {
  call,
  createToken,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  storedSnapshot,
  submit,
} from "../test/helpers.ts";

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
});

/** A small valid definition: two counts, a ratio, a grade, one rule. */
function small(id: string): Omit<Template, "version"> {
  const { version: _v, ...rest } = doan2024;
  const keep = new Set(["GD01", "GD02", "GD03", "GD04", "TD01"]);
  return {
    ...rest,
    id,
    indicators: rest.indicators.filter((i) => keep.has(i.code)),
    rules: rest.rules.filter((r) => r.id === "GD02<=GD01"),
  };
}

const put = (id: string, body: unknown, token?: string) =>
  call("PUT", `/v1/admin/templates/${id}`, { json: body, ...(token ? { token } : {}) });

describe("GET /v1/templates", () => {
  it("lists the latest version of each template, the built-ins published by migration 0004", async () => {
    const res = await call("GET", "/v1/templates");
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual([
      { id: "doan-2024", version: 1, title: doan2024.title },
      { id: "doan-2026", version: 1, title: doan2026.title },
    ]);
  });

  it("serves doan-2024 exactly as the built-in, by id and by version; 404 for unknown; 401 without a token", async () => {
    const expected = JSON.parse(JSON.stringify(doan2024));
    expect(await json(await call("GET", "/v1/templates/doan-2024"))).toEqual(expected);
    expect(await json(await call("GET", "/v1/templates/doan-2024/versions/1"))).toEqual(expected);
    const stored = await env.DB.prepare(
      "SELECT definition FROM template_versions WHERE id = 'doan-2024' AND version = 1",
    ).first<{ definition: string }>();
    expect(stored?.definition).toBe(storedDefinition(doan2024));
    const missing = await call("GET", "/v1/templates/doan-1999");
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ error: { code: "unknown_template" } });
    expect((await call("GET", "/v1/templates/doan-2024/versions/2")).status).toBe(404);
    expect((await call("GET", "/v1/templates/doan-2024", { token: null })).status).toBe(401);
  });
});

describe("PUT /v1/admin/templates/:id", () => {
  it("publishes version 1, answers the same definition with its version, publishes a change as version 2", async () => {
    const def = small("tinh-sl-2026");
    const first = await put("tinh-sl-2026", def);
    expect(first.status).toBe(201);
    expect(await json(first)).toEqual({ id: "tinh-sl-2026", version: 1 });

    // Same definition, keys in another order: the same version, nothing new stored.
    const reordered = Object.fromEntries(Object.entries(def).reverse());
    const again = await put("tinh-sl-2026", reordered);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual({ id: "tinh-sl-2026", version: 1 });

    const changed = { ...def, title: { vi: "Mẫu Sơn La 2026", en: "Sơn La 2026" } };
    const second = await put("tinh-sl-2026", changed);
    expect(second.status).toBe(201);
    expect(await json(second)).toEqual({ id: "tinh-sl-2026", version: 2 });

    // Version 1 never changes; the latest is version 2.
    const v1 = await json<Template>(await call("GET", "/v1/templates/tinh-sl-2026/versions/1"));
    expect(v1).toEqual({ ...JSON.parse(JSON.stringify(def)), version: 1 });
    expect(await json(await call("GET", "/v1/templates/tinh-sl-2026"))).toMatchObject({
      version: 2,
      title: changed.title,
    });
    // A fetched template sent back as is (with its version) is the same definition.
    const back = await put("tinh-sl-2026", { ...changed, version: 2 });
    expect(back.status).toBe(200);
  });

  it("refuses an invalid definition with every issue on its field, and stores nothing", async () => {
    const def = small("other-id");
    const bad = {
      ...def,
      indicators: [
        ...def.indicators,
        { ...def.indicators[0], label: { vi: "Trùng mã", en: "Duplicate" } }, // GD01 again
        {
          code: "XX01",
          section: "I",
          label: { vi: "a", en: "a" },
          unit: { vi: "", en: "" },
          kind: "ratio",
          ratio: { numerator: "GD03", denominator: "GD04" },
          overTime: "last",
        },
        {
          code: "XX02",
          section: "I",
          label: { vi: "b", en: "b" },
          unit: { vi: "", en: "" },
          kind: "ratio",
          ratio: { numerator: "XX03", denominator: "GD01" },
          overTime: "last",
        },
        {
          code: "XX03",
          section: "I",
          label: { vi: "c", en: "c" },
          unit: { vi: "", en: "" },
          kind: "ratio",
          ratio: { numerator: "XX02", denominator: "GD01" },
          overTime: "last",
        },
      ],
      grades: [],
      rules: [{ id: "r1", expression: "GD02 <= PT99", severity: "error", label: { vi: "x", en: "x" } }],
    };
    const before = await storedSnapshot();
    const res = await put("tinh-sl-2026", bad);
    expect(res.status).toBe(422);
    const body = await json<{
      error: { code: string; issues: { code: string; field: string; message: string }[] };
    }>(res);
    expect(body.error.code).toBe("validation_failed");
    const got = body.error.issues.map((i) => `${i.code} ${i.field}`);
    expect(got).toEqual(
      expect.arrayContaining([
        "id_mismatch id",
        "duplicate indicators.5.code",
        "ratio_of_non_count indicators.6.ratio.numerator",
        "cycle indicators.7.ratio",
        "cycle indicators.8.ratio",
        "grades_missing grades",
        "expression rules.0.expression",
      ]),
    );
    const expression = body.error.issues.find((i) => i.field === "rules.0.expression");
    expect(expression?.message).toContain("col 9: unknown code PT99");
    expect(await storedSnapshot()).toEqual(before);
  });

  it("is for admins only", async () => {
    const reviewer = await createToken("SL", "reviewer");
    expect((await put("tinh-sl-2026", small("tinh-sl-2026"), reviewer)).status).toBe(403);
  });
});

describe("a period's template and a submission's templateVersion", () => {
  it("sets the template of a period; an unknown one is refused on its field", async () => {
    const res = await call("PUT", "/v1/admin/periods/2026", { json: { template: "doan-2026" } });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ period: "2026", deadline: null, locked: false, template: "doan-2026" });
    const bad = await call("PUT", "/v1/admin/periods/2026", { json: { template: "doan-1999" } });
    expect(bad.status).toBe(422);
    expect(await json(bad)).toMatchObject({ error: { issues: [{ field: "template" }] } });
  });

  it("validates a submission with the version it names, the latest otherwise", async () => {
    const v1 = small("tinh-sl-2026");
    await put("tinh-sl-2026", v1);
    // Version 2 drops the part ≤ whole rule.
    await put("tinh-sl-2026", { ...v1, rules: [] });
    const rows = [...minimalRows(10, 100), { code: "GD02", actual: 50 }];
    const body = report("SL.MAISON", rows, { template: "tinh-sl-2026", period: "2026" });

    const old = await submit({ ...body, templateVersion: 1 });
    expect(old.status).toBe(422);
    expect(await json(old)).toMatchObject({
      error: { issues: [{ rule: "GD02<=GD01", field: "rows.2.actual" }] },
    });
    const latest = await submit(body);
    expect(latest.status, await latest.clone().text()).toBe(201);
    const none = await submit({ ...body, templateVersion: 9 });
    expect(none.status).toBe(422);
    expect(await json(none)).toMatchObject({ error: { issues: [{ field: "templateVersion" }] } });
  });
});
