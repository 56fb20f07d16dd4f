// POST /v1/reviews (§3): who may review, the checks, and the one guarded INSERT. Two D1 round trips:
// a read of every fact the checks need, then the INSERT, which checks the revision and the state again
// inside its own statement, so a resubmission or another review landing in between makes it fail
// (409) instead of reviewing figures the reviewer never saw.

import type { ParsedReview, ReviewAnswer, ReviewState } from "../../shared/api/reviews.ts";
import type { ApiIssue } from "../../shared/api/schemas.ts";
import { DECISION_LABEL, STATE_LABEL } from "../../shared/review/labels.ts";
import { REASON_MISSING, reasonMissing } from "../../shared/review/reason.ts";
import { ALLOWED_FROM, DECISION_STATE, isAllowed } from "../../shared/review/state.ts";
import { DEFAULT_TEMPLATE_ID, getTemplate } from "../../shared/template/registry.ts";
import type { Principal } from "../app-env.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import type { Db } from "./db.ts";
import { reviewStateSql } from "./review-sql.ts";

/**
 * ?1 unit ?2 period ?3 role ?4 the caller's unit. `allowed`: an admin and an existing unit, or a
 * reviewer's unit strictly above (a unit never reviews itself, a sibling subtree never sees it).
 */
const REVIEW_CONTEXT = `
SELECT
  IIF(?3 = 'admin', EXISTS (SELECT 1 FROM units WHERE code = ?1),
    EXISTS (SELECT 1 FROM unit_ancestors WHERE ancestor = ?4 AND descendant = ?1 AND depth > 0)) AS allowed,
  IFNULL(rs.current_revision, 0) AS revision, rs.template AS template,
  ${reviewStateSql("?1", "?2", "IFNULL(rs.current_revision, 0)")} AS state
FROM (SELECT 1) LEFT JOIN report_status rs ON rs.unit = ?1 AND rs.period = ?2`;

/**
 * ?1 unit ?2 period ?3 revision ?4 decision ?5 resulting state ?6 comment ?7 items JSON ?8 reviewer
 * ?9 token id ?10 reviewed at ?11 JSON array of the states the decision may come from. The figures at
 * that revision are copied in the same statement: they are the base of "what changed since".
 */
const INSERT_REVIEW = `
INSERT INTO reviews (unit, period, revision, decision, state, comment, items, rows, reviewer, token_id,
  reviewed_at)
SELECT ?1, ?2,
  CASE
    WHEN IFNULL(rs.current_revision, 0) <> ?3 THEN -1
    WHEN ${reviewStateSql("?1", "?2", "IFNULL(rs.current_revision, 0)")}
      NOT IN (SELECT value FROM json_each(?11)) THEN -2
    ELSE ?3
  END,
  ?4, ?5, ?6, ?7,
  (SELECT json_group_array(json_object('c', code, 't', target, 'a', actual, 'p', target_pct, 'g', grade,
    'n', note)) FROM current_values WHERE unit = ?1 AND period = ?2),
  ?8, ?9, ?10
FROM (SELECT 1) LEFT JOIN report_status rs ON rs.unit = ?1 AND rs.period = ?2
RETURNING revision`;

interface ContextRow {
  allowed: number;
  revision: number;
  template: string | null;
  state: ReviewState;
}

function conflict(current: number, expected: number): ApiFailure {
  return new ApiFailure("revision_conflict", { current, expected }, undefined, { currentRevision: current });
}

function notAllowed(state: ReviewState, decision: ParsedReview["decision"]): ApiFailure {
  return new ApiFailure("review_not_allowed", {
    stateVi: STATE_LABEL[state].vi,
    stateEn: STATE_LABEL[state].en.toLowerCase(),
    decisionVi: DECISION_LABEL[decision].vi,
    decisionEn: DECISION_LABEL[decision].en,
  });
}

/** 422 issues of the body against the report's template: codes it knows, once each; a return says why. */
function bodyIssues(body: ParsedReview, templateId: string): ApiIssue[] {
  const template = getTemplate(templateId);
  const codes = new Set(template?.indicators.map((i) => i.code));
  const issues: ApiIssue[] = [];
  const seen = new Set<string>();
  (body.items ?? []).forEach((item, i) => {
    if (!codes.has(item.code)) {
      issues.push(
        requestIssue(
          "review.unknown_indicator",
          `items.${i}.code`,
          `mẫu báo cáo không có chỉ tiêu ${item.code}: dùng mã trong cột Mã của mẫu`,
          `the template has no indicator ${item.code}: use a code from its Code column`,
        ),
      );
    } else if (seen.has(item.code)) {
      issues.push(
        requestIssue(
          "review.duplicate_item",
          `items.${i}.code`,
          `chỉ tiêu ${item.code} đã có nhận xét: gộp hai nhận xét làm một`,
          `indicator ${item.code} already has a comment: join the two into one`,
        ),
      );
    }
    seen.add(item.code);
  });
  if (reasonMissing(body.decision, body.comment, body.items)) {
    const r = REASON_MISSING;
    issues.push(requestIssue(r.code, r.field, r.vi, r.en));
  }
  return issues;
}

async function readContext(db: Db, p: Principal, body: ParsedReview): Promise<ContextRow> {
  const row = await db.first<ContextRow>(REVIEW_CONTEXT, body.unit, body.period, p.role, p.unit);
  if (!row) throw new Error("review: the context read returned no row");
  return row;
}

export async function review(db: Db, p: Principal, body: ParsedReview): Promise<ReviewAnswer> {
  if (p.role !== "admin" && p.role !== "reviewer") throw new ApiFailure("forbidden");
  const ctx = await readContext(db, p, body);
  if (ctx.allowed !== 1) {
    if (p.role === "admin") throw new ApiFailure("unknown_unit", { unit: body.unit });
    throw new ApiFailure("forbidden");
  }
  const issues = bodyIssues(body, ctx.template ?? DEFAULT_TEMPLATE_ID);
  if (issues.length > 0) throw new ApiFailure("validation_failed", { count: issues.length }, issues);
  if (ctx.revision !== body.revision) throw conflict(ctx.revision, body.revision);
  if (!isAllowed(body.decision, ctx.state)) throw notAllowed(ctx.state, body.decision);

  const state = DECISION_STATE[body.decision];
  const reviewedAt = new Date().toISOString();
  const reviewer = p.unit ?? "admin";
  const items = body.items && body.items.length > 0 ? JSON.stringify(body.items) : null;
  try {
    await db.run(
      INSERT_REVIEW,
      body.unit,
      body.period,
      body.revision,
      body.decision,
      state,
      body.comment ? body.comment : null,
      items,
      reviewer,
      p.tokenId,
      reviewedAt,
      JSON.stringify(ALLOWED_FROM[body.decision]),
    );
  } catch (e) {
    // Something landed between the read and the INSERT: say what it is now.
    const message = String(e);
    if (!message.includes("review_revision_conflict") && !message.includes("review_not_allowed")) throw e;
    const now = await readContext(db, p, body);
    if (now.revision !== body.revision) throw conflict(now.revision, body.revision);
    throw notAllowed(now.state, body.decision);
  }
  return { unit: body.unit, period: body.period, revision: body.revision, state, reviewedAt, reviewer };
}
