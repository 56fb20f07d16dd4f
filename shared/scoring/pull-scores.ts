// What the pull (add-in "Lấy tổng hợp", `baocao pull`) needs for its `Xếp loại …` sheet: the ranking of
// the unit's children and the scheme it was scored with. No scheme on the server (an older server
// answers 404), one this build does not know, or a unit with no children: no sheet, and no error, since
// the ranking is an extra beside the consolidation the pull is for.
import { type ApiClient, ApiError } from "../api/client.ts";
import type { ScoresAnswer } from "../api/scores.ts";
import { getScheme } from "./registry.ts";
import type { ScoringScheme } from "./types.ts";

export interface PulledRanking {
  answer: ScoresAnswer;
  scheme: ScoringScheme;
}

/** A client without `scores` (a test's stand-in, a trimmed build) pulls no ranking. */
export async function rankingForPull(
  client: Partial<Pick<ApiClient, "scores">>,
  unit: string,
  period: string,
): Promise<PulledRanking | undefined> {
  if (client.scores === undefined) return undefined;
  let answer: ScoresAnswer;
  try {
    answer = await client.scores(unit, period);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return undefined;
    throw e;
  }
  const scheme = getScheme(answer.scheme.id, answer.scheme.version);
  if (scheme === undefined || answer.units.length === 0) return undefined;
  return { answer, scheme };
}
