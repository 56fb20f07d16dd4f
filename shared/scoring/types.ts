// A scoring scheme (Bộ tiêu chí thi đua) is data, versioned like a template: criteria, items with their
// maximum points, and grade thresholds. Changing the points of a year is a new version, never code.
import type { Grade, Label } from "../template/types.ts";

/** How a computed item reads the unit's consolidated figures. */
export type Measure =
  /** A ratio indicator reaching a level (e.g. GD06 ≥ 80 %): points in proportion, full at the level. */
  | { type: "ratioLevel"; indicator: string; level: number }
  /** The unit's target on an indicator met (actual ≥ target): all or nothing. */
  | { type: "targetMet"; indicator: string }
  /** The unit's own figure reaching a per-unit minimum (e.g. at least 3 volunteer activities). */
  | { type: "perUnitMinimum"; indicator: string; minimum: number }
  /** A figure in proportion to its target, capped at the item's maximum. */
  | { type: "proportional"; indicator: string };

interface ItemBase {
  code: string;
  label: Label;
  max: number;
}

export type ScoreItem =
  | (ItemBase & { kind: "computed"; measure: Measure })
  /** Reporting discipline: points for a report on time, late, or missing, from the reporting status. */
  | (ItemBase & { kind: "timeliness"; late: number })
  /** Points given by a person (self score, reviewed score), with a note saying why. */
  | (ItemBase & { kind: "manual" });

export interface Criterion {
  code: string;
  label: Label;
  /** Bonus criteria (mô hình sáng tạo, sự kiện đăng cai) add on top of the base points. */
  bonus?: boolean;
  items: ScoreItem[];
}

export interface GradeThreshold {
  grade: Exclude<Grade, "KHT">;
  /** The total needed, inclusive. */
  minTotal: number;
  /** Optional: no non-bonus criterion may score under this share of its maximum (0–1). */
  minShareOfEachCriterion?: number;
}

export interface ScoringScheme {
  id: string;
  version: number;
  title: Label;
  criteria: Criterion[];
  /** Highest grade first; a unit that meets none is KHT. */
  grades: GradeThreshold[];
}

/** What one unit's figures look like to the scorer: the consolidation's per-indicator totals. */
export interface ScoredFigure {
  target?: number;
  actual?: number;
}

export type Timeliness = "on_time" | "late" | "missing";

export interface ScoreInput {
  figures: Readonly<Record<string, ScoredFigure>>;
  timeliness: Timeliness;
  /** Points of manual items, by item code; absent items score 0. */
  manual: Readonly<Record<string, number>>;
}

export interface ItemScore {
  code: string;
  points: number;
  max: number;
}

export interface CriterionScore {
  code: string;
  points: number;
  max: number;
  items: ItemScore[];
}

export interface UnitScore {
  criteria: CriterionScore[];
  total: number;
  grade: Grade;
}
