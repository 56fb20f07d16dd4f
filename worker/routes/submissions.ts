// POST /v1/submissions: a reporter (of the unit or an ancestor) sends a report; a new revision.
// GET /v1/submissions?unit=&period=: the current rows and every revision (any token that sees the unit).
import { Hono } from "hono";
import { z } from "zod";
import { periodCode, type SubmissionsAnswer, submissionBody, unitCode } from "../../shared/api/schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { identify } from "../auth/middleware.ts";
import { requireVisibleUnit } from "../auth/scope.ts";
import { decodeRow, type StoredRow, sortRows } from "../db/codec.ts";
import { REVIEWS_OF_REPORT, type ReviewRow, reviewFields } from "../db/review-read.ts";
import { submit } from "../db/submit.ts";
import { readTemplate } from "../db/templates.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

const KEY_RE = /^[\x21-\x7e]{1,200}$/;

function idempotencyKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!KEY_RE.test(header)) {
    throw new ApiFailure("invalid_params", {}, [
      requestIssue(
        "invalid_format",
        "Idempotency-Key",
        "1–200 ký tự ASCII in được, không có dấu cách",
        "1–200 printable ASCII characters, no spaces",
      ),
    ]);
  }
  return header;
}

/** If-Match: "3" (or 3): the revision the client edited; "0" when it saw none. */
function ifMatch(header: string | undefined): number | null {
  if (header === undefined) return null;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!m) {
    throw new ApiFailure("invalid_params", {}, [
      requestIssue("invalid_format", "If-Match", 'cần dạng "3" (số bản)', 'expected "3" (a revision number)'),
    ]);
  }
  return Number(m[1]);
}

interface RevisionRow {
  revision: number;
  received_at: string;
  sender: string;
  on_behalf_of: string | null;
  mode: "replace" | "merge";
  digest: string;
}

/**
 * Mounted before `authenticate`: `identify` leaves the token's lookup to submit()'s first read, which
 * saves a D1 round trip on the busiest route.
 */
export const submitRoute = new Hono<AppEnv>().post(
  "/submissions",
  identify,
  jsonBody(),
  validated("json", submissionBody),
  async (c) => {
    const { status, receipt } = await submit(c.get("db"), {
      body: c.req.valid("json"),
      credential: c.get("credential"),
      idempotencyKey: idempotencyKey(c.req.header("idempotency-key")),
      ifMatch: ifMatch(c.req.header("if-match")),
    });
    c.header("ETag", `"${receipt.revision}"`);
    return c.json(receipt, status);
  },
);

export const submissions = new Hono<AppEnv>().get(
  "/submissions",
  validated("query", z.object({ unit: unitCode, period: periodCode })),
  async (c) => {
    const { unit, period } = c.req.valid("query");
    const db = c.get("db");
    await requireVisibleUnit(db, c.get("principal"), unit);
    const [status, current, revisions, reviewRows] = await db.batch([
      db.prepare(
        "SELECT current_revision, template, received_at FROM report_status WHERE unit = ? AND period = ?",
        unit,
        period,
      ),
      db.prepare(
        `SELECT code AS c, target AS t, actual AS a, target_pct AS p, grade AS g, note AS n
         FROM current_values WHERE unit = ? AND period = ?`,
        unit,
        period,
      ),
      db.prepare(
        `SELECT revision, received_at, sender, on_behalf_of, mode, digest FROM submissions
         WHERE unit = ? AND period = ? ORDER BY revision`,
        unit,
        period,
      ),
      db.prepare(REVIEWS_OF_REPORT, unit, period),
    ]);
    const s = status?.results[0] as
      | { current_revision: number; template: string; received_at: string }
      | undefined;
    const template = s ? await readTemplate(c.get("db"), s.template) : undefined;
    const rows = template
      ? sortRows(
          template,
          ((current?.results ?? []) as unknown as StoredRow[]).map((r) => decodeRow(template, r)),
        )
      : [];
    const answer: SubmissionsAnswer = {
      unit,
      period,
      current:
        s && template
          ? { revision: s.current_revision, receivedAt: s.received_at, template: s.template, rows }
          : null,
      revisions: ((revisions?.results ?? []) as unknown as RevisionRow[]).map((r) => ({
        revision: r.revision,
        receivedAt: r.received_at,
        submittedBy: r.sender,
        onBehalfOf: r.on_behalf_of,
        mode: r.mode,
        digest: r.digest,
      })),
      ...(s && template
        ? reviewFields(
            template,
            (reviewRows?.results ?? []) as unknown as ReviewRow[],
            s.current_revision,
            rows,
          )
        : {}),
    };
    if (s) c.header("ETag", `"${s.current_revision}"`);
    return c.json(answer, 200);
  },
);
