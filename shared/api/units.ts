// API v1 bodies and answers of units over time (api-v1-2026.md §1): dated imports, dated change lists,
// the tree of a period or day, a unit's history. The Worker validates with these; clients parse with them.
import { z } from "zod";
import { consolidation, indicatorTotal, periodCode, unitCode } from "./schemas.ts";
import { label, unitName } from "./text.ts";

/** An ISO calendar date, read in Vietnam time. */
export const isoDay = z.iso.date();

export const datedUnitInput = z.strictObject({
  code: unitCode,
  name: unitName,
  parent: unitCode.nullable(),
  kind: label(50).optional(),
  /** First day of the unit's life; absent: it always existed. */
  from: isoDay.optional(),
  /** First day it no longer exists; absent: unchanged (a new unit still exists); null: it exists again. */
  to: isoDay.nullable().optional(),
  /** Cụm thi đua, the group the ranking sheet puts it in; absent: unchanged; null or "": none. */
  cluster: label(100).nullable().optional(),
});
export type DatedUnitInput = z.infer<typeof datedUnitInput>;

/** PUT /v1/admin/units: changing a stored unit's parent or end needs `effective`. */
export const datedUnitsImport = z.strictObject({
  units: z.array(datedUnitInput).min(1).max(20000),
  effective: isoDay.optional(),
});
export type DatedUnitsImport = z.infer<typeof datedUnitsImport>;

export const newUnit = z.strictObject({
  code: unitCode,
  name: unitName,
  parent: unitCode.nullable(),
  kind: label(50).optional(),
});
export type NewUnit = z.infer<typeof newUnit>;

export const unitChange = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("close"), unit: unitCode }),
  z.strictObject({ type: z.literal("move"), unit: unitCode, parent: unitCode }),
  z.strictObject({
    type: z.literal("merge"),
    from: z.array(unitCode).min(1).max(1000),
    into: z.union([unitCode, newUnit]),
  }),
  z.strictObject({ type: z.literal("split"), from: unitCode, into: z.array(newUnit).min(2).max(1000) }),
  z.strictObject({ type: z.literal("rename"), unit: unitCode, name: unitName }),
]);
export type UnitChange = z.infer<typeof unitChange>;

/** POST /v1/admin/units/changes. */
export const unitChanges = z.strictObject({
  effective: isoDay,
  changes: z.array(unitChange).min(1).max(5000),
});
export type UnitChanges = z.infer<typeof unitChanges>;

/** Its answer (201 first, 200 with the same content when the same body comes again). */
export const unitChangesAnswer = z.object({
  effective: z.string(),
  created: z.array(z.string()),
  ended: z.array(z.string()),
  moved: z.array(z.string()),
  /** Periods holding reports whose totals were recomputed on the new tree. */
  periodsRebuilt: z.array(z.string()),
});
export type UnitChangesAnswer = z.infer<typeof unitChangesAnswer>;

/** PUT /v1/admin/units answer. */
export const unitsImportAnswer = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  moved: z.number().int(),
  unchanged: z.number().int(),
  ended: z.number().int().optional(),
  periodsRebuilt: z.array(z.string()).optional(),
  /** Units whose cụm thi đua this import set or cleared (undated: no period is rebuilt for it). */
  clusters: z.number().int().optional(),
});
export type UnitsImportAnswer = z.infer<typeof unitsImportAnswer>;

/** One unit of the tree of a period or day. */
export const datedUnitInfo = z.object({
  code: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  kind: z.string().nullable().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  predecessors: z.array(z.string()).optional(),
  successors: z.array(z.string()).optional(),
});
export type DatedUnitInfo = z.infer<typeof datedUnitInfo>;

/** GET /v1/units?period=|?at=: `at` is the day the tree is read on (a period's last day). */
export const datedUnitsAnswer = z.object({
  at: z.string(),
  period: z.string().optional(),
  units: z.array(datedUnitInfo),
});
export type DatedUnitsAnswer = z.infer<typeof datedUnitsAnswer>;

export const unitsQuery = z.strictObject({ period: periodCode.optional(), at: isoDay.optional() });

export const unitVersionInfo = z.object({
  name: z.string(),
  parent: z.string().nullable(),
  kind: z.string().nullable().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

export const unitEventInfo = z.object({
  effective: z.string(),
  type: z.enum(["create", "close", "move", "merge", "split", "rename"]),
  unit: z.string(),
  /** merge/split: the unit on the other side; move: the new parent; rename: the new name. */
  other: z.string().optional(),
});
export type UnitEventInfo = z.infer<typeof unitEventInfo>;

/** GET /v1/units/:code/history. */
export const unitHistoryAnswer = z.object({
  code: z.string(),
  versions: z.array(unitVersionInfo),
  changes: z.array(unitEventInfo),
});
export type UnitHistoryAnswer = z.infer<typeof unitHistoryAnswer>;

/** An indicator's figures of the compared period, restated onto the asked period's tree. */
export const previousFigures = indicatorTotal.pick({ target: true, actual: true, rate: true, grades: true });
export const comparedIndicator = indicatorTotal.extend({ previous: previousFigures.optional() });
export type ComparedIndicator = z.infer<typeof comparedIndicator>;

/** GET /v1/consolidation with `compare=`: `previous` per indicator, `comparable: false` after a split. */
export const comparedConsolidation = consolidation.extend({
  indicators: z.array(comparedIndicator),
  comparable: z.boolean().optional(),
  children: z.array(
    consolidation.shape.children.element.extend({
      indicators: z.array(comparedIndicator),
      comparable: z.boolean().optional(),
    }),
  ),
  compare: z.object({ period: z.string() }).optional(),
});
export type ComparedConsolidation = z.infer<typeof comparedConsolidation>;
