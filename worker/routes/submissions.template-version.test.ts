// A report is read back and replayed with the template version it was checked with: version 2 of its
// template renames a money row (formerCode) and retires another, and neither changes what
// GET /v1/submissions answers nor what POST /v1/admin/recompute finds. A version that would change a
// code's kind is refused.
import { beforeEach, describe, expect, it } from "vitest";
import { type RecomputeAnswer, recomputeAnswer, type SubmissionsAnswer } from "../../shared/api/schemas.ts";
import { doan2024 } from "../../shared/template/doan-2024.ts";
import type { Indicator, Template } from "../../shared/template/types.ts";
import {
  call,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  storedSnapshot,
  submitOk,
} from "../test/helpers.ts";

const ID = "tinh-sl-2026";
const period = "2026";

/** Version 1: two required counts and two money rows, no rules. */
function version1(): Omit<Template, "version"> {
  const { version: _v, ...rest } = doan2024;
  const keep = new Set(["GD01", "GD04", "KN03", "PT10"]);
  return { ...rest, id: ID, indicators: rest.indicators.filter((i) => keep.has(i.code)), rules: [] };
}

/** Version 2: KN03 renamed KN09 (formerCode KN03), PT10 retired. */
function version2(): Omit<Template, "version"> {
  const v1 = version1();
  const change = (i: Indicator): Indicator =>
    i.code === "KN03" ? { ...i, code: "KN09", formerCode: "KN03" } : i;
  return { ...v1, indicators: v1.indicators.filter((i) => i.code !== "PT10").map(change) };
}

/** PT10 counted in people instead of millions: not a new version of the same row. */
function pt10AsCount(): Omit<Template, "version"> {
  const v1 = version1();
  const count = (i: Indicator): Indicator =>
    i.code === "PT10" ? { ...i, kind: "count", unit: { vi: "người", en: "people" } } : i;
  return { ...v1, indicators: v1.indicators.map(count) };
}

async function publish(definition: Omit<Template, "version">): Promise<number> {
  const res = await call("PUT", `/v1/admin/templates/${ID}`, { json: definition });
  expect(res.status).toBe(201);
  return (await json<{ version: number }>(res)).version;
}

async function recompute(query = ""): Promise<RecomputeAnswer> {
  const res = await call("POST", `/v1/admin/recompute?period=${period}${query}`);
  expect(res.status).toBe(200);
  return recomputeAnswer.parse(await json(res));
}

const currentRows = async (unit: string) =>
  (await json<SubmissionsAnswer>(await call("GET", `/v1/submissions?unit=${unit}&period=${period}`))).current
    ?.rows;

beforeEach(async () => {
  await resetDb();
  await importUnits(SMALL_TREE);
});

describe("a report made on an older template version", () => {
  it("reads back and recomputes with its own version after version 2 renames a row and retires one", async () => {
    expect(await publish(version1())).toBe(1);
    // Made on version 1, the latest then, without naming it (rows in the template's order).
    const sent = [...minimalRows(10, 100), { code: "PT10", actual: 2.5 }, { code: "KN03", actual: 12.345 }];
    await submitOk(report("SL.MAISON", sent, { template: ID, period }));
    // Naming version 1 explicitly.
    await submitOk(report("SL.TPSL", sent, { template: ID, period, templateVersion: 1 }));

    expect(await publish(version2())).toBe(2);
    // A unit on version 2 in the same period: the replay meets both versions.
    const later = [...minimalRows(4, 40), { code: "KN09", actual: 7 }];
    await submitOk(report("SL.MAISON.CHIENGDONG", later, { template: ID, period }));

    expect(await currentRows("SL.MAISON")).toEqual(sent);
    expect(await currentRows("SL.TPSL")).toEqual(sent);
    expect(await currentRows("SL.MAISON.CHIENGDONG")).toEqual(later);

    const checked = await recompute();
    expect(checked.differences).toEqual([]);
    expect(checked.revisions).toBe(3);
    const before = await storedSnapshot();
    expect((await recompute("&fix=true")).differenceCount).toBe(0);
    expect(await storedSnapshot()).toEqual(before);
  });

  it("is never mixed with a version that changes a code's kind: that version is refused, naming the row", async () => {
    expect(await publish(version1())).toBe(1);
    const res = await call("PUT", `/v1/admin/templates/${ID}`, { json: pt10AsCount() });
    expect(res.status).toBe(422);
    const body = await json<{
      error: { code: string; issues: { code: string; field: string; i18n?: { vi: string } }[] };
    }>(res);
    const n = version1().indicators.findIndex((i) => i.code === "PT10");
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.issues).toEqual([
      expect.objectContaining({ code: "kind_changed", field: `indicators.${n}.kind` }),
    ]);
    expect(body.error.issues[0]?.i18n?.vi).toContain("PT10");
    const versions = await json<{ version: number }>(await call("GET", `/v1/templates/${ID}`));
    expect(versions.version).toBe(1);
  });
});
