// Reading "Kỳ báo cáo": the API wants 2023, 2023-H1, 2023-Q3 or 2023-11; people write "Năm 2023",
// "6 tháng đầu năm 2023", "Quý 3/2023", "Tháng 11/2023", and Excel turns a typed 2023-11 into a date.
import { PERIOD_RE } from "../api/schemas.ts";
import { isDateFormat } from "../parse/number-format.ts";
import { foldLabel } from "./text.ts";
import type { RawCell } from "./types.ts";

export interface PeriodReading {
  /** The canonical period code, when the text could be understood. */
  code?: string;
  /** True when the cell already holds the canonical code. */
  exact: boolean;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/** Excel's serial day (1900 system) → UTC year and month. */
function serialYearMonth(serial: number): { y: number; m: number } {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
}

function pad(m: number): string {
  return String(m).padStart(2, "0");
}

function month(y: string, m: string): string | undefined {
  const n = Number(m);
  return n >= 1 && n <= 12 ? `${y}-${pad(n)}` : undefined;
}

export function readPeriodCell(cell: RawCell): PeriodReading {
  if (typeof cell.value === "number") {
    if (isDateFormat(cell.numberFormat) && cell.value >= 1 && cell.value < 2_958_466) {
      const { y, m } = serialYearMonth(cell.value);
      return { code: `${y}-${pad(m)}`, exact: false };
    }
    const s = String(cell.value);
    return PERIOD_RE.test(s) ? { code: s, exact: true } : { exact: false };
  }
  const raw = typeof cell.value === "string" ? cell.value.trim() : cell.text.trim();
  if (PERIOD_RE.test(raw)) return { code: raw, exact: true };
  const code = periodFromText(raw);
  return code ? { code, exact: false } : { exact: false };
}

/** Human forms → canonical code, or undefined when not understood. */
type Groups = RegExpExecArray;
const PATTERNS: [RegExp, (m: Groups) => string | undefined][] = [
  [/^(\d{4})$/, (m) => m[1]],
  [/^6 thang(?: dau)? (\d{4})$/, (m) => `${m[1]}-H1`],
  [/^6 thang cuoi (\d{4})$/, (m) => `${m[1]}-H2`],
  [/^h([12]) ?[/.-]? ?(\d{4})$/, (m) => `${m[2]}-H${m[1]}`],
  [/^(\d{4}) ?[/.-]? ?h([12])$/, (m) => `${m[1]}-H${m[2]}`],
  [/^(?:quy|q) ?(iv|i{1,3}|[1-4]) ?[/.-]? ?(\d{4})$/, (m) => `${m[2]}-Q${ROMAN[m[1]!] ?? m[1]}`],
  [/^(\d{4}) ?[/.-]? ?q([1-4])$/, (m) => `${m[1]}-Q${m[2]}`],
  [/^(?:thang|t) ?(\d{1,2}) ?[/.-]? ?(\d{4})$/, (m) => month(m[2]!, m[1]!)],
  [/^(\d{1,2}) ?[/.-] ?(\d{4})$/, (m) => month(m[2]!, m[1]!)],
  [/^(\d{4}) ?[/.-] ?(\d{1,2})$/, (m) => month(m[1]!, m[2]!)],
];

export function periodFromText(text: string): string | undefined {
  const s = foldLabel(text)
    .replace(/\b(nam|ky|bao cao)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const [re, build] of PATTERNS) {
    const m = re.exec(s);
    if (m) return build(m);
  }
  return undefined;
}
