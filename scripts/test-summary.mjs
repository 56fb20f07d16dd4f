// Prints vitest's JSON report as one plain line, "N passed, N failed", for whoever reads CI's log.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "test-results/vitest.json";
try {
  const r = JSON.parse(readFileSync(file, "utf8"));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  const tail = skipped ? `, ${skipped} skipped` : "";
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed${tail}`);
} catch (e) {
  console.log(`tests: no report at ${file} (${e instanceof Error ? e.message : String(e)})`);
  process.exitCode = 1;
}
