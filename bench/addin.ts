// The add-in's round trips to Excel, counted on the in-memory Excel fake (fake.syncCount): Kiểm tra on
// a 50- and a 5,000-row sheet through the pane's own ExcelPort, and the pull that writes the Tổng hợp
// sheet of a province with 20 children and 1,000 units below. A sync is a round trip to Excel (tens of
// ms in Excel on the web), so the count is the figure that matters; wall times are the fake's, for scale.
import { performance } from "node:perf_hooks";
import { createFakeExcel } from "../addin/excel/fake/index.ts";
import { createExcelPort } from "../addin/excel/port.ts";
import { check } from "../addin/excel/testing.ts";
import { consolidateUnit } from "../shared/consolidation/consolidate.ts";
import { consolidatedSheetPlan } from "../shared/plans/consolidated-sheet.ts";
import { consolidationInput, reportSheet, TEMPLATE } from "./fixtures.ts";
import { Figures, log } from "./lib.ts";

async function validateSyncs(size: number, f: Figures): Promise<void> {
  const sheet = reportSheet(size);
  const fake = createFakeExcel();
  const port = createExcelPort(fake.run, { support: fake });
  const name = await port.render(sheet.plan);
  for (const [address, value] of Object.entries({ ...sheet.figures, ...sheet.typedSlips })) {
    fake.user.type(name, address, value);
  }
  fake.resetSyncCount();
  const t0 = performance.now();
  const issues = await port.validate(name, (grid) => {
    const c = check(grid);
    return { marks: c.marks, result: c.issues };
  });
  const ms = performance.now() - t0;
  if (issues.length !== 2)
    throw new Error(`Kiểm tra on ${size} rows: ${issues.length} issues, expected the 2 slips`);
  f.add(`addin.validate.syncs.${size}`, fake.syncCount, "syncs");
  f.add(`addin.validate.fake_ms.${size}`, ms, "ms");

  // Kiểm tra again on the unchanged sheet: the marks are already there, nothing to write.
  fake.resetSyncCount();
  await port.validate(name, (grid) => {
    const c = check(grid);
    return { marks: c.marks, result: c.issues };
  });
  f.add(`addin.validate.syncs.${size}.again`, fake.syncCount, "syncs");
}

async function pullSyncs(f: Figures): Promise<void> {
  // 1 province + 20 districts + 1,000 units below them.
  const input = consolidationInput(1 + 20 + 1000);
  const consolidation = consolidateUnit(input, "P");
  const plan = consolidatedSheetPlan(consolidation, TEMPLATE, { generatedAt: "2023-12-31 08:00" });
  const fake = createFakeExcel();
  const port = createExcelPort(fake.run, { support: fake });
  fake.resetSyncCount();
  const t0 = performance.now();
  await port.render(plan);
  const ms = performance.now() - t0;
  log(`  (${consolidation.children.length} children, ${plan.cells.length} plan cells)`);
  f.add("addin.pull.syncs.1000units", fake.syncCount, "syncs");
  f.add("addin.pull.fake_ms.1000units", ms, "ms");
}

export async function runAddin(): Promise<Figures> {
  const f = new Figures();
  await validateSyncs(50, f);
  await validateSyncs(5000, f);
  await pullSyncs(f);
  return f;
}
