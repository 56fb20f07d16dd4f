// Random bodies against POST /v1/submissions (fast-check): any JSON value, any text, and valid reports
// with random mutations (a field replaced by any JSON value, a key dropped or added, a row duplicated,
// unicode in codes). The Worker never answers 5xx, a refused body changes nothing at all, and whatever
// it accepted keeps the stored totals equal to the shared consolidation.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { SubmissionBody } from "../shared/api/schemas.ts";
import { arbRows } from "../shared/consolidation/testing.ts";
import { doan2024 } from "../shared/template/doan-2024.ts";
import {
  call,
  dispatchDirectly,
  importUnits,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  storedSnapshot,
  submitOk,
} from "./test/helpers.ts";
import { expectTotalsMatchOracle } from "./test/oracle.ts";

// Hundreds of requests: see dispatchDirectly for why they skip SELF.fetch here.
dispatchDirectly();

const UNITS = SMALL_TREE.map((u) => u.code);

beforeAll(async () => {
  await resetDb();
  expect((await importUnits(SMALL_TREE)).status).toBe(200);
  await submitOk(report("SL.MAISON", [...minimalRows(), { code: "PT02", actual: 4 }]));
});

let keys = 0;

/** Sends raw bytes; asserts no 5xx, and that a refusal stored nothing. Returns the status. */
async function sendChecked(body: string, contentType = "application/json"): Promise<number> {
  const before = await storedSnapshot();
  const res = await call("POST", "/v1/submissions", {
    body,
    headers: { "content-type": contentType, "idempotency-key": `fuzz-${keys++}` },
  });
  const text = await res.text();
  expect(res.status, text.slice(0, 300)).toBeLessThan(500);
  if (res.status >= 300) {
    expect(JSON.parse(text)).toMatchObject({ error: { code: expect.any(String) } });
    expect(await storedSnapshot()).toEqual(before);
  }
  return res.status;
}

const arbTricky = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: "binary" }),
  fc.constantFrom(
    "PT01'; DROP TABLE units;--",
    "PT\u200b01",
    "１２３",
    "một trăm",
    "__proto__",
    "NaN",
    -0,
    1e12 + 1,
    Number.MAX_SAFE_INTEGER,
    5e-324,
    "",
    null,
  ),
);

type Mutation =
  | { kind: "set"; path: number; value: unknown }
  | { kind: "drop"; path: number }
  | { kind: "add"; key: string; value: unknown }
  | { kind: "duplicate"; row: number }
  | { kind: "code"; row: number; code: string };

const arbMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), path: fc.nat(), value: arbTricky }),
  fc.record({ kind: fc.constant("drop" as const), path: fc.nat() }),
  fc.record({
    kind: fc.constant("add" as const),
    key: fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "prototype", "revision")),
    value: arbTricky,
  }),
  fc.record({ kind: fc.constant("duplicate" as const), row: fc.nat() }),
  fc.record({
    kind: fc.constant("code" as const),
    row: fc.nat(),
    code: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("PT01 ", "pt01", "PT1", "ＰＴ01")),
  }),
);

/** Every object inside the body with the keys it holds, for a mutation to pick one of. */
function slots(value: unknown, out: { obj: Record<string, unknown>; key: string }[] = []) {
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      out.push({ obj: value as Record<string, unknown>, key });
      slots(inner, out);
    }
  }
  return out;
}

function mutate(body: SubmissionBody, mutations: Mutation[]): unknown {
  const copy = structuredClone(body) as unknown as Record<string, unknown> & { rows: unknown[] };
  for (const m of mutations) {
    const all = slots(copy);
    const rows = Array.isArray(copy.rows) ? copy.rows : [];
    if (m.kind === "set" || m.kind === "drop") {
      const slot = all[m.path % Math.max(1, all.length)];
      if (!slot) continue;
      if (m.kind === "set") slot.obj[slot.key] = m.value;
      else delete slot.obj[slot.key];
    } else if (m.kind === "add") {
      // defineProperty: a "__proto__" key as JSON.parse would make it, an own property.
      Object.defineProperty(copy, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (rows.length > 0) {
      const row = rows[m.row % rows.length];
      if (m.kind === "duplicate") rows.push(structuredClone(row));
      else if (row !== null && typeof row === "object") (row as Record<string, unknown>).code = m.code;
    }
  }
  return copy;
}

const arbValidBody = fc
  .record({
    unit: fc.constantFrom(...UNITS),
    rows: arbRows(doan2024),
    mode: fc.constantFrom("replace", "merge"),
  })
  .map(
    ({ unit, rows, mode }): SubmissionBody =>
      report(unit, [...minimalRows(), ...rows.filter((r) => r.code !== "GD01" && r.code !== "GD04")], {
        mode: mode as "replace" | "merge",
      }),
  );

describe("fuzzed bodies", () => {
  it("any JSON value: never 5xx, never stored unless accepted", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        await sendChecked(JSON.stringify(value));
      }),
      { numRuns: 150 },
    );
  });

  it("any text, with any content type: never 5xx, never stored", { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", maxLength: 400 }),
        fc.constantFrom("application/json", "application/problem+json", "text/plain", ""),
        async (text, type) => {
          const status = await sendChecked(text, type);
          expect(status).not.toBe(201);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("mutated valid reports: never 5xx; refusals store nothing; totals stay right", {
    timeout: 180_000,
  }, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        arbValidBody,
        // Zero mutations too (25-31 of 200 bodies stored in three runs): the accepted side is always reached.
        fc.array(arbMutation, { minLength: 0, maxLength: 3 }),
        async (body, ms) => {
          const status = await sendChecked(JSON.stringify(mutate(body, ms)));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        },
      ),
      { numRuns: 200 },
    );
    // The fuzz reached both sides: some mutated bodies were refused, some still valid and stored.
    expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    expect(statuses.get(201) ?? 0).toBeGreaterThan(0);
    await expectTotalsMatchOracle("2023");
  });
});
