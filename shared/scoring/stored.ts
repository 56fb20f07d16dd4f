// A scheme as text: canonical JSON (keys sorted) without its version, like a stored template, so the
// same scheme always gives the same text and publishing it again is recognised.
import { canonicalJson } from "../template/stored.ts";
import type { ScoringScheme } from "./types.ts";

export function storedScheme(scheme: ScoringScheme | Omit<ScoringScheme, "version">): string {
  const { version: _version, ...rest } = scheme as ScoringScheme;
  return canonicalJson(rest);
}

/** A stored scheme with its version: the shape GET /v1/schemes/:id answers. */
export function schemeFromStored(definition: string, version: number): ScoringScheme {
  return { ...(JSON.parse(definition) as Omit<ScoringScheme, "version">), version };
}
