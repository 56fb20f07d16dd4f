// Reviews against a pure model (shared/review/state.ts): any sequence of submissions and reviews
// answers and ends as the model says; a review and a resubmission sent together end as one of the two
// orders would; an acceptance that lands inside a submission's write batch still refuses it.
import { env } from "cloudflare:test";
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { type ReviewDecision, type ReviewState, reviewList } from "../../shared/api/reviews.ts";
import { consolidation } from "../../shared/api/schemas.ts";
import { currentState, DECISION_STATE, isAllowed, type LatestReview } from "../../shared/review/state.ts";
import {
  call,
  dispatchDirectly,
  importUnits,
  json,
  minimalRows,
  report,
  resetDb,
  SMALL_TREE,
  submit,
} from "../test/helpers.ts";
import { reportOf, sendReview } from "../test/review-helpers.ts";
import { submissionStatements } from "./submission-batch.ts";

dispatchDirectly();

const UNIT = "SL.MAISON.HATLOT";

/** The model: the current revision, the latest review, how many reviews are stored. */
interface Model {
  revision: number;
  latest: LatestReview | undefined;
  reviews: number;
}

type Op = { kind: "submit" } | { kind: "review"; decision: ReviewDecision; stale: boolean };
/** An operation as sent: a review names the revision (the schema wants a positive one). */
type Sent = { kind: "submit" } | { kind: "review"; decision: ReviewDecision; revision: number };

const sent = (m: Model, op: Op): Sent =>
  op.kind === "submit"
    ? op
    : {
        kind: "review",
        decision: op.decision,
        revision: Math.max(op.stale ? m.revision - 1 : m.revision, 1),
      };

const stateOf = (m: Model): ReviewState => currentState(m.latest, m.revision);

/** What the model answers to one operation, and the model after it. */
function apply(m: Model, op: Sent): { status: number; next: Model } {
  if (op.kind === "submit") {
    if (m.revision > 0 && stateOf(m) === "accepted") return { status: 423, next: m };
    return { status: 201, next: { ...m, revision: m.revision + 1 } };
  }
  const revision = op.revision;
  if (revision !== m.revision) return { status: 409, next: m };
  if (!isAllowed(op.decision, stateOf(m))) return { status: 409, next: m };
  const latest = { state: DECISION_STATE[op.decision], revision };
  return { status: 201, next: { ...m, latest, reviews: m.reviews + 1 } };
}

let n = 0;
async function send(op: Sent): Promise<number> {
  if (op.kind === "submit") return (await submit(report(UNIT, minimalRows(10, 100 + n++)))).status;
  const { decision, revision } = op;
  return (await sendReview({ unit: UNIT, period: "2023", revision, decision, comment: "x" })).status;
}

/** What the API says now, in the model's terms, from each read route. */
async function observed() {
  const r = await reportOf(UNIT);
  const list = reviewList.parse(await json(await call("GET", "/v1/reviews?unit=SL.MAISON&period=2023")));
  const cons = consolidation.parse(await json(await call("GET", "/v1/consolidation?unit=SL&period=2023")));
  const listed = list.units.find((u) => u.unit === UNIT)?.state;
  const reporting = cons.reporting;
  return {
    revision: r.current?.revision ?? 0,
    state: r.current ? r.review?.state : undefined,
    reviews: r.reviews?.length ?? 0,
    listed: listed === "missing" ? undefined : listed,
    accepted: reporting.accepted === 1,
    returned: reporting.returned?.includes(UNIT) ?? false,
  };
}

const expectedView = (m: Model) => {
  const state = m.revision === 0 ? undefined : stateOf(m);
  return {
    revision: m.revision,
    state,
    reviews: m.reviews,
    listed: state,
    accepted: state === "accepted",
    returned: state === "returned",
  };
};

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ kind: "submit" }),
  fc.record({
    kind: fc.constant("review" as const),
    decision: fc.constantFrom<ReviewDecision>("accept", "return", "reopen"),
    stale: fc.boolean(),
  }),
);

beforeEach(async () => {
  await resetDb();
  expect((await importUnits(SMALL_TREE)).status).toBe(200);
});

describe("reviews against the model", () => {
  it("every answer and every read route agree with the model after each step", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
        await resetDb();
        expect((await importUnits(SMALL_TREE)).status).toBe(200);
        let m: Model = { revision: 0, latest: undefined, reviews: 0 };
        for (const op of ops) {
          const o = sent(m, op);
          const { status, next } = apply(m, o);
          expect([o, await send(o)]).toEqual([o, status]);
          m = next;
          expect(await observed()).toEqual(expectedView(m));
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe("a review and a resubmission at the same moment", () => {
  it("end as one of the two orders would, never as a mix", async () => {
    const orders = new Map<string, number>();
    for (let round = 0; round < 24; round++) {
      await resetDb();
      expect((await importUnits(SMALL_TREE)).status).toBe(200);
      let m: Model = { revision: 0, latest: undefined, reviews: 0 };
      const setup: Sent[] = [{ kind: "submit" }];
      if (round % 3 === 1) setup.push({ kind: "review", decision: "return", revision: 1 });
      for (const o of setup) {
        const { status, next } = apply(m, o);
        expect(await send(o)).toBe(status);
        m = next;
      }
      const decision = round % 2 === 0 ? "accept" : "return";
      const review: Sent = { kind: "review", decision, revision: 1 };
      const sub: Sent = { kind: "submit" };
      // Both orders through the model.
      const a1 = apply(m, sub);
      const a2 = apply(a1.next, review);
      const b1 = apply(m, review);
      const b2 = apply(b1.next, sub);
      // Start the submission a little later in some rounds, so the review's read and INSERT fall before,
      // between and after the submission's read and batch.
      const later = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const wait = (side: number) => (round % 2 === side ? later((round >> 1) % 3) : Promise.resolve());
      const [subStatus, reviewStatus] = await Promise.all([
        wait(0).then(() => send(sub)),
        wait(1).then(() => send(review)),
      ]);
      const got = { subStatus, reviewStatus, view: await observed() };
      const reviewFirst = { subStatus: b2.status, reviewStatus: b1.status, view: expectedView(b2.next) };
      const submitFirst = { subStatus: a1.status, reviewStatus: a2.status, view: expectedView(a2.next) };
      expect([reviewFirst, submitFirst]).toContainEqual(got);
      const which = JSON.stringify(got) === JSON.stringify(reviewFirst) ? "review first" : "submission first";
      orders.set(which, (orders.get(which) ?? 0) + 1);
    }
    // Which order won each round is up to the runtime; both are correct, and they add up.
    expect([...orders.values()].reduce((a, b) => a + b, 0)).toBe(24);
  }, 120_000);

  it("an acceptance stored after the submission's read still refuses its write batch (trigger)", async () => {
    expect((await submit(report(UNIT, minimalRows()))).status).toBe(201);
    await env.DB.prepare(
      `INSERT INTO reviews (unit, period, revision, decision, state, rows, reviewer, token_id, reviewed_at)
       VALUES (?1, '2023', 1, 'accept', 'accepted', '[]', 'SL', 'admin', '2026-01-01T00:00:00.000Z')`,
    )
      .bind(UNIT)
      .run();
    const statements = submissionStatements((sql, ...p) => env.DB.prepare(sql).bind(...p), {
      unit: UNIT,
      period: "2023",
      expectedRevision: null,
      template: "doan-2024",
      mode: "replace",
      body: "{}",
      digest: "d",
      tokenId: "admin",
      sender: "admin",
      onBehalfOf: null,
      receivedAt: new Date().toISOString(),
      idempotencyKey: null,
      receipt: "{}",
      rows: "[]",
      thresholds: "{}",
      day: "2023-12-31",
    });
    await expect(env.DB.batch(statements)).rejects.toThrow(/report_accepted/);
    expect((await reportOf(UNIT)).current?.revision).toBe(1);
  });
});
