// The period before another of the same length (2023 → 2022, 2023-H1 → 2022-H2, 2023-Q1 → 2022-Q4,
// 2023-01 → 2022-12): the outlier rule compares a report with the unit's previous one.
import { PERIOD_RE } from "../../shared/api/schemas.ts";

export function previousPeriod(period: string): string | undefined {
  const m = PERIOD_RE.exec(period);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year === 0) return undefined;
  const part = m[2];
  if (part === undefined) return String(year - 1).padStart(4, "0");
  const kind = part[0];
  if (kind === "H" || kind === "Q") {
    const n = Number(part.slice(1));
    const last = kind === "H" ? 2 : 4;
    return n > 1 ? `${year}-${kind}${n - 1}` : `${String(year - 1).padStart(4, "0")}-${kind}${last}`;
  }
  const month = Number(part);
  return month > 1
    ? `${year}-${String(month - 1).padStart(2, "0")}`
    : `${String(year - 1).padStart(4, "0")}-12`;
}
