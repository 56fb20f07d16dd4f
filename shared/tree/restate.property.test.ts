// Restating conserves totals: for any tree and dated changes, the compared period's reports restated
// onto the asked period's tree give the root the same totals as reported, and every unit whose subtree
// covers the same reporting units in both periods the same totals too.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consolidate } from "../consolidation/consolidate.ts";
import { arbReport } from "../consolidation/testing.ts";
import { doan2024 } from "../template/doan-2024.ts";
import { applyChanges, type UnitEvent } from "./changes.ts";
import { restatedConsolidations } from "./compare.ts";
import { descendantsOn, type UnitVersion } from "./dated.ts";
import { consolidatePeriod, unitsOfPeriod } from "./period.ts";
import { restating } from "./restate.ts";
import { arbDatedTree, arbIntent, changeOf } from "./testing.ts";

const DAYS = ["2024-07-01", "2025-07-01", "2026-01-01"];

const arbCase = fc
  .tuple(arbDatedTree(9), fc.array(arbIntent(DAYS.length), { maxLength: 8 }))
  .map(([tree, intents]) => {
    let versions: UnitVersion[] = tree;
    const events: UnitEvent[] = [];
    let n = 0;
    for (const intent of intents) {
      const body = changeOf(versions, intent, DAYS, () => `P.N${++n}`);
      const out = body && applyChanges(versions, body);
      if (out?.ok) {
        versions = out.versions;
        events.push(...out.events);
      }
    }
    return { versions, events };
  })
  .chain(({ versions, events }) =>
    fc
      .tuple(
        ...unitsOfPeriod(versions, "2023").map((u) =>
          fc.option(arbReport(u.code), { freq: 3, nil: undefined }),
        ),
      )
      .map((reports) => ({ versions, events, reports: reports.filter((r) => r !== undefined) })),
  );

const figures = (
  c: { indicators: { code: string; target?: number; actual?: number; grades?: unknown }[] } | undefined,
) => c?.indicators.map(({ code, target, actual, grades }) => ({ code, target, actual, grades }));

describe("restating", () => {
  it("conserves the root's totals and those of every unit covering the same units", () => {
    fc.assert(
      fc.property(arbCase, ({ versions, events, reports }) => {
        const reported = consolidatePeriod({ template: doan2024, versions, period: "2023", reports });
        const { byUnit } = restatedConsolidations({
          template: doan2024,
          versions,
          events,
          period: "2026",
          compared: "2023",
          reports,
        });
        expect(figures(byUnit.get("P"))).toEqual(figures(reported.get("P")));
        const r = restating(versions, events, "2023-12-31", "2026-12-31");
        const then = descendantsOn(versions, "2023-12-31");
        const now = descendantsOn(versions, "2026-12-31");
        for (const [code, below] of now) {
          const was = then.get(code);
          if (!was) continue;
          const covered = [...(then.get("P") ?? [])].filter((u) => {
            const t = r.targetOf(u);
            return t !== undefined && below.has(t);
          });
          if (covered.length !== was.size || covered.some((u) => !was.has(u))) continue;
          expect(figures(byUnit.get(code))).toEqual(figures(reported.get(code)));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("is the reported consolidation when nothing changed", () => {
    fc.assert(
      fc.property(arbDatedTree(9), (tree) => {
        const reports = tree.slice(1).map((u, i) => ({
          unit: u.code,
          rows: [{ code: "GD04", actual: i + 1 }],
          firstReceivedAt: "2023-12-01T00:00:00.000Z",
          receivedAt: "2023-12-01T00:00:00.000Z",
        }));
        const { byUnit } = restatedConsolidations({
          template: doan2024,
          versions: tree,
          events: [],
          period: "2026",
          compared: "2023",
          reports,
        });
        const plain = consolidate({
          template: doan2024,
          units: unitsOfPeriod(tree, "2023"),
          reports,
          period: "2023",
        });
        for (const [code, c] of plain) expect(figures(byUnit.get(code))).toEqual(figures(c));
      }),
    );
  });
});
