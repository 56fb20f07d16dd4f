// The invariant check: every unit's GET /v1/consolidation answer equals shared/consolidation's
// `consolidate` over the current reports read back through the API (GET /v1/submissions), and
// every unit's revisions are numbered 1..n without gaps.
import { expect } from "vitest";
import type { Consolidation, SubmissionsAnswer } from "../../shared/api/schemas.ts";
import { type CurrentReport, consolidate } from "../../shared/consolidation/consolidate.ts";
import { doan2024 } from "../../shared/template/doan-2024.ts";
import { call, json } from "./helpers.ts";

interface UnitInfo {
  code: string;
  name: string;
  parent: string | null;
}

export async function expectTotalsMatchOracle(period: string): Promise<void> {
  const { units } = await json<{ units: UnitInfo[] }>(await call("GET", `/v1/units?period=${period}`));
  const { deadline } = await json<{ deadline: string | null }>(await call("GET", `/v1/periods/${period}`));
  const reports: CurrentReport[] = [];
  for (const u of units) {
    const res = await call("GET", `/v1/submissions?unit=${encodeURIComponent(u.code)}&period=${period}`);
    expect(res.status).toBe(200);
    const answer = await json<SubmissionsAnswer>(res);
    expect(answer.revisions.map((r) => r.revision)).toEqual(answer.revisions.map((_, i) => i + 1));
    if (answer.current === null) {
      expect(answer.revisions).toEqual([]);
      continue;
    }
    expect(answer.current.revision).toBe(answer.revisions.length);
    reports.push({
      unit: u.code,
      rows: answer.current.rows,
      firstReceivedAt: answer.revisions[0]?.receivedAt ?? "",
      receivedAt: answer.current.receivedAt,
      ...(answer.review ? { review: answer.review.state } : {}),
    });
  }
  const expected = consolidate({
    template: doan2024,
    units: units.map((u) => ({ code: u.code, name: u.name, parent: u.parent })),
    reports,
    period,
    deadline,
  });
  for (const u of units) {
    const res = await call(
      "GET",
      `/v1/consolidation?unit=${encodeURIComponent(u.code)}&period=${period}&detail=units`,
    );
    expect(res.status).toBe(200);
    const actual = detailAgrees(await json<Consolidation>(res));
    expect(actual, `consolidation of ${u.code} for ${period}`).toEqual(expected.get(u.code));
  }
}

/**
 * The reporting detail (issue 15) agrees with the counted fields: one line per expected unit, the
 * missing and late ones exactly those listed, with the names the lists give. Returns the answer without
 * it, for the comparison with the oracle (which has no reporter names to compare).
 */
function detailAgrees(c: Consolidation): Consolidation {
  const { units, ...rest } = c.reporting;
  expect(units?.length, `detail of ${c.unit}`).toBe(c.reporting.expected);
  const codesWith = (status: string) => (units ?? []).filter((x) => x.status === status).map((x) => x.code);
  expect(codesWith("missing")).toEqual(c.reporting.missing);
  expect(codesWith("late")).toEqual(c.reporting.lateUnits);
  for (const u of units ?? []) {
    const named = [...(c.reporting.missingUnits ?? []), ...(c.reporting.lateUnitsNamed ?? [])];
    const listed = named.find((x) => x.code === u.code);
    if (listed) expect(listed.name).toBe(u.name);
  }
  return { ...c, reporting: rest };
}
