// A template's rules parsed once per template object: every check reads them many times (a sheet is
// checked on each edit), and a template never changes once published.
import type { Rule, Template } from "../template/types.ts";
import {
  type Expression,
  expressionCodes,
  parseExpression,
  type SimpleShape,
  simpleShape,
} from "./expression.ts";

export interface CompiledRule extends Rule {
  parsed: Expression;
  /** Every code the rule reads. */
  codes: string[];
  /** Set for `A <= B` and `A > 0 => B > 0`, which keep the issues the first templates had. */
  shape: SimpleShape | undefined;
}

const cache = new WeakMap<Template, CompiledRule[]>();

export function compileRule(rule: Rule, known?: (code: string) => boolean): CompiledRule {
  const result = parseExpression(rule.expression, known);
  // Definitions are checked before they are published or used (shared/template/definition.ts).
  if (!result.ok) throw new Error(`rule ${rule.id}: col ${result.error.col}: ${result.error.en}`);
  const parsed = result.expression;
  return { ...rule, parsed, codes: expressionCodes(parsed), shape: simpleShape(parsed) };
}

export function compiledRules(template: Template): CompiledRule[] {
  let rules = cache.get(template);
  if (!rules) {
    rules = template.rules.map((r) => compileRule(r));
    cache.set(template, rules);
  }
  return rules;
}

/** Every code a rule reads (for placing its issues and keeping it quiet on unreadable cells). */
export function ruleCodes(template: Template): Map<string, string[]> {
  return new Map(compiledRules(template).map((r) => [r.id, r.codes]));
}
