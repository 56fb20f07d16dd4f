// What a value written to `Range.values` becomes: Excel parses strings as if a user typed them
// (facts §2). The fake follows en-US input rules (the API does not use the user's locale: nl-NL
// "19-8-2025" stays text).

import { FormulaSyntaxError, parseFormula } from "./formula.ts";
import { serialFromDate } from "./numfmt.ts";

export type Scalar = number | string | boolean;

export type Typed =
  | { kind: "empty" }
  | { kind: "value"; value: Scalar; quotePrefix?: boolean; autoFormat?: string }
  | { kind: "formula"; formula: string };

export class TypedInputError extends Error {}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isTextFormat(numberFormat: string): boolean {
  return numberFormat === "@";
}

function formulaParses(formula: string): boolean {
  try {
    parseFormula(formula.slice(1));
    return true;
  } catch (e) {
    if (e instanceof FormulaSyntaxError) return false;
    throw e;
  }
}

/**
 * Parses one input as Excel does when it is typed into a cell whose number format is `numberFormat`.
 * `dateFormat` is applied to a General cell that receives a date. Throws TypedInputError for a string
 * starting with "=" that is not a valid formula (Excel refuses it; the fake is strict).
 */
export function parseTyped(input: Scalar, numberFormat: string, dateFormat: string): Typed {
  const general = numberFormat === "General" || numberFormat === "";
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new TypedInputError(`not a finite number: ${input}`);
    // A number written into a Text ("@") cell is stored as text, like typing it (✘ unconfirmed: strict).
    if (isTextFormat(numberFormat)) return { kind: "value", value: String(input) };
    return { kind: "value", value: input };
  }
  if (typeof input === "boolean") {
    if (isTextFormat(numberFormat)) return { kind: "value", value: input ? "TRUE" : "FALSE" };
    return { kind: "value", value: input };
  }
  if (input === "") return { kind: "empty" };
  if (input.startsWith("'")) {
    const rest = input.slice(1);
    return rest === "" ? { kind: "empty" } : { kind: "value", value: rest, quotePrefix: true };
  }
  if (isTextFormat(numberFormat)) return { kind: "value", value: input };
  if (input.startsWith("=")) {
    if (!formulaParses(input)) throw new TypedInputError(`not a valid formula: ${input}`);
    return { kind: "formula", formula: input };
  }
  const trimmed = input.trim();
  if (PLAIN_NUMBER.test(trimmed)) return { kind: "value", value: Number(trimmed) };
  if (GROUPED_NUMBER.test(trimmed)) {
    return {
      kind: "value",
      value: Number(trimmed.replace(/,/g, "")),
      autoFormat: general ? "#,##0" : undefined,
    };
  }
  const pct = PERCENT.exec(trimmed);
  if (pct) {
    const n = Number(pct[1]);
    return {
      kind: "value",
      value: Number((n / 100).toPrecision(15)),
      autoFormat: general ? (Number.isInteger(n) ? "0%" : "0.00%") : undefined,
    };
  }
  const iso = ISO_DATE.exec(trimmed);
  if (iso) {
    const serial = serialFromDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== null)
      return { kind: "value", value: serial, autoFormat: general ? dateFormat : undefined };
  }
  const up = trimmed.toUpperCase();
  if (up === "TRUE" || up === "FALSE") return { kind: "value", value: up === "TRUE" };
  if ((input.startsWith("+") || input.startsWith("-")) && input.length > 1) {
    // "+A1" or "-x" is typed as a formula ("=+A1"); "- ghi chú" does not parse and stays text.
    const formula = `=${input}`;
    if (formulaParses(formula)) return { kind: "formula", formula };
  }
  return { kind: "value", value: input };
}
