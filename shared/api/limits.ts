// The bounds of what the API accepts, chosen so that every total stays exact: consolidation sums
// figures as integer thousandths (shared/consolidation/math.ts), exact up to 2^53, so the largest
// figure times the most units a deployment may hold must stay below it (limits.test.ts checks this).

/**
 * The largest figure of one unit's row, for each kind that is summed: a count (people, activities:
 * 100 million is Vietnam's population) and an amount of money (100 million triệu đồng, 100,000 tỷ).
 * A ratio target is never summed; it is held to the same bound. Above it: 400 naming the field.
 */
export const MAX_FIGURE = 100_000_000;

/**
 * Units in one deployment: the unit import refuses more. 90,000 × 10^8 × 1000 thousandths is
 * 9·10^15, below 2^53 ≈ 9.007·10^15, so a province of every unit at the maximum still sums exactly.
 */
export const MAX_UNITS = 90_000;

/** A period's deadline lies in these years, as written (a later one made every report late). */
export const DEADLINE_YEARS = { from: 2000, to: 2100 } as const;

/** An ISO 8601 date-time (already checked as such) whose written year is within DEADLINE_YEARS. */
export function deadlineInRange(iso: string): boolean {
  const year = /^(\d{4})-/.exec(iso)?.[1];
  if (year === undefined) return false;
  const y = Number(year);
  return y >= DEADLINE_YEARS.from && y <= DEADLINE_YEARS.to && !Number.isNaN(Date.parse(iso));
}
