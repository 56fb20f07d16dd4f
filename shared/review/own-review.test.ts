import { describe, expect, it } from "vitest";
import type { SubmissionsAnswer } from "../api/schemas.ts";
import { fetchOwnReview, needsTelling } from "./own-review.ts";

const answer = (review?: SubmissionsAnswer["review"]): SubmissionsAnswer => ({
  unit: "SL.A",
  period: "2023",
  current: null,
  revisions: [],
  ...(review ? { review } : {}),
});

describe("fetchOwnReview", () => {
  it("asks for the unit and period and keeps the review", async () => {
    const asked: string[] = [];
    const client = {
      submissions: async (unit: string, period: string) => {
        asked.push(`${unit}/${period}`);
        return answer({ state: "returned", comment: "GD04?" });
      },
    };
    expect(await fetchOwnReview(client, "SL.A", "2023")).toEqual({
      unit: "SL.A",
      period: "2023",
      review: { state: "returned", comment: "GD04?" },
    });
    expect(asked).toEqual(["SL.A/2023"]);
  });
  it("is null without a review", async () => {
    expect(await fetchOwnReview({ submissions: async () => answer() }, "SL.A", "2023")).toBeNull();
  });
});

describe("needsTelling", () => {
  it("tells a returned or an accepted report, not one waiting", () => {
    const own = (state: "submitted" | "returned" | "accepted") => ({
      unit: "SL.A",
      period: "2023",
      review: { state },
    });
    expect(needsTelling(own("returned"))).toBe(true);
    expect(needsTelling(own("accepted"))).toBe(true);
    expect(needsTelling(own("submitted"))).toBe(false);
    expect(needsTelling(null)).toBe(false);
  });
});
