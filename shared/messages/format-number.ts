// Numbers in messages, written the way each language's readers write them: vi "92.387" and "1,5",
// en "92,387" and "1.5". Done by hand rather than Intl so the Worker and the add-in agree exactly,
// whatever ICU data the runtime ships. The one formatter of message numbers: every message table
// (cell, rule, grid) writes its params through `formatParam`.
import type { IssueParam } from "../issues.ts";
import type { Lang } from "./types.ts";

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

export interface NumberStyle {
  /**
   * Group thousands (default true): rule messages write 1.200. Cell messages do not (92387), since
   * they are about "92.387" typed as text and writing the fix as "92.387" again would not help.
   */
  group?: boolean;
}

/** Plain decimal digits of a finite non-negative number, never in exponent form. */
function plainDigits(abs: number): string {
  const s = String(abs);
  if (!s.includes("e")) return s;
  // ≥ 1e21 is always an integer in a double; BigInt prints it exactly.
  if (abs >= 1) return BigInt(abs).toString();
  // Below 1e-6: "1.5e-7" → "0." + zeros + the mantissa's digits (toFixed stops at 100 places).
  const [mantissa = "", exponent = "0"] = s.split("e");
  return `0.${"0".repeat(-Number(exponent) - 1)}${mantissa.replace(".", "")}`;
}

/**
 * The shortest form that reads back as the same number (no rounding: a message about "too many
 * decimals" must show them all), grouped by thousands unless `style.group` is false.
 */
export function formatNumber(n: number, lang: Lang, style: NumberStyle = {}): string {
  if (!Number.isFinite(n)) return String(n);
  const { group, decimal } = SEPARATORS[lang];
  const sign = n < 0 ? "-" : "";
  const [int = "0", frac] = plainDigits(Math.abs(n)).split(".");
  const grouped = style.group === false ? int : int.replace(/\B(?=(\d{3})+$)/g, group);
  return sign + grouped + (frac ? decimal + frac : "");
}

/** A message param as text: numbers through `formatNumber`, null and missing as "", the rest as is. */
export function formatParam(v: IssueParam | undefined, lang: Lang, style: NumberStyle = {}): string {
  if (typeof v === "number") return formatNumber(v, lang, style);
  return v === null || v === undefined ? "" : String(v);
}
