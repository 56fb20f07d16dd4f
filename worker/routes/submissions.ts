// POST /v1/submissions: a reporter (of the unit or an ancestor) sends a report; a new revision.
// GET /v1/submissions?unit=&period=: the current rows and every revision (any token that sees the unit).
import { Hono } from "hono";
import { z } from "zod";
import { periodCode, submissionBody, unitCode } from "../../shared/api/schemas.ts";
import type { AppEnv } from "../app-env.ts";
import { identify } from "../auth/middleware.ts";
import { requireVisibleUnit } from "../auth/scope.ts";
import { readSubmissions } from "../db/submissions-read.ts";
import { submit } from "../db/submit.ts";
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
    const { answer, revision } = await readSubmissions(db, unit, period);
    if (revision !== undefined) c.header("ETag", `"${revision}"`);
    return c.json(answer, 200);
  },
);
