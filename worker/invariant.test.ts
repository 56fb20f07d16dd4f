// THE invariant (architecture.md): after any interleaving of submissions, the stored consolidated
// totals equal a recomputation from the current values. Random trees (depth 1–4), random sequences of
// replace/merge submissions, resubmissions, retries with the same Idempotency-Key, concurrent
// submissions for one unit, deadlines, locks and units moving to another parent; after each sequence
// every unit's GET /v1/consolidation must equal shared/consolidation's `consolidate` exactly.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Receipt, SubmissionBody } from "../shared/api/schemas.ts";
import { arbRows } from "../shared/consolidation/testing.ts";
import { doan2024 } from "../shared/template/doan-2024.ts";
import type { ReportRow } from "../shared/template/types.ts";
import { call, dispatchDirectly, importUnits, json, resetDb, submit } from "./test/helpers.ts";
import { expectTotalsMatchOracle } from "./test/oracle.ts";

interface TreeUnit {
  code: string;
  name: string;
  parent: string | null;
}

/** 2–9 units, each under an earlier one at depth ≤ 3 (so the tree is 1–4 levels deep). */
const arbTree: fc.Arbitrary<TreeUnit[]> = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.array(fc.nat(), { minLength: 9, maxLength: 9 }))
  .map(([n, picks]) => {
    const depth: number[] = [0];
    const units: TreeUnit[] = [{ code: "P", name: "Tỉnh đoàn P", parent: null }];
    for (let i = 1; i < n; i++) {
      const eligible = units.map((_, j) => j).filter((j) => (depth[j] ?? 0) < 3);
      const p = eligible[(picks[i] ?? 0) % eligible.length] ?? 0;
      depth.push((depth[p] ?? 0) + 1);
      units.push({ code: `P.U${i}`, name: `Đơn vị ${i}`, parent: units[p]?.code ?? null });
    }
    return units;
  });

const ROW_BY_CODE = new Map(doan2024.indicators.map((i) => [i.code, i]));
const num = (r: ReportRow | undefined) => (typeof r?.actual === "number" ? r.actual : undefined);

/**
 * Most generated reports should pass the template's rules, or few would be stored: parts are capped
 * by their whole, and a value that needs its count gets one. Replace bodies always hold the required
 * rows; merge bodies often do not (the merged report is what gets checked).
 */
function repair(rows: ReportRow[], withRequired: boolean): ReportRow[] {
  const byCode = new Map(rows.map((r) => [r.code, { ...r }]));
  if (withRequired) {
    for (const ind of doan2024.indicators) {
      if (ind.required && num(byCode.get(ind.code)) === undefined) {
        byCode.set(ind.code, { ...byCode.get(ind.code), code: ind.code, actual: 50 });
      }
    }
  }
  for (const rule of doan2024.rules) {
    if (rule.severity !== "error") continue;
    const left = byCode.get(rule.left);
    const right = byCode.get(rule.right);
    const l = num(left);
    const r = num(right);
    if (rule.op === "<=" && left && l !== undefined && r !== undefined && l > r) left.actual = r;
    if (rule.op === "requires" && l !== undefined && l > 0 && (r === undefined || r <= 0)) {
      byCode.set(rule.right, { ...right, code: rule.right, actual: 1 });
    }
  }
  return doan2024.indicators.flatMap((ind) => {
    const row = byCode.get(ind.code);
    return row && ROW_BY_CODE.has(row.code) ? [row] : [];
  });
}

const arbSend = fc.record({
  unit: fc.nat(),
  period: fc.constantFrom("2022", "2023"),
  mode: fc.constantFrom<"replace" | "merge">("replace", "merge"),
  rows: arbRows(doan2024),
  withRequired: fc.boolean(),
});
type Send = {
  unit: number;
  period: string;
  mode: "replace" | "merge";
  rows: ReportRow[];
  withRequired: boolean;
};

type Op =
  | { kind: "send"; send: Send }
  | { kind: "concurrent"; sends: Send[] }
  | { kind: "retry"; pick: number }
  | { kind: "reuse_key"; pick: number; send: Send }
  | { kind: "deadline"; day: number }
  | { kind: "lock" }
  | { kind: "move"; unit: number; parent: number };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: arbSend.map((send): Op => ({ kind: "send", send })) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(), fc.array(arbSend, { minLength: 2, maxLength: 3 })).map(
      ([unit, sends]): Op => ({
        kind: "concurrent",
        sends: sends.map((s) => ({ ...s, unit, period: "2023" })),
      }),
    ),
  },
  { weight: 2, arbitrary: fc.nat().map((pick): Op => ({ kind: "retry", pick })) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), arbSend).map(([pick, send]): Op => ({ kind: "reuse_key", pick, send })),
  },
  { weight: 1, arbitrary: fc.integer({ min: -2, max: 2 }).map((day): Op => ({ kind: "deadline", day })) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: "lock" }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), fc.nat()).map(([unit, parent]): Op => ({ kind: "move", unit, parent })),
  },
);

interface Accepted {
  key: string;
  body: SubmissionBody;
  receipt: Receipt;
}

async function run(tree: TreeUnit[], ops: Op[]): Promise<void> {
  await resetDb();
  const units = tree.map((u) => ({ ...u }));
  expect((await importUnits(units)).status).toBe(200);
  const accepted: Accepted[] = [];
  let keys = 0;

  const bodyOf = (s: Send): SubmissionBody => ({
    unit: (units[s.unit % units.length] as TreeUnit).code,
    period: s.period,
    template: doan2024.id,
    mode: s.mode,
    rows: repair(s.rows, s.mode === "replace" || s.withRequired),
  });
  const send = async (s: Send) => {
    const body = bodyOf(s);
    const key = `k${keys++}`;
    const res = await submit(body, { key });
    expect([201, 422]).toContain(res.status);
    if (res.status === 201) accepted.push({ key, body, receipt: await json<Receipt>(res) });
  };

  for (const op of ops) {
    switch (op.kind) {
      case "send":
        await send(op.send);
        break;
      case "concurrent":
        await Promise.all(op.sends.map(send));
        break;
      case "retry": {
        const earlier = accepted[op.pick % Math.max(1, accepted.length)];
        if (!earlier) break;
        const res = await submit(earlier.body, { key: earlier.key });
        expect(res.status).toBe(200);
        expect(await json(res)).toEqual(earlier.receipt);
        break;
      }
      case "reuse_key": {
        const earlier = accepted[op.pick % Math.max(1, accepted.length)];
        if (!earlier) break;
        const body = { ...bodyOf(op.send), reporter: { name: "someone else" } };
        expect((await submit(body, { key: earlier.key })).status).toBe(409);
        break;
      }
      case "deadline": {
        const deadline = new Date(Date.now() + op.day * 3_600_000).toISOString();
        const res = await call("PUT", "/v1/admin/periods/2023", { json: { deadline } });
        expect(res.status).toBe(200);
        break;
      }
      case "lock": {
        expect((await call("POST", "/v1/periods/2023/lock")).status).toBe(200);
        const res = await submit(
          bodyOf({ unit: 0, period: "2023", mode: "replace", rows: [], withRequired: true }),
        );
        expect(res.status).toBe(423);
        expect((await call("POST", "/v1/periods/2023/unlock")).status).toBe(200);
        break;
      }
      case "move": {
        // A non-root unit goes under another unit outside its own subtree.
        const u = units[1 + (op.unit % (units.length - 1))] as TreeUnit;
        const inside = new Set([u.code]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const x of units) {
            if (x.parent !== null && inside.has(x.parent) && !inside.has(x.code)) {
              inside.add(x.code);
              grew = true;
            }
          }
        }
        const candidates = units.filter((x) => !inside.has(x.code));
        const parent = candidates[op.parent % candidates.length] as TreeUnit;
        u.parent = parent.code;
        // Dated before every period of the test, so both periods are rebuilt on the new tree.
        const res = await call("PUT", "/v1/admin/units", {
          json: { units: [{ code: u.code, name: u.name, parent: u.parent }], effective: "2000-01-01" },
        });
        expect(res.status).toBe(200);
        break;
      }
    }
  }
  await expectTotalsMatchOracle("2023");
  await expectTotalsMatchOracle("2022");
  // The replay of the append-only revisions (npm run recompute) agrees with what was stored incrementally.
  const replay = await call("POST", "/v1/admin/recompute");
  expect(await json(replay)).toMatchObject({ differenceCount: 0, revisions: accepted.length });
}

// Thousands of requests: see dispatchDirectly for why they skip SELF.fetch here.
dispatchDirectly();

describe("stored totals == consolidate(current values)", () => {
  it("holds after random sequences, retries and concurrent submissions", { timeout: 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(arbTree, fc.array(arbOp, { minLength: 1, maxLength: 12 }), run), {
      numRuns: 50,
    });
  });
});
