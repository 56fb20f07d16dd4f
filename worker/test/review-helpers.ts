// Review test helpers: send a review, read the report's state, bring a report to a given state.
import type { ReviewRequest, ReviewState } from "../../shared/api/reviews.ts";
import { submissionsAnswer } from "../../shared/api/schemas.ts";
import { ADMIN, call, json, minimalRows, report, submitOk } from "./helpers.ts";

export async function sendReview(body: ReviewRequest, token: string | null = ADMIN): Promise<Response> {
  return call("POST", "/v1/reviews", { token, json: body });
}

export async function reportOf(unit: string, period = "2023") {
  const res = await call("GET", `/v1/submissions?unit=${unit}&period=${period}`);
  if (res.status !== 200) throw new Error(`submissions: ${res.status} ${await res.text()}`);
  return submissionsAnswer.parse(await json(res));
}

export async function reviewOk(
  unit: string,
  decision: ReviewRequest["decision"],
  extra: Partial<ReviewRequest> = {},
): Promise<void> {
  const revision = (await reportOf(unit)).current?.revision ?? 0;
  const res = await sendReview({ unit, period: "2023", revision, decision, comment: "ok", ...extra });
  if (res.status !== 201) throw new Error(`review ${decision}: ${res.status} ${await res.text()}`);
}

let figure = 0;

/** A new revision, then the admin's reviews that lead to `state`. */
export async function bringTo(unit: string, state: ReviewState): Promise<number> {
  if ((await reportOf(unit)).review?.state === "accepted") await reviewOk(unit, "reopen");
  const receipt = await submitOk(report(unit, minimalRows(10, 100 + figure++)));
  if (state === "returned") await reviewOk(unit, "return");
  if (state === "accepted") await reviewOk(unit, "accept");
  return receipt.revision;
}
