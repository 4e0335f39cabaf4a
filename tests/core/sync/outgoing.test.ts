/**
 * The rows every client pushes (core/sync/outgoing.ts): changed rows, and tombstones only for
 * rows the workbook could have shown.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { EntityKind } from "#core/model.ts";
import { rowHash } from "#core/sync/hash.ts";
import { outgoingRows, TOMBSTONE_HASH } from "#core/sync/outgoing.ts";
import { changedRows, type HeldRow, type SyncRow } from "#core/sync/rows.ts";
import type { SyncState } from "#core/sync/state.ts";

const ALL_SHEETS = ["priorities", "lines", "projects", "budget"];

function row(entity: EntityKind, key: string, title = key): SyncRow {
  const values = { key, title };
  return { entity, key, values, hash: rowHash(values) };
}

/** A state that synced `rows` at version 1. */
function stateOf(rows: readonly SyncRow[], extra: SyncState["rows"] = {}): SyncState {
  return {
    planId: "p",
    rows: {
      ...Object.fromEntries(rows.map((r) => [`${r.entity}:${r.key}`, { version: 1, hash: r.hash }])),
      ...extra,
    },
  };
}

const synced = [
  row("priority", "5"),
  row("line", "5.1"),
  row("project", "DGH"),
  row("budget", "DGH|coordinator||"),
];
const deletions = (rows: { deleted?: boolean; entity: string; key: string }[]) =>
  rows.filter((r) => r.deleted).map((r) => `${r.entity}:${r.key}`);

describe("outgoingRows", () => {
  it.each<
    [
      string,
      SyncRow[],
      HeldRow[],
      string[],
      SyncState["rows"],
      string[],
      { entity: string; reason: string; count: number }[],
    ]
  >([
    [
      "a row removed from a recognised sheet is deleted",
      synced.filter((r) => r.key !== "DGH"),
      [],
      ALL_SHEETS,
      {},
      ["project:DGH"],
      [],
    ],
    [
      "no tombstones for a kind whose sheet was not recognised",
      synced.filter((r) => r.entity !== "budget"),
      [],
      ["priorities", "lines", "projects"],
      {},
      [],
      [{ entity: "budget", reason: "sheet-missing", count: 1 }],
    ],
    [
      "a combined sheet shows priorities and lines",
      synced.filter((r) => r.key !== "5.1"),
      [],
      ["combined", "projects", "budget"],
      {},
      ["line:5.1"],
      [],
    ],
    [
      "no tombstones for a kind with a row held under an unknown key (its key cell is in error)",
      synced.filter((r) => r.key !== "DGH"),
      [{ entity: "project", key: "#REF!" }],
      ALL_SHEETS,
      {},
      [],
      [{ entity: "project", reason: "held-rows", count: 1 }],
    ],
    [
      "a row held under its own key is neither pushed nor deleted",
      synced.filter((r) => r.key !== "DGH"),
      [{ entity: "project", key: "DGH" }],
      ALL_SHEETS,
      {},
      [],
      [],
    ],
    [
      "a held row of another kind does not stop deletions",
      synced.filter((r) => r.key !== "DGH"),
      [{ entity: "budget", key: "" }],
      ALL_SHEETS,
      {},
      ["project:DGH"],
      [],
    ],
    [
      "a row the state already records as deleted is not deleted again",
      synced,
      [],
      ALL_SHEETS,
      { "project:OLD": { version: 3, hash: TOMBSTONE_HASH } },
      [],
      [],
    ],
  ])("%s", (_name, rows, held, sheetKinds, extra, expected, withheld) => {
    // Act
    const out = outgoingRows({ rows, held, state: stateOf(synced, extra), sheetKinds });
    // Assess
    expect(deletions(out.rows)).toEqual(expected);
    expect(out.withheld).toEqual(withheld);
  });

  it("sends changed and new rows exactly as changedRows does", () => {
    const edited = [row("priority", "5", "Big Data (rivista)"), row("project", "NEW"), ...synced.slice(1)];
    const state = stateOf(synced);
    expect(outgoingRows({ rows: edited, held: [], state, sheetKinds: ALL_SHEETS }).rows).toEqual(
      changedRows(edited, state),
    );
  });

  it("never deletes a row of a kind whose sheet is missing or that has rows held under unknown keys (property)", () => {
    const kind = fc.constantFrom<EntityKind>("priority", "line", "project", "budget");
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ entity: kind, key: fc.string({ minLength: 1, maxLength: 4 }) }), {
          selector: (r) => `${r.entity}:${r.key}`,
        }),
        fc.array(fc.boolean()),
        fc.subarray(["priorities", "lines", "combined", "projects", "budget"]),
        fc.array(fc.record({ entity: kind, key: fc.string({ maxLength: 4 }) }), { maxLength: 3 }),
        (keys, keep, sheetKinds, held) => {
          const all = keys.map((k) => row(k.entity, k.key));
          const state = stateOf(all);
          const present = all.filter((_, i) => keep[i] ?? true);
          const out = outgoingRows({ rows: present, held, state, sheetKinds });
          const shown = (e: EntityKind) =>
            ({
              priority: ["priorities", "combined"],
              line: ["lines", "combined"],
              project: ["projects"],
              budget: ["budget"],
            })[e].some((k) => sheetKinds.includes(k));
          const heldUnknown = new Set(
            held.filter((h) => !state.rows[`${h.entity}:${h.key}`]).map((h) => h.entity),
          );
          for (const r of out.rows.filter((x) => x.deleted)) {
            expect(shown(r.entity)).toBe(true);
            expect(heldUnknown.has(r.entity)).toBe(false);
          }
          // Every withheld count adds up to the deletions changedRows would have sent.
          const blind = changedRows(present, state, held).filter((r) => r.deleted).length;
          expect(
            out.rows.filter((r) => r.deleted).length + out.withheld.reduce((n, w) => n + w.count, 0),
          ).toBe(blind);
        },
      ),
    );
  });
});
