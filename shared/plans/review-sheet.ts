// The reviewer's read-only copy of a unit's report: the template's own layout (template-sheet.ts), the
// figures from the API, the cells changed since the last returned revision highlighted. Protected, no
// input validation: it is for reading and for pointing at a cell to comment on.
import type { ChangesSince } from "../api/review-parts.ts";
import type { ReportRow, Template } from "../template/types.ts";
import { TEMPLATE_LAYOUT, templateRows, templateSheetPlan } from "./template-sheet.ts";
import type { PlanCell, SheetPlan } from "./types.ts";

/** Excel's "neutral" yellow with bold: what the reviewer must read. */
export const CHANGED_FILL = "#FFEB9C";

export interface ReviewSheetInput {
  unit: string;
  unitName: string;
  period: string;
  revision: number;
  rows: readonly ReportRow[];
  changes?: ChangesSince;
  reporter?: { name?: string; phone?: string };
}

const COLUMN = { target: "target", actual: "actual", note: "note" } as const;

/** "Duyệt SL.MAISON 2026", within Excel's 31 characters. */
export function reviewSheetName(unit: string, period: string): string {
  const name = `Duyệt ${unit} ${period}`;
  return name.length <= 31 ? name : `Duyệt ${unit.slice(0, 31 - 8 - period.length)}… ${period}`;
}

export function reviewSheetPlan(template: Template, input: ReviewSheetInput): SheetPlan {
  const plan = templateSheetPlan(template, {
    unitName: input.unitName,
    unitCode: input.unit,
    period: input.period,
    ...(input.reporter?.name ? { reporter: input.reporter.name } : {}),
    ...(input.reporter?.phone ? { phone: input.reporter.phone } : {}),
  });
  const byAddress = new Map(plan.cells.map((c) => [c.address, c]));
  const put = (address: string, patch: Partial<PlanCell>) => {
    const cell = byAddress.get(address) ?? { address };
    Object.assign(cell, patch);
    if (!byAddress.has(address)) {
      byAddress.set(address, cell);
      plan.cells.push(cell);
    }
  };
  const at = templateRows(template).indicators;
  const C = TEMPLATE_LAYOUT.columns;
  for (const row of input.rows) {
    const r = at.get(row.code);
    if (r === undefined) continue;
    if (row.target !== undefined && row.target !== null) put(`${C.target}${r}`, { value: row.target });
    const ratio = template.indicators.find((i) => i.code === row.code)?.kind === "ratio";
    if (!ratio && row.actual !== undefined && row.actual !== null)
      put(`${C.actual}${r}`, { value: row.actual });
    if (row.note) put(`${C.note}${r}`, { value: row.note });
  }
  for (const c of input.changes?.items ?? []) {
    const r = at.get(c.code);
    if (r !== undefined) put(`${C[COLUMN[c.field]]}${r}`, { fill: CHANGED_FILL, bold: true });
  }
  for (const cell of plan.cells) cell.locked = true;
  return {
    ...plan,
    name: reviewSheetName(input.unit, input.period),
    validations: [],
    protect: true,
    properties: {
      ...plan.properties,
      "baocao.review": JSON.stringify({ unit: input.unit, period: input.period, revision: input.revision }),
    },
  };
}

/** The indicator of a cell of the review sheet (its row), or undefined outside the table. */
export function indicatorAt(template: Template, address: string): string | undefined {
  const m = /(\d+)$/.exec(address.replace(/\$/g, "").split(":")[0] ?? "");
  if (!m) return undefined;
  const row = Number(m[1]);
  for (const [code, r] of templateRows(template).indicators) if (r === row) return code;
  return undefined;
}
