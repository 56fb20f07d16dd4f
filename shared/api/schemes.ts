// Answers about scoring schemes (GET /v1/schemes…, PUT /v1/admin/schemes/:id; not in the contract's §4,
// shaped like the template routes). A scheme answer is checked with the checker the Worker publishes
// with, so a client never renders a ranking with a scheme it could not have published. A client cannot
// know the server's templates, so it lets computed items read any code (the server checked them).
import { z } from "zod";
import { ANY_CODE, checkSchemeDefinition } from "../scoring/definition.ts";
import type { ScoringScheme } from "../scoring/types.ts";

const label = z.object({ vi: z.string(), en: z.string() });

export const schemesAnswer = z.array(z.object({ id: z.string(), version: z.number().int(), title: label }));

export const schemeAnswer = z.unknown().transform((value, ctx): ScoringScheme => {
  const version = (value as { version?: unknown } | null)?.version;
  const checked = checkSchemeDefinition(value, undefined, ANY_CODE);
  if (!checked.ok || typeof version !== "number") {
    const first = checked.ok ? { field: "version", en: "no version" } : checked.issues[0];
    ctx.addIssue({ code: "custom", message: `scheme ${first?.field}: ${first?.en}` });
    return z.NEVER;
  }
  return { ...checked.definition, version };
});
