// The scoring schemes this build knows, by id. Versions are immutable: a new year's points are a new
// version beside the old one, so a past period keeps the scheme it was scored with.
import { tieuChi2021 } from "./tieu-chi-2021.ts";
import type { ScoringScheme } from "./types.ts";

export const DEFAULT_SCHEME_ID = tieuChi2021.id;

/** Built in to every client and published by migration 0009 (scripts/scheme-migration.ts). */
export const BUILT_IN_SCHEMES: readonly ScoringScheme[] = [tieuChi2021];

export function getScheme(id: string = DEFAULT_SCHEME_ID, version?: number): ScoringScheme | undefined {
  const versions = BUILT_IN_SCHEMES.filter((s) => s.id === id);
  if (version !== undefined) return versions.find((s) => s.version === version);
  return versions.reduce<ScoringScheme | undefined>(
    (latest, s) => (!latest || s.version > latest.version ? s : latest),
    undefined,
  );
}
