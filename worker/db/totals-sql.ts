// What a unit's stored totals are, written once for every statement that rebuilds them from the current
// values of its subtree (recompute's rebuild and a tree change's rebuild). The submission batch adds a
// delta to the same columns instead (submission-batch.ts).

export const INSERT_TOTALS = `INSERT INTO totals (ancestor, period, code, target_sum, target_count,
  actual_sum, actual_count, grade_xs, grade_t, grade_ht, grade_kht, units_met, units_reported)`;

/**
 * The aggregated columns of INSERT_TOTALS after (ancestor, period, code), over current_values `cv` joined
 * to the closure row `closure`. `?2`: per-unit targets by code (codec.perUnitThresholds); a unit meets a
 * target only below the ancestor (depth > 0), never its own figures.
 */
export function totalsAggregate(closure: string): string {
  return `IFNULL(SUM(cv.target), 0), COUNT(cv.target), IFNULL(SUM(cv.actual), 0), COUNT(cv.actual),
  SUM(cv.grade IS 'XS'), SUM(cv.grade IS 'T'), SUM(cv.grade IS 'HT'), SUM(cv.grade IS 'KHT'),
  SUM(${closure}.depth > 0 AND IFNULL(cv.actual >= json_extract(?2, '$.' || cv.code), 0)),
  SUM(${closure}.depth > 0 AND cv.actual IS NOT NULL AND json_extract(?2, '$.' || cv.code) IS NOT NULL)`;
}

/** Only values that hold a figure count (a row with only a note adds nothing). */
export const HOLDS_A_FIGURE = "cv.target IS NOT NULL OR cv.actual IS NOT NULL OR cv.grade IS NOT NULL";
