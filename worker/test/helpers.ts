// Test helpers: a clean database, requests through the Worker (SELF.fetch), a small unit tree.
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import {
  type Receipt,
  type RecomputeAnswer,
  recomputeAnswer,
  type SubmissionBody,
  type UnitsImport,
} from "../../shared/api/schemas.ts";
import type { DatedUnitsImport } from "../../shared/api/units.ts";
import { doan2024 } from "../../shared/template/doan-2024.ts";
import app from "../index.ts";

export const ADMIN = "test-admin-token";
const BASE = "http://worker.test";

/**
 * Every table but the migrations' bookkeeping, emptied (whatever tables the migrations made, so a new
 * one needs no line here); tree_version back to its seed row. Units last: tokens reference them.
 */
export async function resetDb(): Promise<void> {
  const { results } = await env.DB.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'
     AND name NOT LIKE 'd1_%' AND name NOT IN ('tree_version', 'template_versions', 'scheme_versions') ORDER BY name = 'units', name`,
  ).all<{ name: string }>();
  await env.DB.batch([
    ...results.map((t) => env.DB.prepare(`DELETE FROM "${t.name}"`)),
    env.DB.prepare("UPDATE tree_version SET version = 0"),
    // Published templates go; the built-ins migration 0004 published stay.
    env.DB.prepare("DELETE FROM template_versions WHERE published_by <> 'migration'"),
    // Likewise schemes: the built-ins migration 0009 published stay.
    env.DB.prepare("DELETE FROM scheme_versions WHERE published_by <> 'migration'"),
  ]);
}

/**
 * Requests go through SELF.fetch, like a client's. Under @cloudflare/vitest-pool-workers every
 * SELF.fetch gets slower the more a test file has made (cloudflare/workers-sdk#15446: ~10 ms at first,
 * seconds after a thousand), so the files that send thousands (the property test, the measurements)
 * call `dispatchDirectly()`: the same app, bindings and D1, without the loopback service hop.
 */
let direct = false;
export function dispatchDirectly(): void {
  direct = true;
}

async function dispatch(request: Request): Promise<Response> {
  if (!direct) return SELF.fetch(request);
  const ctx = createExecutionContext();
  const res = await app.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

export interface CallOptions {
  token?: string | null;
  headers?: Record<string, string>;
  /** A raw body (sent as is); otherwise `json` is serialized with Content-Type application/json. */
  body?: BodyInit;
  json?: unknown;
}

export async function call(method: string, path: string, opts: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  const token = opts.token === undefined ? ADMIN : opts.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["content-type"] ??= "application/json";
  }
  return dispatch(new Request(`${BASE}${path}`, { method, headers, body }));
}

export async function json<T = unknown>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export async function importUnits(
  units: DatedUnitsImport["units"],
  token: string = ADMIN,
): Promise<Response> {
  return call("PUT", "/v1/admin/units", { token, json: { units } });
}

export async function createToken(unit: string, role: "reporter" | "reviewer" | "admin"): Promise<string> {
  const res = await call("POST", "/v1/admin/tokens", { json: { unit, role } });
  if (res.status !== 201) throw new Error(`token: ${res.status} ${await res.text()}`);
  return (await json<{ token: string }>(res)).token;
}

export interface SubmitOptions {
  token?: string;
  key?: string;
  ifMatch?: number | string;
}

export async function submit(body: SubmissionBody, opts: SubmitOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (opts.key !== undefined) headers["idempotency-key"] = opts.key;
  if (opts.ifMatch !== undefined)
    headers["if-match"] = typeof opts.ifMatch === "number" ? `"${opts.ifMatch}"` : opts.ifMatch;
  return call("POST", "/v1/submissions", { token: opts.token ?? ADMIN, json: body, headers });
}

export async function submitOk(body: SubmissionBody, opts: SubmitOptions = {}): Promise<Receipt> {
  const res = await submit(body, opts);
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`);
  return json<Receipt>(res);
}

/** Row counts of the tables a submission writes: compared before and after a refused request. */
export async function storedCounts(): Promise<Record<string, number>> {
  const tables = [
    "submissions",
    "current_values",
    "totals",
    "report_status",
    "status_totals",
    "periods",
    "tokens",
    "units",
    "template_versions",
    "scheme_versions",
  ];
  const results = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT COUNT(*) AS n FROM ${t}`)));
  return Object.fromEntries(
    tables.map((t, i) => [t, (results[i]?.results[0] as { n: number } | undefined)?.n ?? -1]),
  );
}

/**
 * Every row of every table (the migrations' bookkeeping aside), in a stable order: compared before and
 * after a refused or failed request, "nothing stored" means nothing changed anywhere, not just counts.
 */
export async function storedSnapshot(): Promise<Record<string, unknown[]>> {
  const tables: Record<string, string> = {
    units: "code",
    unit_ancestors: "ancestor, descendant, valid_from",
    unit_versions: "code, valid_from",
    unit_sizes: "code, valid_from",
    unit_events: "id",
    unit_change_sets: "digest",
    tokens: "id",
    periods: "period",
    submissions: "id",
    current_values: "unit, period, code",
    totals: "ancestor, period, code",
    report_status: "unit, period",
    status_totals: "ancestor, period",
    reviews: "id",
    tree_version: "id",
    template_versions: "id, version",
    scheme_versions: "id, version",
  };
  const names = Object.keys(tables);
  const results = await env.DB.batch(
    names.map((t) => env.DB.prepare(`SELECT * FROM ${t} ORDER BY ${tables[t]}`)),
  );
  return Object.fromEntries(names.map((t, i) => [t, results[i]?.results ?? []]));
}

/** A province with two districts and grassroots units below them. */
export const SMALL_TREE: UnitsImport["units"] = [
  { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null },
  { code: "SL.MAISON", name: "Huyện đoàn Mai Sơn", parent: "SL" },
  { code: "SL.MAISON.CHIENGDONG", name: "Đoàn xã Chiềng Dong", parent: "SL.MAISON" },
  { code: "SL.MAISON.HATLOT", name: "Đoàn xã Hát Lót", parent: "SL.MAISON" },
  { code: "SL.TPSL", name: "Thành đoàn Sơn La", parent: "SL" },
  { code: "SL.TPSL.CHIENGLE", name: "Đoàn phường Chiềng Lề", parent: "SL.TPSL" },
];

/** The two required rows and nothing else: the smallest valid report. */
export const minimalRows = (officers = 10, members = 100) => [
  { code: "GD01", actual: officers },
  { code: "GD04", actual: members },
];

export function report(
  unit: string,
  rows: SubmissionBody["rows"],
  extra: Partial<SubmissionBody> = {},
): SubmissionBody {
  return { unit, period: "2023", template: "doan-2024", rows, ...extra };
}

const WHOLES = new Set(["GD01", "GD04", "GD07", "CD03", "KN07"]);

/**
 * A valid report with every one of the template's 45 input rows (the 5 ratio rows are derived):
 * targets and actuals on count and money rows, a grade, parts below their wholes. `k` varies figures.
 */
export function fullRows(k = 0): SubmissionBody["rows"] {
  return doan2024.indicators
    .filter((ind) => ind.kind !== "ratio")
    .map((ind, i) => {
      if (ind.kind === "grade") return { code: ind.code, actual: "T" };
      if (ind.kind === "money") return { code: ind.code, target: 100.5 + i, actual: 12.345 + i + k };
      if (WHOLES.has(ind.code)) return { code: ind.code, target: 100_000, actual: 100_000 + k };
      if (ind.code === "XD03") return { code: ind.code, actual: 1 };
      return { code: ind.code, target: 20 + i, actual: 10 + i + k };
    });
}

/** POST /v1/admin/recompute (what `npm run recompute` asks): the answer, or an error for any other status. */
export async function recompute(query = ""): Promise<RecomputeAnswer> {
  const res = await call("POST", `/v1/admin/recompute${query}`);
  if (res.status !== 200) throw new Error(`recompute: ${res.status} ${await res.text()}`);
  return recomputeAnswer.parse(await res.json());
}
