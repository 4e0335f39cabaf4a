import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mapBounded } from "#functions/nightly/run-job.ts";

describe("bounded concurrency of the nightly run", () => {
  it("keeps input order and never has more than `limit` files in flight", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(5), { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), async (delays, limit) => {
        let inFlight = 0;
        let peak = 0;
        const out = await mapBounded(delays, limit, async (delay) => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((resolve) => setTimeout(resolve, delay));
          inFlight--;
          return delay * 2;
        });
        expect(out).toEqual(delays.map((d) => d * 2));
        expect(peak).toBeLessThanOrEqual(limit);
        if (delays.length >= limit) expect(peak).toBe(limit);
      }),
      { numRuns: 40 },
    );
  });
});
