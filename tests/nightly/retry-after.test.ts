import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { backoffMs, retryAfterMs } from "#core/sync/retry-after.ts";

const NOW = Date.UTC(2026, 2, 29, 1, 30);

describe("Retry-After", () => {
  it.each([
    ["1", 1000],
    [" 120 ", 120_000],
    ["0", 0],
    [new Date(NOW + 5000).toUTCString(), 5000],
    [new Date(NOW - 5000).toUTCString(), 0],
    ["soon", undefined],
    ["-3", undefined],
    [undefined, undefined],
  ])("reads %s as %s ms", (header, ms) => {
    expect(retryAfterMs(header, NOW)).toBe(ms);
  });

  it("reads any delta-seconds value as that many seconds", () => {
    fc.assert(fc.property(fc.nat(86_400), (s) => retryAfterMs(String(s), NOW) === s * 1000));
  });
});

describe("exponential backoff", () => {
  it("stays within [0, min(cap, 2^attempt s)] for any attempt and random draw", () => {
    fc.assert(
      fc.property(fc.nat(30), fc.integer({ min: 1, max: 600_000 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (attempt, cap, r) => {
        const ms = backoffMs(attempt, cap, () => r);
        return ms >= 0 && ms <= Math.min(cap, 1000 * 2 ** attempt);
      }),
    );
  });
});
