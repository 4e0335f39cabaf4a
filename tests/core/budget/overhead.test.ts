import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { computeOverhead, DEFAULT_OVERHEAD_RATE, multiplyCents } from "#core/budget/index.ts";

const euro = (e: number): number => Math.round(e * 100);

describe("computeOverhead", () => {
  it.each<[string, number, number | undefined, number | undefined, number]>([
    [
      "seed 001: A 130 000 + B 30 000 + C 0 + D 0 → E 40 000",
      euro(130_000 + 30_000 + 0 + 0),
      undefined,
      undefined,
      euro(40_000),
    ],
    ["subcontracting is taken out of the base", euro(100_000), euro(20_000), undefined, euro(20_000)],
    ["a custom rate of 7 %", euro(100_000), 0, 0.07, euro(7_000)],
    ["half a cent rounds up (0.25 × 2 cents)", 2, 0, 0.25, 1],
    ["below half a cent rounds down (0.25 × 1 cent)", 1, 0, 0.25, 0],
    ["0.07 × €123.45 = €8.6415 → €8.64", 12_345, 0, 0.07, 864],
    ["0.15 × €0.10 = 1.5 cents → 2 cents (no float drift)", 10, 0, 0.15, 2],
    ["rate 0 gives no overhead", euro(50_000), 0, 0, 0],
    ["subcontracting larger than direct gives 0, never negative", euro(10), euro(20), undefined, 0],
  ])("%s", (_name, direct, sub, rate, expected) => {
    expect(computeOverhead(direct, sub, rate)).toBe(expected);
  });

  it("the default rate is 25 %", () => {
    expect(DEFAULT_OVERHEAD_RATE).toBe(0.25);
  });

  it.each<[number, number]>([
    [1.5, Number.NaN],
    [100, -0.1],
    [100, Number.POSITIVE_INFINITY],
  ])("misuse (amount %d, rate %d) throws a RangeError", (amount, rate) => {
    expect(() => multiplyCents(amount, rate)).toThrow(RangeError);
  });

  it("matches an exact BigInt half-up reference for rates with up to 4 decimals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.integer({ min: 0, max: 1e13 }),
        fc.integer({ min: 0, max: 20_000 }),
        (direct, sub, rate4) => {
          // Prepare: the reference works on the rate as an integer count of 1/10 000
          const base = BigInt(Math.max(0, direct - sub));
          const expected = Number((base * BigInt(rate4) * 2n + 10_000n) / 20_000n);
          // Act
          const actual = computeOverhead(direct, sub, rate4 / 10_000);
          // Assess
          expect(actual).toBe(expected);
        },
      ),
    );
  });

  it("matches an exact BigInt half-up reference for rates with up to 9 decimals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.integer({ min: 0, max: 2_000_000_000 }),
        (base, rate9) => {
          const expected = Number((BigInt(base) * BigInt(rate9) * 2n + 1_000_000_000n) / 2_000_000_000n);
          expect(multiplyCents(base, rate9 / 1e9)).toBe(expected);
        },
      ),
    );
  });
});
