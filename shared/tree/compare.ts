// A consolidation beside another period's figures restated onto its tree (`compare=`). The compared
// period's reports are moved to their restated units (restate.ts) and consolidated with the same
// oracle as every period, so ratios come from restated parts and grades are counted per unit.
import type { Consolidation, IndicatorTotal } from "../api/schemas.ts";
import type { ComparedConsolidation, ComparedIndicator } from "../api/units.ts";
import { type CurrentReport, consolidate, type UnitNode } from "../consolidation/consolidate.ts";
import { periodLastDay } from "../format/vietnam-time.ts";
import type { Template } from "../template/types.ts";
import type { UnitEvent } from "./changes.ts";
import { treeOn, type UnitVersion } from "./dated.ts";
import { restating } from "./restate.ts";

export interface CompareInput {
  template: Template;
  versions: readonly UnitVersion[];
  events: readonly UnitEvent[];
  /** The asked period; its tree receives the figures. */
  period: string;
  /** The compared period and its units' current reports (units of its own tree). */
  compared: string;
  reports: readonly CurrentReport[];
}

/** A report whose unit is not itself in the asked tree hangs below its target as a leaf of its own. */
const STAND_IN = "\u0000was:";

/**
 * Every unit of the asked period's tree with the compared period's figures restated onto it, as
 * consolidations keyed by unit code; and which units are comparable at all.
 */
export function restatedConsolidations(input: CompareInput): {
  byUnit: Map<string, Consolidation>;
  comparable: (code: string) => boolean;
} {
  const askedDay = periodLastDay(input.period);
  const comparedDay = periodLastDay(input.compared);
  const r = restating(input.versions, input.events, comparedDay, askedDay);
  const askedTree = treeOn(input.versions, askedDay);
  // Versions may be a subtree's only: a unit whose parent is not among them is a root here.
  const units: UnitNode[] = [...askedTree.values()].map((v) => ({
    code: v.code,
    name: v.name,
    parent: v.parent !== null && askedTree.has(v.parent) ? v.parent : null,
  }));
  const reports: CurrentReport[] = [];
  const comparedTree = treeOn(input.versions, comparedDay);
  for (const report of input.reports) {
    if (!comparedTree.has(report.unit)) continue;
    const target = r.targetOf(report.unit);
    if (target === undefined) continue;
    if (target === report.unit) reports.push(report);
    else {
      const code = `${STAND_IN}${report.unit}`;
      units.push({ code, name: code, parent: target });
      reports.push({ ...report, unit: code });
    }
  }
  const byUnit = consolidate({ template: input.template, units, reports, period: input.compared });
  return { byUnit, comparable: r.comparable };
}

function withPrevious(
  indicators: readonly IndicatorTotal[],
  previous: Consolidation | undefined,
): ComparedIndicator[] {
  const before = new Map((previous?.indicators ?? []).map((i) => [i.code, i]));
  return indicators.map((ind) => {
    const p = before.get(ind.code);
    if (!p) return ind;
    const figures: ComparedIndicator["previous"] = {};
    if (p.target !== undefined) figures.target = p.target;
    if (p.actual !== undefined) figures.actual = p.actual;
    if (p.rate !== undefined) figures.rate = p.rate;
    if (p.grades !== undefined) figures.grades = p.grades;
    return { ...ind, previous: figures };
  });
}

/** The asked consolidation with `previous` on each indicator of the unit and its children. */
export function compareConsolidation(asked: Consolidation, input: CompareInput): ComparedConsolidation {
  const { byUnit, comparable } = restatedConsolidations(input);
  const attach = (code: string, indicators: readonly IndicatorTotal[]) =>
    comparable(code)
      ? { indicators: withPrevious(indicators, byUnit.get(code)) }
      : { indicators: [...indicators], comparable: false };
  return {
    ...asked,
    ...attach(asked.unit, asked.indicators),
    children: asked.children.map((child) => ({ ...child, ...attach(child.unit, child.indicators) })),
    compare: { period: input.compared },
  };
}
