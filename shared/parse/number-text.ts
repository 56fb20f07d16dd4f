// Recognisers for numbers written as text: "92.387" (Vietnamese thousands), "1,5" (decimal comma),
// "12 người", "１２３", "\u00a0125 ". Pure string → candidates; choosing between candidates depends on the
// row's kind and is done by `chooseReading`. Used by parseCell, the CLI "fix" command and the API.
import { fold } from "./fold.ts";

/** Whitespace as it arrives from pastes: Unicode spaces (NBSP, U+202F …) and zero-width characters. */
const WS = "\\s\\u200B-\\u200D\\u2060\\uFEFF";
const EDGE_WS = new RegExp(`^[${WS}]+|[${WS}]+$`, "gu");
const ONLY_WS = new RegExp(`^[${WS}]*$`, "u");
const IS_WS = new RegExp(`^[${WS}]$`, "u");

/** A unit after the number: words ("người", "triệu đồng", "tr.đ") or "%". Digits are not allowed. */
const UNIT = /^(?:%|\p{L}[\p{L}\p{M}.\s]*)$/u;

export type GroupSeparator = "." | "," | " ";
export type DecimalMark = "." | ",";

export interface NumberReading {
  /** Signed value. */
  value: number;
  /** integer: plain digits; thousands: every separator groups thousands; decimal: the last one is a decimal mark. */
  kind: "integer" | "thousands" | "decimal";
  group?: GroupSeparator;
  decimalMark?: DecimalMark;
  /** Significant decimals (trailing zeros not counted). */
  decimals: number;
}

export interface NumberText {
  /** The text with full-width forms mapped to ASCII and whitespace at the edges removed. */
  text: string;
  negative: boolean;
  /** A leading "+". */
  plus: boolean;
  /** The number part as written, e.g. "92.387" (any whitespace group separator shown as " "). */
  number: string;
  /** What follows the number ("người", "triệu đồng", "%"), "" when nothing. */
  unit: string;
  /** Whitespace at the edges, or a non-ASCII space (NBSP, U+202F …) anywhere. */
  strayWhitespace: boolean;
  /** Full-width digits or signs (１２３), as typed with an East Asian IME. */
  fullWidth: boolean;
  /** Every reading of the separators: one, or two when "1.500" may be 1500 or 1.5. Never empty. */
  readings: NumberReading[];
}

export function isBlankText(s: string): boolean {
  return ONLY_WS.test(s);
}

/** Maps full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space to ASCII. */
function toHalfWidth(s: string): { text: string; changed: boolean } {
  let changed = false;
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0xff01 && cp <= 0xff5e) {
      out += String.fromCodePoint(cp - 0xfee0);
      changed = true;
    } else if (cp === 0x3000) {
      out += " ";
      changed = true;
    } else {
      out += ch;
    }
  }
  return { text: out, changed };
}

/** "-", "–", "—" and friends standing alone: used for "zero" as often as for "no data". */
export function isDashText(s: string): boolean {
  return /^[-\u2010-\u2015\u2212\u2E3A\u2E3B]+$/u.test(toHalfWidth(s.replace(EDGE_WS, "")).text);
}

export const FORMULA_ERRORS = [
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#N/A",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#GETTING_DATA",
] as const;

/** The Excel error literal the text is ("#div/0!" → "#DIV/0!"), or undefined. */
export function formulaErrorText(s: string): string | undefined {
  const t = s.replace(EDGE_WS, "").toUpperCase();
  return FORMULA_ERRORS.find((e) => e === t);
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= "0" && ch <= "9";

/** Thousands grouping of an integer part: 1–3 digits without a leading zero, then groups of exactly 3. */
function validGrouping(groups: readonly string[]): boolean {
  const [first, ...rest] = groups;
  if (first === undefined || first.length < 1 || first.length > 3 || first.startsWith("0")) return false;
  return rest.every((g) => g.length === 3);
}

/** Decimals of a double as JavaScript prints it (1.2345 → 4, 1e-7 → 7). */
export function decimalsOf(n: number): number {
  const [mantissa = "", exp] = String(Math.abs(n)).split("e");
  const frac = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, frac - Number(exp ?? 0));
}

function significantDecimals(frac: string): number {
  return frac.replace(/0+$/, "").length;
}

/** All readings of "digits and separators" (no sign); [] when malformed ("1..5", "5.", "12.5.2023"). */
export function readSeparators(num: string): NumberReading[] {
  const groups: string[] = [];
  const seps: GroupSeparator[] = [];
  let cur = "";
  for (const ch of num) {
    if (isDigit(ch)) {
      cur += ch;
    } else if (ch === "." || ch === "," || ch === " ") {
      // Two separators in a row, or a trailing one, leave an empty group: malformed.
      if (cur === "" && groups.length > 0) return [];
      groups.push(cur);
      seps.push(ch);
      cur = "";
    } else {
      return [];
    }
  }
  if (cur === "") return [];
  groups.push(cur);

  const last = groups[groups.length - 1] ?? "";
  if (seps.length === 0) return [{ value: Number(last), kind: "integer", decimals: 0 }];

  const readings: NumberReading[] = [];
  const sep0 = seps[0];
  if (sep0 !== undefined && seps.every((s) => s === sep0) && validGrouping(groups)) {
    readings.push({ value: Number(groups.join("")), kind: "thousands", group: sep0, decimals: 0 });
  }

  const mark = seps[seps.length - 1];
  if (mark === "." || mark === ",") {
    const intGroups = groups.slice(0, -1);
    const intSeps = seps.slice(0, -1);
    const group = intSeps[0];
    // With one separator any integer part goes ("0,5", "12.5", ".5"); with more, the others group thousands.
    const intOk =
      group === undefined ||
      (group !== mark && intSeps.every((s) => s === group) && validGrouping(intGroups));
    if (intOk) {
      const int = intGroups.join("") || "0";
      readings.push({
        value: Number(`${int}.${last}`),
        kind: "decimal",
        ...(group === undefined ? {} : { group }),
        decimalMark: mark,
        decimals: significantDecimals(last),
      });
    }
  }
  return readings;
}

/**
 * Reads a number written as text, with an optional sign and unit. Undefined when the text is not a
 * number (blank, "-", "khoảng 12", "12-15", "1e3", "12.5.2023").
 */
export function readNumberText(raw: string): NumberText | undefined {
  const half = toHalfWidth(raw);
  const text = half.text.replace(EDGE_WS, "");
  const strayWhitespace = text !== half.text || /[^\S ]|[\u200B-\u200D\u2060\uFEFF]/u.test(text);
  let i = 0;
  let negative = false;
  let plus = false;
  if (text[0] === "-" || text[0] === "\u2212") {
    negative = true;
    i++;
  } else if (text[0] === "+") {
    plus = true;
    i++;
  }
  while (i < text.length && IS_WS.test(text[i] ?? "")) i++;

  let number = "";
  while (i < text.length) {
    const ch = text[i] ?? "";
    if (isDigit(ch) || ch === "." || ch === ",") {
      number += ch;
      i++;
    } else if (IS_WS.test(ch) && isDigit(number[number.length - 1]) && isDigit(text[i + 1])) {
      // One space between digits groups thousands ("92 387", "92\u202f387").
      number += " ";
      i++;
    } else {
      break;
    }
  }
  if (!/\d/.test(number)) return undefined;
  const unit = text.slice(i).replace(EDGE_WS, "");
  if (unit !== "" && !UNIT.test(unit)) return undefined;

  const readings = readSeparators(number).map((r) =>
    negative && r.value !== 0 ? { ...r, value: -r.value } : r,
  );
  if (readings.length === 0) return undefined;
  return { text, negative, plus, number, unit, strayWhitespace, fullWidth: half.changed, readings };
}

export type ReadingChoice =
  | { kind: "one"; reading: NumberReading }
  | { kind: "ambiguous"; thousands: NumberReading; decimal: NumberReading };

/**
 * Picks the reading for a row. Counts are whole numbers, so in a count cell a group of exactly three
 * digits after "." or "," is always thousands. Money and percents may have decimals, so "1.500" or
 * "2,000" there has two readings and is never guessed.
 */
export function chooseReading(readings: readonly NumberReading[], mode: "count" | "decimal"): ReadingChoice {
  const thousands = readings.find((r) => r.kind === "thousands");
  const decimal = readings.find((r) => r.kind === "decimal");
  if (thousands && decimal) {
    return mode === "count" ? { kind: "one", reading: thousands } : { kind: "ambiguous", thousands, decimal };
  }
  const only = thousands ?? decimal ?? readings[0];
  if (only === undefined) throw new Error("chooseReading: no readings"); // readNumberText never returns none
  return { kind: "one", reading: only };
}

/** Other ways people write a row's ĐVT, keyed by the folded ĐVT. */
const UNIT_SYNONYMS: Record<string, readonly string[]> = {
  "trieu dong": ["tr", "trd", "tr d", "trieu vnd", "trieu dong vn"],
  nguoi: ["ng"],
  "%": ["phan tram"],
};

function foldUnit(u: string): string {
  return fold(u.replace(/\./g, " "))
    .replace(/ (?=\S$)/, "") // "tr đ" and "tr.đ" → "trd"
    .replace(/\s+/g, " ");
}

/**
 * Whether a unit typed after a number says the same as the row's ĐVT, so dropping it keeps the value:
 * "người" in a người row, "triệu" or "tr.đ" in a triệu đồng row, "lượt người" in a lượt row.
 * "nghìn", "tỷ", "đồng" or another noun ("5 lớp" in a người row) change what the number means.
 */
export function unitFits(unit: string, rowUnit: string): boolean {
  const u = foldUnit(unit);
  const r = foldUnit(rowUnit);
  if (u === "" || r === "") return false;
  if (u === r || r.startsWith(`${u} `) || u.startsWith(`${r} `)) return true;
  return (UNIT_SYNONYMS[r] ?? []).includes(u);
}
