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

export type PreviousFigures = NonNullable<ComparedIndicator["previous"]>;

/** What a unit of the asked tree shows of the compared period: by indicator code, or not comparable. */
export interface RestatedUnit {
  comparable: boolean;
  previous: Record<string, PreviousFigures>;
}

function previousOf(p: IndicatorTotal): PreviousFigures {
  const figures: PreviousFigures = {};
  if (p.target !== undefined) figures.target = p.target;
  if (p.actual !== undefined) figures.actual = p.actual;
  if (p.rate !== undefined) figures.rate = p.rate;
  if (p.grades !== undefined) figures.grades = p.grades;
  return figures;
}

/** A comparable unit's restated figures from its restated indicator totals. */
export function restatedFrom(indicators: readonly IndicatorTotal[]): RestatedUnit {
  const previous: Record<string, PreviousFigures> = {};
  for (const i of indicators) previous[i.code] = previousOf(i);
  return { comparable: true, previous };
}

/** The restated figures of the units `codes` of the asked tree (the Worker stores them per unit). */
export function restatedUnits(input: CompareInput, codes: readonly string[]): Map<string, RestatedUnit> {
  const { byUnit, comparable } = restatedConsolidations(input);
  const out = new Map<string, RestatedUnit>();
  for (const code of codes) {
    out.set(
      code,
      comparable(code)
        ? restatedFrom(byUnit.get(code)?.indicators ?? [])
        : { comparable: false, previous: {} },
    );
  }
  return out;
}

/** The asked consolidation with `previous` on each indicator of the unit and its children. */
export function withRestated(
  asked: Consolidation,
  compared: string,
  restatedOf: (code: string) => RestatedUnit | undefined,
): ComparedConsolidation {
  const attach = (code: string, indicators: readonly IndicatorTotal[]) => {
    const r = restatedOf(code);
    if (r && !r.comparable) return { indicators: [...indicators], comparable: false };
    return {
      indicators: indicators.map((ind): ComparedIndicator => {
        const previous = r?.previous[ind.code];
        return previous === undefined ? ind : { ...ind, previous };
      }),
    };
  };
  return {
    ...asked,
    ...attach(asked.unit, asked.indicators),
    children: asked.children.map((child) => ({ ...child, ...attach(child.unit, child.indicators) })),
    compare: { period: compared },
  };
}

/** The asked consolidation with the compared period restated onto its unit and children. */
export function compareConsolidation(asked: Consolidation, input: CompareInput): ComparedConsolidation {
  const restated = restatedUnits(input, [asked.unit, ...asked.children.map((c) => c.unit)]);
  return withRestated(asked, input.compared, (code) => restated.get(code));
}
