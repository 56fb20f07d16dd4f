// The period a consolidation is compared with by default: the same period a year earlier ("so với cùng
// kỳ"): 2026 → 2025, 2026-H1 → 2025-H1, 2026-Q3 → 2025-Q3, 2026-11 → 2025-11.
import { PERIOD_RE } from "../api/schemas.ts";

/** The same period one year before, or undefined when `period` is not a period code. */
export function samePeriodYearBefore(period: string): string | undefined {
  const m = PERIOD_RE.exec(period.trim());
  if (!m?.[1]) return undefined;
  const year = Number(m[1]) - 1;
  return m[2] ? `${year}-${m[2]}` : String(year);
}
