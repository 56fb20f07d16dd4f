// Numbers in messages, written the way each language's readers write them: vi "92.387" and "1,5",
// en "92,387" and "1.5". Done by hand rather than Intl so the Worker and the add-in agree exactly,
// whatever ICU data the runtime ships.
import type { Lang } from "./types.ts";

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

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
 * decimals" must show them all), grouped by thousands.
 */
export function formatNumber(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return String(n);
  const { group, decimal } = SEPARATORS[lang];
  const sign = n < 0 ? "-" : "";
  const [int = "0", frac] = plainDigits(Math.abs(n)).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, group);
  return sign + grouped + (frac ? decimal + frac : "");
}
