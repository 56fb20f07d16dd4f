// From a checked sheet to the API body, and from a 409 to "what changed": pure, so both are tested
// without Excel or a server.
import type { SubmissionBody, SubmissionRow } from "../../shared/api/schemas.ts";
import type { LocatedHeader } from "../../shared/grid/locate.ts";
import type { Report } from "../../shared/template/types.ts";

/** The sheet's whole report for its unit and period (mode replace), with who prepared it. */
export function submissionBody(report: Report, header: LocatedHeader): SubmissionBody {
  const rows: SubmissionRow[] = report.rows.map((r) => ({
    code: r.code,
    ...(r.target !== undefined ? { target: r.target } : {}),
    ...(r.actual !== undefined ? { actual: r.actual } : {}),
    ...(r.note !== undefined && r.note !== "" ? { note: r.note } : {}),
  }));
  const reporter = {
    ...(header.reporter ? { name: header.reporter } : {}),
    ...(header.phone ? { phone: header.phone } : {}),
  };
  return {
    unit: report.unit,
    period: report.period,
    template: report.template,
    ...(report.templateVersion !== undefined && { templateVersion: report.templateVersion }),
    mode: "replace",
    rows,
    ...(Object.keys(reporter).length > 0 ? { reporter } : {}),
  };
}

export type ChangeField = "target" | "actual" | "note";
export type ChangeValue = number | string | null;

export interface RowChange {
  code: string;
  field: ChangeField;
  server: ChangeValue;
  sheet: ChangeValue;
}

const FIELDS: ChangeField[] = ["target", "actual", "note"];

function fieldValue(row: SubmissionRow | undefined, field: ChangeField): ChangeValue {
  const v = row?.[field];
  return v === undefined || v === "" ? null : v;
}

/** Every (code, field) whose value differs between the server's current revision and this sheet. */
export function diffRows(server: readonly SubmissionRow[], sheet: readonly SubmissionRow[]): RowChange[] {
  const theirs = new Map(server.map((r) => [r.code, r]));
  const ours = new Map(sheet.map((r) => [r.code, r]));
  const codes = [...new Set([...sheet.map((r) => r.code), ...server.map((r) => r.code)])];
  const changes: RowChange[] = [];
  for (const code of codes) {
    for (const field of FIELDS) {
      const a = fieldValue(theirs.get(code), field);
      const b = fieldValue(ours.get(code), field);
      if (a !== b) changes.push({ code, field, server: a, sheet: b });
    }
  }
  return changes;
}
