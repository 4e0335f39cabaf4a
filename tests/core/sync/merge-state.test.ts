/**
 * The merge rule of a co-authored sync state (higher base wins) and the minimal row-by-row write
 * of the sync sheet built on it (issue #18).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CellValue, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { lostBases, mergeSyncStates, mergeSyncedRow } from "#core/sync/merge-state.ts";
import { readSyncSheet, SYNC_SHEET_NAME, syncSheetValues } from "#core/sync/sync-sheet.ts";
import { syncSheetLayout, syncSheetWrite, type SyncSheetEdit } from "#core/sync/sync-sheet-rows.ts";
import type { SyncedRow, SyncState } from "#core/sync/state.ts";

const ids = fc.constantFrom("project:DGH", "project:ABC", "line:5.1", "priority:5", "budget:DGH|2025|x");
const hash = fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), fc.constantFrom("stale", "deleted"));
const row: fc.Arbitrary<SyncedRow> = fc.record({ version: fc.integer({ min: 1, max: 9 }), hash });
const state: fc.Arbitrary<SyncState> = fc.record(
  {
    planId: fc.constant("plan"),
    cursor: fc.stringMatching(/^[a-z0-9]{1,6}$/),
    locale: fc.constantFrom<"it" | "en">("it", "en"),
    apiUrl: fc.constantFrom("https://a.example", "https://b.example"),
    rows: fc.dictionary(ids, row),
  },
  { requiredKeys: ["planId", "rows"] },
);

const sheet = (values: CellValue[][]): WorkbookSnapshot => ({
  origin: "test",
  sheets: [{ name: SYNC_SHEET_NAME, values, hidden: "very" }],
});

/** The sheet's values after writing `edits` (4 cells from column A each). */
function applied(values: readonly (readonly CellValue[])[], edits: readonly SyncSheetEdit[]): CellValue[][] {
  const out = values.map((r) => [...r]);
  for (const e of edits) {
    while (out.length < e.row) out.push([]);
    const line = out[e.row - 1] as CellValue[];
    e.values.forEach((v, i) => (line[i] = v));
  }
  return out;
}

describe("merging two records of a sync state", () => {
  it("keeps per row the higher base, whichever record comes first, and merges idempotently", () => {
    fc.assert(
      fc.property(state, state, state, (a, b, c) => {
        const ab = mergeSyncStates(a, b);
        expect(ab.rows).toEqual(mergeSyncStates(b, a).rows);
        expect(mergeSyncStates(ab, c).rows).toEqual(mergeSyncStates(a, mergeSyncStates(b, c)).rows);
        expect(mergeSyncStates(ab, ab)).toEqual(ab);
        for (const [id, r] of Object.entries(ab.rows)) {
          expect(r.version).toBe(Math.max(a.rows[id]?.version ?? 0, b.rows[id]?.version ?? 0));
        }
      }),
    );
  });

  it("prefers a stale mark over the cloud's hash at the same base (the row is sent again)", () => {
    expect(mergeSyncedRow({ version: 3, hash: "0123456789abcdef" }, { version: 3, hash: "stale" })?.hash).toBe("stale");
  });
});

describe("writing the sync sheet row by row", () => {
  it("records the merge of what the sheet held and the new state, touching only rows that move forward", () => {
    fc.assert(
      fc.property(state, state, (recorded, next) => {
        // Prepare: the sheet as the coauthor left it.
        const values = syncSheetValues(recorded);
        const layout = syncSheetLayout(values);
        // Act
        const write = syncSheetWrite(readSyncSheet(sheet(values)), layout, next);
        const after = applied(values, write.edits);
        // Assess: the sheet reads as both records merged, header from the new state.
        const read = readSyncSheet(sheet(after));
        expect(read?.rows).toEqual(mergeSyncStates(next, recorded).rows);
        expect(read?.cursor).toBe(next.cursor);
        expect(write.state.rows).toEqual(read?.rows);
        // Only lines of rows whose record moved forward (and header rows) are written.
        const touched = write.edits.filter((e) => e.row > 6).map((e) => `${String(e.values[0])}:${String(e.values[1])}`);
        for (const id of touched) {
          const was = recorded.rows[id];
          const now = next.rows[id];
          expect(now).toBeDefined();
          expect(was === undefined || mergeSyncedRow(was, now) === now).toBe(true);
          expect(was).not.toEqual(now);
        }
        expect(new Set(write.edits.map((e) => e.row)).size).toBe(write.edits.length);
        // Writing the same state again writes nothing.
        expect(syncSheetWrite(read, write.layout, next).edits).toEqual([]);
      }),
    );
  });

  it("writes one line when one row's base moves, and puts a new row below the last line", () => {
    // Prepare
    const recorded: SyncState = {
      planId: "plan",
      rows: { "project:ABC": { version: 1, hash: "aaaaaaaaaaaaaaaa" }, "project:DGH": { version: 2, hash: "bbbbbbbbbbbbbbbb" } },
    };
    const values = syncSheetValues(recorded);
    const next: SyncState = {
      planId: "plan",
      rows: {
        "project:ABC": { version: 1, hash: "aaaaaaaaaaaaaaaa" },
        "project:DGH": { version: 3, hash: "cccccccccccccccc" },
        "project:NEW": { version: 1, hash: "dddddddddddddddd" },
      },
    };
    // Act
    const write = syncSheetWrite(readSyncSheet(sheet(values)), syncSheetLayout(values), next);
    // Assess
    expect(write.edits).toEqual([
      { row: 8, values: ["project", "DGH", 3, "cccccccccccccccc"] },
      { row: 9, values: ["project", "NEW", 1, "dddddddddddddddd"] },
    ]);
  });

  it("leaves a coauthor's newer base alone", () => {
    // Prepare: the sheet holds DGH at 5 (a coauthor's push); this session still thinks 4.
    const recorded: SyncState = { planId: "plan", rows: { "project:DGH": { version: 5, hash: "eeeeeeeeeeeeeeee" } } };
    const values = syncSheetValues(recorded);
    const next: SyncState = { planId: "plan", rows: { "project:DGH": { version: 4, hash: "ffffffffffffffff" } } };
    // Act
    const write = syncSheetWrite(readSyncSheet(sheet(values)), syncSheetLayout(values), next);
    // Assess
    expect(write.edits).toEqual([]);
    expect(write.state.rows["project:DGH"]?.version).toBe(5);
  });
});

describe("lostBases (a session's lines a concurrent append overwrote)", () => {
  it("puts back exactly what the sheet lacks or holds older, under the sheet's own header", () => {
    fc.assert(
      fc.property(fc.dictionary(ids, row), fc.dictionary(ids, row), fc.string({ maxLength: 4 }), (sheetRows, mineRows, cursor) => {
        const recorded: SyncState = { planId: "plan", cursor, rows: sheetRows };
        const mine: SyncState = { planId: "plan", cursor: "old", rows: mineRows };
        const lost = lostBases(recorded, mine);
        const merged = mergeSyncStates(recorded, mine);
        const anyLost = Object.entries(mineRows).some(([id, r]) => mergeSyncedRow(sheetRows[id], r) !== sheetRows[id]);
        if (!anyLost) {
          expect(lost).toBeUndefined();
          return;
        }
        expect(lost?.rows).toEqual(merged.rows);
        expect(lost?.cursor).toBe(cursor);
      }),
    );
  });

  it("gives nothing back to a sheet of another plan or a missing one", () => {
    const mine: SyncState = { planId: "plan", rows: { "project:DGH": { version: 2, hash: "aaaaaaaaaaaaaaaa" } } };
    expect(lostBases({ planId: "other", rows: {} }, mine)).toBeUndefined();
    expect(lostBases(undefined, mine)).toBeUndefined();
  });
});
