// The dated tree against its pure oracle (shared/tree): random trees, random dated changes (close,
// move, merge, split, rename) and random submissions for random periods, in random order, some of
// them at once. The Worker must decide every change list as applyChanges does, list each period's
// tree as treeOfPeriod does, accept a submission exactly when its unit is in the period's tree, keep
// every period's consolidation byte for byte when a change is effective after its last day, and
// leave every period's stored totals equal to a recomputation on that period's tree.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { periodLastDay } from "../shared/format/vietnam-time.ts";
import { applyChanges } from "../shared/tree/changes.ts";
import { treeOfPeriod, type UnitVersion } from "../shared/tree/dated.ts";
import { arbDatedTree, arbIntent, type ChangeIntent, changeOf } from "../shared/tree/testing.ts";
import { canonicalJson } from "./http/canonical-json.ts";
import { call, dispatchDirectly, importUnits, json, minimalRows, resetDb, submit } from "./test/helpers.ts";
import { expectTotalsMatchOracle } from "./test/oracle.ts";

const PERIODS = ["2023", "2024-H1", "2024", "2025-H1", "2025", "2026"];
const DAYS = ["2024-01-01", "2024-07-01", "2025-07-01", "2026-01-01"];

type Intent = ChangeIntent;
type Send = { unit: number; period: number; members: number };
type Op =
  | { kind: "change"; intent: Intent }
  | { kind: "send"; send: Send }
  | { kind: "race"; intent: Intent; sends: Send[] };

const arbTree = arbDatedTree();
const arbChange = arbIntent(DAYS.length);
const arbSend = fc.record({
  unit: fc.nat(),
  period: fc.nat({ max: PERIODS.length - 1 }),
  members: fc.nat(500),
});
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: arbSend.map((send): Op => ({ kind: "send", send })) },
  { weight: 3, arbitrary: arbChange.map((intent): Op => ({ kind: "change", intent })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(arbChange, fc.array(arbSend, { minLength: 1, maxLength: 3 }))
      .map(([intent, sends]): Op => ({ kind: "race", intent, sends })),
  },
);

let fresh = 0;
const newCode = () => `P.N${++fresh}`;

interface Mirror {
  versions: UnitVersion[];
  codes: string[];
  /** Change lists applied: the same list sent again is answered 200 and changes nothing. */
  applied: Set<string>;
}

function sendBody(m: Mirror, s: Send) {
  const unit = m.codes[s.unit % m.codes.length] as string;
  const period = PERIODS[s.period] as string;
  return { unit, period, template: "doan-2024", rows: minimalRows(s.members % 50, s.members) };
}

async function consolidations(m: Mirror, before: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const period of PERIODS.filter((p) => periodLastDay(p) < before)) {
    for (const unit of treeOfPeriod(m.versions, period).keys()) {
      const res = await call("GET", `/v1/consolidation?unit=${unit}&period=${period}`);
      out.set(`${unit} ${period}`, await res.text());
    }
  }
  return out;
}

async function change(m: Mirror, intent: Intent): Promise<void> {
  const body = changeOf(m.versions, intent, DAYS, newCode);
  if (!body) return;
  const earlier = await consolidations(m, body.effective);
  const outcome = applyChanges(m.versions, body);
  const res = await call("POST", "/v1/admin/units/changes", { json: body });
  const sent = canonicalJson(body);
  if (m.applied.has(sent)) {
    expect(res.status).toBe(200);
    return;
  }
  expect(res.status).toBe(outcome.ok ? 201 : 422);
  if (!outcome.ok) return;
  m.applied.add(sent);
  m.versions = outcome.versions;
  m.codes = [...new Set([...m.codes, ...outcome.created])];
  // Periods ending before the change: byte for byte what they were.
  expect(await consolidations(m, body.effective)).toEqual(earlier);
}

async function send(m: Mirror, s: Send, judged: boolean): Promise<void> {
  const body = sendBody(m, s);
  const res = await submit(body);
  if (!judged) return;
  const inTree = treeOfPeriod(m.versions, body.period).has(body.unit);
  expect(res.status).toBe(inTree ? 201 : 422);
}

async function run(tree: UnitVersion[], ops: Op[]): Promise<void> {
  await resetDb();
  const m: Mirror = { versions: tree, codes: tree.map((u) => u.code), applied: new Set() };
  expect((await importUnits(tree.map(({ code, name, parent }) => ({ code, name, parent })))).status).toBe(
    200,
  );
  for (const op of ops) {
    if (op.kind === "send") await send(m, op.send, true);
    else if (op.kind === "change") await change(m, op.intent);
    else {
      // A change and submissions for the affected periods at once: whichever order D1 runs them in,
      // the totals must match the oracle afterwards.
      const affected = PERIODS.map((p, i) => [p, i] as const).filter(
        ([p]) => periodLastDay(p) >= (DAYS[op.intent.day] as string),
      );
      const sends = op.sends.map((s) =>
        send(m, { ...s, period: affected[s.period % affected.length]?.[1] ?? 0 }, false),
      );
      await Promise.all([change(m, op.intent), ...sends]);
    }
  }
  for (const period of PERIODS) {
    const listed = await json<{ units: { code: string; parent: string | null }[] }>(
      await call("GET", `/v1/units?period=${period}`),
    );
    const expected = [...treeOfPeriod(m.versions, period).values()]
      .map((v) => ({ code: v.code, parent: v.parent }))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(listed.units.map((u) => ({ code: u.code, parent: u.parent }))).toEqual(expected);
    await expectTotalsMatchOracle(period);
  }
  const replay = await call("POST", "/v1/admin/recompute");
  expect(await json(replay)).toMatchObject({ differenceCount: 0 });
}

dispatchDirectly();

describe("the dated tree against shared/tree", () => {
  it("agrees on changes, trees, submissions and totals of every period", { timeout: 300_000 }, async () => {
    await fc.assert(fc.asyncProperty(arbTree, fc.array(arbOp, { minLength: 1, maxLength: 8 }), run), {
      numRuns: 15,
    });
  });
});
