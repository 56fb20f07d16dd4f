// A unit's reporting state as the sheets say it (Đã nộp, Nộp muộn, Chưa nộp, Bị trả lại, Đã duyệt), from
// the answer's per-unit detail when the server gives it, else from the older lists (missing, lateUnits,
// returned, children's `submitted`).
import type { ReportState } from "../api/reporting-units.ts";
import type { Consolidation } from "../api/schemas.ts";

export const STATUS_TEXT: Record<ReportState, { vi: string; en: string }> = {
  missing: { vi: "Chưa nộp", en: "Missing" },
  late: { vi: "Nộp muộn", en: "Late" },
  submitted: { vi: "Đã nộp", en: "Submitted" },
  returned: { vi: "Bị trả lại", en: "Returned" },
  accepted: { vi: "Đã duyệt", en: "Accepted" },
};

/** Missing first, then returned, late, submitted, accepted: what needs a call comes first. */
export const STATUS_ORDER: readonly ReportState[] = ["missing", "returned", "late", "submitted", "accepted"];

/** code → state for every unit the answer says something about. */
export function unitStates(c: Consolidation): Map<string, ReportState> {
  const r = c.reporting;
  const states = new Map<string, ReportState>();
  for (const ch of c.children)
    if (ch.submitted !== undefined) states.set(ch.unit, ch.submitted ? "submitted" : "missing");
  for (const code of r.lateUnits ?? []) states.set(code, "late");
  for (const code of r.missing) states.set(code, "missing");
  for (const u of r.units ?? []) states.set(u.code, u.status);
  // A returned report is back with its unit whatever the detail said when it was sent.
  for (const code of r.returned ?? []) states.set(code, "returned");
  return states;
}
