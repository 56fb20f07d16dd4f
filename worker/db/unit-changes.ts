// POST /v1/admin/units/changes: a dated change list decided by shared/tree/changes.ts, stored in one
// batch with the totals it rebuilds. The same body again answers the stored answer (200).
import type { UnitChanges, UnitChangesAnswer } from "../../shared/api/units.ts";
import { applyChanges, type TreeIssue } from "../../shared/tree/changes.ts";
import { sha256Hex } from "../auth/secrets.ts";
import { canonicalJson } from "../http/canonical-json.ts";
import { ApiFailure, requestIssue } from "../http/errors.ts";
import { perUnitThresholds } from "./codec.ts";
import type { Db } from "./db.ts";
import { afterTreeRace, eventStatements, planTreeWrite, readTreeState } from "./tree.ts";

export function refuseIssues(issues: readonly TreeIssue[]): ApiFailure {
  return new ApiFailure(
    "validation_failed",
    { count: issues.length },
    issues.map((i) => requestIssue(i.code, i.field, i.vi, i.en)),
  );
}

export function lockedFailure(periods: readonly string[]): ApiFailure {
  return new ApiFailure("period_locked", { period: periods.join(", ") });
}

async function storedAnswer(db: Db, digest: string): Promise<UnitChangesAnswer | undefined> {
  const row = await db.first<{ answer: string }>(
    "SELECT answer FROM unit_change_sets WHERE digest = ?",
    digest,
  );
  return row ? (JSON.parse(row.answer) as UnitChangesAnswer) : undefined;
}

export async function applyUnitChanges(
  db: Db,
  body: UnitChanges,
): Promise<{ status: 200 | 201; answer: UnitChangesAnswer }> {
  const text = canonicalJson(body);
  const digest = await sha256Hex(text);
  for (let attempt = 0; ; attempt++) {
    const earlier = await storedAnswer(db, digest);
    if (earlier) return { status: 200, answer: earlier };
    const state = await readTreeState(db);
    const outcome = applyChanges(state.versions, body);
    if (!outcome.ok) throw refuseIssues(outcome.issues);
    const plan = planTreeWrite(db, state, outcome.versions, body.effective, perUnitThresholds());
    if (plan.locked.length > 0) throw lockedFailure(plan.locked);
    const answer: UnitChangesAnswer = {
      effective: body.effective,
      created: outcome.created,
      ended: outcome.ended,
      moved: outcome.moved,
      periodsRebuilt: plan.periodsRebuilt,
    };
    try {
      await db.batch([
        ...plan.statements,
        ...eventStatements(db, digest, outcome.events),
        db.prepare(
          "INSERT INTO unit_change_sets (digest, effective, body, answer, created_at) VALUES (?, ?, ?, ?, ?)",
          digest,
          body.effective,
          text,
          JSON.stringify(answer),
          new Date().toISOString(),
        ),
      ]);
      return { status: 201, answer };
    } catch (e) {
      // The same body sent twice at once: the other one stored it.
      if (String(e).includes("UNIQUE")) {
        const twin = await storedAnswer(db, digest);
        if (twin) return { status: 200, answer: twin };
      }
      await afterTreeRace(e, attempt);
    }
  }
}
