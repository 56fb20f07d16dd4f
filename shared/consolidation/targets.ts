// "đạt X/Y chỉ tiêu, vượt Z": how a unit stands against its targets (seed 004: "hoàn thành 9/10 chỉ
// tiêu đề ra, trong đó có 5 chỉ tiêu vượt kế hoạch").
import type { IndicatorTotal, TargetSummary } from "../api/schemas.ts";
import type { ReportRow, Template } from "../template/types.ts";
import { catalogOf, indicatorTotals, leafFigures, readOwnFigures } from "./figures.ts";

/**
 * Over count, money and ratio rows (grades have no target):
 * - withTarget: rows with target > 0, whether or not they have an actual (no data = not achieved);
 * - achieved: of those, actual ≥ target; exceeded: actual > target.
 * Compares the figures as the API returns them (ratio actuals already rounded to one decimal, so a
 * 79.96 % shown as 80.0 % meets an 80 % target).
 */
export function summarizeTargets(indicators: readonly IndicatorTotal[]): TargetSummary {
  let withTarget = 0;
  let achieved = 0;
  let exceeded = 0;
  for (const ind of indicators) {
    if (ind.kind === "grade") continue;
    const { target, actual } = ind;
    if (target === undefined || !(target > 0)) continue;
    withTarget += 1;
    if (actual === undefined) continue;
    if (actual >= target) achieved += 1;
    if (actual > target) exceeded += 1;
  }
  return {
    withTarget,
    achieved,
    exceeded,
    text: {
      vi: `đạt ${achieved}/${withTarget} chỉ tiêu, vượt ${exceeded}`,
      en: `met ${achieved}/${withTarget} targets, exceeded ${exceeded}`,
    },
  };
}

/**
 * The summary of one report on its own (the submission receipt): its rows read as a leaf unit, ratios
 * computed from its own numerator and denominator, the same reading rules as consolidation.
 */
export function summarizeOwnReport(template: Template, rows: readonly ReportRow[]): TargetSummary {
  const catalog = catalogOf(template);
  const own = readOwnFigures(catalog, rows);
  return summarizeTargets(indicatorTotals(catalog, leafFigures(catalog, own), own));
}
