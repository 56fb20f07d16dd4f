// The arithmetic of consolidation, in one place: the Worker imports these so that its incremental
// totals and this module round identically (exact equality is tested between them).

/**
 * A figure as an integer number of thousandths. Money has at most 3 decimals, so summing these integers
 * is exact (100.125 + 111.5 + 100.375 is 312, not 311.99999999999994); counts are whole numbers, for
 * which this is the plain integer sum.
 */
export function toThousands(x: number): number {
  return Math.round(x * 1000);
}

/** The figure back from an integer sum of thousandths: one division, at the very end. */
export function fromThousands(n: number): number {
  return n / 1000;
}

/** One decimal, half up: the precision of every percentage we show (Math.round, not toFixed). */
export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * Percentage `round1(actual / target × 100)`, computed in this order (divide, then × 100) so that
 * every side gets the same double. Undefined when the target is not > 0: no rate without a target.
 * Used for the achievement rate (Tỷ lệ đạt) and for ratio rows (numerator / denominator).
 */
export function ratePercent(actual: number, target: number): number | undefined {
  if (!Number.isFinite(actual) || !Number.isFinite(target) || !(target > 0)) return undefined;
  return round1((actual / target) * 100);
}

/**
 * Sum of two integer thousandths. Refuses to go past 2^53 rather than lose units silently (a total of
 * ~9·10^12 triệu đồng, far above any real figure; SQLite's SUM raises "integer overflow" likewise).
 */
export function addThousands(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) {
    throw new RangeError(`consolidation: total ${sum / 1000} is too large to sum exactly`);
  }
  return sum;
}
