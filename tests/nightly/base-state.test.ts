import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { PushRow, RowResult } from "#core/sync/protocol.ts";
import type { SyncState } from "#core/sync/state.ts";
import { TOMBSTONE_HASH } from "#core/sync/outgoing.ts";
import { nextBase } from "#core/sync/base.ts";
import { memoryAfter, mergeBase } from "#functions/nightly/base-state.ts";
import type { NightlyMemory } from "#functions/nightly/registry.ts";

const sheet: SyncState = { planId: "p", rows: { "project:A": { version: 3, hash: "a3" }, "project:B": { version: 1, hash: "b1" } } };

describe("the base a nightly push builds on", () => {
  it.each([
    ["no memory", undefined, { "project:A": { version: 3, hash: "a3" }, "project:B": { version: 1, hash: "b1" } }],
    ["a remembered row newer than the sheet's", { "project:B": [2, "b2"] }, { "project:A": { version: 3, hash: "a3" }, "project:B": { version: 2, hash: "b2" } }],
    ["a remembered row older than the sheet's (the add-in synced since)", { "project:A": [2, "a2"] }, { "project:A": { version: 3, hash: "a3" }, "project:B": { version: 1, hash: "b1" } }],
    ["a remembered row the sheet does not know", { "line:5.1": [1, "l1"] }, { "project:A": { version: 3, hash: "a3" }, "project:B": { version: 1, hash: "b1" }, "line:5.1": { version: 1, hash: "l1" } }],
  ] as const)("with %s", (_name, memory, rows) => {
    expect(mergeBase("p", sheet, memory as NightlyMemory | undefined)).toEqual({ planId: "p", rows });
  });

  it("starts from nothing for a workbook without a sync sheet", () => {
    expect(mergeBase("p", undefined, undefined)).toEqual({ planId: "p", rows: {} });
  });
});

describe("what the job remembers after a push", () => {
  const pushed: PushRow[] = [
    { entity: "project", key: "A", baseVersion: 3, values: { title: "x" } },
    { entity: "project", key: "B", baseVersion: 1, values: { title: "y" } },
    { entity: "project", key: "C", baseVersion: 0, values: {}, deleted: true },
  ];
  const rows = [
    { entity: "project" as const, key: "A", values: {}, hash: "a4" },
    { entity: "project" as const, key: "B", values: {}, hash: "b2" },
  ];

  it.each([
    ["applied rows, with their new versions", [{ status: "applied", version: 4 }, { status: "applied", version: 2 }, { status: "applied", version: 1 }], { "project:A": [4, "a4"], "project:B": [2, "b2"], "project:C": [1, TOMBSTONE_HASH] }],
    ["not conflicts nor invalid rows", [{ status: "conflict" }, { status: "invalid" }, { status: "unchanged", version: 1 }], { "project:C": [1, TOMBSTONE_HASH] }],
    ["not rows whose version the sheet already has", [{ status: "unchanged", version: 3 }, { status: "unchanged", version: 1 }, { status: "conflict" }], {}],
  ] as const)("keeps %s", (_name, outcomes, expected) => {
    const results = outcomes.map((o, i) => ({ entity: pushed[i]!.entity, key: pushed[i]!.key, ...o }) as RowResult);
    expect(memoryAfter(sheet, nextBase(mergeBase("p", sheet, undefined), pushed, results, rows).state)).toEqual(expected);
  });

  it("never keeps an entry that is not newer than the sheet's version", () => {
    const id = fc.constantFrom("project:A", "project:B", "line:1", "budget:x");
    fc.assert(
      fc.property(
        fc.dictionary(id, fc.record({ version: fc.integer({ min: 1, max: 9 }), hash: fc.string() })),
        fc.dictionary(id, fc.tuple(fc.integer({ min: 1, max: 9 }), fc.string())),
        (sheetRows, previous) => {
          const state: SyncState = { planId: "p", rows: sheetRows };
          const next = memoryAfter(state, mergeBase("p", state, previous as NightlyMemory));
          return Object.entries(next).every(([key, [version]]) => version > (sheetRows[key]?.version ?? 0));
        },
      ),
    );
  });
});
