// Loads the demo into a running Worker through the HTTP API, idempotently: the old tree is imported only
// while the Worker lacks it, the change lists answer 200 when sent again, the reports go with fixed
// Idempotency-Keys (a second run is answered 200, stores nothing), and tokens are kept in
// .wrangler/demo-tokens.json and reused while the Worker still accepts them.
// Order as it happened: the three-tier tree, 2023 and 2024, the 2025 change lists, then 2025 and 2026.
// `npm run seed` runs it against http://127.0.0.1:8787 with ADMIN_TOKEN from .dev.vars.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Role } from "../shared/api/schemas.ts";
import { DEMO_CHANGE_LISTS, DEMO_UNITS } from "./demo-province.ts";
import { type DemoReport, demoReports } from "./demo-reports.ts";
import { demoClusters, demoScoring, SCORED_PERIOD, scoredUnits } from "./demo-scores.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const TOKENS_FILE = join(ROOT, ".wrangler", "demo-tokens.json");

export interface DemoToken {
  role: Role;
  unit: string;
  id: string;
  token: string;
  /** A token of the seeder's own pool (the API limits each token's requests per minute). */
  seeder?: boolean;
}

/**
 * Tokens for people: the province's admin and reviewer, Mai Sơn's reporter (a district ended in 2025:
 * it still reads its old subtree), Chiềng Mai's reporter (a commune made in 2025), Thái Nguyên's reviewer.
 */
export const DEMO_TOKEN_SPECS: { role: Role; unit: string }[] = [
  { role: "admin", unit: "SL" },
  { role: "reviewer", unit: "SL" },
  { role: "reporter", unit: "SL.MAISON" },
  { role: "reporter", unit: "SL.CHIENGMAI" },
  { role: "reviewer", unit: "TN" },
];

/** The seeder's own tokens: admins, so each can send for any unit of any year. */
const SEEDERS = 4;
/** The 2026 reports are due then (Vietnam time); earlier years have no deadline, so none shows late. */
const DEADLINE_2026 = "2026-12-15T17:00:00+07:00";

async function api(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const h: Record<string, string> = { authorization: `Bearer ${token}`, ...headers };
  if (body !== undefined) h["content-type"] = "application/json";
  for (;;) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== 429) return res;
    // Each token may make so many requests a minute: wait as the Worker says, then send the same again.
    await res.body?.cancel();
    const seconds = Number(res.headers.get("retry-after") ?? "5");
    await new Promise((r) => setTimeout(r, (Number.isFinite(seconds) ? seconds : 5) * 1000));
  }
}

async function expectOk(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

function readTokens(file: string): DemoToken[] {
  if (!existsSync(file)) return [];
  try {
    return JSON.parse(readFileSync(file, "utf8")) as DemoToken[];
  } catch {
    return [];
  }
}

/** A stored token still works if the Worker accepts it (a wiped local D1 forgets every token). */
async function stillValid(base: string, t: DemoToken): Promise<boolean> {
  const res = await api(base, t.token, "GET", "/v1/units");
  await res.body?.cancel();
  return res.ok;
}

export interface SeedResult {
  /** The old tree's import: null when the Worker already had it. */
  units: { created: number; updated: number; moved: number; unchanged: number } | null;
  /** Each change list: 201 applied now, 200 already applied. */
  changes: { effective: string; status: number; created: number; ended: number; moved: number }[];
  tokens: DemoToken[];
  /** Demo reports stored now (201) and already there (200), per period. */
  reports: Record<string, { stored: number; alreadyThere: number }>;
  /** Sơn La's units given a cụm, and the communes whose 2026 council points were sent now (0: already there). */
  scores: { clusters: number; scored: number };
}

/** Imports the three-tier tree unless every unit of it is already in the Worker's 2024 tree. */
async function importOldTree(base: string, admin: string): Promise<SeedResult["units"]> {
  const res = await api(base, admin, "GET", "/v1/units?period=2024");
  if (res.ok) {
    const known = new Set(((await res.json()) as { units: { code: string }[] }).units.map((u) => u.code));
    if (DEMO_UNITS.every((u) => known.has(u.code))) return null;
  } else await res.body?.cancel();
  return (await expectOk(
    await api(base, admin, "PUT", "/v1/admin/units", { units: DEMO_UNITS }),
    "import units",
  )) as SeedResult["units"];
}

async function tokensFor(
  base: string,
  admin: string,
  specs: { role: Role; unit: string; seeder?: boolean }[],
  file: string,
): Promise<DemoToken[]> {
  const known = readTokens(file);
  const tokens: DemoToken[] = [];
  for (const spec of specs) {
    const saved = known.find(
      (t) =>
        t.role === spec.role &&
        t.unit === spec.unit &&
        Boolean(t.seeder) === Boolean(spec.seeder) &&
        !tokens.includes(t),
    );
    if (saved && (await stillValid(base, saved))) {
      tokens.push(saved);
      continue;
    }
    const created = (await expectOk(
      await api(base, admin, "POST", "/v1/admin/tokens", { role: spec.role, unit: spec.unit }),
      `token ${spec.role}`,
    )) as DemoToken;
    tokens.push({
      role: created.role,
      unit: created.unit,
      id: created.id,
      token: created.token,
      ...(spec.seeder && { seeder: true }),
    });
  }
  return tokens;
}

function saveTokens(file: string, tokens: DemoToken[]): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
}

/** A stable share of the reports per seeder token (Idempotency-Keys are per token: a resend must go by the same one). */
function shareOf(unit: string, tokens: number): number {
  let h = 0;
  for (const ch of unit) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % tokens;
}

/** Sends reports, each seeder token its own share; the fixed Idempotency-Key makes a resend store nothing. */
async function sendReports(
  base: string,
  senders: string[],
  reports: DemoReport[],
  counts: SeedResult["reports"],
): Promise<void> {
  const work = async (token: string, mine: DemoReport[]) => {
    for (const r of mine) {
      const body = { unit: r.unit, period: r.period, template: "doan-2024", mode: "replace", rows: r.rows };
      const key = { "idempotency-key": `demo-seed-${r.period}-${r.unit}` };
      const res = await api(base, token, "POST", "/v1/submissions", body, key);
      await expectOk(res, `demo report ${r.unit} ${r.period}`);
      const c = counts[r.period] ?? { stored: 0, alreadyThere: 0 };
      counts[r.period] = c;
      if (res.status === 201) c.stored += 1;
      else c.alreadyThere += 1;
    }
  };
  await Promise.all(
    senders.map((token, i) =>
      work(
        token,
        reports.filter((r) => shareOf(r.unit, senders.length) === i),
      ),
    ),
  );
}

/**
 * Thi đua 2026 (docs/scores.md): the cụm of Sơn La's units through the unit import, then each commune
 * that reported gives itself its council points and the Tỉnh đoàn reviews every third. Manual points are
 * append-only, so they are sent once: a run that finds a reviewed score there sends none.
 */
export async function seedScores(
  base: string,
  senders: string[],
  reported: ReadonlySet<string>,
): Promise<{ clusters: number; scored: number }> {
  const [admin = ""] = senders;
  const clusters = demoClusters();
  const set = (await expectOk(
    await api(base, admin, "PUT", "/v1/admin/units", { units: clusters }),
    "clusters",
  )) as { updated: number; moved: number };
  // The cụm goes with each unit's stored name, parent and kind: anything else would rename or move it.
  if (set.updated > 0 || set.moved > 0)
    throw new Error(`the cluster import changed units: ${JSON.stringify(set)}`);
  const path = `/v1/scores?unit=SL&period=${SCORED_PERIOD}`;
  const now = (await expectOk(await api(base, admin, "GET", path), "scores")) as {
    units: { reviewed?: number }[];
  };
  if (now.units.some((u) => u.reviewed !== undefined)) return { clusters: clusters.length, scored: 0 };
  const units = scoredUnits().filter((u) => reported.has(u));
  const work = async (token: string, mine: string[]) => {
    for (const unit of mine) {
      const { self, reviewed } = demoScoring(unit);
      for (const [kind, items] of [
        ["self", self],
        ["reviewed", reviewed],
      ] as const) {
        if (items.length === 0) continue;
        const body = { unit, period: SCORED_PERIOD, kind, items };
        await expectOk(await api(base, token, "PUT", "/v1/scores", body), `scores of ${unit}`);
      }
    }
  };
  await Promise.all(
    senders.map((token, i) =>
      work(
        token,
        units.filter((u) => shareOf(u, senders.length) === i),
      ),
    ),
  );
  return { clusters: clusters.length, scored: units.length };
}

async function applyChangeLists(base: string, admin: string): Promise<SeedResult["changes"]> {
  const out: SeedResult["changes"] = [];
  for (const list of DEMO_CHANGE_LISTS) {
    const res = await api(base, admin, "POST", "/v1/admin/units/changes", list);
    const a = (await expectOk(res, `changes of ${list.effective}`)) as Record<string, string[]>;
    const n = (k: string) => a[k]?.length ?? 0;
    out.push({
      effective: list.effective,
      status: res.status,
      created: n("created"),
      ended: n("ended"),
      moved: n("moved"),
    });
  }
  return out;
}

/** The seeder's token pool, reused from `tokensFile` while the Worker accepts them. */
export async function seederTokens(base: string, adminToken: string, tokensFile: string): Promise<string[]> {
  const seeders = Array.from({ length: SEEDERS }, () => ({
    role: "admin" as const,
    unit: "SL",
    seeder: true,
  }));
  const pool = await tokensFor(base, adminToken, seeders, tokensFile);
  saveTokens(tokensFile, [...readTokens(tokensFile).filter((t) => !t.seeder), ...pool]);
  return pool.map((t) => t.token);
}

/** Sends `reports` through the seeder tokens; the counts per period. */
export async function seedReports(
  base: string,
  senders: string[],
  reports: DemoReport[],
): Promise<SeedResult["reports"]> {
  const counts: SeedResult["reports"] = {};
  await sendReports(base, senders, reports, counts);
  return counts;
}

/** `tokensFile`: where the tokens are kept between runs (tests pass their own). */
export async function seedDemo(
  base: string,
  adminToken: string,
  tokensFile = TOKENS_FILE,
): Promise<SeedResult> {
  const units = await importOldTree(base, adminToken);
  const senders = await seederTokens(base, adminToken, tokensFile);
  const everything = demoReports();
  const before = await seedReports(
    base,
    senders,
    everything.filter((r) => r.period < "2025"),
  );
  const changes = await applyChangeLists(base, adminToken);
  await expectOk(
    // 2026 runs on doan-2026: clients fetch it for the period (reports made on doan-2024 still read by code).
    await api(base, adminToken, "PUT", "/v1/admin/periods/2026", {
      deadline: DEADLINE_2026,
      template: "doan-2026",
    }),
    "deadline 2026",
  );
  // People's tokens after the changes: Chiềng Mai's unit exists from 2025-07-01 on.
  const tokens = await tokensFor(base, adminToken, DEMO_TOKEN_SPECS, tokensFile);
  saveTokens(tokensFile, [...tokens, ...readTokens(tokensFile).filter((t) => t.seeder)]);
  const after = await seedReports(
    base,
    senders,
    everything.filter((r) => r.period >= "2025"),
  );
  const reported = new Set(everything.filter((r) => r.period === SCORED_PERIOD).map((r) => r.unit));
  const scores = await seedScores(base, senders, reported);
  return { units, changes, tokens, reports: { ...before, ...after }, scores };
}

/** KEY=value lines of a .dev.vars file. */
export function readDevVars(file = join(ROOT, ".dev.vars")): Record<string, string> {
  if (!existsSync(file)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1] && m[2] !== undefined) out[m[1]] = m[2].replace(/^"(.*)"$/, "$1");
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const base = process.env.BAOCAO_URL ?? "http://127.0.0.1:8787";
  const admin = process.env.ADMIN_TOKEN ?? readDevVars().ADMIN_TOKEN;
  if (!admin) {
    console.error("ADMIN_TOKEN: not in the environment nor in .dev.vars");
    process.exit(1);
  }
  const result = await seedDemo(base, admin);
  console.log(JSON.stringify(result, null, 2));
}
