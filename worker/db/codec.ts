// How figures are stored: counts as they are, money as integer thousandths (toThousands), ratio targets
// as sent (never summed), grades as their code. Every conversion between the API's rows and D1's
// columns goes through here.
import type { SubmissionRow } from "../../shared/api/schemas.ts";
import { fromThousands, toThousands } from "../../shared/consolidation/math.ts";
import { getTemplate, templateIds } from "../../shared/template/registry.ts";
import type { IndicatorKind, ReportRow, Template } from "../../shared/template/types.ts";

/** A row as D1 stores it, also the shape of the JSON the submission batch expands with json_each. */
export interface StoredRow {
  c: string;
  t: number | null;
  a: number | null;
  p: number | null;
  g: string | null;
  n: string | null;
}

/** The columns of current_values as a StoredRow, for every SELECT that reads stored rows. */
export const STORED_COLUMNS = "code AS c, target AS t, actual AS a, target_pct AS p, grade AS g, note AS n";

export function toStored(kind: IndicatorKind, x: number): number {
  return kind === "money" ? toThousands(x) : x;
}

export function fromStored(kind: IndicatorKind, n: number): number {
  return kind === "money" ? fromThousands(n) : n;
}

/** A stored sum in the oracle's unit (integer thousandths), for shared/consolidation's figures. */
export function storedSumInThousandths(kind: IndicatorKind, n: number): number {
  return kind === "money" ? n : toThousands(n);
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** A validated submission row as stored. Ratio actuals are dropped (derived); "" notes are no note. */
/**
 * The kind a row is stored and read with: its own row's, or, for a row stored under a former code, the
 * kind of the row renamed from it (as shared/consolidation reads its totals). Unknown: a count.
 */
function kindOf(template: Template, code: string): IndicatorKind {
  const own = template.indicators.find((i) => i.code === code);
  return (own ?? template.indicators.find((i) => i.formerCode === code))?.kind ?? "count";
}

export function encodeRow(template: Template, row: SubmissionRow): StoredRow {
  const kind = kindOf(template, row.code);
  const target = num(row.target);
  const actual = num(row.actual);
  return {
    c: row.code,
    t: (kind === "count" || kind === "money") && target !== null ? toStored(kind, target) : null,
    a: (kind === "count" || kind === "money") && actual !== null ? toStored(kind, actual) : null,
    p: kind === "ratio" ? target : null,
    g: kind === "grade" && typeof row.actual === "string" ? row.actual : null,
    n: row.note ? row.note : null,
  };
}

export const isEmptyRow = (r: StoredRow): boolean =>
  r.t === null && r.a === null && r.p === null && r.g === null && r.n === null;

/** Sent rows as the submission batch's JSON parameter: stored rows, `e: 1` on those sent empty. */
export function batchRowsJson(template: Template, rows: readonly SubmissionRow[]): string {
  return JSON.stringify(
    rows.map((r) => {
      const stored = encodeRow(template, r);
      return { ...stored, e: isEmptyRow(stored) ? 1 : 0 };
    }),
  );
}

/** A stored row back in the API's shape, fields only when they hold something. */
export function decodeRow(template: Template, r: StoredRow): ReportRow {
  const kind = kindOf(template, r.c);
  const row: ReportRow = { code: r.c };
  if (kind === "ratio") {
    if (r.p !== null) row.target = r.p;
  } else {
    if (r.t !== null) row.target = fromStored(kind, r.t);
    if (r.g !== null) row.actual = r.g;
    else if (r.a !== null) row.actual = fromStored(kind, r.a);
  }
  if (r.n !== null) row.note = r.n;
  return row;
}

/** Rows in template order (codes the template does not know last, by code). */
export function sortRows<T extends { code: string }>(template: Template, rows: T[]): T[] {
  const pos = new Map(template.indicators.map((ind, i) => [ind.code, i]));
  const at = (code: string) => pos.get(code) ?? Number.MAX_SAFE_INTEGER;
  return [...rows].sort(
    (x, y) => at(x.code) - at(y.code) || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0),
  );
}

/**
 * Per-unit targets by indicator code, in stored units, as the JSON the SQL reads with json_extract.
 * Codes are stable identifiers across template versions (domain.md), so one map serves them all.
 */
export function perUnitThresholds(published?: Template): string {
  const out: Record<string, number> = {};
  const templates = templateIds().map((id) => getTemplate(id) as Template);
  // A published template's own per-unit targets win for the submission that uses it.
  for (const template of published ? [...templates, published] : templates) {
    for (const ind of template.indicators) {
      if (ind.perUnitTarget !== undefined) out[ind.code] = toStored(ind.kind, ind.perUnitTarget);
    }
  }
  return JSON.stringify(out);
}
