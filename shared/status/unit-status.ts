// "Tình hình nộp": one row per child unit of a consolidation, as the web page (and any later client)
// shows it: submitted, late or missing, how many indicators it reported, and who to call. Pure, from the
// consolidation answer; per-unit reporter detail is taken when the answer (or a caller) provides it.
import type { Consolidation } from "../api/schemas.ts";
import type { Template } from "../template/types.ts";

export type UnitStatus = "submitted" | "late" | "missing";

export interface Reporter {
  name?: string;
  phone?: string;
}

export interface UnitStatusRow {
  unit: string;
  name: string;
  status: UnitStatus;
  /** Indicators of the template with a figure (target, actual or grade) in the unit's totals. */
  reported: number;
  indicators: number;
  reporter: Reporter | null;
}

export interface StatusOverview {
  rows: UnitStatusRow[];
  expected: number;
  submitted: number;
  late: number;
}

type Child = Consolidation["children"][number] & { reporter?: Reporter | null };

function reportedCount(child: Child): number {
  return child.indicators.filter(
    (i) => i.actual !== undefined || i.target !== undefined || Object.keys(i.grades ?? {}).length > 0,
  ).length;
}

function statusOf(child: Child, missing: ReadonlySet<string>, late: ReadonlySet<string>): UnitStatus {
  if (child.submitted === false || (child.submitted === undefined && missing.has(child.unit))) {
    return "missing";
  }
  return late.has(child.unit) ? "late" : "submitted";
}

/** `reporters` by unit code, for callers that fetched them; a child's own `reporter` field wins. */
export function unitStatusRows(
  c: Consolidation,
  template: Template,
  reporters: Record<string, Reporter> = {},
): StatusOverview {
  // The answer's per-unit detail (detail=units) names who reported and their phone.
  const detailed: Record<string, Reporter> = {};
  for (const u of c.reporting.units ?? []) if (u.reporter) detailed[u.code] = u.reporter;
  const missing = new Set(c.reporting.missing);
  const late = new Set(c.reporting.lateUnits ?? []);
  const rows = (c.children as Child[]).map((child) => ({
    unit: child.unit,
    name: child.name,
    status: statusOf(child, missing, late),
    reported: reportedCount(child),
    indicators: template.indicators.length,
    reporter: child.reporter ?? reporters[child.unit] ?? detailed[child.unit] ?? null,
  }));
  return {
    rows,
    expected: c.reporting.expected,
    submitted: c.reporting.submitted,
    late: c.reporting.late,
  };
}
