// POST /v1/submissions after authentication and scope: idempotency, lock, If-Match, the template's
// rules on the merged report, then the single write batch (submission-batch.ts).
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
import type { Issue } from "../../shared/issues.ts";
import { toApiIssue } from "../../shared/messages/index.ts";
import { mergeRows } from "../../shared/rules/merge.ts";
import { validateReport } from "../../shared/rules/validate.ts";
import { getTemplate } from "../../shared/template/registry.ts";
import type { ReportRow, Template } from "../../shared/template/types.ts";
import type { Principal } from "../app-env.ts";
import { checkVisibleUnit, visibleUnitStatement } from "../auth/scope.ts";
import { sha256Hex } from "../auth/secrets.ts";
import { canonicalJson } from "../http/canonical-json.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { decodeRow, encodeRow, isEmptyRow, perUnitThresholds, type StoredRow } from "./codec.ts";
import type { Db } from "./db.ts";
import { previousPeriod } from "./previous-period.ts";
import { submissionStatements } from "./submission-batch.ts";

export interface SubmitRequest {
  body: ParsedSubmission;
  principal: Principal;
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

const STORED_COLUMNS = "code AS c, target AS t, actual AS a, target_pct AS p, grade AS g, note AS n";

interface State {
  locked: boolean;
  revision: number;
  current: ReportRow[];
  previous: ReportRow[] | undefined;
}

/** Reads made once, before the first state read, sent in its batch to save two round trips. */
interface FirstReads {
  visible: D1PreparedStatement;
  /** The earlier submission with this Idempotency-Key, when the request has one. */
  replay: D1PreparedStatement | null;
}

interface FirstAnswers {
  visible: boolean;
  replay: { digest: string; receipt: string } | undefined;
}

async function readState(
  db: Db,
  body: ParsedSubmission,
  template: Template | undefined,
  first?: FirstReads,
): Promise<State & { first?: FirstAnswers }> {
  const before = previousPeriod(body.period);
  const extra = first ? [first.visible, ...(first.replay ? [first.replay] : [])] : [];
  const results = await db.batch([
    ...extra,
    db.prepare("SELECT locked FROM periods WHERE period = ?", body.period),
    db.prepare(
      "SELECT current_revision FROM report_status WHERE unit = ? AND period = ?",
      body.unit,
      body.period,
    ),
    db.prepare(
      `SELECT ${STORED_COLUMNS} FROM current_values WHERE unit = ? AND period = ? AND ? = 'merge'`,
      body.unit,
      body.period,
      body.mode,
    ),
    db.prepare(
      `SELECT ${STORED_COLUMNS} FROM current_values WHERE unit = ? AND period = ?`,
      body.unit,
      before ?? "",
    ),
  ]);
  const [period, status, current, previous] = results.slice(extra.length);
  const decode = (rows: unknown[] | undefined) =>
    template ? (rows as StoredRow[]).map((r) => decodeRow(template, r)) : [];
  const prev = previous?.results ?? [];
  return {
    locked: (period?.results[0] as { locked: number } | undefined)?.locked === 1,
    revision: (status?.results[0] as { current_revision: number } | undefined)?.current_revision ?? 0,
    current: decode(current?.results),
    previous: prev.length > 0 ? decode(prev) : undefined,
    ...(first
      ? {
          first: {
            visible: (results[0]?.results.length ?? 0) > 0,
            replay: first.replay
              ? (results[1]?.results[0] as { digest: string; receipt: string } | undefined)
              : undefined,
          },
        }
      : {}),
  };
}

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
 * Row checks (unknown or repeated codes, kinds) on the rows as sent; report checks (required rows,
 * rules, outliers) on the report the unit will have after this submission.
 */
function validate(
  template: Template,
  body: ParsedSubmission,
  merged: ReportRow[],
  previous?: ReportRow[],
): Issue[] {
  const context = previous === undefined ? {} : { previous };
  if (body.mode === "replace") return validateReport(template, { rows: merged }, context);
  const rowLevel = new Set(["rule.unknown_indicator", "rule.duplicate_indicator"]);
  const sent = validateReport(template, { rows: body.rows }).filter((i) => rowLevel.has(i.code));
  const whole = validateReport(template, { rows: merged }, context).filter((i) => !rowLevel.has(i.code));
  return [...sent, ...whole];
}

export async function submit(db: Db, req: SubmitRequest): Promise<SubmitOutcome> {
  const { body, principal } = req;
  const storedBody = canonicalJson(body);
  const digest = await sha256Hex(storedBody);

  const answerReplay = (row: { digest: string; receipt: string } | null | undefined) => {
    if (!row) return undefined;
    if (row.digest !== digest) throw new ApiFailure("idempotency_conflict");
    return { status: 200, receipt: JSON.parse(row.receipt) as Receipt } satisfies SubmitOutcome;
  };
  const replay = async (): Promise<SubmitOutcome | undefined> => {
    if (req.idempotencyKey === null) return undefined;
    return answerReplay(
      await db.first<{ digest: string; receipt: string }>(REPLAY, principal.tokenId, req.idempotencyKey),
    );
  };
  const replayStatement = () =>
    req.idempotencyKey === null ? null : db.prepare(REPLAY, principal.tokenId, req.idempotencyKey);
  const conflict = (current: number, expected: number) =>
    new ApiFailure("revision_conflict", { current, expected }, undefined, { currentRevision: current });

  const template = getTemplate(body.template);

  let seen = 0;
  for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
    // The first read also checks the scope and looks the Idempotency-Key up, in that order, in the
    // same round trip: a submission makes 3 round trips to D1 (token, this batch, the write batch).
    const first =
      attempt === 0
        ? { visible: visibleUnitStatement(db, principal, body.unit), replay: replayStatement() }
        : undefined;
    const state = await readState(db, body, template, first);
    if (state.first) {
      checkVisibleUnit(principal, body.unit, state.first.visible);
      const earlier = answerReplay(state.first.replay);
      if (earlier) return earlier;
    }
    seen = state.revision;
    if (state.locked) throw new ApiFailure("period_locked", { period: body.period });
    if (req.ifMatch !== null && req.ifMatch !== state.revision) throw conflict(state.revision, req.ifMatch);
    if (!template) {
      const issue = requestIssue(
        "template.unknown",
        "template",
        `không có mẫu báo cáo ${body.template}`,
        `unknown template ${body.template}`,
      );
      throw new ApiFailure("validation_failed", { count: 1 }, [issue]);
    }

    const merged = mergeRows(state.current, body.rows, body.mode);
    const issues = validate(template, body, merged, state.previous);
    const errors = issues.filter((i) => i.severity === "error");
    if (errors.length > 0) {
      const api = errors.map((i) => placeIssue(i, toApiIssue(i, template), body.rows));
      throw new ApiFailure("validation_failed", { count: errors.length }, api);
    }
    const warnings = issues
      .filter((i) => i.severity === "warning")
      .map((i) => placeIssue(i, toApiIssue(i, template), body.rows));

    const receivedAt = new Date().toISOString();
    const sender = principal.unit ?? "admin";
    const onBehalfOf = principal.unit === body.unit ? null : body.unit;
    const receipt: Receipt = {
      unit: body.unit,
      period: body.period,
      revision: 0, // set by the INSERT, which numbers the revision inside the transaction
      receivedAt,
      warnings,
      summary: summarizeOwnReport(template, merged),
      ...(onBehalfOf === null ? {} : { onBehalfOf }),
    };
    const rows = body.rows.map((r) => {
      const stored = encodeRow(template, r);
      return { ...stored, e: isEmptyRow(stored) ? 1 : 0 };
    });
    const expectedRevision = req.ifMatch ?? (body.mode === "merge" ? state.revision : null);
    try {
      const [inserted] = await db.batch<{ receipt: string }>(
        submissionStatements(db, {
          unit: body.unit,
          period: body.period,
          expectedRevision,
          template: template.id,
          mode: body.mode,
          body: storedBody,
          digest,
          tokenId: principal.tokenId,
          sender,
          onBehalfOf,
          receivedAt,
          idempotencyKey: req.idempotencyKey,
          receipt: JSON.stringify(receipt),
          rows: JSON.stringify(rows),
          thresholds: perUnitThresholds(),
        }),
      );
      const stored = inserted?.results[0]?.receipt;
      if (stored === undefined) throw new Error("submission: the INSERT returned no receipt");
      return { status: 201, receipt: JSON.parse(stored) as Receipt };
    } catch (e) {
      // A concurrent twin with the same key won the race: answer its receipt (or 409).
      const twin = await replay();
      if (twin) return twin;
      const message = String(e);
      if (message.includes("period_locked")) throw new ApiFailure("period_locked", { period: body.period });
      if (!message.includes("if_match_failed")) throw e;
      if (req.ifMatch !== null) {
        const now = await readState(db, { ...body, mode: "replace" }, undefined);
        throw conflict(now.revision, req.ifMatch);
      }
      // A merge validated against rows that changed meanwhile: validate again on the new ones.
    }
  }
  // Other writers kept landing between our read and our batch. A same-key twin may have been stored
  // meanwhile: its receipt is the answer, not a conflict.
  const twin = await replay();
  if (twin) return twin;
  const now = await readState(db, { ...body, mode: "replace" }, undefined);
  throw conflict(now.revision, seen);
}
