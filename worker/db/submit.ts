// POST /v1/submissions once the body is valid: the token, role and scope, idempotency, lock, If-Match
// (all from one read), the template's rules on the merged report, then the single write batch
// (submission-batch.ts).
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
import { TOKEN_BY_HASH } from "../auth/middleware.ts";
import { checkVisibleUnit, requireRole, visibleUnitSql } from "../auth/scope.ts";
import { sha256Hex } from "../auth/secrets.ts";
import { canonicalJson } from "../http/canonical-json.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { batchRowsJson, decodeRow, perUnitThresholds, type StoredRow } from "./codec.ts";
import type { Db } from "./db.ts";
import { checkInPeriod, type TreeCheck, unitInPeriodSql } from "./period-tree.ts";
import { previousPeriod } from "./previous-period.ts";
import {
  changesSinceBase,
  isAcceptedRefusal,
  parseBase,
  REVIEW_COLUMNS,
  type ReviewFacts,
  refuseIfAccepted,
  reportAccepted,
} from "./review-gate.ts";
import { submissionStatements } from "./submission-batch.ts";
import { lastReadKey, readTemplate, templateColumns, templateFrom } from "./templates.ts";

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

const STORED_COLUMNS = "code AS c, target AS t, actual AS a, target_pct AS p, grade AS g, note AS n";

/**
 * Everything the checks need, in one row: the caller (a stored token by its hash ?1, or the principal
 * ?5 ?6 ?7 when ?1 is null), whether it sees the unit ?2, the lock and current revision for period
 * ?3, the earlier submission with Idempotency-Key ?4, and template ?8 (version ?9, or its latest; its text
 * only when it is not ?10, the version already parsed). No row: the token is unknown or revoked.
 * On the period's tree (its last day ?11): whether the unit is in it (its life, for the message), and
 * whether the caller's unit holds it there (a token of an ended unit submits for no later period).
 */
const CONTEXT = `
WITH me (id, role, unit) AS (${TOKEN_BY_HASH} UNION ALL SELECT ?5, ?6, ?7 WHERE ?1 IS NULL)
SELECT me.id AS tokenId, me.role AS role, me.unit AS unit,
  ${visibleUnitSql("me.role", "me.unit", "?2")} AS visible,
  ${unitInPeriodSql("me.role", "me.unit", "?2", "?11")},
  IFNULL((SELECT locked FROM periods WHERE period = ?3), 0) AS locked,
  IFNULL((SELECT current_revision FROM report_status WHERE unit = ?2 AND period = ?3), 0) AS revision,
  s.digest AS digest, s.receipt AS receipt, ${REVIEW_COLUMNS},
  ${templateColumns("?8", "?9", "?10")}
FROM me LEFT JOIN submissions s ON s.token_id = me.id AND s.idempotency_key = ?4`;

/**
 * The unit's current rows (?3 'merge' only: a replace does not need them) and the period before's
 * (?4), restated: a unit made by a merge since then (between days ?5 and ?6) compares with the sum of
 * the units merged into it (api-v1-2026.md §1, the outlier warning).
 */
const ROWS = `
SELECT 'current' AS k, ${STORED_COLUMNS} FROM current_values WHERE unit = ?1 AND period = ?2 AND ?3 = 'merge'
UNION ALL
SELECT 'previous' AS k, code AS c, SUM(target) AS t, SUM(actual) AS a, MAX(target_pct) AS p, MAX(grade) AS g,
  NULL AS n
FROM current_values WHERE period = ?4 AND unit IN (SELECT ?1 UNION ALL SELECT unit FROM unit_events
  WHERE other = ?1 AND type = 'merge' AND effective > ?5 AND effective <= ?6)
GROUP BY code`;

interface ContextRow extends ReviewFacts {
  tokenId: string;
  role: Principal["role"];
  unit: string | null;
  visible: number;
  locked: number;
  revision: number;
  digest: string | null;
  receipt: string | null;
  templateVersion: number | null;
  templatePublishedAt: string | null;
  templateDefinition: string | null;
  inTree: number;
  held: number;
  lifeFrom: string | null;
  lifeTo: string | null;
}

interface State {
  principal: Principal;
  visible: boolean;
  tree: TreeCheck;
  replay: { digest: string; receipt: string } | undefined;
  locked: boolean;
  revision: number;
  current: ReportRow[];
  previous: ReportRow[] | undefined;
  review: ReviewFacts;
  /** The version the body names (or the latest); undefined when there is no such template. */
  template: Template | undefined;
}

/** One round trip: the caller, the checks' facts and the rows; undefined when the token is unknown. */
async function readState(
  db: Db,
  body: ParsedSubmission,
  credential: Credential,
  key: string | null,
): Promise<State | undefined> {
  const known = "principal" in credential ? credential.principal : undefined;
  const hash = "hash" in credential ? credential.hash : null;
  const before = previousPeriod(body.period);
  const day = periodLastDay(body.period);
  const [context, rows] = await db.batch([
    db.prepare(
      CONTEXT,
      hash,
      body.unit,
      body.period,
      key,
      known?.tokenId ?? null,
      known?.role ?? null,
      known?.unit ?? null,
      body.template,
      body.templateVersion ?? null,
      lastReadKey(body.template),
      day,
    ),
    db.prepare(
      ROWS,
      body.unit,
      body.period,
      body.mode,
      before ?? "",
      before ? periodLastDay(before) : "",
      day,
    ),
  ]);
  const c = context?.results[0] as ContextRow | undefined;
  if (!c) return undefined;
  const template =
    c.templateVersion !== null && c.templatePublishedAt !== null
      ? (templateFrom(body.template, c.templateVersion, c.templatePublishedAt, c.templateDefinition) ??
        // The isolate dropped the version it said it held (its cache was full): read it.
        (await readTemplate(db, body.template, c.templateVersion)))
      : undefined;
  const stored = (rows?.results ?? []) as unknown as (StoredRow & { k: "current" | "previous" })[];
  const decode = (k: "current" | "previous") =>
    template ? stored.filter((r) => r.k === k).map((r) => decodeRow(template, r)) : [];
  const previous = decode("previous");
  return {
    principal: { tokenId: c.tokenId, role: c.role, unit: c.unit },
    visible: c.visible === 1,
    tree: { inTree: c.inTree === 1, held: c.held === 1, from: c.lifeFrom, to: c.lifeTo },
    replay: c.digest !== null && c.receipt !== null ? { digest: c.digest, receipt: c.receipt } : undefined,
    locked: c.locked === 1,
    revision: c.revision,
    current: decode("current"),
    previous: previous.length > 0 ? previous : undefined,
    review: { review: c.review, reviewBase: c.reviewBase },
    template,
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

export async function submit(db: Db, req: SubmitRequest): Promise<SubmitOutcome> {
  const { body } = req;
  const storedBody = canonicalJson(body);
  const digest = await sha256Hex(storedBody);

  const answerReplay = (row: { digest: string; receipt: string } | null | undefined) => {
    if (!row) return undefined;
    if (row.digest !== digest) throw new ApiFailure("idempotency_conflict");
    return { status: 200, receipt: JSON.parse(row.receipt) as Receipt } satisfies SubmitOutcome;
  };
  const replay = async (principal: Principal): Promise<SubmitOutcome | undefined> => {
    if (req.idempotencyKey === null) return undefined;
    return answerReplay(
      await db.first<{ digest: string; receipt: string }>(REPLAY, principal.tokenId, req.idempotencyKey),
    );
  };
  const conflict = (current: number, expected: number) =>
    new ApiFailure("revision_conflict", { current, expected }, undefined, { currentRevision: current });
  const currentRevision = async () =>
    (await readState(db, { ...body, mode: "replace" }, req.credential, null))?.revision ?? 0;

  let seen = 0;
  let principal: Principal | undefined;
  for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
    // A submission makes 2 round trips to D1: this read (the token too) and the write batch.
    const state = await readState(db, body, req.credential, req.idempotencyKey);
    if (!state) throw new ApiFailure("unauthenticated");
    const who = state.principal;
    principal = who;
    requireRole(who, "reporter");
    checkVisibleUnit(who, body.unit, state.visible);
    const earlier = answerReplay(state.replay);
    if (earlier) return earlier;
    checkInPeriod(body.unit, body.period, state.tree);
    seen = state.revision;
    if (state.locked) throw new ApiFailure("period_locked", { period: body.period });
    refuseIfAccepted(state.review, body.unit, body.period);
    if (req.ifMatch !== null && req.ifMatch !== state.revision) throw conflict(state.revision, req.ifMatch);
    const template = state.template;
    if (!template) throw unknownTemplate(body);

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

    const changes = changesSinceBase(template, parseBase(state.review.reviewBase), merged);
    const receivedAt = new Date().toISOString();
    const sender = who.unit ?? "admin";
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
    const expectedRevision = req.ifMatch ?? (body.mode === "merge" ? state.revision : null);
    try {
      const [inserted] = await db.batch<{ receipt: string }>(
        submissionStatements((sql, ...params) => db.prepare(sql, ...params), {
          unit: body.unit,
          period: body.period,
          expectedRevision,
          template: template.id,
          mode: body.mode,
          body: storedBody,
          digest,
          tokenId: who.tokenId,
          sender,
          onBehalfOf,
          receivedAt,
          idempotencyKey: req.idempotencyKey,
          receipt: JSON.stringify(receipt),
          rows: batchRowsJson(template, body.rows),
          thresholds: template.indicators.some((i) => i.perUnitTarget !== undefined)
            ? perUnitThresholds(template)
            : THRESHOLDS,
          day: periodLastDay(body.period),
        }),
      );
      const stored = inserted?.results[0]?.receipt;
      if (stored === undefined) throw new Error("submission: the INSERT returned no receipt");
      return { status: 201, receipt: JSON.parse(stored) as Receipt };
    } catch (e) {
      // A concurrent twin with the same key won the race: answer its receipt (or 409).
      const twin = await replay(who);
      if (twin) return twin;
      const message = String(e);
      if (message.includes("period_locked")) throw new ApiFailure("period_locked", { period: body.period });
      if (message.includes("token_revoked")) throw new ApiFailure("unauthenticated");
      if (isAcceptedRefusal(e)) throw reportAccepted(body.unit, body.period);
      if (message.includes("unit_not_in_period")) continue; // the tree changed: check again
      if (!message.includes("if_match_failed")) throw e;
      if (req.ifMatch !== null) throw conflict(await currentRevision(), req.ifMatch);
      // A merge validated against rows that changed meanwhile: validate again on the new ones.
    }
  }
  // Other writers kept landing between our read and our batch. A same-key twin may have been stored
  // meanwhile: its receipt is the answer, not a conflict.
  const twin = principal ? await replay(principal) : undefined;
  if (twin) return twin;
  throw conflict(await currentRevision(), seen);
}
