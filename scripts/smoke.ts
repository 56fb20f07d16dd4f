// npm run smoke -- --server URL --token ADMIN_TOKEN [--write]
// Proves a deployment works, from the outside, as docs/deploy.md's last step:
//   read-only: the API answers, the admin token is accepted, the web page is served with its CSP, the
//   manifest names the server's own origin, the task pane is there;
//   --write:   also imports a throw-away unit ZZSMOKE (a root of its own, outside the real tree), issues
//              it a reporter token, submits a report twice with one Idempotency-Key (stored once),
//              reads the consolidation back, and revokes the token.
// Without --server it starts a local `wrangler dev` on a fresh D1 (the build must have run) and runs
// everything against it. Exit 0 when every check passed; each check prints one line.
import { parseArgs } from "node:util";
import { createApiClient } from "../shared/api/client.ts";
import { startWorker } from "./wrangler-dev.ts";

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

const SMOKE_UNIT = "ZZSMOKE";

async function check(results: SmokeCheck[], name: string, run: () => Promise<string>): Promise<void> {
  try {
    results.push({ name, ok: true, detail: await run() });
  } catch (e) {
    const issues = (e as { envelope?: { error: { issues?: { message: string }[] } } }).envelope?.error.issues;
    const why = issues?.map((i) => i.message).join("; ");
    results.push({
      name,
      ok: false,
      detail: `${e instanceof Error ? e.message : String(e)}${why ? ` (${why})` : ""}`,
    });
  }
}

function must(cond: boolean, why: string): void {
  if (!cond) throw new Error(why);
}

async function readOnlyChecks(server: string, admin: string, results: SmokeCheck[]): Promise<void> {
  const api = createApiClient({ baseUrl: server, token: admin, timeoutMs: 20_000 });
  await check(results, "API health", async () => JSON.stringify(await api.health()));
  await check(results, "admin token", async () => `${(await api.units()).length} units visible`);
  await check(results, "web page /", async () => {
    const res = await fetch(`${server}/`);
    const csp = res.headers.get("content-security-policy") ?? "";
    must(res.ok, `status ${res.status}`);
    must((await res.text()).includes("web.js"), "not the web page");
    must(csp.includes("script-src 'self'"), `CSP missing or weak: "${csp}"`);
    return `200, CSP ${csp.slice(0, 40)}…`;
  });
  await check(results, "manifest /manifest.xml", async () => {
    const xml = await (await fetch(`${server}/manifest.xml`)).text();
    must(
      xml.includes(`<SourceLocation DefaultValue="${server}/addin/taskpane.html"/>`),
      "URLs are not on this origin",
    );
    return `task pane at ${server}/addin/taskpane.html`;
  });
  await check(results, "task pane /addin/taskpane.html", async () => {
    const res = await fetch(`${server}/addin/taskpane.html`);
    must(res.ok && (await res.text()).includes("taskpane.js"), `status ${res.status}`);
    return "200";
  });
}

async function writeChecks(server: string, admin: string, results: SmokeCheck[]): Promise<void> {
  const api = createApiClient({ baseUrl: server, token: admin, timeoutMs: 20_000 });
  await check(results, "submit and consolidate (ZZSMOKE)", async () => {
    await api.importUnits({
      units: [{ code: SMOKE_UNIT, name: "Smoke test (xóa được / may be deleted)", parent: null }],
    });
    const issued = await api.createToken(SMOKE_UNIT, "reporter");
    const reporter = createApiClient({ baseUrl: server, token: issued.token, timeoutMs: 20_000 });
    const body = {
      unit: SMOKE_UNIT,
      period: "2000",
      template: "doan-2024",
      rows: [
        { code: "GD01", actual: 1 },
        { code: "GD04", actual: 10 },
      ],
    };
    const key = `smoke-${Date.now()}`;
    const first = await reporter.submit(body, { idempotencyKey: key });
    const again = await reporter.submit(body, { idempotencyKey: key });
    must(again.replayed && again.receipt.revision === first.receipt.revision, "a retry was stored twice");
    const c = await api.consolidation(SMOKE_UNIT, "2000");
    must(c.indicators.find((i) => i.code === "GD01")?.actual === 1, "consolidation does not hold the report");
    await api.revokeToken(issued.id);
    return `revision ${first.receipt.revision}, replayed once, token revoked`;
  });
}

export async function smoke(server: string, admin: string, write: boolean): Promise<SmokeCheck[]> {
  const results: SmokeCheck[] = [];
  const base = server.replace(/\/+$/, "");
  await readOnlyChecks(base, admin, results);
  if (write) await writeChecks(base, admin, results);
  return results;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { server: { type: "string" }, token: { type: "string" }, write: { type: "boolean" } },
  });
  const local = values.server === undefined ? await startWorker() : undefined;
  try {
    const server = values.server ?? local!.url;
    const token = values.token ?? process.env.BAOCAO_TOKEN ?? local?.adminToken ?? "";
    console.log(`smoke test of ${server}${local ? " (local wrangler dev, fresh D1)" : ""}`);
    const results = await smoke(server, token, values.write === true || local !== undefined);
    for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name}: ${r.detail}`);
    const failed = results.filter((r) => !r.ok).length;
    console.log(
      failed === 0 ? `all ${results.length} checks passed` : `${failed} of ${results.length} checks failed`,
    );
    return failed === 0 ? 0 : 1;
  } finally {
    await local?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await main();
