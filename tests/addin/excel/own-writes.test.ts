/**
 * `OwnWrites` tells the echo of our own writes from the user's edits: by sheet id (our internal
 * sheets), by sheet + cells while a write runs and for a window after, and by time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OwnWrites } from "#addin/excel/changes.ts";
import { areaToA1 } from "#addin/excel/a1.ts";

const area = fc
  .record({
    top: fc.integer({ min: 1, max: 60 }),
    left: fc.integer({ min: 1, max: 30 }),
    h: fc.nat(8),
    w: fc.nat(5),
  })
  .map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w }));

type Area = { top: number; left: number; bottom: number; right: number };
const overlap = (a: Area, b: Area): boolean =>
  a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

function tracker(): { own: OwnWrites; clock: { now: number } } {
  const clock = { now: 0 };
  const own = new OwnWrites(() => clock.now, 1_000);
  own.learnSheet("{data}", "Progetti", false);
  own.learnSheet("{other}", "Budget", false);
  own.learnSheet("{sync}", "_actionplan_sync", true);
  return { own, clock };
}

describe("OwnWrites.isOwn", () => {
  it("while a write runs, counts an event as ours exactly when it is on that sheet and overlaps a written area", () => {
    fc.assert(
      fc.property(
        fc.array(area, { minLength: 1, maxLength: 4 }),
        area,
        fc.boolean(),
        (written, event, sameSheet) => {
          // Prepare
          const { own } = tracker();
          own.begin([{ sheet: "Progetti", a1: written.map(areaToA1) }]);
          // Act
          const ours = own.isOwn({ worksheetId: sameSheet ? "{data}" : "{other}", address: areaToA1(event) });
          // Assess
          expect(ours).toBe(sameSheet && written.some((w) => overlap(w, event)));
        },
      ),
    );
  });

  it("keeps counting the echo as ours until the window after the write has passed, then never", () => {
    fc.assert(
      fc.property(area, fc.integer({ min: 0, max: 3_000 }), (written, elapsed) => {
        // Prepare
        const { own, clock } = tracker();
        const done = own.begin([{ sheet: "Progetti", a1: [areaToA1(written)] }]);
        done();
        clock.now += elapsed;
        // Act
        const ours = own.isOwn({ worksheetId: "{data}", address: areaToA1(written) });
        // Assess
        expect(ours).toBe(elapsed <= 1_000);
      }),
    );
  });

  it.each([
    ["our internal sheet, with no write running", "{sync}", false, true],
    ["a sheet not read yet, while we write", "{new}", true, true],
    ["a sheet not read yet, with no write running", "{new}", false, false],
    ["a data sheet we are not writing", "{other}", true, false],
  ])("decides an event on %s (sheet id %s, writing: %s) is ours: %s", (_, sheetId, writing, expected) => {
    // Prepare
    const { own } = tracker();
    if (writing) own.begin([{ sheet: "Progetti", a1: ["A1"] }]);
    // Act
    const ours = own.isOwn({ worksheetId: sheetId, address: "C3" });
    // Assess
    expect(ours).toBe(expected);
  });
});
