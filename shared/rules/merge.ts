// How a submission's rows combine with the unit's current rows. Template-agnostic on purpose: the Worker
// merges first and then validates the merged rows (worker/db/submit.ts), so a merge can never let in a
// report that a whole submission would have been refused for.
import type { ReportRow } from "../template/types.ts";

/**
 * `replace`: the incoming rows are the unit's whole report, so current rows not sent are gone.
 * `merge`: each incoming row replaces the current row with its code (in that row's place, so the order
 * stays stable); rows not sent are kept; new codes are appended in the order they came. A row sent with
 * `actual: null` still replaces: that is how a reporter clears a figure. Should a code come twice, the
 * last one wins, as a sequence of edits would.
 */
export function mergeRows(
  current: ReportRow[],
  incoming: ReportRow[],
  mode: "replace" | "merge",
): ReportRow[] {
  if (mode === "replace") return [...incoming];
  const latest = new Map<string, ReportRow>();
  for (const row of incoming) latest.set(row.code, row);
  const out: ReportRow[] = [];
  const placed = new Set<string>();
  for (const row of current) {
    const replacement = latest.get(row.code);
    if (replacement === undefined) {
      out.push(row);
    } else if (!placed.has(row.code)) {
      out.push(replacement);
      placed.add(row.code);
    }
  }
  for (const [code, row] of latest) if (!placed.has(code)) out.push(row);
  return out;
}
