import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addThousands, fromThousands, ratePercent, round1, toThousands } from "./math.ts";

describe("consolidation arithmetic", () => {
  it("turns figures with up to 3 decimals into integer thousandths and back", () => {
    expect(toThousands(100.125)).toBe(100125);
    expect(toThousands(0.1)).toBe(100);
    expect(toThousands(92387)).toBe(92_387_000);
    expect(fromThousands(312_000)).toBe(312);
    fc.assert(
      fc.property(fc.nat({ max: 1e12 }), (k) => {
        expect(toThousands(k / 1000)).toBe(k);
        expect(fromThousands(toThousands(k / 1000))).toBe(k / 1000);
      }),
    );
  });

  it("rounds percentages to one decimal, half up", () => {
    expect(round1(77.77777)).toBe(77.8);
    expect(round1(12.25)).toBe(12.3);
    expect(round1(80)).toBe(80);
  });

  it("computes a rate only against a positive target", () => {
    expect(ratePercent(70, 90)).toBe(77.8);
    expect(ratePercent(1, 3)).toBe(33.3);
    expect(ratePercent(2, 3)).toBe(66.7);
    expect(ratePercent(92387, 90000)).toBe(102.7);
    expect(ratePercent(0, 5)).toBe(0);
    expect(ratePercent(5, 0)).toBeUndefined();
    expect(ratePercent(5, -1)).toBeUndefined();
    expect(ratePercent(Number.NaN, 5)).toBeUndefined();
  });

  it("refuses a sum it could not hold exactly", () => {
    expect(addThousands(1, 2)).toBe(3);
    expect(() => addThousands(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });
});
