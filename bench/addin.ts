// The add-in's round trips to Excel, counted on the in-memory Excel fake (fake.syncCount): Kiểm tra on
// a 50- and a 5,000-row sheet through the pane's own ExcelPort, and the pull that writes the Tổng hợp
// sheet of a province with 20 children and 1,000 units below. A sync is a round trip to Excel (tens of
// ms in Excel on the web), so the count is the figure that matters; wall times are the fake's, for scale.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createFakeExcel } from "../addin/excel/fake/index.ts";
import { createExcelPort } from "../addin/excel/port.ts";
import { check } from "../addin/excel/testing.ts";
import { consolidatedWorkbookPlans } from "../shared/plans/consolidated-workbook.ts";
import { rankingOf, wideConsolidation } from "../shared/plans/testing.ts";
import { consolidatedWorkbook } from "../shared/xlsx/consolidated-workbook.ts";
import { reportSheet, TEMPLATE } from "./fixtures.ts";
import { Figures, log, median } from "./lib.ts";

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

/** Lấy tổng hợp for a province of 170 children, as the pane does it: one read, one write batch. */
async function pullSyncs(f: Figures): Promise<void> {
  const consolidation = wideConsolidation(170);
  const fake = createFakeExcel();
  const port = createExcelPort(fake.run, { support: fake });
  fake.resetSyncCount();
  const t0 = performance.now();
  const existing = await port.pulledSheets();
  const plans = consolidatedWorkbookPlans(consolidation, TEMPLATE, {
    at: "2026-12-02T01:00:00Z",
    existing,
    ranking: rankingOf(consolidation),
  });
  await port.renderAll(plans.map((p) => p.plan));
  const ms = performance.now() - t0;
  const cells = plans.reduce((n, p) => n + p.plan.cells.length, 0);
  log(`  (${consolidation.children.length} children, ${plans.length} sheets, ${cells} plan cells)`);
  f.add("addin.pull.syncs.170children", fake.syncCount, "syncs");
  f.add("addin.pull.fake_ms.170children", ms, "ms");
}

/** baocao pull's work after the answer: the four plans rendered by ExcelJS and the file written. */
async function cliPull(f: Figures): Promise<void> {
  const consolidation = wideConsolidation(170);
  const dir = mkdtempSync(join(tmpdir(), "baocao-bench-"));
  try {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const { wb } = await consolidatedWorkbook(consolidation, TEMPLATE, {
        at: "2026-12-02T01:00:00Z",
        ranking: rankingOf(consolidation),
      });
      await wb.xlsx.writeFile(join(dir, "tong-hop.xlsx"));
      times.push(performance.now() - t0);
    }
    f.add("cli.pull.ms.170children", median(times), "ms");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runAddin(): Promise<Figures> {
  const f = new Figures();
  await validateSyncs(50, f);
  await validateSyncs(5000, f);
  await pullSyncs(f);
  await cliPull(f);
  return f;
}
