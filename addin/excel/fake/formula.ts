// A tiny formula engine: enough for the template's ratio and percent formulas. References (A1, $A$1,
// Sheet!A1, 'Báo cáo'!A1, ranges), + - * / ^ & %, comparisons, and a handful of functions. Any other
// function name reads #NAME? (and is logged as a warning), like a function Excel does not know.

import type { Rect } from "./address.ts";
import { FormulaSyntaxError, type Tok, tokenize } from "./formula-tokens.ts";
import { formatGeneral, roundHalfAway } from "./numfmt.ts";

export { FormulaSyntaxError } from "./formula-tokens.ts";

export class FormulaError {
  constructor(readonly code: string) {}
}

/** A formula value: empty is null (only from references). */
export type FValue = number | string | boolean | FormulaError | null;

export type Ast =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "err"; v: string }
  | { t: "missing" }
  | { t: "ref"; sheet?: string; r: number; c: number }
  | { t: "range"; sheet?: string; rect: Rect }
  | { t: "name"; name: string }
  | { t: "call"; name: string; args: Ast[] }
  | { t: "neg"; e: Ast }
  | { t: "pct"; e: Ast }
  | { t: "bin"; op: string; a: Ast; b: Ast };

/** Arity of the functions the engine knows: [min, max]. */
const ARITY: Record<string, [number, number]> = {
  SUM: [1, 255],
  MIN: [1, 255],
  MAX: [1, 255],
  COUNT: [1, 255],
  COUNTA: [1, 255],
  AND: [1, 255],
  OR: [1, 255],
  NOT: [1, 1],
  IF: [2, 3],
  IFERROR: [2, 2],
  ISNUMBER: [1, 1],
  ISBLANK: [1, 1],
  ISTEXT: [1, 1],
  ISERROR: [1, 1],
  ROUND: [2, 2],
  ABS: [1, 1],
  HYPERLINK: [1, 2],
};

class Parser {
  private pos = 0;
  constructor(private readonly toks: Tok[]) {}

  parse(): Ast {
    const e = this.comparison();
    if (this.pos !== this.toks.length) throw new FormulaSyntaxError("unexpected trailing tokens");
    return e;
  }

  private peek(): Tok | undefined {
    return this.toks[this.pos];
  }

  private isOp(...ops: string[]): string | undefined {
    const t = this.peek();
    if (t && t.k === "op" && ops.includes(t.v)) return t.v;
    return undefined;
  }

  private comparison(): Ast {
    let a = this.concat();
    for (;;) {
      const op = this.isOp("=", "<>", "<", ">", "<=", ">=");
      if (!op) return a;
      this.pos++;
      a = { t: "bin", op, a, b: this.concat() };
    }
  }

  private concat(): Ast {
    let a = this.additive();
    while (this.isOp("&")) {
      this.pos++;
      a = { t: "bin", op: "&", a, b: this.additive() };
    }
    return a;
  }

  private additive(): Ast {
    let a = this.term();
    for (;;) {
      const op = this.isOp("+", "-");
      if (!op) return a;
      this.pos++;
      a = { t: "bin", op, a, b: this.term() };
    }
  }

  private term(): Ast {
    let a = this.power();
    for (;;) {
      const op = this.isOp("*", "/");
      if (!op) return a;
      this.pos++;
      a = { t: "bin", op, a, b: this.power() };
    }
  }

  private power(): Ast {
    let a = this.unary();
    while (this.isOp("^")) {
      this.pos++;
      a = { t: "bin", op: "^", a, b: this.unary() };
    }
    return a;
  }

  // Excel binds negation tighter than ^ (-2^2 = 4).
  private unary(): Ast {
    const op = this.isOp("+", "-");
    if (op) {
      this.pos++;
      const e = this.unary();
      return op === "-" ? { t: "neg", e } : e;
    }
    return this.postfix();
  }

  private postfix(): Ast {
    let e = this.primary();
    while (this.isOp("%")) {
      this.pos++;
      e = { t: "pct", e };
    }
    return e;
  }

  private primary(): Ast {
    const t = this.peek();
    if (!t) throw new FormulaSyntaxError("unexpected end of formula");
    this.pos++;
    switch (t.k) {
      case "num":
        return { t: "num", v: t.v };
      case "str":
        return { t: "str", v: t.v };
      case "err":
        return { t: "err", v: t.v };
      case "ref": {
        const next = this.peek();
        if (next && next.k === ":") {
          this.pos++;
          const b = this.peek();
          if (b?.k !== "ref" || b.sheet !== undefined) throw new FormulaSyntaxError("bad range");
          this.pos++;
          return {
            t: "range",
            sheet: t.sheet,
            rect: {
              r0: Math.min(t.r, b.r),
              c0: Math.min(t.c, b.c),
              r1: Math.max(t.r, b.r),
              c1: Math.max(t.c, b.c),
            },
          };
        }
        return { t: "ref", sheet: t.sheet, r: t.r, c: t.c };
      }
      case "ident": {
        const up = t.v.toUpperCase();
        if (t.sheet === undefined && (up === "TRUE" || up === "FALSE"))
          return { t: "bool", v: up === "TRUE" };
        return { t: "name", name: t.v };
      }
      case "func": {
        const open = this.peek();
        if (open?.k !== "(") throw new FormulaSyntaxError("expected (");
        this.pos++;
        const args: Ast[] = [];
        const close = this.peek();
        if (close && close.k === ")") {
          this.pos++;
        } else {
          for (;;) {
            const nt = this.peek();
            if (nt && (nt.k === "," || nt.k === ")")) args.push({ t: "missing" });
            else args.push(this.comparison());
            const sep = this.peek();
            if (!sep) throw new FormulaSyntaxError("unclosed function call");
            this.pos++;
            if (sep.k === ")") break;
            if (sep.k !== ",") throw new FormulaSyntaxError("expected , or )");
          }
        }
        const arity = ARITY[t.v];
        if (arity && (args.length < arity[0] || args.length > arity[1])) {
          throw new FormulaSyntaxError(`wrong number of arguments to ${t.v}`);
        }
        return { t: "call", name: t.v, args };
      }
      case "(": {
        const e = this.comparison();
        const close = this.peek();
        if (close?.k !== ")") throw new FormulaSyntaxError("expected )");
        this.pos++;
        return e;
      }
      default:
        throw new FormulaSyntaxError(`unexpected ${t.v}`);
    }
  }
}

/** Parses the text after the leading "=". Throws FormulaSyntaxError. */
export function parseFormula(body: string): Ast {
  const toks = tokenize(body);
  if (toks.length === 0) throw new FormulaSyntaxError("empty formula");
  return new Parser(toks).parse();
}

export interface EvalEnv {
  /** The value of a cell (null when empty); the sheet is undefined for the formula's own sheet. */
  cell(sheet: string | undefined, r: number, c: number): FValue;
  /** False when the sheet does not exist (the reference reads #REF!). */
  hasSheet(sheet: string): boolean;
  warn(message: string): void;
}

const isErr = (v: unknown): v is FormulaError => v instanceof FormulaError;
const VALUE = () => new FormulaError("#VALUE!");

function parseNumericText(s: string): number | null {
  const t = s.trim();
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) return Number(t);
  return null;
}

function toNumber(v: FValue): number | FormulaError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isErr(v)) return v;
  const n = parseNumericText(v);
  return n === null ? VALUE() : n;
}

function toText(v: FValue): string | FormulaError {
  if (v === null) return "";
  if (typeof v === "number") return formatGeneral(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isErr(v)) return v;
  return v;
}

function toBool(v: FValue): boolean | FormulaError {
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (isErr(v)) return v;
  const up = v.toUpperCase();
  if (up === "TRUE") return true;
  if (up === "FALSE") return false;
  return VALUE();
}

function typeRank(v: number | string | boolean): number {
  return typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2;
}

function compare(a: FValue, b: FValue): number | FormulaError {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  let x = a;
  let y = b;
  if (x === null && y === null) return 0;
  if (x === null) x = typeof y === "number" ? 0 : typeof y === "boolean" ? false : "";
  if (y === null) y = typeof x === "number" ? 0 : typeof x === "boolean" ? false : "";
  const rx = typeRank(x);
  const ry = typeRank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === "string" && typeof y === "string") {
    const ux = x.toUpperCase();
    const uy = y.toUpperCase();
    return ux < uy ? -1 : ux > uy ? 1 : 0;
  }
  const nx = Number(x);
  const ny = Number(y);
  return nx < ny ? -1 : nx > ny ? 1 : 0;
}

export class Evaluator {
  constructor(private readonly env: EvalEnv) {}

  /** Evaluates to a scalar; an empty result (=A1 on an empty A1) reads 0, as in Excel. */
  value(ast: Ast): number | string | boolean | FormulaError {
    const v = this.scalar(ast);
    return v === null ? 0 : v;
  }

  private refCell(sheet: string | undefined, r: number, c: number): FValue {
    if (sheet !== undefined && !this.env.hasSheet(sheet)) return new FormulaError("#REF!");
    return this.env.cell(sheet, r, c);
  }

  /** Cells of a reference or range argument, row by row. */
  private cells(ast: Ast): FValue[] | null {
    if (ast.t === "ref") return [this.refCell(ast.sheet, ast.r, ast.c)];
    if (ast.t === "range") {
      if (ast.sheet !== undefined && !this.env.hasSheet(ast.sheet)) return [new FormulaError("#REF!")];
      const out: FValue[] = [];
      for (let r = ast.rect.r0; r <= ast.rect.r1; r++) {
        for (let c = ast.rect.c0; c <= ast.rect.c1; c++) out.push(this.env.cell(ast.sheet, r, c));
      }
      return out;
    }
    return null;
  }

  scalar(ast: Ast): FValue {
    switch (ast.t) {
      case "num":
      case "str":
      case "bool":
        return ast.v;
      case "err":
        return new FormulaError(ast.v);
      case "missing":
        return 0;
      case "ref":
        return this.refCell(ast.sheet, ast.r, ast.c);
      case "range":
        // Implicit intersection is not modelled: a bare range in a scalar position is #VALUE!.
        return VALUE();
      case "name":
        return new FormulaError("#NAME?");
      case "neg": {
        const n = toNumber(this.scalar(ast.e));
        return isErr(n) ? n : -n;
      }
      case "pct": {
        const n = toNumber(this.scalar(ast.e));
        return isErr(n) ? n : n / 100;
      }
      case "bin":
        return this.binary(ast.op, ast.a, ast.b);
      case "call":
        return this.call(ast.name, ast.args);
    }
  }

  private binary(op: string, a: Ast, b: Ast): FValue {
    const x = this.scalar(a);
    const y = this.scalar(b);
    if (op === "&") {
      const tx = toText(x);
      if (isErr(tx)) return tx;
      const ty = toText(y);
      if (isErr(ty)) return ty;
      return tx + ty;
    }
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      const c = compare(x, y);
      if (isErr(c)) return c;
      switch (op) {
        case "=":
          return c === 0;
        case "<>":
          return c !== 0;
        case "<":
          return c < 0;
        case ">":
          return c > 0;
        case "<=":
          return c <= 0;
        default:
          return c >= 0;
      }
    }
    const nx = toNumber(x);
    if (isErr(nx)) return nx;
    const ny = toNumber(y);
    if (isErr(ny)) return ny;
    switch (op) {
      case "+":
        return nx + ny;
      case "-":
        return nx - ny;
      case "*":
        return nx * ny;
      case "/":
        return ny === 0 ? new FormulaError("#DIV/0!") : nx / ny;
      default: {
        const p = nx ** ny;
        return Number.isFinite(p) ? p : new FormulaError("#NUM!");
      }
    }
  }

  /** Numbers of SUM-like arguments: references skip text and booleans, direct values are coerced. */
  private numbers(args: Ast[]): number[] | FormulaError {
    const out: number[] = [];
    for (const arg of args) {
      const cells = this.cells(arg);
      if (cells) {
        for (const v of cells) {
          if (isErr(v)) return v;
          if (typeof v === "number") out.push(v);
        }
        continue;
      }
      const n = toNumber(this.scalar(arg));
      if (isErr(n)) return n;
      out.push(n);
    }
    return out;
  }

  private logicals(args: Ast[]): boolean[] | FormulaError {
    const out: boolean[] = [];
    for (const arg of args) {
      const cells = this.cells(arg);
      if (cells) {
        for (const v of cells) {
          if (isErr(v)) return v;
          if (typeof v === "boolean") out.push(v);
          else if (typeof v === "number") out.push(v !== 0);
        }
        continue;
      }
      const b = toBool(this.scalar(arg));
      if (isErr(b)) return b;
      out.push(b);
    }
    return out;
  }

  private call(name: string, args: Ast[]): FValue {
    const arg = (i: number): Ast => args[i] ?? { t: "missing" };
    switch (name) {
      case "SUM": {
        const ns = this.numbers(args);
        return isErr(ns) ? ns : ns.reduce((s, n) => s + n, 0);
      }
      case "MIN":
      case "MAX": {
        const ns = this.numbers(args);
        if (isErr(ns)) return ns;
        if (ns.length === 0) return 0;
        return name === "MIN" ? Math.min(...ns) : Math.max(...ns);
      }
      case "COUNT": {
        let count = 0;
        for (const a of args) {
          const cells = this.cells(a);
          if (cells) count += cells.filter((v) => typeof v === "number").length;
          else if (!isErr(toNumber(this.scalar(a)))) count++;
        }
        return count;
      }
      case "COUNTA": {
        let count = 0;
        for (const a of args) {
          const cells = this.cells(a);
          if (cells) count += cells.filter((v) => v !== null).length;
          else if (a.t !== "missing") count++;
        }
        return count;
      }
      case "AND":
      case "OR": {
        const bs = this.logicals(args);
        if (isErr(bs)) return bs;
        if (bs.length === 0) return VALUE();
        return name === "AND" ? bs.every(Boolean) : bs.some(Boolean);
      }
      case "NOT": {
        const b = toBool(this.scalar(arg(0)));
        return isErr(b) ? b : !b;
      }
      case "IF": {
        const cond = toBool(this.scalar(arg(0)));
        if (isErr(cond)) return cond;
        if (cond) return this.scalar(arg(1)) ?? 0;
        if (args.length < 3) return false;
        return this.scalar(arg(2)) ?? 0;
      }
      case "IFERROR": {
        const v = this.scalar(arg(0));
        return isErr(v) ? (this.scalar(arg(1)) ?? 0) : (v ?? 0);
      }
      case "ISNUMBER":
        return typeof this.scalar(arg(0)) === "number";
      case "ISTEXT":
        return typeof this.scalar(arg(0)) === "string";
      case "ISBLANK":
        return this.scalar(arg(0)) === null;
      case "ISERROR":
        return isErr(this.scalar(arg(0)));
      case "ROUND": {
        const x = toNumber(this.scalar(arg(0)));
        if (isErr(x)) return x;
        const d = toNumber(this.scalar(arg(1)));
        if (isErr(d)) return d;
        const digits = Math.trunc(d);
        if (digits >= 0) return roundHalfAway(x, digits);
        const scale = 10 ** -digits;
        return roundHalfAway(x / scale, 0) * scale;
      }
      case "ABS": {
        const x = toNumber(this.scalar(arg(0)));
        return isErr(x) ? x : Math.abs(x);
      }
      case "HYPERLINK": {
        const shown = args.length > 1 ? this.scalar(arg(1)) : this.scalar(arg(0));
        return toText(shown);
      }
      default:
        this.env.warn(`function ${name} is not implemented by the fake; it reads #NAME?`);
        return new FormulaError("#NAME?");
    }
  }
}
