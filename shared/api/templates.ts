// API v1 §5 answers about templates. A template answer is checked with the same definition checker the
// Worker publishes with, so a client never keeps (or renders) a definition it could not have published.
import { z } from "zod";
import { checkDefinition } from "../template/definition.ts";
import type { Template } from "../template/types.ts";

const label = z.object({ vi: z.string(), en: z.string() });

export const templateListing = z.object({ id: z.string(), version: z.number().int(), title: label });
export const templatesAnswer = z.array(templateListing);
export type TemplateListing = z.infer<typeof templateListing>;

export const publishAnswer = z.object({ id: z.string(), version: z.number().int() });

export const templateAnswer = z.unknown().transform((value, ctx): Template => {
  const version = (value as { version?: unknown } | null)?.version;
  const checked = checkDefinition(value);
  if (!checked.ok || typeof version !== "number") {
    const first = checked.ok ? { field: "version", en: "no version" } : checked.issues[0];
    ctx.addIssue({ code: "custom", message: `template ${first?.field}: ${first?.en}` });
    return z.NEVER;
  }
  return { ...checked.definition, version };
});
