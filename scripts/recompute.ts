// npm run recompute -- [--server URL] [--token T] [--period P] [--fix] [--json]
// Replays every revision (the append-only submissions) into fresh current values, consolidates them with
// the shared consolidation and compares with what the Worker has stored: POST /v1/admin/recompute does
// the work inside the Worker, next to D1; this prints each difference. With --fix the Worker rewrites the
// current values and report status from the replay and rebuilds every total (docs/operations.md).
// Exit 0: nothing differs (or all was fixed); 1: differences left; 2: the request failed.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApiClient } from "../shared/api/client.ts";
import type { RecomputeAnswer, RecomputeDifference } from "../shared/api/schemas.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

export interface RecomputeIo {
  out: (line: string) => void;
  env: Record<string, string | undefined>;
  /** Where .dev.vars is looked for when no token is given. */
  cwd: string;
}

/** ADMIN_TOKEN from .dev.vars (what `npm start` uses locally), if there is one. */
function devVarsToken(cwd: string): string | undefined {
  try {
    const text = readFileSync(join(cwd, ".dev.vars"), "utf8");
    return /^ADMIN_TOKEN\s*=\s*"?([^"\n]+)"?\s*$/m.exec(text)?.[1]?.trim();
  } catch {
    return undefined;
  }
}

const show = (v: RecomputeDifference["stored"]) => (v === null ? "(none)" : JSON.stringify(v));

export function describeDifference(d: RecomputeDifference): string {
  const what = d.code ? `${d.what} ${d.code}.${d.field}` : `${d.what} ${d.field}`;
  return `${d.period} ${d.unit} ${what}: stored ${show(d.stored)}, from the revisions ${show(d.expected)}`;
}

export function summary(a: RecomputeAnswer): string[] {
  const lines = a.differences.map(describeDifference);
  if (a.differenceCount > a.differences.length) {
    lines.push(`… and ${a.differenceCount - a.differences.length} more`);
  }
  const periods = a.periods.length > 0 ? a.periods.join(", ") : "none";
  lines.push(
    `Periods ${periods}: ${a.revisions} revisions of ${a.units} units replayed, ${a.differenceCount} difference(s).`,
  );
  if (a.fixed) lines.push(`Fixed: rewritten from the revisions; ${a.remaining ?? "?"} difference(s) remain.`);
  else if (a.differenceCount > 0)
    lines.push("Nothing changed. Run again with --fix to rewrite from the revisions.");
  return lines;
}

export async function main(argv: string[], io: RecomputeIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: "string" },
      token: { type: "string" },
      period: { type: "string" },
      fix: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const server = values.server ?? io.env.BAOCAO_SERVER ?? "http://127.0.0.1:8787";
  const token = values.token ?? io.env.BAOCAO_ADMIN_TOKEN ?? devVarsToken(io.cwd);
  if (!token) {
    io.out("No admin token: pass --token, set BAOCAO_ADMIN_TOKEN, or keep ADMIN_TOKEN in .dev.vars.");
    return 2;
  }
  const api = createApiClient({ baseUrl: server, token, timeoutMs: 600_000 });
  let answer: RecomputeAnswer;
  try {
    answer = await api.recompute({
      ...(values.period === undefined ? {} : { period: values.period }),
      fix: values.fix,
    });
  } catch (e) {
    io.out(`recompute failed: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if (values.json) io.out(JSON.stringify(answer, null, 2));
  else for (const line of summary(answer)) io.out(line);
  const left = answer.fixed ? (answer.remaining ?? 0) : answer.differenceCount;
  return left === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    env: process.env,
    cwd: ROOT,
  }).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(2);
    },
  );
}
