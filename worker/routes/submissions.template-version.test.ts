// A report is read back and replayed with the template version it was checked with: version 2 of its
// template renames a money row (formerCode) and makes another money row a count, and neither changes
// what GET /v1/submissions answers nor what POST /v1/admin/recompute finds.
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

/** Version 2: KN03 renamed KN09 (formerCode KN03), PT10 counted in people instead of millions. */
function version2(): Omit<Template, "version"> {
  const v1 = version1();
  const change = (i: Indicator): Indicator => {
    if (i.code === "KN03") return { ...i, code: "KN09", formerCode: "KN03" };
    if (i.code === "PT10") return { ...i, kind: "count", unit: { vi: "người", en: "people" } };
    return i;
  };
  return { ...v1, indicators: v1.indicators.map(change) };
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
  it("reads back and recomputes with its own version after version 2 renames a row and changes a kind", async () => {
    expect(await publish(version1())).toBe(1);
    // Made on version 1, the latest then, without naming it (rows in the template's order).
    const sent = [...minimalRows(10, 100), { code: "PT10", actual: 2.5 }, { code: "KN03", actual: 12.345 }];
    await submitOk(report("SL.MAISON", sent, { template: ID, period }));
    // Naming version 1 explicitly.
    await submitOk(report("SL.TPSL", sent, { template: ID, period, templateVersion: 1 }));

    expect(await publish(version2())).toBe(2);
    // A unit on version 2 in the same period: the replay meets both versions.
    const later = [...minimalRows(4, 40), { code: "PT10", actual: 3 }, { code: "KN09", actual: 7 }];
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
});
