// What the submission's write batch costs in SQL alone, inside workerd's local D1: the statements
// submission-batch.ts makes, 20 copies per batch (so the round trip's cost is spread thin), against
// the same number of trivial statements. The difference is the SQL work the design asks of every
// submission (45 current values, 45 totals rows per level, the revision), whatever the Worker's
// JavaScript or D1's round trips cost.

import { periodLastDay } from "../shared/format/vietnam-time.ts";
import { batchRowsJson, perUnitThresholds } from "../worker/db/codec.ts";
import { submissionStatements } from "../worker/db/submission-batch.ts";
import { canonicalJson } from "../worker/http/canonical-json.ts";
import { fullRows, PERIOD, TEMPLATE } from "./fixtures.ts";
import type { Figures } from "./lib.ts";
import { type FloorWorker, submissionBody } from "./worker-harness.ts";

interface Statement {
  sql: string;
  params: unknown[];
}

/** Records what submissionStatements would prepare, to send it to the floor Worker. */
const record = (sql: string, ...params: unknown[]): Statement => ({ sql, params });

/** The write batch of one replace submission for `unit`, as the Worker would send it. */
function writeBatch(unit: string, k: number): Statement[] {
  const body = submissionBody(unit, fullRows(k), PERIOD);
  return submissionStatements(record, {
    unit,
    period: PERIOD,
    expectedRevision: null,
    template: TEMPLATE.id,
    mode: "replace",
    body: canonicalJson(body),
    digest: "0".repeat(64),
    tokenId: "tok_bench",
    sender: unit,
    onBehalfOf: null,
    receivedAt: new Date(0).toISOString(),
    idempotencyKey: null,
    receipt: JSON.stringify({ unit, period: PERIOD, revision: 0, warnings: [], summary: {} }),
    rows: batchRowsJson(TEMPLATE, body.rows),
    thresholds: perUnitThresholds(),
    day: periodLastDay(PERIOD),
  });
}

const COPIES = 20;
const REQUESTS = 40;

async function post(w: FloorWorker, copies: Statement[][], repeat: number): Promise<number> {
  const res = await fetch(w.url, { method: "POST", body: JSON.stringify({ copies, repeat }) });
  if (!res.ok) throw new Error(`SQL bench: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { written: number }).written;
}

/** workerd CPU per copy, over REQUESTS batches of COPIES copies after a warm-up. */
async function cpuPerCopy(w: FloorWorker, copies: Statement[][]): Promise<{ ms: number; written: number }> {
  for (let i = 0; i < 5; i++) await post(w, copies, COPIES);
  const cpu0 = w.workerdCpuMs();
  let written = 0;
  for (let i = 0; i < REQUESTS; i++) written += await post(w, copies, COPIES);
  const n = REQUESTS * COPIES;
  return { ms: (w.workerdCpuMs() - cpu0) / n, written: written / n };
}

export async function writeSqlFigures(f: Figures, w: FloorWorker): Promise<void> {
  // A grassroots unit under a district under the province, like the load's units (3 totals levels).
  const tree: Statement[] = [
    {
      sql: "INSERT INTO units (code, name, parent) VALUES ('S', 'S', NULL), ('S.D', 'S.D', 'S'), ('S.D.X', 'S.D.X', 'S.D')",
      params: [],
    },
    {
      sql: "INSERT INTO unit_ancestors (ancestor, descendant, depth) VALUES ('S', 'S', 0), ('S.D', 'S.D', 0), ('S.D.X', 'S.D.X', 0), ('S', 'S.D', 1), ('S.D', 'S.D.X', 1), ('S', 'S.D.X', 2)",
      params: [],
    },
    {
      sql: "INSERT INTO unit_versions (code, valid_from, valid_to, name, parent) VALUES ('S', '', '9999-12-31', 'S', NULL), ('S.D', '', '9999-12-31', 'S.D', 'S'), ('S.D.X', '', '9999-12-31', 'S.D.X', 'S.D')",
      params: [],
    },
  ];
  await post(w, [tree], 1);
  // Two reports in turn: every copy changes all 45 current values and their totals.
  const real = [writeBatch("S.D.X", 1), writeBatch("S.D.X", 2)];
  const trivial = [(real[0] ?? []).map((): Statement => ({ sql: "SELECT 1", params: [] }))];
  const base = await cpuPerCopy(w, trivial);
  const sql = await cpuPerCopy(w, real);
  f.add("worker.sql.submission_write_cpu_ms", sql.ms - base.ms, "ms");
  f.add("worker.sql.submission_write_rows_written", Math.round(sql.written), "rows");
}
