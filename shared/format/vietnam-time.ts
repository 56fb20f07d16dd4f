// How people read dates and periods: Vietnam time (UTC+7 all year, no daylight saving) and Vietnamese
// forms. Machines keep ISO UTC; every place a person reads a date goes through this module.
import { PERIOD_RE } from "../api/schemas.ts";

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const ROMAN = ["I", "II", "III", "IV"] as const;

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** The wall clock in Vietnam at an instant, as UTC fields of a shifted Date. */
function vietnamClock(instant: Date | string | number): Date {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a date: ${String(instant)}`);
  return new Date(ms + VIETNAM_OFFSET_MS);
}

/** "02/12/2026" */
export function formatDateVn(instant: Date | string | number): string {
  const d = vietnamClock(instant);
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "02/12/2026 09:46" */
export function formatDateTimeVn(instant: Date | string | number): string {
  const d = vietnamClock(instant);
  return `${formatDateVn(instant)} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/** "ngày 02 tháng 12 năm 2026", the form of the place-and-date line of an official document. */
export function formatLongDateVn(instant: Date | string | number): string {
  const d = vietnamClock(instant);
  return `ngày ${pad2(d.getUTCDate())} tháng ${pad2(d.getUTCMonth() + 1)} năm ${d.getUTCFullYear()}`;
}

/** Today's date in Vietnam as ISO `YYYY-MM-DD` (the default `at` of the dated unit tree). */
export function todayInVietnam(now: Date | number = Date.now()): string {
  const d = vietnamClock(now);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** A period as people write it: "Năm 2023", "6 tháng đầu năm 2026", "Quý III năm 2023", "Tháng 11 năm 2025". */
export function formatPeriodVn(period: string): string {
  if (!PERIOD_RE.test(period)) return period;
  const [year, part] = period.split("-") as [string, string | undefined];
  if (part === undefined) return `Năm ${year}`;
  if (part === "H1") return `6 tháng đầu năm ${year}`;
  if (part === "H2") return `6 tháng cuối năm ${year}`;
  if (part.startsWith("Q")) return `Quý ${ROMAN[Number(part.slice(1)) - 1]} năm ${year}`;
  return `Tháng ${Number(part)} năm ${year}`;
}

/** A period as English readers write it: "2023", "first half of 2026", "Q3 2023", "November 2025". */
export function formatPeriodEn(period: string): string {
  if (!PERIOD_RE.test(period)) return period;
  const [year, part] = period.split("-") as [string, string | undefined];
  if (part === undefined) return year;
  if (part === "H1") return `first half of ${year}`;
  if (part === "H2") return `second half of ${year}`;
  if (part.startsWith("Q")) return `${part} ${year}`;
  const month = new Date(Date.UTC(2000, Number(part) - 1, 1)).toLocaleString("en-GB", {
    month: "long",
    timeZone: "UTC",
  });
  return `${month} ${year}`;
}

/** A period's last day, its reference date: `2023` → 2023-12-31, `2025-H1` → 2025-06-30. */
export function periodLastDay(period: string): string {
  if (!PERIOD_RE.test(period)) throw new RangeError(`not a period: ${period}`);
  const [yearText, part] = period.split("-") as [string, string | undefined];
  const year = Number(yearText);
  let month = 12;
  if (part?.startsWith("H")) month = part === "H1" ? 6 : 12;
  else if (part?.startsWith("Q")) month = Number(part.slice(1)) * 3;
  else if (part !== undefined) month = Number(part);
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${yearText}-${pad2(month)}-${pad2(last)}`;
}
