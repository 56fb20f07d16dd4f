// The rule language of templates, parsed without eval by every side (Worker, add-in, CLI):
//   GD02 <= GD01            comparison of codes and numbers (<=, >=, <, >, ==, !=)
//   PT03 > 0 => PT02 > 0    implication: when the left comparison holds, the right one must
//   TD02 + TD03 >= 1        sums and differences
//   PT01 <= 100 * GD04      multiplication by a constant (never of two codes: a rule stays linear)
// Each side is kept as a linear form Σ coef × code + constant, so evaluating needs no tree walk.
// A mistake names its column, 1-based: "col 9: unknown code PT99".

export type Comparator = "<=" | ">=" | "<" | ">" | "==" | "!=";

export interface Linear {
  /** Codes with their coefficients, in the order they first appear. */
  terms: { code: string; coef: number }[];
  constant: number;
}

export interface Comparison {
  left: Linear;
  op: Comparator;
  right: Linear;
}

export type Expression =
  | { kind: "compare"; compare: Comparison }
  | { kind: "implies"; when: Comparison; must: Comparison };

export interface ParseError {
  /** 1-based column of the mistake in the expression text. */
  col: number;
  vi: string;
  en: string;
}

export type ParseResult = { ok: true; expression: Expression } | { ok: false; error: ParseError };

/** Longest expression accepted: a rule is a line, not a program. */
export const MAX_EXPRESSION_LENGTH = 500;

type Token =
  | { t: "code"; v: string; col: number }
  | { t: "num"; v: number; col: number }
  | { t: "op"; v: string; col: number }
  | { t: "end"; col: number };

const OPERATORS = ["<=", ">=", "==", "!=", "=>", "<", ">", "+", "-", "*", "(", ")"];
const COMPARATORS: readonly string[] = ["<=", ">=", "<", ">", "==", "!="];

class Fail extends Error {
  constructor(
    readonly col: number,
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === " " || ch === "\t") {
      i++;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word) {
      out.push({ t: "code", v: word[0], col: i + 1 });
      i += word[0].length;
      continue;
    }
    const num = /^\d+(?:\.\d+)?/.exec(text.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]), col: i + 1 });
      i += num[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new Fail(i + 1, `ký tự không hợp lệ '${ch}'`, `unexpected character '${ch}'`);
    out.push({ t: "op", v: op, col: i + 1 });
    i += op.length;
  }
  out.push({ t: "end", col: text.length + 1 });
  return out;
}

const constant = (c: number): Linear => ({ terms: [], constant: c });

function scale(a: Linear, k: number): Linear {
  return { terms: a.terms.map((t) => ({ code: t.code, coef: t.coef * k })), constant: a.constant * k };
}

function add(a: Linear, b: Linear): Linear {
  const terms = a.terms.map((t) => ({ ...t }));
  for (const t of b.terms) {
    const same = terms.find((x) => x.code === t.code);
    if (same) same.coef += t.coef;
    else terms.push({ ...t });
  }
  return { terms, constant: a.constant + b.constant };
}

class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly known: (code: string) => boolean,
  ) {}

  private peek(): Token {
    return this.tokens[this.at] as Token;
  }
  private next(): Token {
    const t = this.peek();
    if (t.t !== "end") this.at++;
    return t;
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === "op" && t.v === v;
  }

  parse(): Expression {
    const first = this.comparison();
    let result: Expression = { kind: "compare", compare: first };
    if (this.isOp("=>")) {
      this.next();
      result = { kind: "implies", when: first, must: this.comparison() };
    }
    const rest = this.peek();
    if (rest.t !== "end") throw this.unexpected(rest);
    return result;
  }

  private comparison(): Comparison {
    const left = this.sum();
    const t = this.peek();
    if (t.t !== "op" || !COMPARATORS.includes(t.v)) {
      throw new Fail(
        t.col,
        "cần một phép so sánh (<=, >=, <, >, ==, !=)",
        "expected a comparison (<=, >=, <, >, ==, !=)",
      );
    }
    this.next();
    return { left, op: t.v as Comparator, right: this.sum() };
  }

  private sum(): Linear {
    let acc = this.product();
    while (this.isOp("+") || this.isOp("-")) {
      const sign = (this.next() as { v: string }).v === "-" ? -1 : 1;
      acc = add(acc, scale(this.product(), sign));
    }
    return acc;
  }

  private product(): Linear {
    let acc = this.factor();
    while (this.isOp("*")) {
      const star = this.next();
      const rhs = this.factor();
      if (acc.terms.length > 0 && rhs.terms.length > 0) {
        throw new Fail(
          star.col,
          "chỉ được nhân với một số, không nhân hai mã với nhau",
          "multiply by a number only, never two codes",
        );
      }
      acc = acc.terms.length === 0 ? scale(rhs, acc.constant) : scale(acc, rhs.constant);
    }
    return acc;
  }

  private factor(): Linear {
    const t = this.next();
    if (t.t === "num") return constant(t.v);
    if (t.t === "code") {
      if (!this.known(t.v)) throw new Fail(t.col, `không có mã ${t.v}`, `unknown code ${t.v}`);
      return { terms: [{ code: t.v, coef: 1 }], constant: 0 };
    }
    if (t.t === "op" && t.v === "(") {
      const inner = this.sum();
      const close = this.next();
      if (close.t !== "op" || close.v !== ")") throw new Fail(close.col, "thiếu ')'", "missing ')'");
      return inner;
    }
    throw this.unexpected(t);
  }

  private unexpected(t: Token): Fail {
    if (t.t === "end") return new Fail(t.col, "biểu thức chưa hết", "the expression ends too soon");
    const shown = t.t === "num" ? String(t.v) : t.v;
    return new Fail(t.col, `không chờ '${shown}' ở đây`, `unexpected '${shown}'`);
  }
}

/** Parses a rule's text. `known` says which codes exist (default: every code-like word). */
export function parseExpression(
  text: string,
  known: (code: string) => boolean = (c) => /^[A-Z]{2}[0-9]{2}$/.test(c),
): ParseResult {
  try {
    if (text.length > MAX_EXPRESSION_LENGTH) {
      throw new Fail(
        MAX_EXPRESSION_LENGTH + 1,
        `biểu thức dài quá ${MAX_EXPRESSION_LENGTH} ký tự`,
        `the expression is longer than ${MAX_EXPRESSION_LENGTH} characters`,
      );
    }
    return { ok: true, expression: new Parser(tokenize(text), known).parse() };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: { col: e.col, vi: e.vi, en: e.en } };
    throw e;
  }
}

/** "col 9: unknown code PT99" / "cột 9: không có mã PT99". */
export function describeParseError(error: ParseError, lang: "vi" | "en"): string {
  return lang === "vi" ? `cột ${error.col}: ${error.vi}` : `col ${error.col}: ${error.en}`;
}

/** Every code an expression reads, in order of first appearance. */
export function expressionCodes(e: Expression): string[] {
  const sides = e.kind === "compare" ? [e.compare] : [e.when, e.must];
  const codes: string[] = [];
  for (const c of sides) {
    for (const t of [...c.left.terms, ...c.right.terms]) if (!codes.includes(t.code)) codes.push(t.code);
  }
  return codes;
}

/** Value of a linear form; undefined when a code it reads has no number. */
export function evaluateLinear(l: Linear, value: (code: string) => number | undefined): number | undefined {
  let sum = l.constant;
  for (const t of l.terms) {
    const v = value(t.code);
    if (v === undefined) return undefined;
    sum += t.coef * v;
  }
  return sum;
}

/** Comparisons with room for binary rounding, so money sums that differ only by it compare equal. */
export function compareHolds(op: Comparator, a: number, b: number): boolean {
  const eps = 4 * Number.EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
  switch (op) {
    case "<=":
      return a <= b + eps;
    case ">=":
      return a + eps >= b;
    case "<":
      return a < b - eps;
    case ">":
      return a > b + eps;
    case "==":
      return Math.abs(a - b) <= eps;
    case "!=":
      return Math.abs(a - b) > eps;
  }
}

/** `CODE` alone, coefficient 1, no constant. */
function singleCode(l: Linear): string | undefined {
  const [only] = l.terms;
  return l.terms.length === 1 && only && only.coef === 1 && l.constant === 0 ? only.code : undefined;
}

const isZero = (l: Linear) => l.terms.length === 0 && l.constant === 0;

/**
 * The two shapes the first templates used, which keep their own issues and messages:
 * `A <= B` (also >=, ==) between two codes, and `A > 0 => B > 0` ("a value needs its count").
 */
export type SimpleShape =
  | { type: "compare"; left: string; op: "<=" | ">=" | "=="; right: string }
  | { type: "requires"; left: string; right: string };

export function simpleShape(e: Expression): SimpleShape | undefined {
  if (e.kind === "compare") {
    const { left, op, right } = e.compare;
    const l = singleCode(left);
    const r = singleCode(right);
    if (l && r && (op === "<=" || op === ">=" || op === "=="))
      return { type: "compare", left: l, op, right: r };
    return undefined;
  }
  const l = singleCode(e.when.left);
  const r = singleCode(e.must.left);
  const positive = (c: Comparison) => c.op === ">" && isZero(c.right);
  if (l && r && positive(e.when) && positive(e.must)) return { type: "requires", left: l, right: r };
  return undefined;
}
