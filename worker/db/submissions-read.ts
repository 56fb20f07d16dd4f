// GET /v1/submissions: a unit's current report for a period, every revision and the reviews, in one
// batch. The current rows are read with the template version the current revision was checked with
// (a later version may have renamed a row or changed its kind).
import type { SubmissionsAnswer } from "../../shared/api/schemas.ts";
import { decodeRow, STORED_COLUMNS, type StoredRow, sortRows } from "./codec.ts";
import type { Db } from "./db.ts";
import { REVIEWS_OF_REPORT, type ReviewRow, reviewFields } from "./review-read.ts";
import { readTemplate, submissionVersionSql } from "./templates.ts";

/** ?1 unit ?2 period: the report's status and the template version of its current revision. */
const STATUS = `
SELECT r.current_revision, r.template, r.received_at, ${submissionVersionSql("s")} AS template_version
FROM report_status r
LEFT JOIN submissions s ON s.unit = r.unit AND s.period = r.period AND s.revision = r.current_revision
WHERE r.unit = ?1 AND r.period = ?2`;

const CURRENT = `SELECT ${STORED_COLUMNS} FROM current_values WHERE unit = ?1 AND period = ?2`;

const REVISIONS = `
SELECT revision, received_at, sender, on_behalf_of, mode, digest FROM submissions
WHERE unit = ?1 AND period = ?2 ORDER BY revision`;

interface StatusRow {
  current_revision: number;
  template: string;
  received_at: string;
  template_version: number | null;
}

interface RevisionRow {
  revision: number;
  received_at: string;
  sender: string;
  on_behalf_of: string | null;
  mode: "replace" | "merge";
  digest: string;
}

/** The answer, and the current revision (the ETag) when the unit has reported. */
export async function readSubmissions(
  db: Db,
  unit: string,
  period: string,
): Promise<{ answer: SubmissionsAnswer; revision: number | undefined }> {
  const [[s], current, revisions, reviews] = await db.batchRows<
    [StatusRow, StoredRow, RevisionRow, ReviewRow]
  >([
    db.prepare(STATUS, unit, period),
    db.prepare(CURRENT, unit, period),
    db.prepare(REVISIONS, unit, period),
    db.prepare(REVIEWS_OF_REPORT, unit, period),
  ]);
  const template = s
    ? ((await readTemplate(db, s.template, s.template_version ?? undefined)) ??
      (await readTemplate(db, s.template)))
    : undefined;
  const rows = template
    ? sortRows(
        template,
        current.map((r) => decodeRow(template, r)),
      )
    : [];
  const answer: SubmissionsAnswer = {
    unit,
    period,
    current:
      s && template
        ? { revision: s.current_revision, receivedAt: s.received_at, template: s.template, rows }
        : null,
    revisions: revisions.map((r) => ({
      revision: r.revision,
      receivedAt: r.received_at,
      submittedBy: r.sender,
      onBehalfOf: r.on_behalf_of,
      mode: r.mode,
      digest: r.digest,
    })),
    ...(s && template ? reviewFields(template, reviews, s.current_revision, rows) : {}),
  };
  return { answer, revision: s?.current_revision };
}
