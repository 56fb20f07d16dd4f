// GET /v1/scores?unit=&period= (token whose subtree holds the unit): the children's scores, grades and
// ranks. PUT /v1/scores: manual points, by the unit's reporter (self) or a reviewer above it (reviewed).
import { Hono } from "hono";
import { scoresPut, scoresQuery } from "../../shared/api/scores.ts";
import { manualPointsIssues } from "../../shared/scoring/manual-points.ts";
import { DEFAULT_SCHEME_ID, getScheme } from "../../shared/scoring/registry.ts";
import { schemeMax, timelinessOfReport } from "../../shared/scoring/score.ts";
import { gradeCounts, scoreChildren, scoreOwn } from "../../shared/scoring/score-children.ts";
import type { ScoringScheme } from "../../shared/scoring/types.ts";
import type { AppEnv, Principal } from "../app-env.ts";
import { requireVisibleUnit } from "../auth/scope.ts";
import { readConsolidation } from "../db/consolidation.ts";
import type { Db } from "../db/db.ts";
import { readScheme } from "../db/schemes.ts";
import { appendManualPoints, isStrictAncestor, readManualPoints, readOwnReport } from "../db/scores.ts";
import { templateForPeriod } from "../db/templates.ts";
import { readClusters } from "../db/unit-clusters.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { jsonBody } from "../http/json-body.ts";
import { validated } from "../http/validate.ts";

/**
 * The scheme units are scored with: the latest published version of the default scheme (migration 0009
 * publishes the built-in as version 1, PUT /v1/admin/schemes/:id the next ones), else the built-in.
 */
async function currentScheme(db: Db): Promise<ScoringScheme> {
  const scheme = (await readScheme(db, DEFAULT_SCHEME_ID)) ?? getScheme();
  if (!scheme) throw new Error("no scoring scheme is published or built in");
  return scheme;
}

/** self: the unit's own reporter; reviewed: a reviewer of a unit strictly above it; admin: either. */
async function requireScorer(db: Db, p: Principal, unit: string, kind: "self" | "reviewed"): Promise<void> {
  if (p.role === "admin") return;
  if (kind === "self" && p.role === "reporter" && p.unit === unit) return;
  if (
    kind === "reviewed" &&
    p.role === "reviewer" &&
    p.unit !== null &&
    (await isStrictAncestor(db, p.unit, unit))
  )
    return;
  throw new ApiFailure("forbidden");
}

export const scores = new Hono<AppEnv>()
  .get("/scores", validated("query", scoresQuery), async (c) => {
    const { unit, period } = c.req.valid("query");
    const db = c.get("db");
    await requireVisibleUnit(db, c.get("principal"), unit);
    const template = await templateForPeriod(db, period);
    const scheme = await currentScheme(db);
    const consolidation = await readConsolidation(db, template, unit, period);
    const children = consolidation.children.map((child) => child.unit);
    const given = await readManualPoints(db, scheme, period, [unit, ...children]);
    const clusters = await readClusters(db, children);
    const ownReport = await readOwnReport(db, unit, period);
    const own = scoreOwn(
      scheme,
      consolidation,
      timelinessOfReport(ownReport.firstReceivedAt, ownReport.deadline),
      given.get(unit),
    );
    const units = scoreChildren(scheme, consolidation, given, clusters);
    return c.json(
      {
        unit,
        period,
        scheme: { id: scheme.id, version: scheme.version, max: schemeMax(scheme) },
        units,
        grades: gradeCounts(units),
        own,
      },
      200,
    );
  })
  .put("/scores", jsonBody(), validated("json", scoresPut), async (c) => {
    const body = c.req.valid("json");
    const db = c.get("db");
    const principal = c.get("principal");
    await requireVisibleUnit(db, principal, body.unit);
    await requireScorer(db, principal, body.unit, body.kind);
    const scheme = await currentScheme(db);
    const issues = manualPointsIssues(scheme, body.items).map((issue) =>
      requestIssue(issue.code, issue.field, issue.message.vi, issue.message.en),
    );
    if (issues.length > 0) throw new ApiFailure("validation_failed", { count: issues.length }, issues);
    const savedAt = new Date().toISOString();
    if (!(await appendManualPoints(db, scheme, body, principal.tokenId, savedAt)))
      throw new ApiFailure("period_locked", { period: body.period });
    return c.json({ unit: body.unit, period: body.period, kind: body.kind, items: body.items, savedAt }, 200);
  });
