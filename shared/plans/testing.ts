// A wide province for tests, the bench and the e2e page (never bundled into a client): a Tỉnh đoàn with
// `children` units directly below it (communes and a few agency units, the 2026 shape), figures for
// every input row, some units late and some missing, reporters with phones; consolidated by shared's
// own oracle and given the per-unit detail the Worker adds.
import type { ReportingUnit } from "../api/reporting-units.ts";
import type { Consolidation, SubmissionRow } from "../api/schemas.ts";
import { type CurrentReport, consolidateUnit, type UnitNode } from "../consolidation/consolidate.ts";
import type { PulledRanking } from "../scoring/pull-scores.ts";
import { getScheme } from "../scoring/registry.ts";
import { scoreChildren } from "../scoring/score-children.ts";
import { doan2024 } from "../template/doan-2024.ts";

export const WIDE_PERIOD = "2026";
const DEADLINE = "2026-12-15T17:00:00Z";

/** Figures of every input row of doan-2024 for unit number k (parts below their wholes). */
export function wideRows(k: number): SubmissionRow[] {
  const rows: SubmissionRow[] = [];
  for (const ind of doan2024.indicators) {
    if (ind.kind === "ratio") continue;
    if (ind.kind === "grade") rows.push({ code: ind.code, actual: ["XS", "T", "HT", "KHT"][k % 4] ?? "T" });
    else if (ind.kind === "money")
      rows.push({ code: ind.code, target: 10 + (k % 3), actual: 9.5 + ((k * 7) % 11) / 8 });
    else
      rows.push({
        code: ind.code,
        target: 40 + (k % 9),
        actual: 30 + ((k * 13 + ind.code.charCodeAt(3)) % 40),
      });
  }
  // Wholes above their parts: GD01 ≥ GD02, GD04 ≥ GD05.
  return rows.map((r) =>
    ["GD01", "GD04", "GD07", "CD03", "KN07"].includes(r.code) ? { ...r, actual: 500 + k } : r,
  );
}

export interface WideOptions {
  /** Every n-th child has not reported (default 7). */
  missingEvery?: number;
  /** Every n-th child reported after the deadline (default 5). */
  lateEvery?: number;
}

function childUnit(i: number): UnitNode {
  const agency = i % 9 === 0;
  const n = String(i).padStart(3, "0");
  return {
    code: agency ? `SL.CQ${n}` : `SL.X${n}`,
    name: agency ? `Đoàn Khối cơ quan số ${i}` : `Đoàn xã Số ${i}`,
    parent: "SL",
  };
}

export function wideConsolidation(children: number, opts: WideOptions = {}): Consolidation {
  const missingEvery = opts.missingEvery ?? 7;
  const lateEvery = opts.lateEvery ?? 5;
  const units: UnitNode[] = [{ code: "SL", name: "Tỉnh đoàn Sơn La", parent: null }];
  const reports: CurrentReport[] = [];
  const detail: ReportingUnit[] = [];
  for (let i = 1; i <= children; i++) {
    const u = childUnit(i);
    units.push(u);
    const missing = i % missingEvery === 0;
    const late = !missing && i % lateEvery === 0;
    const first = late ? "2026-12-20T03:00:00Z" : "2026-12-10T02:30:00Z";
    const line: ReportingUnit = {
      code: u.code,
      name: u.name,
      parent: "SL",
      status: missing ? "missing" : late ? "late" : "submitted",
    };
    if (!missing) {
      reports.push({ unit: u.code, rows: wideRows(i), firstReceivedAt: first, receivedAt: first });
      Object.assign(line, {
        revision: 1 + (i % 3),
        firstReceivedAt: first,
        lastReceivedAt: first,
        reporter: { name: `Nguyễn Văn ${i}`, phone: `0912 000 ${String(i).padStart(3, "0")}` },
      });
    }
    detail.push(line);
  }
  reports.push({
    unit: "SL",
    rows: [
      { code: "GD03", target: 80 },
      { code: "PT01", target: 90000 },
    ],
    firstReceivedAt: DEADLINE,
    receivedAt: DEADLINE,
  });
  const c = consolidateUnit(
    { template: doan2024, units, reports, period: WIDE_PERIOD, deadline: DEADLINE },
    "SL",
  );
  detail.sort((a, b) => (a.code < b.code ? -1 : 1));
  const named = (codes: readonly string[]) =>
    codes.map((code) => ({ code, name: detail.find((d) => d.code === code)?.name ?? code }));
  return {
    ...c,
    reporting: {
      ...c.reporting,
      units: detail,
      missingUnits: named(c.reporting.missing),
      lateUnitsNamed: named(c.reporting.lateUnits ?? []),
    },
  };
}

/**
 * The ranking the server would answer for a consolidation's children (GET /v1/scores), scored by the
 * one scoring function with no manual points; every unit but each third in a cụm thi đua.
 */
export function rankingOf(c: Consolidation): PulledRanking {
  const scheme = getScheme();
  if (!scheme) throw new Error("no built-in scoring scheme");
  const clusters = new Map(
    c.children.flatMap((u, i) => (i % 3 === 0 ? [] : [[u.unit, `Cụm ${i % 3}`] as const])),
  );
  const units = scoreChildren(scheme, c, new Map(), clusters);
  return {
    scheme,
    answer: {
      unit: c.unit,
      period: c.period,
      scheme: { id: scheme.id, version: scheme.version, max: 500 },
      units,
    },
  };
}
