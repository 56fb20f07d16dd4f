// A definition as text: JSON with keys sorted at every level and without its version, so the same
// definition always gives the same text (publishing it again is recognised) whatever the key order sent.
import type { Template } from "./types.ts";

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export function storedDefinition(definition: Template | Omit<Template, "version">): string {
  const { version: _version, ...rest } = definition as Template;
  return canonicalJson(rest);
}

/** A stored definition with its version: the shape GET /v1/templates/:id answers. */
export function fromStored(definition: string, version: number): Template {
  return { ...(JSON.parse(definition) as Omit<Template, "version">), version };
}
