// Bytes on the wire: one 45-row submission (as the load sends it, and as the add-in builds it from a
// filled sheet), and the consolidation answer of a province with 20 children, raw and gzip'd.
import { gzipSync } from "node:zlib";
import { submissionBody as sheetBody } from "../shared/api/submission-body.ts";
import { checkSheet } from "../shared/check.ts";
import { consolidateUnit } from "../shared/consolidation/consolidate.ts";
import { wideConsolidation } from "../shared/plans/testing.ts";
import { planToGrid } from "../shared/plans/to-grid.ts";
import { consolidationInput, fullRows, PERIOD, reportSheet, TEMPLATE } from "./fixtures.ts";
import { Figures } from "./lib.ts";

function bytes(f: Figures, name: string, value: unknown): void {
  const text = JSON.stringify(value);
  f.add(name, Buffer.byteLength(text, "utf8"), "bytes");
  f.add(`${name}.gzip`, gzipSync(text).byteLength, "bytes");
}

export async function runPayload(): Promise<Figures> {
  const f = new Figures();
  const rows = fullRows(0);
  bytes(f, "payload.submission.bytes.45rows", {
    unit: "SL.MAISON",
    period: PERIOD,
    template: TEMPLATE.id,
    mode: "replace",
    rows,
    reporter: { name: "Nguyễn Văn An", phone: "0912 345 678" },
  });

  // The add-in's own body: the sheet typed with the same figures, checked, turned into a submission.
  const sheet = reportSheet(50);
  const fill: Record<string, string | number> = {};
  for (const r of rows) {
    if (typeof r.target === "number") fill[sheet.at(r.code, "target")] = r.target;
    if (r.actual !== undefined && r.actual !== null) fill[sheet.at(r.code, "actual")] = r.actual;
  }
  const check = checkSheet(planToGrid(sheet.plan, fill), { template: TEMPLATE });
  if (!check.report) throw new Error("payload: the filled sheet was not located");
  bytes(f, "payload.submission.bytes.sheet", sheetBody(check.report, check.located.header));

  bytes(f, "payload.consolidation.bytes.20children", consolidateUnit(consolidationInput(1 + 20 + 1000), "P"));
  // The answer the pull asks for (detail=units): 170 children with every expected unit's line.
  bytes(f, "payload.consolidation.bytes.170children", wideConsolidation(170));
  return f;
}
