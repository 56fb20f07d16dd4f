// Any definition that passes checkDefinition renders a template sheet that checks clean once filled
// with figures that keep its rules, and a rule those figures break gives exactly one issue, on the
// rule's own row. Definitions, figures and rules are random; the rules that hold are built from the
// figures (the oracle is plain arithmetic on them).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSheet } from "../check.ts";
import { templateCell, templateSheetPlan } from "../plans/template-sheet.ts";
import { planToGrid } from "../plans/to-grid.ts";
import { checkDefinition } from "./definition.ts";
import { doan2024 } from "./doan-2024.ts";
import type { Indicator, Rule, Template } from "./types.ts";

const label = (s: string) => ({ vi: `Chỉ tiêu ${s}`, en: `Indicator ${s}` });

interface Spec {
  counts: number[];
  money: number[];
  ratios: [number, number][];
  grade: boolean;
  rules: {
    form: "compare" | "sum" | "requires";
    a: number;
    b: number;
    c: number;
    k: number;
    warn: boolean;
  }[];
  broken: { a: number; b: number } | null;
}

const arbSpec: fc.Arbitrary<Spec> = fc.record({
  // Counts are at least 1, so every ratio has a denominator and `A > 0 => B > 0` holds.
  counts: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 2, maxLength: 8 }),
  money: fc.array(
    fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000),
    { maxLength: 3 },
  ),
  ratios: fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 2 }),
  grade: fc.boolean(),
  rules: fc.array(
    fc.record({
      form: fc.constantFrom("compare" as const, "sum" as const, "requires" as const),
      a: fc.nat(),
      b: fc.nat(),
      c: fc.nat(),
      k: fc.integer({ min: 1, max: 5 }),
      warn: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
  broken: fc.option(fc.record({ a: fc.nat(), b: fc.nat() }), { nil: null }),
});

interface Built {
  template: Template;
  values: Map<string, number>;
  broken?: { rule: Rule; indicator: string; code: "rule.compare" | "rule.expression" };
}

function indicators(spec: Spec): Indicator[] {
  const row = (code: string, kind: Indicator["kind"], extra: Partial<Indicator> = {}): Indicator => ({
    code,
    section: "I",
    label: label(code),
    unit: kind === "grade" ? { vi: "", en: "" } : { vi: "người", en: "people" },
    kind,
    overTime: "sum",
    ...extra,
  });
  const counts = spec.counts.map((_, i) =>
    row(`AA${String(i + 1).padStart(2, "0")}`, "count", i === 0 ? { required: true } : {}),
  );
  const money = spec.money.map((_, i) => row(`MM${String(i + 1).padStart(2, "0")}`, "money"));
  const ratios = spec.ratios.map(([n, d], i) => {
    const numerator = counts[n % counts.length]?.code as string;
    const denominator = counts[d % counts.length]?.code as string;
    return row(`RR${String(i + 1).padStart(2, "0")}`, "ratio", {
      ratio: { numerator, denominator },
      overTime: "last",
    });
  });
  return [
    ...counts,
    ...money,
    ...ratios,
    ...(spec.grade ? [row("XL01", "grade", { overTime: "last" })] : []),
  ];
}

function build(spec: Spec): Built {
  const inds = indicators(spec);
  const values = new Map<string, number>();
  for (const [i, v] of spec.counts.entries()) values.set(`AA${String(i + 1).padStart(2, "0")}`, v);
  for (const [i, v] of spec.money.entries()) values.set(`MM${String(i + 1).padStart(2, "0")}`, v);
  const codes = [...values.keys()];
  const pick = (n: number) => codes[n % codes.length] as string;
  const value = (c: string) => values.get(c) ?? 0;
  const rules: Rule[] = spec.rules.map((r, i) => {
    const [a, b, c] = [pick(r.a), pick(r.b), pick(r.c)];
    let expression: string;
    if (r.form === "requires") expression = `${a} > 0 => ${pick(r.b % spec.counts.length)} > 0`;
    else if (r.form === "compare") expression = `${a} ${value(a) <= value(b) ? "<=" : ">="} ${b}`;
    else expression = `${a} + ${b} ${value(a) + value(b) <= r.k * value(c) ? "<=" : ">="} ${r.k} * ${c}`;
    const severity = r.warn ? "warning" : "error";
    return { id: `R${i}`, expression, severity, label: label(`R${i}`) };
  });
  let broken: Built["broken"];
  if (spec.broken) {
    const [a, b] = [pick(spec.broken.a), pick(spec.broken.b)];
    const op = value(a) < value(b) ? ">=" : value(a) > value(b) ? "<=" : "!=";
    const rule: Rule = { id: "BROKEN", expression: `${a} ${op} ${b}`, severity: "error", label: label("x") };
    rules.push(rule);
    broken = { rule, indicator: a, code: op === "!=" ? "rule.expression" : "rule.compare" };
  }
  const def = {
    id: "thu-nghiem",
    title: label("mẫu"),
    sections: [{ id: "I", label: label("mục") }],
    indicators: inds,
    grades: doan2024.grades,
    rules,
    outlier: { factor: 5, floor: 20 },
  };
  const checked = checkDefinition(def, "thu-nghiem");
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return { template: { ...checked.definition, version: 1 }, values, ...(broken ? { broken } : {}) };
}

function filledSheet({ template, values }: Built) {
  const fill: Record<string, number | string> = {};
  for (const [code, v] of values) fill[templateCell(template, code, "actual")] = v;
  if (template.indicators.some((i) => i.code === "XL01"))
    fill[templateCell(template, "XL01", "actual")] = "XS";
  const header = { unitName: "Đoàn xã Chiềng Mai", unitCode: "SL.CHIENGMAI", period: "2026" };
  return planToGrid(templateSheetPlan(template, header), fill);
}

describe("a published definition, rendered and filled", () => {
  it("checks clean with figures that keep its rules", () => {
    fc.assert(
      fc.property(arbSpec, (spec) => {
        const built = build({ ...spec, broken: null });
        const check = checkSheet(filledSheet(built), { template: built.template });
        expect(check.issues).toEqual([]);
        expect(check.report?.rows.filter((r) => typeof r.actual === "number").length).toBeGreaterThanOrEqual(
          built.values.size,
        );
      }),
      { numRuns: 60 },
    );
  });

  it("gives exactly one issue, on the rule's row, when its figures break a rule", () => {
    fc.assert(
      fc.property(arbSpec, fc.record({ a: fc.nat(), b: fc.nat() }), (spec, broken) => {
        const built = build({ ...spec, broken });
        const check = checkSheet(filledSheet(built), { template: built.template });
        const b = built.broken as NonNullable<Built["broken"]>;
        expect(check.issues.map((i) => [i.code, i.rule, i.indicator, i.cell])).toEqual([
          [b.code, "BROKEN", b.indicator, templateCell(built.template, b.indicator, "actual")],
        ]);
      }),
      { numRuns: 60 },
    );
  });
});
