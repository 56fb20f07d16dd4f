// Templates by id, so a later version lives beside this one and old reports read against their own.
import { doan2024 } from "./doan-2024.ts";
import { doan2026 } from "./doan-2026.ts";
import type { Indicator, Template } from "./types.ts";

/** Built in to every client and published by migration 0004: they work without a server. */
export const BUILT_IN_TEMPLATES: readonly Template[] = [doan2024, doan2026];

const templates: ReadonlyMap<string, Template> = new Map(BUILT_IN_TEMPLATES.map((t) => [t.id, t]));

export const DEFAULT_TEMPLATE_ID = doan2024.id;

export function getTemplate(id: string): Template | undefined {
  return templates.get(id);
}

export function templateIds(): string[] {
  return [...templates.keys()];
}

export function indicatorMap(template: Template): Map<string, Indicator> {
  return new Map(template.indicators.map((i) => [i.code, i]));
}

/** Rows a unit types in (everything but the derived ratios). */
export function inputIndicators(template: Template): Indicator[] {
  return template.indicators.filter((i) => i.kind !== "ratio");
}
