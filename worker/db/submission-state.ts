// The first of the submission's two D1 round trips: the caller (a stored token is looked up here),
// its scope, the Idempotency-Key's earlier receipt, the lock, the current revision, the review, the
// template version, and the rows a merge and the outlier warning compare with, all in one batch.
import type { ParsedSubmission } from "../../shared/api/schemas.ts";
import { periodLastDay } from "../../shared/format/vietnam-time.ts";
import type { ReportRow, Template } from "../../shared/template/types.ts";
import type { Credential, Principal } from "../app-env.ts";
import { TOKEN_BY_HASH } from "../auth/middleware.ts";
import { visibleUnitSql } from "../auth/scope.ts";
import { decodeRow, STORED_COLUMNS, type StoredRow } from "./codec.ts";
import type { Db } from "./db.ts";
import { type TreeCheck, unitInPeriodSql } from "./period-tree.ts";
import { previousPeriod } from "./previous-period.ts";
import { REVIEW_COLUMNS, type ReviewFacts } from "./review-gate.ts";
import { lastReadKey, readTemplate, templateColumns, templateFrom } from "./templates.ts";

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

export interface SubmissionState {
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
export async function readSubmissionState(
  db: Db,
  body: ParsedSubmission,
  credential: Credential,
  key: string | null,
): Promise<SubmissionState | undefined> {
  const known = "principal" in credential ? credential.principal : undefined;
  const hash = "hash" in credential ? credential.hash : null;
  const before = previousPeriod(body.period);
  const day = periodLastDay(body.period);
  const [[c], stored] = await db.batchRows<[ContextRow, StoredRow & { k: "current" | "previous" }]>([
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
  if (!c) return undefined;
  const template =
    c.templateVersion !== null && c.templatePublishedAt !== null
      ? (templateFrom(body.template, c.templateVersion, c.templatePublishedAt, c.templateDefinition) ??
        // The isolate dropped the version it said it held (its cache was full): read it.
        (await readTemplate(db, body.template, c.templateVersion)))
      : undefined;
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
