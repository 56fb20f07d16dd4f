import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReviewDecision, ReviewState } from "../api/review-parts.ts";
import { ALLOWED_FROM, currentState, DECISION_STATE, isAllowed } from "./state.ts";

const STATES: ReviewState[] = ["submitted", "returned", "accepted"];
const DECISIONS: ReviewDecision[] = ["accept", "return", "reopen"];

describe("currentState", () => {
  it("is submitted before any review", () => {
    expect(currentState(undefined, 3)).toBe("submitted");
  });
  it("stays returned until the next revision, then is submitted again", () => {
    expect(currentState({ state: "returned", revision: 2 }, 2)).toBe("returned");
    expect(currentState({ state: "returned", revision: 2 }, 3)).toBe("submitted");
  });
  it("keeps accepted and a reopened (submitted) state whatever the revision", () => {
    expect(currentState({ state: "accepted", revision: 4 }, 4)).toBe("accepted");
    expect(currentState({ state: "submitted", revision: 4 }, 5)).toBe("submitted");
  });
});

describe("transitions", () => {
  it("allows exactly this table", () => {
    const table = Object.fromEntries(DECISIONS.map((d) => [d, STATES.filter((s) => isAllowed(d, s))]));
    expect(table).toEqual({
      accept: ["submitted", "returned"],
      return: ["submitted", "returned", "accepted"],
      reopen: ["accepted"],
    });
  });
  it("never accepts twice and never reopens what is not accepted", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DECISIONS), { maxLength: 30 }), (decisions) => {
        let state: ReviewState = "submitted";
        for (const d of decisions) {
          if (!isAllowed(d, state)) continue;
          if (d === "accept") expect(state).not.toBe("accepted");
          if (d === "reopen") expect(state).toBe("accepted");
          state = DECISION_STATE[d];
        }
        expect(STATES).toContain(state);
      }),
    );
  });
  it("lists only real states", () => {
    for (const d of DECISIONS) for (const s of ALLOWED_FROM[d]) expect(STATES).toContain(s);
  });
});
