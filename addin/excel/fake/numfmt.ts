// Displayed text (`Range.text`) for the small set of number formats the product uses, and date serials.
// A number shown under any other format throws FakeUnsupportedError rather than inventing a display.
// Kept apart from shared/plans/to-grid.ts's renderNumberFormat (the fake imports nothing from shared/);
// addin/excel/render-plan.test.ts checks they agree on the plans' formats.

import { unsupported } from "./errors.ts";

const DAY_MS = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const EPOCH_1899_12_31 = Date.UTC(1899, 11, 31);

/** Excel's 1900 date system (with its phantom 1900-02-29 = serial 60). Null for dates Excel keeps as text. */
export function serialFromDate(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  if (ms < Date.UTC(1900, 2, 1)) return Math.round((ms - EPOCH_1899_12_31) / DAY_MS);
  return Math.round((ms - EPOCH_1899_12_30) / DAY_MS);
}

export function dateFromSerial(serial: number): { y: number; m: number; d: number } {
  const whole = Math.floor(serial);
  if (whole === 60) return { y: 1900, m: 2, d: 29 };
  const base = whole < 60 ? EPOCH_1899_12_31 : EPOCH_1899_12_30;
  const dt = new Date(base + whole * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** Rounds half away from zero on the 15-significant-digit decimal value, as Excel displays. */
export function roundHalfAway(n: number, decimals: number): number {
  const sign = n < 0 ? -1 : 1;
  const x = Number(Math.abs(n).toPrecision(15));
  if (x >= 1e15) return sign * x;
  const scale = 10 ** decimals;
  const shifted = Number((x * scale).toPrecision(15));
  return (sign * Math.round(shifted)) / scale;
}

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Excel's "General" display, approximated: up to 10 significant decimals, scientific beyond 1E+11. */
export function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant = "0", exp = "0"] = n.toExponential(5).split("e");
    const m = mant.includes(".") ? mant.replace(/0+$/, "").replace(/\.$/, "") : mant;
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  if (Number.isInteger(n)) return String(n);
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits);
  const s = roundHalfAway(n, decimals).toFixed(decimals);
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

const NUMERIC = /^(#,##)?(0+)(?:\.(0*)(#*))?(%)?$/;
const DATE_PART = "(?:d{1,2}|m{1,2}|yyyy|yy)";
const DATE = new RegExp(`^${DATE_PART}([/.-])${DATE_PART}\\1${DATE_PART}$`, "i");

export function isDateFormat(format: string): boolean {
  return DATE.test(format);
}

function formatDate(serial: number, format: string): string {
  if (serial < 0 || serial >= 2_958_466) throw unsupported(`dates outside 1900–9999 (serial ${serial})`);
  const { y, m, d } = dateFromSerial(serial);
  return format.replace(/yyyy|yy|dd|d|mm|m/gi, (tok) => {
    switch (tok.toLowerCase()) {
      case "yyyy":
        return String(y);
      case "yy":
        return String(y % 100).padStart(2, "0");
      case "dd":
        return String(d).padStart(2, "0");
      case "d":
        return String(d);
      case "mm":
        return String(m).padStart(2, "0");
      default:
        return String(m);
    }
  });
}

/** The text Excel displays for a number under `format` (only the formats listed in the file header). */
export function renderNumberFormat(n: number, format: string): string {
  if (format === "" || format.toLowerCase() === "general" || format === "@") return formatGeneral(n);
  if (isDateFormat(format)) return formatDate(n, format);
  const m = NUMERIC.exec(format);
  if (!m) throw unsupported(`displaying a number under the format ${JSON.stringify(format)}`);
  const grouping = m[1] !== undefined;
  const minInt = (m[2] ?? "0").length;
  const fixed = (m[3] ?? "").length;
  const optional = (m[4] ?? "").length;
  const hasPoint = m[3] !== undefined || m[4] !== undefined;
  const percent = m[5] !== undefined;
  const value = percent ? Number((n * 100).toPrecision(15)) : n;
  const decimals = fixed + optional;
  const rounded = roundHalfAway(value, decimals);
  const abs = Math.abs(rounded).toFixed(decimals);
  let [intPart = "0", frac = ""] = abs.split(".");
  intPart = intPart.padStart(minInt, "0");
  if (grouping) intPart = group(intPart);
  if (optional > 0) {
    const keep = frac.slice(0, fixed);
    const rest = frac.slice(fixed).replace(/0+$/, "");
    frac = keep + rest;
  }
  const sign = n < 0 ? "-" : "";
  // Excel keeps the decimal point even when every optional digit is dropped: 5 under "0.###" shows "5."
  const body = hasPoint ? `${intPart}.${frac}` : intPart;
  return `${sign}${body}${percent ? "%" : ""}`;
}
