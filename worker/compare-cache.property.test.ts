// compare= answers against the pure oracle while the stored restated figures (worker/db/restated.ts)
// fill and go stale: random trees, random compare requests (which store what they compute), random
// submissions and random dated changes, in random order, some of them at once. Every compare answered
// alone must equal shared/tree/compare.ts over the whole history as the test knows it (no stale row is
// ever served), and one answered during a race must equal the oracle over some subset of the racing
// writes that succeeded. Earlier compares are asked again after every write, so a row a write should
// have forgotten is caught on its next read.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Consolidation, SubmissionBody } from "../shared/api/schemas.ts";
import { type ComparedConsolidation, comparedConsolidation } from "../shared/api/units.ts";
import type { CurrentReport } from "../shared/consolidation/consolidate.ts";
import { getTemplate } from "../shared/template/registry.ts";
import { applyChanges, type UnitEvent } from "../shared/tree/changes.ts";
import { restatedUnits, withRestated } from "../shared/tree/compare.ts";
import { treeOfPeriod, type UnitVersion } from "../shared/tree/dated.ts";
import { arbDatedTree, arbIntent, type ChangeIntent, changeOf } from "../shared/tree/testing.ts";
import { canonicalJson } from "./http/canonical-json.ts";
import { call, dispatchDirectly, importUnits, json, minimalRows, resetDb, submit } from "./test/helpers.ts";

const SENT = ["2023", "2024-H1", "2024", "2025", "2026"];
const ASKED = ["2024", "2025", "2026"];
const COMPARED = ["2023", "2024-H1", "2024", "2025"];
const DAYS = ["2024-01-01", "2024-07-01", "2025-07-01", "2026-01-01"];

type Send = { unit: number; period: number; members: number };
type Ask = { unit: number; asked: number; compared: number };
type Op =
  | { kind: "send"; send: Send }
  | { kind: "change"; intent: ChangeIntent }
  | { kind: "compare"; ask: Ask }
  | { kind: "race"; intent: ChangeIntent | null; sends: Send[]; asks: Ask[] };

const arbSend = fc.record({
  unit: fc.nat(),
  period: fc.nat({ max: SENT.length - 1 }),
  members: fc.nat(500),
});
const arbAsk = fc.record({
  unit: fc.nat(),
  asked: fc.nat({ max: ASKED.length - 1 }),
  compared: fc.nat({ max: COMPARED.length - 1 }),
});
const arbChange = arbIntent(DAYS.length);
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: arbSend.map((send): Op => ({ kind: "send", send })) },
  { weight: 3, arbitrary: arbChange.map((intent): Op => ({ kind: "change", intent })) },
  { weight: 4, arbitrary: arbAsk.map((ask): Op => ({ kind: "compare", ask })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.option(arbChange, { nil: null }),
        fc.array(arbSend, { maxLength: 2 }),
        fc.array(arbAsk, { minLength: 1, maxLength: 2 }),
      )
      .map(([intent, sends, asks]): Op => ({ kind: "race", intent, sends, asks })),
  },
);

/** What the test knows: the dated tree with its events, and each unit's current report per period. */
interface Mirror {
  versions: UnitVersion[];
  events: UnitEvent[];
  codes: string[];
  reports: Map<string, SubmissionBody["rows"]>;
  /** Compares asked so far, asked again after every write. */
  asked: Map<string, Ask>;
  /** Change lists applied: the same list sent again is answered 200 and changes nothing. */
  applied: Set<string>;
}

let fresh = 0;
const newCode = () => `P.N${++fresh}`;
const reportKey = (unit: string, period: string) => `${unit} ${period}`;

function sendBody(m: Mirror, s: Send): SubmissionBody {
  const unit = m.codes[s.unit % m.codes.length] as string;
  const period = SENT[s.period] as string;
  return { unit, period, template: "doan-2024", rows: minimalRows(s.members % 50, s.members) };
}

function askPath(m: Mirror, a: Ask): string | undefined {
  const asked = ASKED[a.asked] as string;
  const units = [...treeOfPeriod(m.versions, asked).keys()].sort();
  const unit = units[a.unit % units.length];
  if (unit === undefined) return undefined;
  return `/v1/consolidation?unit=${unit}&period=${asked}&compare=${COMPARED[a.compared]}`;
}

/** The answer as the oracle makes it, from the answer's own asked part and the mirror's history. */
function expected(m: Pick<Mirror, "versions" | "events" | "reports">, got: ComparedConsolidation): string {
  const compared = got.compare?.period as string;
  const template = getTemplate(got.template);
  if (!template) throw new Error(`no template ${got.template}`);
  const reports: CurrentReport[] = [];
  for (const [key, rows] of m.reports) {
    const [unit, period] = key.split(" ") as [string, string];
    if (period === compared) reports.push({ unit, rows, firstReceivedAt: "", receivedAt: "" });
  }
  const plain = (i: { previous?: unknown }) => {
    const { previous: _, ...rest } = i;
    return rest;
  };
  const { compare: _c, comparable: _k, ...top } = got;
  const asked = {
    ...top,
    indicators: got.indicators.map(plain),
    children: got.children.map(({ comparable: _x, ...k }) => ({ ...k, indicators: k.indicators.map(plain) })),
  } as Consolidation;
  const restated = restatedUnits(
    { template, versions: m.versions, events: m.events, period: got.period, compared, reports },
    [got.unit, ...got.children.map((k) => k.unit)],
  );
  return canonicalJson(withRestated(asked, compared, (code) => restated.get(code)));
}

async function askAnswer(path: string): Promise<ComparedConsolidation | undefined> {
  const res = await call("GET", path);
  // The unit may have left the asked tree in a racing change (422): nothing to compare.
  if (res.status !== 200) return undefined;
  return comparedConsolidation.parse(await json(res));
}

async function compareAlone(m: Mirror, a: Ask): Promise<void> {
  const path = askPath(m, a);
  if (path === undefined) return;
  const res = await call("GET", path);
  expect(res.status, path).toBe(200);
  const got = comparedConsolidation.parse(await json(res));
  expect(canonicalJson(got), path).toBe(expected(m, got));
  m.asked.set(path, a);
}

async function askAgain(m: Mirror): Promise<void> {
  for (const a of [...m.asked.values()]) await compareAlone(m, a);
}

async function send(m: Mirror, body: SubmissionBody): Promise<boolean> {
  const res = await submit(body);
  if (res.status === 201) m.reports.set(reportKey(body.unit, body.period), body.rows);
  return res.status === 201;
}

function changeBody(m: Mirror, intent: ChangeIntent) {
  const body = changeOf(m.versions, intent, DAYS, newCode);
  if (!body) return undefined;
  const outcome = applyChanges(m.versions, body);
  return { body, outcome };
}

async function change(m: Mirror, intent: ChangeIntent | null): Promise<boolean> {
  const planned = intent === null ? undefined : changeBody(m, intent);
  if (!planned) return false;
  const res = await call("POST", "/v1/admin/units/changes", { json: planned.body });
  const sent = canonicalJson(planned.body);
  if (m.applied.has(sent)) {
    expect(res.status).toBe(200);
    return false;
  }
  expect(res.status).toBe(planned.outcome.ok ? 201 : 422);
  if (!planned.outcome.ok) return false;
  m.applied.add(sent);
  m.versions = planned.outcome.versions;
  m.events = [...m.events, ...planned.outcome.events];
  m.codes = [...new Set([...m.codes, ...planned.outcome.created])];
  return true;
}

/** Every state the racing writes could have left when a compare read: any subset of those that succeeded. */
function candidates(
  before: Mirror,
  after: Mirror,
  stored: readonly SubmissionBody[],
): Pick<Mirror, "versions" | "events" | "reports">[] {
  const trees = before.versions === after.versions ? [before] : [before, after];
  const out: Pick<Mirror, "versions" | "events" | "reports">[] = [];
  for (const t of trees) {
    for (let mask = 0; mask < 1 << stored.length; mask++) {
      const reports = new Map(before.reports);
      stored.forEach((b, i) => {
        if (mask & (1 << i)) reports.set(reportKey(b.unit, b.period), b.rows);
      });
      out.push({ versions: t.versions, events: t.events, reports });
    }
  }
  return out;
}

async function race(m: Mirror, op: Extract<Op, { kind: "race" }>): Promise<void> {
  const before: Mirror = { ...m, reports: new Map(m.reports) };
  const bodies = op.sends.map((s) => sendBody(m, s));
  // One submission per report: their order between themselves would be unknown.
  const distinct = bodies.filter(
    (b, i) => bodies.findIndex((o) => reportKey(o.unit, o.period) === reportKey(b.unit, b.period)) === i,
  );
  const paths = op.asks.map((a) => askPath(m, a)).filter((p): p is string => p !== undefined);
  const [, sent, answers] = await Promise.all([
    change(m, op.intent),
    Promise.all(distinct.map((b) => send(m, b))),
    Promise.all(paths.map(askAnswer)),
  ]);
  const stored = distinct.filter((_, i) => sent[i]);
  const states = candidates(before, m, stored);
  for (const got of answers) {
    if (!got) continue;
    const actual = canonicalJson(got);
    const fits = states.some((s) => expected(s, got) === actual);
    expect(fits, `${got.unit} ${got.period} compare ${got.compare?.period}`).toBe(true);
  }
}

async function run(tree: UnitVersion[], ops: Op[]): Promise<void> {
  await resetDb();
  const m: Mirror = {
    versions: tree,
    events: [],
    codes: tree.map((u) => u.code),
    reports: new Map(),
    asked: new Map(),
    applied: new Set(),
  };
  const units = tree.map(({ code, name, parent }) => ({ code, name, parent }));
  expect((await importUnits(units)).status).toBe(200);
  // Every unit has reported the first compared periods: then most changes move restated figures.
  for (const [i, u] of units.entries()) {
    for (const period of ["2023", "2024"]) {
      expect(
        await send(m, { unit: u.code, period, template: "doan-2024", rows: minimalRows(i, 10 * i + 1) }),
      ).toBe(true);
    }
  }
  for (const op of ops) {
    if (op.kind === "compare") await compareAlone(m, op.ask);
    else if (op.kind === "send") await send(m, sendBody(m, op.send));
    else if (op.kind === "change") await change(m, op.intent);
    else await race(m, op);
    if (op.kind !== "compare") await askAgain(m);
  }
}

dispatchDirectly();

describe("compare= with stored restated figures, against shared/tree/compare.ts", () => {
  it("answers as the oracle through fills, submissions, changes and races", {
    timeout: 600_000,
  }, async () => {
    await fc.assert(fc.asyncProperty(arbDatedTree(), fc.array(arbOp, { minLength: 2, maxLength: 10 }), run), {
      numRuns: 40,
    });
  });
});
