// Loads the demo province into a running Worker through the HTTP API, idempotently: units are an upsert,
// the demo reports go with fixed Idempotency-Keys (a second run is answered 200, stores nothing), and
// tokens are kept in .wrangler/demo-tokens.json and reused while the Worker still accepts them.
// `npm run seed` runs it against http://127.0.0.1:8787 with ADMIN_TOKEN from .dev.vars.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Role } from "../shared/api/schemas.ts";
import { DEMO_PERIOD, DEMO_REPORTS, DEMO_UNITS } from "./demo-province.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const TOKENS_FILE = join(ROOT, ".wrangler", "demo-tokens.json");

export interface DemoToken {
  role: Role;
  unit: string;
  id: string;
  token: string;
}

/** One token per role: the province's admin and reviewer, and Mai Sơn's reporter (who may send for its communes). */
export const DEMO_TOKEN_SPECS: { role: Role; unit: string }[] = [
  { role: "admin", unit: "SL" },
  { role: "reviewer", unit: "SL" },
  { role: "reporter", unit: "SL.MAISON" },
];

async function api(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function expectOk(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

function readTokens(): DemoToken[] {
  if (!existsSync(TOKENS_FILE)) return [];
  try {
    return JSON.parse(readFileSync(TOKENS_FILE, "utf8")) as DemoToken[];
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
  units: { created: number; updated: number; moved: number; unchanged: number };
  tokens: DemoToken[];
  /** Demo reports stored now (201) and already there (200). */
  reports: { stored: number; alreadyThere: number };
}

export async function seedDemo(base: string, adminToken: string): Promise<SeedResult> {
  const units = (await expectOk(
    await api(base, adminToken, "PUT", "/v1/admin/units", { units: DEMO_UNITS }),
    "import units",
  )) as SeedResult["units"];

  const known = readTokens();
  const tokens: DemoToken[] = [];
  for (const spec of DEMO_TOKEN_SPECS) {
    const saved = known.find((t) => t.role === spec.role && t.unit === spec.unit);
    if (saved && (await stillValid(base, saved))) {
      tokens.push(saved);
      continue;
    }
    const created = (await expectOk(
      await api(base, adminToken, "POST", "/v1/admin/tokens", spec),
      `token ${spec.role}`,
    )) as DemoToken;
    tokens.push({ role: created.role, unit: created.unit, id: created.id, token: created.token });
  }
  mkdirSync(dirname(TOKENS_FILE), { recursive: true });
  writeFileSync(TOKENS_FILE, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });

  const reports = { stored: 0, alreadyThere: 0 };
  for (const r of DEMO_REPORTS) {
    const res = await fetch(`${base}/v1/submissions`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${adminToken}`,
        "content-type": "application/json",
        "idempotency-key": `demo-seed-${DEMO_PERIOD}-${r.unit}`,
      },
      body: JSON.stringify({
        unit: r.unit,
        period: DEMO_PERIOD,
        template: "doan-2024",
        mode: "replace",
        rows: r.rows,
      }),
    });
    await expectOk(res, `demo report ${r.unit}`);
    if (res.status === 201) reports.stored += 1;
    else reports.alreadyThere += 1;
  }
  // The 2026 period runs on doan-2026 (issue 16): clients fetch it for the period's reports.
  const period2026 = await fetch(`${base}/v1/admin/periods/2026`, {
    method: "PUT",
    headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ template: "doan-2026" }),
  });
  await expectOk(period2026, "period 2026 template");
  return { units, tokens, reports };
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
