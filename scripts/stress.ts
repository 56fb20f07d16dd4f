// npm run stress: many concurrent clients against a real `wrangler dev` on 127.0.0.1 (local D1), then proof
// that nothing was lost or counted twice. Each client submits, resubmits and merges for its own grassroots
// unit, retries every request with the same Idempotency-Key (sequentially, and as parallel twins), and
// tries a stale If-Match and a reused key; a group of racers hammers ONE shared unit with replace and
// merge; one burst sends the same key 10 times at once. Afterwards, with the ADMIN_TOKEN:
// - per unit, the stored revisions are 1..n without gap or duplicate, n = the number of distinct keys
//   the server accepted (201, or a 200 replay of a send whose first answer was lost), and every accepted
//   key's receipt names a different revision;
// - every 200 replay equals its key's 201 receipt;
// - every unit's GET /v1/consolidation equals shared/consolidation over the current values;
// - POST /v1/admin/recompute (a replay of the audit trail) finds no difference.
// Bounded: every request has a timeout, every retry loop a count, the run a deadline. `e2e/stress.test.ts`
// runs it in the test suite; `npm run stress` by hand (200 clients, 20 racers; docs/operations.md).
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ApiError, createApiClient, NetworkError } from "../shared/api/client.ts";
import type {
  Consolidation,
  Receipt,
  SubmissionBody,
  SubmissionsAnswer,
  UnitsImport,
} from "../shared/api/schemas.ts";
import { consolidate } from "../shared/consolidation/consolidate.ts";
import { doan2024 } from "../shared/template/doan-2024.ts";
import { type RunningWorker, startWorker } from "./wrangler-dev.ts";

export interface StressOptions {
  /** Clients, each with its own grassroots unit and reporter token. */
  clients: number;
  /** Of those, how many also race on the one shared unit (each with a token for it). */
  racers: number;
  /** Sends per racer on the shared unit. */
  raceRounds: number;
  /** No new step starts after this many seconds. */
  maxSeconds: number;
  /** A running Worker to use; otherwise one is started on a fresh local D1 and stopped at the end. */
  worker?: Pick<RunningWorker, "url" | "adminToken">;
  log?: (line: string) => void;
}

export interface StressCounts {
  clients: number;
  racers: number;
  units: number;
  requests: number;
  /** Answers by status ("201", "200", "409 revision_conflict", …, "network" for no answer). */
  answers: Record<string, number>;
  /** Keys the server accepted: a 201, or a 200 for a key whose 201 was lost on the way. */
  acceptedKeys: number;
  revisionsStored: number;
  sharedUnit: { revisions: number; accepted201: number; replays200: number; refused: number };
  burst: { statuses: number[]; identicalReceipts: boolean; revisions: number };
  consolidationsCompared: number;
  recomputeDifferences: number;
  seconds: number;
}

export interface StressResult {
  counts: StressCounts;
  /** Every broken promise found; empty when the run proves what it should. */
  problems: string[];
}

const PERIOD = "2023";
const ROOT = "ST";
const DISTRICTS = 10;
const SHARED = "ST.D0.SHARED";
const BURST = "ST.D1.BURST";
const REQUEST_TIMEOUT_MS = 30_000;
/** Sends of one request after the first, when there is no answer or a retryable one. */
const RETRIES = 8;

type Client = ReturnType<typeof createApiClient>;

interface Sent {
  unit: string;
  key: string;
  status: number | "network";
  code?: string;
  receipt?: Receipt;
}

/** Figures that keep every rule of doan-2024 (parts ≤ wholes, money with its count). */
function replaceRows(seed: number): SubmissionBody["rows"] {
  const k = seed % 97;
  return [
    { code: "GD01", target: 20, actual: 10 + k },
    { code: "GD02", actual: 5 + (k % 5) },
    { code: "GD04", actual: 200 + k },
    { code: "PT01", target: 500, actual: 300 + 7 * k },
    { code: "PT02", actual: 1 + (k % 9) },
    { code: "PT03", actual: 12.5 + k / 8 },
    { code: "PT04", actual: k % 6 },
    { code: "KN04", actual: 100.125 + k },
    { code: "TD01", actual: ["XS", "T", "HT", "KHT"][k % 4] as string },
  ];
}

/** A merge that is valid whatever the unit holds: the required rows, and rows no rule ties to others. */
function mergeRows(seed: number): SubmissionBody["rows"] {
  const k = seed % 89;
  return [
    { code: "GD01", actual: 30 + k },
    { code: "GD04", actual: 300 + k },
    { code: ["PT05", "PT07", "PT09", "CD01"][k % 4] as string, actual: k + 1 },
    { code: "KN04", actual: k % 3 === 0 ? null : 7.25 * k },
    { code: "TD01", actual: ["T", "HT", "XS"][k % 3] as string },
  ];
}

const body = (unit: string, rows: SubmissionBody["rows"], mode: "replace" | "merge"): SubmissionBody => ({
  unit,
  period: PERIOD,
  template: doan2024.id,
  mode,
  rows,
});

class Ledger {
  readonly sent: Sent[] = [];
  readonly answers: Record<string, number> = {};
  requests = 0;

  record(s: Sent): void {
    this.sent.push(s);
    const label = s.status === "network" ? "network" : s.code ? `${s.status} ${s.code}` : String(s.status);
    this.answers[label] = (this.answers[label] ?? 0) + 1;
  }
}

/**
 * One send. No answer, or a retryable one (5xx, 429), is sent again with the same key (bounded, with a
 * growing pause), as the add-in's queue does: under a few hundred connections `wrangler dev`'s local
 * proxy answers some requests 503 "Your worker restarted mid-request" (text, not the Worker's JSON), and
 * such a request may or may not have been stored; the retry must then find out without storing it twice.
 */
async function send(
  api: Client,
  ledger: Ledger,
  b: SubmissionBody,
  key: string,
  ifMatch?: number,
): Promise<Sent> {
  let last: Sent = { unit: b.unit, key, status: "network" };
  for (let attempt = 0; attempt <= RETRIES; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 100));
    ledger.requests += 1;
    try {
      const { receipt, replayed } = await api.submit(b, {
        idempotencyKey: key,
        ...(ifMatch === undefined ? {} : { ifMatch }),
      });
      last = { unit: b.unit, key, status: replayed ? 200 : 201, receipt };
    } catch (e) {
      if (e instanceof NetworkError) last = { unit: b.unit, key, status: "network" };
      else if (e instanceof ApiError) last = { unit: b.unit, key, status: e.status, code: e.code };
      else throw e;
    }
    ledger.record(last);
    const retryable = last.status === "network" || last.status >= 500 || last.status === 429;
    if (!retryable) return last;
  }
  return last;
}

/** A client of its own unit: replace, retry, resubmit, merge with a parallel twin, stale If-Match, reused key. */
async function ownUnit(
  api: Client,
  ledger: Ledger,
  unit: string,
  i: number,
  deadline: number,
): Promise<void> {
  const first = body(unit, replaceRows(i), "replace");
  const k1 = `c${i}-1`;
  const a = await send(api, ledger, first, k1);
  if (Date.now() > deadline) return;
  await send(api, ledger, first, k1);
  const second = body(unit, replaceRows(i + 1), "replace");
  await send(api, ledger, second, `c${i}-2`);
  if (Date.now() > deadline) return;
  const merge = body(unit, mergeRows(i), "merge");
  await Promise.all([send(api, ledger, merge, `c${i}-3`), send(api, ledger, merge, `c${i}-3`)]);
  await send(api, ledger, second, `c${i}-2`);
  if (Date.now() > deadline) return;
  // Refusals that must store nothing: an edit of revision 1 (stale) and key 1 with another body.
  if (a.receipt)
    await send(api, ledger, body(unit, replaceRows(i + 2), "replace"), `c${i}-4`, a.receipt.revision);
  await send(api, ledger, body(unit, replaceRows(i + 3), "replace"), k1);
}

/** A racer on the shared unit: replace and merge in turn, each key sent twice at once. */
async function racer(
  api: Client,
  ledger: Ledger,
  r: number,
  rounds: number,
  deadline: number,
): Promise<void> {
  for (let n = 0; n < rounds && Date.now() <= deadline; n++) {
    const seed = r * 31 + n;
    const b =
      n % 2 === 0 ? body(SHARED, replaceRows(seed), "replace") : body(SHARED, mergeRows(seed), "merge");
    const key = `r${r}-${n}`;
    await Promise.all([send(api, ledger, b, key), send(api, ledger, b, key)]);
  }
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

function tree(clients: number): { units: UnitsImport["units"]; grassroots: string[] } {
  const units: UnitsImport["units"] = [{ code: ROOT, name: "Tỉnh đoàn kiểm thử tải", parent: null }];
  for (let d = 0; d < DISTRICTS; d++)
    units.push({ code: `${ROOT}.D${d}`, name: `Huyện đoàn ${d}`, parent: ROOT });
  const grassroots: string[] = [];
  for (let i = 0; i < clients; i++) {
    const code = `${ROOT}.D${i % DISTRICTS}.U${i}`;
    grassroots.push(code);
    units.push({ code, name: `Đoàn cơ sở ${i}`, parent: `${ROOT}.D${i % DISTRICTS}` });
  }
  units.push({ code: SHARED, name: "Đơn vị dùng chung", parent: `${ROOT}.D0` });
  units.push({ code: BURST, name: "Đơn vị gửi dồn", parent: `${ROOT}.D1` });
  return { units, grassroots };
}

async function verify(
  admin: Client,
  ledger: Ledger,
  problems: string[],
): Promise<{
  revisions: number;
  accepted: number;
  compared: number;
  perUnit: Map<string, SubmissionsAnswer>;
}> {
  // The accepted keys, and every replay checked against its key's 201 receipt.
  const byKey = new Map<string, Sent[]>();
  for (const s of ledger.sent) {
    const k = `${s.unit}\u0000${s.key}`;
    byKey.set(k, [...(byKey.get(k) ?? []), s]);
  }
  const acceptedByUnit = new Map<string, Receipt[]>();
  for (const [k, list] of byKey) {
    const ok = list.filter((s) => s.status === 200 || s.status === 201);
    const created = ok.filter((s) => s.status === 201);
    if (created.length > 1) problems.push(`key ${k.replace("\u0000", " ")}: ${created.length} answers 201`);
    const reference = created[0]?.receipt ?? ok[0]?.receipt;
    if (!reference) continue;
    for (const s of ok) {
      if (JSON.stringify(s.receipt) !== JSON.stringify(reference)) {
        problems.push(`key ${k.replace("\u0000", " ")}: a replay differs from the first receipt`);
      }
    }
    const unit = reference.unit;
    acceptedByUnit.set(unit, [...(acceptedByUnit.get(unit) ?? []), reference]);
  }

  const units = await admin.units();
  const perUnit = new Map<string, SubmissionsAnswer>();
  await pool(units, 16, async (u) => {
    perUnit.set(u.code, await admin.submissions(u.code, PERIOD));
  });
  let revisions = 0;
  let accepted = 0;
  for (const u of units) {
    const answer = perUnit.get(u.code) as SubmissionsAnswer;
    const numbers = answer.revisions.map((r) => r.revision);
    revisions += numbers.length;
    const expected = numbers.map((_, i) => i + 1);
    if (numbers.join() !== expected.join()) problems.push(`${u.code}: revisions ${numbers.join(",")}`);
    const receipts = acceptedByUnit.get(u.code) ?? [];
    accepted += receipts.length;
    if (receipts.length !== numbers.length) {
      problems.push(`${u.code}: ${receipts.length} accepted keys but ${numbers.length} revisions stored`);
    }
    const named = receipts.map((r) => r.revision).sort((x, y) => x - y);
    if (named.join() !== expected.join())
      problems.push(`${u.code}: receipts name revisions ${named.join(",")}`);
    if ((answer.current?.revision ?? 0) !== numbers.length)
      problems.push(`${u.code}: current is not the last`);
  }

  // Stored consolidated totals == the shared consolidation of the current values, for every unit.
  const truth = consolidate({
    template: doan2024,
    units: units.map((u) => ({ code: u.code, name: u.name, parent: u.parent })),
    reports: units.flatMap((u) => {
      const a = perUnit.get(u.code) as SubmissionsAnswer;
      if (!a.current) return [];
      return [
        {
          unit: u.code,
          rows: a.current.rows,
          firstReceivedAt: a.revisions[0]?.receivedAt ?? "",
          receivedAt: a.current.receivedAt,
        },
      ];
    }),
    period: PERIOD,
    deadline: null,
  });
  let compared = 0;
  await pool(units, 16, async (u) => {
    const stored: Consolidation = await admin.consolidation(u.code, PERIOD);
    compared += 1;
    if (JSON.stringify(stored) !== JSON.stringify(truth.get(u.code))) {
      problems.push(`${u.code}: stored consolidation differs from the shared consolidation`);
    }
  });
  return { revisions, accepted, compared, perUnit };
}

export async function runStress(opts: StressOptions): Promise<StressResult> {
  const log = opts.log ?? (() => undefined);
  const started = performance.now();
  const own = opts.worker ? undefined : await startWorker();
  const worker = opts.worker ?? (own as RunningWorker);
  const problems: string[] = [];
  try {
    const admin = createApiClient({
      baseUrl: worker.url,
      token: worker.adminToken,
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    const { units, grassroots } = tree(opts.clients);
    await admin.importUnits({ units });
    log(`${units.length} units; issuing ${opts.clients + opts.racers + 1} tokens`);
    const tokenOf = async (unit: string) => (await admin.createToken(unit, "reporter")).token;
    const clientTokens: string[] = [];
    await pool(grassroots, 8, async (unit) => {
      clientTokens[grassroots.indexOf(unit)] = await tokenOf(unit);
    });
    const racerTokens: string[] = [];
    for (let r = 0; r < opts.racers; r++) racerTokens.push(await tokenOf(SHARED));
    const api = (token: string) =>
      createApiClient({ baseUrl: worker.url, token, timeoutMs: REQUEST_TIMEOUT_MS });

    const ledger = new Ledger();
    const deadline = Date.now() + opts.maxSeconds * 1000;

    // The same key 10 times at once: one revision, ten identical receipts.
    const burstApi = api(await tokenOf(BURST));
    const burstBody = body(BURST, replaceRows(7), "replace");
    const burst = await Promise.all(
      Array.from({ length: 10 }, () => send(burstApi, ledger, burstBody, "burst")),
    );

    log(`${opts.clients} clients and ${opts.racers} racers on ${SHARED}, at most ${opts.maxSeconds} s`);
    const t0 = performance.now();
    await Promise.all([
      ...grassroots.map((unit, i) => ownUnit(api(clientTokens[i] as string), ledger, unit, i, deadline)),
      ...racerTokens.map((t, r) => racer(api(t), ledger, r, opts.raceRounds, deadline)),
    ]);
    log(`load done: ${ledger.requests} requests in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const checked = await verify(admin, ledger, problems);
    const burstStatuses = burst.map((s) => (s.status === "network" ? 0 : s.status)).sort();
    const identical = burst.every((s) => JSON.stringify(s.receipt) === JSON.stringify(burst[0]?.receipt));
    const burstRevisions = checked.perUnit.get(BURST)?.revisions.length ?? -1;
    // One 201 and nine 200s; ten 200s only when the 201 itself was lost on the way (a proxy 503) and its
    // retry was answered from the store.
    const created = burstStatuses.filter((st) => st === 201).length;
    if (!burstStatuses.every((st) => st === 200 || st === 201) || created > 1 || !identical) {
      problems.push(`burst: statuses ${burstStatuses.join(",")}, identical receipts ${identical}`);
    }
    if (burstRevisions !== 1) problems.push(`burst: ${burstRevisions} revisions stored`);

    const shared = ledger.sent.filter((s) => s.unit === SHARED);
    const recomputed = await admin.recompute({ period: PERIOD });
    if (recomputed.differenceCount !== 0) {
      problems.push(
        `recompute: ${recomputed.differenceCount} differences, e.g. ${JSON.stringify(recomputed.differences[0])}`,
      );
    }
    const counts: StressCounts = {
      clients: opts.clients,
      racers: opts.racers,
      units: units.length,
      requests: ledger.requests,
      answers: ledger.answers,
      acceptedKeys: checked.accepted,
      revisionsStored: checked.revisions,
      sharedUnit: {
        revisions: checked.perUnit.get(SHARED)?.revisions.length ?? 0,
        accepted201: shared.filter((s) => s.status === 201).length,
        replays200: shared.filter((s) => s.status === 200).length,
        refused: shared.filter((s) => typeof s.status === "number" && s.status >= 400 && s.status < 500)
          .length,
      },
      burst: { statuses: burstStatuses, identicalReceipts: identical, revisions: burstRevisions },
      consolidationsCompared: checked.compared,
      recomputeDifferences: recomputed.differenceCount,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    return { counts, problems };
  } finally {
    await own?.stop();
  }
}

export function formatCounts(c: StressCounts): string {
  const answers = Object.entries(c.answers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k}: ${n}`)
    .join(", ");
  return [
    `clients ${c.clients} (racers ${c.racers}), units ${c.units}, requests ${c.requests}`,
    `answers: ${answers}`,
    `accepted keys ${c.acceptedKeys} = revisions stored ${c.revisionsStored}`,
    `shared unit: ${c.sharedUnit.revisions} revisions, ${c.sharedUnit.accepted201} × 201, ${c.sharedUnit.replays200} × 200 replays, ${c.sharedUnit.refused} refused (4xx)`,
    `same key ×10 in parallel: statuses ${c.burst.statuses.join(",")}, identical receipts ${c.burst.identicalReceipts}, revisions ${c.burst.revisions}`,
    `consolidations compared with shared consolidate(): ${c.consolidationsCompared}; recompute differences: ${c.recomputeDifferences}`,
    `time ${c.seconds} s`,
  ].join("\n");
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "200" },
      racers: { type: "string", default: "20" },
      rounds: { type: "string", default: "6" },
      seconds: { type: "string", default: "120" },
    },
  });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const { counts, problems } = await runStress({
    clients: Number(values.clients),
    racers: Number(values.racers),
    raceRounds: Number(values.rounds),
    maxSeconds: Number(values.seconds),
    log: say,
  });
  say(formatCounts(counts));
  for (const p of problems) say(`PROBLEM: ${p}`);
  say(
    problems.length === 0
      ? "OK: nothing lost, nothing counted twice"
      : `FAILED: ${problems.length} problem(s)`,
  );
  return problems.length === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(2);
    },
  );
}
