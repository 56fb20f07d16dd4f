// From a 409 to "what changed": pure, so it is tested without Excel or a server. The body itself is
// shared/api/submission-body.ts, the same for the CLI.
import type { SubmissionRow } from "../../shared/api/schemas.ts";

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
