import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CellValue, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { readSyncSheet, SYNC_SHEET_NAME, syncSheetValues } from "#core/sync/sync-sheet.ts";
import type { SyncState } from "#core/sync/state.ts";

const snapshot = (values: CellValue[][]): WorkbookSnapshot => ({
  origin: "test",
  sheets: [
    { name: "Progetti", values: [] },
    { name: SYNC_SHEET_NAME, values, hidden: "very" },
  ],
});

const stateArb: fc.Arbitrary<SyncState> = fc.record(
  {
    planId: fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== ""),
    apiUrl: fc.webUrl(),
    cursor: fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/),
    locale: fc.constantFrom<"it" | "en">("it", "en"),
    rows: fc.dictionary(
      fc
        .tuple(fc.constantFrom("priority", "line", "project", "budget"), fc.string({ minLength: 1 }))
        .map(([e, k]) => `${e}:${k}`),
      fc.record({ version: fc.integer({ min: 1, max: 1e9 }), hash: fc.stringMatching(/^[0-9a-f]{16}$/) }),
    ),
  },
  { requiredKeys: ["planId", "rows"] },
);

describe("sync sheet", () => {
  it("reads back exactly the state it was written from", () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(readSyncSheet(snapshot(syncSheetValues(state)))).toEqual(state);
      }),
    );
  });

  it("lays out the header as the add-in and the nightly job expect", () => {
    const values = syncSheetValues({
      planId: "clust-er-2025",
      cursor: "c1",
      rows: { "line:5.1": { version: 2, hash: "00ff00ff00ff00ff" } },
    });
    expect(values[0]?.slice(0, 2)).toEqual(["actionplan-sync", 1]);
    expect(values[1]?.slice(0, 2)).toEqual(["plan", "clust-er-2025"]);
    expect(values[5]).toEqual(["entity", "key", "version", "hash"]);
    expect(values[6]).toEqual(["line", "5.1", 2, "00ff00ff00ff00ff"]);
  });

  it("keeps the parsing locale in row 5, and reads a file written before it as having none", () => {
    const values = syncSheetValues({ planId: "p", locale: "en", rows: {} });
    const older = values.map((row, i) => (i === 4 ? [null, null, null, null] : row));
    expect(values[4]?.slice(0, 2)).toEqual(["locale", "en"]);
    expect(readSyncSheet(snapshot(older))?.locale).toBeUndefined();
    expect(readSyncSheet(snapshot(values))?.locale).toBe("en");
  });

  it.each([
    ["no sync sheet", undefined],
    ["another marker", [["something-else", 1]]],
    [
      "a newer format version",
      [
        ["actionplan-sync", 2],
        ["plan", "p"],
      ],
    ],
    [
      "no plan id",
      [
        ["actionplan-sync", 1],
        ["plan", null],
      ],
    ],
  ])("gives no state for %s", (_name, values) => {
    const snap: WorkbookSnapshot = values
      ? snapshot(values as CellValue[][])
      : { origin: "test", sheets: [] };
    expect(readSyncSheet(snap)).toBeUndefined();
  });

  it("skips malformed table lines instead of failing", () => {
    const values = syncSheetValues({ planId: "p", rows: { "line:5.1": { version: 2, hash: "h1" } } });
    values.push(["nonsense", "k", 1, "h"], ["line", "5.2", "two", "h"], ["line", "5.3", 0, "h"]);
    expect(readSyncSheet(snapshot(values))?.rows).toEqual({ "line:5.1": { version: 2, hash: "h1" } });
  });
});
