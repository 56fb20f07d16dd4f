// POST /v1/submissions once the body is valid: the token, role and scope, idempotency, lock, If-Match
// (all from one read), the template's rules on the merged report, then the single write batch
// (submission-batch.ts). The stored body names the template version it was checked with, also when
// the client named none (latest), so its rows are read back and replayed with that very version.
//
// Reads made before the batch and why they cannot corrupt what is stored:
// - the idempotency lookup: a concurrent twin that wins makes our INSERT fail on UNIQUE(token_id,
//   idempotency_key); we then read the winner's receipt and answer it (or 409 for another body);
// - the lock and If-Match checks: answered early for a clear error, and checked again inside the
//   batch by the INSERT's guards;
// - the current rows for validating a merge: the batch carries the revision they were read at as its
//   expected revision, so if another submission came in between, the batch fails and we start over
//   (re-read, re-validate) without the client noticing; totals never depend on these reads anyway,
//   their deltas are computed in SQL against the rows current at commit time.
import type { ApiIssue, ParsedSubmission, Receipt } from "../../shared/api/schemas.ts";
import { summarizeOwnReport } from "../../shared/consolidation/targets.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import type { Issue } from "../../shared/issues.ts";
import { toApiIssue } from "../../shared/messages/index.ts";
import { checkFigures, checkRows } from "../../shared/rules/check-report.ts";
import { mergeRows } from "../../shared/rules/merge.ts";
import type { ReportRow, Template } from "../../shared/template/types.ts";
import type { Credential, Principal } from "../app-env.ts";
import { checkVisibleUnit, requireRole } from "../auth/scope.ts";
import { sha256Hex } from "../auth/secrets.ts";
import { canonicalJson } from "../http/canonical-json.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { batchRowsJson, perUnitThresholds } from "./codec.ts";
import type { Db } from "./db.ts";
import { checkInPeriod } from "./period-tree.ts";
import {
  changesSinceBase,
  isAcceptedRefusal,
  parseBase,
  refuseIfAccepted,
  reportAccepted,
} from "./review-gate.ts";
import { type SubmissionWrite, submissionStatements } from "./submission-batch.ts";
import { readSubmissionState, type SubmissionState } from "./submission-state.ts";

export interface SubmitRequest {
  body: ParsedSubmission;
  /** The caller; a stored token is looked up in the first read (one D1 round trip less). */
  credential: Credential;
  idempotencyKey: string | null;
  /** From If-Match: the revision the client edited (0: none yet). */
  ifMatch: number | null;
}

export interface SubmitOutcome {
  /** 201 stored, 200 an earlier identical send answered again. */
  status: 200 | 201;
  receipt: Receipt;
}

/** The receipt of an earlier submission sent with the same token and Idempotency-Key. */
const REPLAY = "SELECT digest, receipt FROM submissions WHERE token_id = ? AND idempotency_key = ?";

/** A merge retried this often against concurrent writers gives up with 409 revision_conflict. */
const MERGE_ATTEMPTS = 8;

/** Per-unit targets by code, as the totals statement reads them (the same for every request). */
const THRESHOLDS = perUnitThresholds();

/** An issue's field as a path into the body ("rows.3.actual") when its row was sent. */
function placeIssue(issue: Issue, api: ApiIssue, rows: ParsedSubmission["rows"]): ApiIssue {
  const index = issue.indicator === undefined ? -1 : rows.findIndex((r) => r.code === issue.indicator);
  if (index < 0) return { ...api, field: "rows" };
  const which = issue.field === undefined || issue.field === "row" ? "" : `.${issue.field}`;
  const at =
    issue.code === "rule.duplicate_indicator" ? rows.findLastIndex((r) => r.code === issue.indicator) : index;
  return { ...api, field: `rows.${at}${which}` };
}

/**
 * Row checks (unknown or repeated codes, kinds) on the rows as sent; figure checks (required rows,
 * rules, outliers) on the report the unit will have after this submission.
 */
function validate(
  template: Template,
  body: ParsedSubmission,
  merged: ReportRow[],
  previous?: ReportRow[],
): Issue[] {
  const context = previous === undefined ? {} : { previous };
  return [...checkRows(template, body.rows), ...checkFigures(template, merged, context)];
}

/** 422 on `template` (or `templateVersion`): no such template, or no such version of it. */
function unknownTemplate(body: ParsedSubmission): ApiFailure {
  const v = body.templateVersion;
  const issue =
    v === undefined
      ? requestIssue(
          "template.unknown",
          "template",
          `không có mẫu báo cáo ${body.template}`,
          `unknown template ${body.template}`,
        )
      : requestIssue(
          "template.version_unknown",
          "templateVersion",
          `mẫu ${body.template} không có phiên bản ${v}`,
          `template ${body.template} has no version ${v}`,
        );
  return new ApiFailure("validation_failed", { count: 1 }, [issue]);
}

const conflict = (current: number, expected: number) =>
  new ApiFailure("revision_conflict", { current, expected }, undefined, { currentRevision: current });

/** An earlier submission with the same key: its receipt again, or 409 when the body differs. */
function answerReplay(
  row: { digest: string; receipt: string } | null | undefined,
  digest: string,
): SubmitOutcome | undefined {
  if (!row) return undefined;
  if (row.digest !== digest) throw new ApiFailure("idempotency_conflict");
  return { status: 200, receipt: JSON.parse(row.receipt) as Receipt };
}

/** A concurrent twin with the same token and key, looked up after our batch failed. */
async function twinOf(db: Db, req: SubmitRequest, who: Principal, digest: string) {
  if (req.idempotencyKey === null) return undefined;
  const row = await db.first<{ digest: string; receipt: string }>(REPLAY, who.tokenId, req.idempotencyKey);
  return answerReplay(row, digest);
}

async function currentRevision(db: Db, req: SubmitRequest): Promise<number> {
  const state = await readSubmissionState(db, { ...req.body, mode: "replace" }, req.credential, null);
  return state?.revision ?? 0;
}

/**
 * The checks after the replay, in the order the API answers them: the unit in the period's tree, the
 * lock, an accepted report, If-Match, the template version. The template when all pass.
 */
function admit(req: SubmitRequest, state: SubmissionState): Template {
  const { body } = req;
  checkInPeriod(body.unit, body.period, state.tree);
  if (state.locked) throw new ApiFailure("period_locked", { period: body.period });
  refuseIfAccepted(state.review, body.unit, body.period);
  if (req.ifMatch !== null && req.ifMatch !== state.revision) throw conflict(state.revision, req.ifMatch);
  if (!state.template) throw unknownTemplate(body);
  return state.template;
}

/** The batch's parts that depend on the body and the template version only, not on the read. */
interface Sent {
  body: string;
  rows: string;
  thresholds: string;
}

function sentWith(body: ParsedSubmission, template: Template): Sent {
  return {
    body: canonicalJson({ ...body, templateVersion: template.version }),
    rows: batchRowsJson(template, body.rows),
    thresholds: template.indicators.some((i) => i.perUnitTarget !== undefined)
      ? perUnitThresholds(template)
      : THRESHOLDS,
  };
}

/** The rules on the report the unit will have; 422 with every error, else the warnings placed. */
function checkedWarnings(
  template: Template,
  body: ParsedSubmission,
  merged: ReportRow[],
  state: SubmissionState,
) {
  const issues = validate(template, body, merged, state.previous);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    const api = errors.map((i) => placeIssue(i, toApiIssue(i, template), body.rows));
    throw new ApiFailure("validation_failed", { count: errors.length }, api);
  }
  return issues
    .filter((i) => i.severity === "warning")
    .map((i) => placeIssue(i, toApiIssue(i, template), body.rows));
}

/** What the batch writes for this attempt: the sent parts, and the receipt of the merged report. */
function planWrite(
  req: SubmitRequest,
  state: SubmissionState,
  template: Template,
  digest: string,
  sent: Sent,
): SubmissionWrite {
  const { body } = req;
  const who = state.principal;
  const merged = mergeRows(state.current, body.rows, body.mode);
  const warnings = checkedWarnings(template, body, merged, state);
  const changes = changesSinceBase(template, parseBase(state.review.reviewBase), merged);
  const receivedAt = new Date().toISOString();
  const onBehalfOf = who.unit === body.unit ? null : body.unit;
  const receipt: Receipt = {
    unit: body.unit,
    period: body.period,
    revision: 0, // set by the INSERT, which numbers the revision inside the transaction
    receivedAt,
    warnings,
    summary: summarizeOwnReport(template, merged),
    ...(onBehalfOf === null ? {} : { onBehalfOf }),
    ...(changes === undefined ? {} : { changes }),
  };
  return {
    unit: body.unit,
    period: body.period,
    expectedRevision: req.ifMatch ?? (body.mode === "merge" ? state.revision : null),
    template: template.id,
    mode: body.mode,
    body: sent.body,
    digest,
    tokenId: who.tokenId,
    sender: who.unit ?? "admin",
    onBehalfOf,
    receivedAt,
    idempotencyKey: req.idempotencyKey,
    receipt: JSON.stringify(receipt),
    rows: sent.rows,
    thresholds: sent.thresholds,
    day: periodLastDay(body.period),
  };
}

/** The batch failed because something changed since the read: read, check and write again. */
const AGAIN = Symbol("again");

/** The second round trip: the batch, or why it failed (a twin's receipt, a refusal, or AGAIN). */
async function write(
  db: Db,
  req: SubmitRequest,
  w: SubmissionWrite,
  who: Principal,
): Promise<SubmitOutcome | typeof AGAIN> {
  try {
    const [inserted] = await db.batch<{ receipt: string }>(
      submissionStatements((sql, ...params) => db.prepare(sql, ...params), w),
    );
    const stored = inserted?.results[0]?.receipt;
    if (stored === undefined) throw new Error("submission: the INSERT returned no receipt");
    return { status: 201, receipt: JSON.parse(stored) as Receipt };
  } catch (e) {
    // A concurrent twin with the same key won the race: answer its receipt (or 409).
    const twin = await twinOf(db, req, who, w.digest);
    if (twin) return twin;
    const message = String(e);
    const { unit, period } = req.body;
    if (message.includes("period_locked")) throw new ApiFailure("period_locked", { period });
    if (message.includes("token_revoked")) throw new ApiFailure("unauthenticated");
    if (isAcceptedRefusal(e)) throw reportAccepted(unit, period);
    if (message.includes("unit_not_in_period")) return AGAIN; // the tree changed: check again
    if (!message.includes("if_match_failed")) throw e;
    if (req.ifMatch !== null) throw conflict(await currentRevision(db, req), req.ifMatch);
    // A merge validated against rows that changed meanwhile: validate again on the new ones.
    return AGAIN;
  }
}

export async function submit(db: Db, req: SubmitRequest): Promise<SubmitOutcome> {
  const digest = await sha256Hex(canonicalJson(req.body));
  // The sent parts of the batch, made once per template version (in practice once per submission).
  const sent = new Map<Template, Sent>();
  const sentFor = (template: Template): Sent => {
    const made = sent.get(template) ?? sentWith(req.body, template);
    sent.set(template, made);
    return made;
  };
  let seen = 0;
  let principal: Principal | undefined;
  for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
    // A submission makes 2 round trips to D1: this read (the token too) and the write batch.
    const state = await readSubmissionState(db, req.body, req.credential, req.idempotencyKey);
    if (!state) throw new ApiFailure("unauthenticated");
    principal = state.principal;
    requireRole(principal, "reporter");
    checkVisibleUnit(principal, req.body.unit, state.visible);
    const earlier = answerReplay(state.replay, digest);
    if (earlier) return earlier;
    seen = state.revision;
    const template = admit(req, state);
    const outcome = await write(
      db,
      req,
      planWrite(req, state, template, digest, sentFor(template)),
      principal,
    );
    if (outcome !== AGAIN) return outcome;
  }
  // Other writers kept landing between our read and our batch. A same-key twin may have been stored
  // meanwhile: its receipt is the answer, not a conflict.
  const twin = principal ? await twinOf(db, req, principal, digest) : undefined;
  if (twin) return twin;
  throw conflict(await currentRevision(db, req), seen);
}
