// worker/routes/ speaks HTTP only (validate, authorise, call worker/db/, answer): no SQL text and no
// statement run on D1 in a route file. Comments may name HTTP methods ("DELETE /v1/…"), so comment
// lines are left out before looking.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROUTES = resolve(dirname(fileURLToPath(import.meta.url)), "..", "worker", "routes");

const SQL =
  /\b(SELECT\s+[\w*(]|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|WITH\s+(RECURSIVE\s+)?\w+\s*(\([^)]*\)\s*)?AS\s*\()/i;
const D1_CALL = /\bdb\.(prepare|run|first|all|batch|batchRows)\s*[<(]/;

/** Where a route file runs SQL itself: the lines (1-based) with SQL text or a direct D1 call. */
function sqlLines(source: string): number[] {
  return source.split("\n").flatMap((line, i) => {
    const code = line.trim();
    if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) return [];
    return SQL.test(code) || D1_CALL.test(code) ? [i + 1] : [];
  });
}

describe("worker/routes/ without SQL", () => {
  it("finds SQL text and D1 calls, not HTTP methods in comments", () => {
    expect(sqlLines('const q = "SELECT deadline FROM periods WHERE period = ?";')).toEqual([1]);
    expect(sqlLines("  `INSERT INTO tokens (id) VALUES (?)`,")).toEqual([1]);
    expect(sqlLines('"UPDATE tokens SET revoked_at = ?"')).toEqual([1]);
    expect(sqlLines("await db.batch([a, b]);\nawait db.first<{ n: number }>(q);")).toEqual([1, 2]);
    expect(sqlLines("WITH me (id) AS (SELECT 1)")).toEqual([1]);
    expect(sqlLines("// DELETE /v1/admin/tokens/:id: revoke one\n * UPDATE the docs")).toEqual([]);
    expect(sqlLines('await readSubmissions(db, unit, period);\nc.header("ETag", "1");')).toEqual([]);
  });

  it("holds for every route file", () => {
    const files = readdirSync(ROUTES).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((f) =>
      sqlLines(readFileSync(join(ROUTES, f), "utf8")).map((line) => `${f}:${line}`),
    );
    expect(found).toEqual([]);
  });
});
