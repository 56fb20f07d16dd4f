// GET /v1/scores and PUT /v1/scores (api-v1-2026 §4): the bodies and answers, shared by the Worker and
// every client.
import { z } from "zod";
import { periodCode, unitCode } from "./schemas.ts";

export const scoreKind = z.enum(["self", "reviewed"]);
export type ScoreKind = z.infer<typeof scoreKind>;

export const scoresQuery = z.object({ unit: unitCode, period: periodCode });

export const scoresPut = z.strictObject({
  unit: unitCode,
  period: periodCode,
  kind: scoreKind,
  items: z
    .array(
      z.strictObject({
        code: z.string().min(1).max(32),
        points: z.number().finite().min(0),
        note: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(200),
});
export type ScoresPut = z.infer<typeof scoresPut>;

const criterionPoints = z.object({ code: z.string(), points: z.number(), max: z.number() });

export const unitScoreAnswer = z.object({
  unit: z.string(),
  name: z.string(),
  cluster: z.string().optional(),
  criteria: z.array(criterionPoints),
  /** The unit's own score, and the score the level above gave after review, when there is one. */
  self: z.number().optional(),
  reviewed: z.number().optional(),
  total: z.number(),
  grade: z.enum(["XS", "T", "HT", "KHT"]),
  /** The grade the unit typed in TD01, present only when it disagrees with the scored grade (a warning). */
  typedGrade: z.enum(["XS", "T", "HT", "KHT"]).optional(),
  rank: z.number().int().min(1),
});
export type UnitScoreAnswer = z.infer<typeof unitScoreAnswer>;

/** The asked unit's own score, item by item, so it can see what it misses (no rank: that needs siblings). */
export const ownScoreAnswer = unitScoreAnswer.omit({ rank: true, criteria: true }).extend({
  criteria: z.array(criterionPoints.extend({ items: z.array(criterionPoints) })),
});
export type OwnScoreAnswer = z.infer<typeof ownScoreAnswer>;

export const scoresAnswer = z.object({
  unit: z.string(),
  period: z.string(),
  scheme: z.object({ id: z.string(), version: z.number().int(), max: z.number() }),
  units: z.array(unitScoreAnswer),
  /** How many children the scheme puts in each grade: what TD01 counts once units are scored. */
  grades: z.record(z.enum(["XS", "T", "HT", "KHT"]), z.number().int()).optional(),
  own: ownScoreAnswer.optional(),
});
export type ScoresAnswer = z.infer<typeof scoresAnswer>;

export const scoresPutAnswer = z.object({
  unit: z.string(),
  period: z.string(),
  kind: scoreKind,
  items: z.array(z.object({ code: z.string(), points: z.number(), note: z.string().optional() })),
  savedAt: z.string(),
});
export type ScoresPutAnswer = z.infer<typeof scoresPutAnswer>;
