// What the pull (add-in "Lấy tổng hợp", `baocao pull`) needs for its `Xếp loại …` sheet: the ranking of
// the unit's children and the scheme it was scored with. A scheme version this build does not have
// (published on the server after it was built) is fetched (GET /v1/schemes/:id/versions/:v). No scores
// on the server (an older server answers 404), a scheme neither built in nor served, or a unit with no
// children: no sheet, and no error, since the ranking is an extra beside the consolidation the pull is for.
import { type ApiClient, ApiError } from "../api/client.ts";
import type { ScoresAnswer } from "../api/scores.ts";
import { getScheme } from "./registry.ts";
import type { ScoringScheme } from "./types.ts";

export interface PulledRanking {
  answer: ScoresAnswer;
  scheme: ScoringScheme;
}

/** What the server does not have (404) is no error here: no ranking. */
async function unlessMissing<T>(asked: Promise<T>): Promise<T | undefined> {
  try {
    return await asked;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return undefined;
    throw e;
  }
}

/** The scheme the server scored with: built in, else fetched; undefined when neither has it. */
export async function schemeFor(
  client: Partial<Pick<ApiClient, "scheme">>,
  ref: { id: string; version: number },
): Promise<ScoringScheme | undefined> {
  const built = getScheme(ref.id, ref.version);
  if (built !== undefined || client.scheme === undefined) return built;
  return unlessMissing(client.scheme(ref.id, ref.version));
}

/** A client without `scores` (a test's stand-in, a trimmed build) pulls no ranking. */
export async function rankingForPull(
  client: Partial<Pick<ApiClient, "scores" | "scheme">>,
  unit: string,
  period: string,
): Promise<PulledRanking | undefined> {
  if (client.scores === undefined) return undefined;
  const answer = await unlessMissing(client.scores(unit, period));
  if (answer === undefined || answer.units.length === 0) return undefined;
  const scheme = await schemeFor(client, answer.scheme);
  if (scheme === undefined) return undefined;
  return { answer, scheme };
}
