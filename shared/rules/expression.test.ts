import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareHolds,
  describeParseError,
  evaluateLinear,
  expressionCodes,
  parseExpression,
  simpleShape,
} from "./expression.ts";

const known = (c: string) => ["GD01", "GD02", "GD04", "PT01", "PT02", "PT03", "TD02", "TD03"].includes(c);

function parse(text: string) {
  const r = parseExpression(text, known);
  if (!r.ok) throw new Error(describeParseError(r.error, "en"));
  return r.expression;
}

function error(text: string) {
  const r = parseExpression(text, known);
  if (r.ok) throw new Error(`parsed: ${text}`);
  return describeParseError(r.error, "en");
}

describe("parseExpression", () => {
  it("reads the shapes of the first templates", () => {
    expect(simpleShape(parse("GD02 <= GD01"))).toEqual({
      type: "compare",
      left: "GD02",
      op: "<=",
      right: "GD01",
    });
    expect(simpleShape(parse("PT03 > 0 => PT02 > 0"))).toEqual({
      type: "requires",
      left: "PT03",
      right: "PT02",
    });
    expect(simpleShape(parse("TD02 + TD03 >= 1"))).toBeUndefined();
    expect(simpleShape(parse("PT01 <= 100 * GD04"))).toBeUndefined();
  });

  it("keeps sums, differences and constant factors as a linear form", () => {
    const e = parse("2 * (PT01 - GD04) + 3 <= GD04 * 0.5");
    if (e.kind !== "compare") throw new Error("compare expected");
    expect(e.compare.left).toEqual({
      terms: [
        { code: "PT01", coef: 2 },
        { code: "GD04", coef: -2 },
      ],
      constant: 3,
    });
    expect(e.compare.right).toEqual({ terms: [{ code: "GD04", coef: 0.5 }], constant: 0 });
    expect(expressionCodes(e)).toEqual(["PT01", "GD04"]);
  });

  it("names the column of each mistake", () => {
    expect(error("PT01 <= PT99")).toBe("col 9: unknown code PT99");
    expect(error("PT01 * GD04 <= 5")).toBe("col 6: multiply by a number only, never two codes");
    expect(error("PT01 GD04")).toBe("col 6: expected a comparison (<=, >=, <, >, ==, !=)");
    expect(error("PT01 <= ")).toBe("col 9: the expression ends too soon");
    expect(error("(PT01 <= 3")).toBe("col 7: missing ')'");
    expect(error("PT01 <= 3 ; drop")).toBe("col 11: unexpected character ';'");
    expect(error("PT01 <= 3 3")).toBe("col 11: unexpected '3'");
    expect(error("PT01 <= 3 => PT02 > 0 => GD01 > 0")).toBe("col 23: unexpected '=>'");
    expect(error("x".repeat(501))).toBe("col 501: the expression is longer than 500 characters");
    const vi = parseExpression("PT01 <= PT99", known);
    expect(!vi.ok && describeParseError(vi.error, "vi")).toBe("cột 9: không có mã PT99");
  });

  it("never evaluates text: a JavaScript payload is a parse error", () => {
    for (const text of [
      "constructor.constructor('x')()",
      "PT01 <= eval(1)",
      "PT01 <= `1`",
      "__proto__ > 0",
    ]) {
      expect(parseExpression(text, known).ok).toBe(false);
    }
  });
});

/** Random linear forms written as text, with their value computed directly (the oracle). */
const codes = ["GD01", "GD04", "PT01", "PT02"] as const;
const arbTerm = fc.record({ coef: fc.integer({ min: 0, max: 20 }), code: fc.constantFrom(...codes) });
const arbSide = fc.record({
  terms: fc.array(arbTerm, { minLength: 1, maxLength: 4 }),
  signs: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  constant: fc.integer({ min: 0, max: 1000 }),
});
type Side = { terms: { coef: number; code: string }[]; signs: boolean[]; constant: number };

const text = (s: Side) =>
  s.terms.map((t, i) => `${i === 0 ? "" : s.signs[i] ? " - " : " + "}${t.coef} * ${t.code}`).join("") +
  ` + ${s.constant}`;
const value = (s: Side, v: Record<string, number>) =>
  s.terms.reduce((acc, t, i) => acc + (i > 0 && s.signs[i] ? -1 : 1) * t.coef * (v[t.code] ?? 0), 0) +
  s.constant;

describe("evaluating what was parsed", () => {
  it("gives each side the value written in the text, and compares as the operator says", () => {
    fc.assert(
      fc.property(
        arbSide,
        arbSide,
        fc.constantFrom("<=", ">=", "<", ">", "==", "!=" as const),
        fc.record({ GD01: fc.nat(1e6), GD04: fc.nat(1e6), PT01: fc.nat(1e6), PT02: fc.nat(1e6) }),
        (l, r, op, values) => {
          const e = parse(`${text(l)} ${op} ${text(r)}`);
          if (e.kind !== "compare") throw new Error("compare expected");
          const get = (c: string) => values[c as keyof typeof values];
          const lv = evaluateLinear(e.compare.left, get) as number;
          const rv = evaluateLinear(e.compare.right, get) as number;
          expect(lv).toBe(value(l, values));
          expect(rv).toBe(value(r, values));
          const expected = {
            "<=": lv <= rv,
            ">=": lv >= rv,
            "<": lv < rv,
            ">": lv > rv,
            "==": lv === rv,
            "!=": lv !== rv,
          };
          expect(compareHolds(op, lv, rv)).toBe(expected[op]);
        },
      ),
    );
  });

  it("has no value when a code it reads is blank", () => {
    const e = parse("PT01 + PT02 <= 3");
    if (e.kind !== "compare") throw new Error("compare expected");
    expect(evaluateLinear(e.compare.left, (c) => (c === "PT01" ? 1 : undefined))).toBeUndefined();
  });

  it("never throws on any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseExpression(s, known);
        if (!r.ok) expect(r.error.col).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
