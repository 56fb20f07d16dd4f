// Pure shared/ costs, in-process: Kiểm tra's decision (locate + parse + validate) on a 50- and a
// 5,000-row grid, and the consolidation oracle over 1,000 and 10,000 units. Medians of bounded runs.
import { checkSheet } from "../shared/check.ts";
import { consolidate, consolidateUnit } from "../shared/consolidation/consolidate.ts";
import { planToGrid } from "../shared/plans/to-grid.ts";
import { consolidationInput, reportSheet, TEMPLATE } from "./fixtures.ts";
import { Figures, log, medianMs } from "./lib.ts";

export async function runShared(): Promise<Figures> {
  const f = new Figures();
  const ms: Record<number, number> = {};
  for (const size of [50, 5000]) {
    const sheet = reportSheet(size);
    const grid = planToGrid(sheet.plan, { ...sheet.figures, ...sheet.slips });
    const check = checkSheet(grid, { template: TEMPLATE });
    // Guard the fixture: the noise must not change what is found.
    if (check.report?.rows.length !== TEMPLATE.indicators.length || check.issues.length !== 2) {
      throw new Error(`${size}-row sheet: ${check.report?.rows.length} rows, ${check.issues.length} issues`);
    }
    const { median, runs } = medianMs(() => checkSheet(grid, { template: TEMPLATE }), {
      runs: 21,
      maxMs: 8000,
    });
    log(`  (${sheet.rows} used rows, ${runs} runs)`);
    ms[size] = f.add(`shared.validate.ms.${size}`, median, "ms");
  }
  f.add("shared.validate.ratio.5000_vs_50", (ms[5000] ?? 0) / (ms[50] ?? 1), "x");

  for (const total of [1000, 10000]) {
    const input = consolidationInput(total);
    const all = medianMs(() => consolidate(input), { warmup: 1, runs: 7, maxMs: 20_000 });
    f.add(`shared.consolidate.ms.${total}units`, all.median, "ms");
    const root = medianMs(() => consolidateUnit(input, "P"), { warmup: 1, runs: 7, maxMs: 10_000 });
    f.add(`shared.consolidate.root.ms.${total}units`, root.median, "ms");
  }
  return f;
}
