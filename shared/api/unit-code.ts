// Unit codes as people type them: read case-insensitively ("sl.maison" is SL.MAISON) and always written
// upper-case. The API itself takes the canonical form only (UNIT_CODE_RE); clients normalise first.
import { UNIT_CODE_RE } from "./schemas.ts";

/** The canonical code ("SL.MAISON") of what a person typed, or null when it cannot be one. */
export function normalizeUnitCode(typed: string): string | null {
  const code = typed.trim().toUpperCase();
  return UNIT_CODE_RE.test(code) ? code : null;
}
