// The oracle of a period on the dated tree: its units are the tree of its last day, and only their
// reports count. The Worker's stored totals are tested against this for every period.
import type { Consolidation } from "../api/schemas.ts";
import { type CurrentReport, consolidate, type UnitNode } from "../consolidation/consolidate.ts";
import type { Template } from "../template/types.ts";
import { treeOfPeriod, type UnitVersion } from "./dated.ts";

export function unitsOfPeriod(versions: readonly UnitVersion[], period: string): UnitNode[] {
  return [...treeOfPeriod(versions, period).values()].map((v) => ({
    code: v.code,
    name: v.name,
    parent: v.parent,
  }));
}

export interface PeriodInput {
  template: Template;
  versions: readonly UnitVersion[];
  period: string;
  /** Reports of units outside the period's tree are ignored (they cannot be submitted any more). */
  reports: readonly CurrentReport[];
  deadline?: string | null;
}

export function consolidatePeriod(input: PeriodInput): Map<string, Consolidation> {
  const units = unitsOfPeriod(input.versions, input.period);
  const inTree = new Set(units.map((u) => u.code));
  return consolidate({
    template: input.template,
    units,
    reports: input.reports.filter((r) => inTree.has(r.unit)),
    period: input.period,
    deadline: input.deadline ?? null,
  });
}
