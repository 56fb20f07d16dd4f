// The consolidated workbook: one plan per sheet, in the order the sheets appear. Both clients render
// this list (the add-in in one write batch, the CLI into one file). The ranking ("Xếp loại …") is there
// when the pull fetched one (shared/scoring/pull-scores.ts): no scheme, no sheet.
import type { Consolidation } from "../api/schemas.ts";
import type { PulledRanking } from "../scoring/pull-scores.ts";
import type { Template } from "../template/types.ts";
import { byUnitSheetPlan } from "./by-unit.ts";
import { type ConsolidatedSheetOptions, consolidatedSheetPlan } from "./consolidated-sheet.ts";
import { rankingSheetPlan } from "./ranking-sheet.ts";
import { reportingStatusSheetPlan } from "./reporting-status.ts";
import { scoredGrades } from "./scored-grades.ts";
import { freeSheetName } from "./sheet-names.ts";
import type { SheetPlan } from "./types.ts";

export type PulledSheetKind = "summary" | "by-unit" | "reporting-status" | "ranking";

type Build = (c: Consolidation, template: Template, opts: WorkbookOptions) => SheetPlan | undefined;

const SHEETS: readonly { kind: PulledSheetKind; build: Build }[] = [
  {
    kind: "summary",
    // With a ranking, the grade row counts the scored grades and says so (api §4).
    build: (c, t, opts) =>
      consolidatedSheetPlan(
        c,
        t,
        opts.ranking ? { ...opts, gradeRow: scoredGrades(c, opts.ranking.answer) } : opts,
      ),
  },
  { kind: "by-unit", build: byUnitSheetPlan },
  { kind: "reporting-status", build: (c, _t, opts) => reportingStatusSheetPlan(c, opts) },
  {
    kind: "ranking",
    build: (c, template, opts) =>
      opts.ranking &&
      rankingSheetPlan(opts.ranking.answer, opts.ranking.scheme, template, {
        unitName: c.name ?? c.unit,
        ...(opts.lang !== undefined && { lang: opts.lang }),
      }),
  },
];

/** The workbook property that says a sheet is an earlier pull, and of what (key ≤ 255 characters). */
export function pulledSheetKey(sheet: string): string {
  return `baocao.sheet.${sheet}`;
}

export function pulledSheetValue(kind: PulledSheetKind, c: Pick<Consolidation, "unit" | "period">): string {
  return `${kind} ${c.unit} ${c.period}`;
}

export interface WorkbookOptions extends ConsolidatedSheetOptions {
  /**
   * Sheets already in the workbook by name, with what an earlier pull wrote there (the property value),
   * or null for a sheet of the user's. An earlier pull of the same kind, unit and period is replaced; any
   * other sheet keeps its name and the new one takes "<name> (2)".
   */
  existing?: ReadonlyMap<string, string | null>;
  /** The children's ranking for `Xếp loại …`; absent: no such sheet. */
  ranking?: PulledRanking;
}

export interface PulledPlan {
  kind: PulledSheetKind;
  plan: SheetPlan;
  /** An earlier pull of this same sheet is there and will be replaced. */
  replaces: boolean;
}

export function consolidatedWorkbookPlans(
  c: Consolidation,
  template: Template,
  opts: WorkbookOptions = {},
): PulledPlan[] {
  const existing = opts.existing ?? new Map<string, string | null>();
  const taken: string[] = [];
  for (const name of existing.keys()) taken.push(name);
  return SHEETS.flatMap(({ kind, build }) => {
    const plan = build(c, template, opts);
    if (plan === undefined) return [];
    const mark = pulledSheetValue(kind, c);
    const earlier = [...existing].find(
      ([name]) => name.toLocaleLowerCase() === plan.name.toLocaleLowerCase(),
    );
    const replaces = earlier !== undefined && earlier[1] === mark;
    const name = replaces ? (earlier?.[0] ?? plan.name) : freeSheetName(plan.name, taken);
    taken.push(name);
    return [
      {
        kind,
        replaces,
        plan: { ...plan, name, properties: { ...plan.properties, [pulledSheetKey(name)]: mark } },
      },
    ];
  });
}
