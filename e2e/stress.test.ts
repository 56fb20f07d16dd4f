// 200 concurrent clients against a real `wrangler dev` (local D1), started and stopped here by PID:
// nothing lost, nothing counted twice, totals right (scripts/stress.ts says what each client does and
// what is checked; `npm run stress` is the same run by hand). STRESS_CLIENTS / STRESS_RACERS change the
// size, e.g. on a slower machine.
import { expect, it } from "vitest";
import { formatCounts, runStress } from "../scripts/stress.ts";

const clients = Number(process.env.STRESS_CLIENTS ?? 200);
const racers = Number(process.env.STRESS_RACERS ?? 20);

it(`${clients} concurrent clients, ${racers} racing on one unit: every accepted revision stored once`, {
  timeout: 400_000,
}, async () => {
  const { counts, problems } = await runStress({ clients, racers, raceRounds: 6, maxSeconds: 240 });
  console.log(formatCounts(counts));
  expect(problems).toEqual([]);
  // The run did what it claims: every client's keys were accepted, retries replayed, refusals refused.
  expect(counts.acceptedKeys).toBe(counts.revisionsStored);
  expect(counts.acceptedKeys).toBeGreaterThanOrEqual(clients * 3);
  expect(counts.answers["200"] ?? 0).toBeGreaterThanOrEqual(clients * 3);
  expect(counts.answers["409 idempotency_conflict"]).toBe(clients);
  expect(counts.sharedUnit.revisions).toBeGreaterThan(racers);
  expect(counts.burst.revisions).toBe(1);
  expect(counts.burst.identicalReceipts).toBe(true);
  expect(counts.burst.statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(1);
  expect(counts.burst.statuses.every((s) => s === 200 || s === 201)).toBe(true);
  expect(counts.consolidationsCompared).toBe(counts.units);
  expect(counts.recomputeDifferences).toBe(0);
});
