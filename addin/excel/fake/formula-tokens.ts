// The formula engine's tokenizer: numbers, strings, error literals, references with an optional sheet
// ('Báo cáo'!A1, Sheet1!$B$2), function and other names, operators and punctuation.

import { colToIndex } from "./address.ts";

/** Error literals a formula may contain, as Excel spells them. */
export const ERRORS = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"] as const;

/** Thrown when the tokenizer or the parser cannot read a formula. */
export class FormulaSyntaxError extends Error {}

export type Tok =
  | { k: "num"; v: number }
  | { k: "str"; v: string }
  | { k: "err"; v: string }
  | { k: "ref"; sheet?: string; r: number; c: number }
  | { k: "ident"; v: string; sheet?: string }
  | { k: "func"; v: string }
  | { k: "op"; v: string }
  | { k: "("; v: "(" }
  | { k: ")"; v: ")" }
  | { k: ","; v: "," }
  | { k: ":"; v: ":" };

const REF = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const IDENT = /[\p{L}_\\][\p{L}\p{N}_.]*/uy;
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const SHEET_PLAIN = /([\p{L}_][\p{L}\p{N}_.]*)!/uy;

/** Text up to the closing quote, where a doubled quote stands for one; `next` is just past it. */
function readQuoted(src: string, start: number, quote: string, what: string): { text: string; next: number } {
  let text = "";
  let i = start;
  for (;;) {
    if (i >= src.length) throw new FormulaSyntaxError(`unterminated ${what}`);
    const c = src[i];
    if (c === quote) {
      if (src[i + 1] === quote) {
        text += quote;
        i += 2;
        continue;
      }
      return { text, next: i + 1 };
    }
    text += c;
    i++;
  }
}

/** A sheet prefix ('Báo cáo'! or Sheet1!) at `i`, if any; `next` is just past the "!". */
function readSheetPrefix(src: string, i: number): { sheet: string | undefined; next: number } {
  if (src[i] === "'") {
    const q = readQuoted(src, i + 1, "'", "sheet name");
    if (src[q.next] !== "!") throw new FormulaSyntaxError("quoted name without !");
    return { sheet: q.text, next: q.next + 1 };
  }
  SHEET_PLAIN.lastIndex = i;
  const m = SHEET_PLAIN.exec(src);
  return m ? { sheet: m[1], next: i + m[0].length } : { sheet: undefined, next: i };
}

/** A reference (A1, $A$1), a function name before "(", or a name, onto `toks`; returns the index after it. */
function readName(src: string, i: number, sheet: string | undefined, toks: Tok[]): number {
  const start = i;
  let j = i;
  if (src[j] === "$") j++;
  IDENT.lastIndex = j;
  const m = IDENT.exec(src);
  if (!m) throw new FormulaSyntaxError(`bad reference at ${i}`);
  j += m[0].length;
  // $A$1: the identifier stops at the second $, so take "$" + digits too.
  if (src[j] === "$") {
    const digits = /\d+/y;
    digits.lastIndex = j + 1;
    const d = digits.exec(src);
    if (d) j += 1 + d[0].length;
  }
  const text = src.slice(start, j);
  const ref = REF.exec(text);
  if (ref) {
    toks.push({ k: "ref", sheet, r: Number(ref[2]) - 1, c: colToIndex(ref[1] ?? "") });
  } else if (text.includes("$")) {
    throw new FormulaSyntaxError(`bad reference ${text}`);
  } else if (src[j] === "(" && sheet === undefined) {
    toks.push({ k: "func", v: text.toUpperCase() });
  } else {
    toks.push({ k: "ident", v: text, sheet });
  }
  return j;
}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const ch = src[i] ?? "";
    if (ch === " " || ch === "\n" || ch === "\t") {
      i++;
      continue;
    }
    if (ch === '"') {
      const q = readQuoted(src, i + 1, '"', "string");
      toks.push({ k: "str", v: q.text });
      i = q.next;
      continue;
    }
    if (ch === "#") {
      const err = ERRORS.find((e) => src.startsWith(e, i));
      if (!err) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      toks.push({ k: "err", v: err });
      i += err.length;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(src);
      if (!m) throw new FormulaSyntaxError(`bad number at ${i}`);
      toks.push({ k: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    const prefix = readSheetPrefix(src, i);
    const sheet = prefix.sheet;
    i = prefix.next;
    const c0 = src[i] ?? "";
    if (c0 === "$" || /[\p{L}_\\]/u.test(c0)) {
      i = readName(src, i, sheet, toks);
      continue;
    }
    if (sheet !== undefined) throw new FormulaSyntaxError("sheet name without a reference");
    const two = src.slice(i, i + 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      toks.push({ k: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%".includes(ch)) {
      toks.push({ k: "op", v: ch });
      i++;
      continue;
    }
    if (ch === "(" || ch === ")" || ch === "," || ch === ":") {
      toks.push({ k: ch, v: ch } as Tok);
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected ${JSON.stringify(ch)} at ${i}`);
  }
  return toks;
}
