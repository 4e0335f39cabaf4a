import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { EntityKind, Plan } from "#core/model.ts";
import { rowHash } from "#core/sync/hash.ts";
import { changedRows, planRows, type SyncRow } from "#core/sync/rows.ts";
import type { SyncState } from "#core/sync/state.ts";

function plan(): Plan {
  return {
    priorities: [
      { code: "5", title: "Big Data e Intelligenza Artificiale", source: { sheet: "Priorità", row: 2 } },
    ],
    lines: [
      {
        code: "5.1",
        title: "Big Data per il repositioning dei farmaci",
        priority: "5",
        types: ["R&I projects"],
      },
    ],
    projects: [
      {
        key: "DGH",
        code: "DGH",
        acronym: "DigitalGreenHealth",
        line: "5.1",
        totalBudget: 49_987_500,
        ticks: {},
      },
      { key: "BAD", title: "row with errors", hasErrors: true, ticks: {} },
    ],
    budget: [
      { project: "CLUSTER-2020", category: "coordinator", amount: 13_000_000 },
      { project: "CLUSTER-2020", category: "equipment", amount: 100_000, year: 2021 },
      { project: "CLUSTER-2020", category: "equipment", amount: 250_000, year: 2021 },
    ],
    present: { priorities: true, lines: true, projects: true, budget: true },
  };
}

describe("planRows", () => {
  it("holds back rows with errors and keys repeated budget rows #2, #3", () => {
    // Act
    const { rows, held } = planRows(plan());
    // Assess
    expect(held).toEqual([{ entity: "project", key: "BAD" }]);
    expect(rows.map((r) => `${r.entity}:${r.key}`)).toEqual([
      "priority:5",
      "line:5.1",
      "project:DGH",
      "budget:CLUSTER-2020|coordinator||",
      "budget:CLUSTER-2020|equipment|2021|",
      "budget:CLUSTER-2020|equipment|2021|#2",
    ]);
  });

  it("sends money as euro numbers and never the sheet position", () => {
    const { rows } = planRows(plan());
    const dgh = rows.find((r) => r.key === "DGH");
    expect(dgh?.values["totalBudget"]).toBe(499_875);
    expect(rows[0]?.values).not.toHaveProperty("source");
  });
});

describe("changedRows", () => {
  const { rows, held } = planRows(plan());
  const synced = (overrides: Record<string, { version: number; hash: string }>): SyncState => ({
    planId: "clust-er-2025",
    rows: {
      ...Object.fromEntries(rows.map((r) => [`${r.entity}:${r.key}`, { version: 3, hash: r.hash }])),
      ...overrides,
    },
  });

  it.each([
    ["no state: every row is new", undefined, rows.length, 0],
    ["state equal to the sheet: nothing to send", synced({}), 0, 0],
    [
      "one hash differs: that row only, based on its version",
      synced({ "priority:5": { version: 7, hash: "x" } }),
      1,
      7,
    ],
  ])("%s", (_name, state, count, firstBase) => {
    const out = changedRows(rows, state, held);
    expect(out).toHaveLength(count);
    if (count > 0) expect(out[0]?.baseVersion).toBe(firstBase);
  });

  it("sends a tombstone for a row gone from the sheet, but not for a held row", () => {
    // Prepare
    const state = synced({ "line:9.9": { version: 2, hash: "h" }, "project:BAD": { version: 4, hash: "h" } });
    // Act
    const out = changedRows(rows, state, held);
    // Assess
    expect(out).toEqual([{ entity: "line", key: "9.9", baseVersion: 2, values: {}, deleted: true }]);
  });
});

describe("changedRows (property)", () => {
  const rowArb = fc.record({
    entity: fc.constantFrom<EntityKind>("priority", "line", "project", "budget"),
    key: fc.string({ minLength: 1, maxLength: 6 }),
    title: fc.string(),
  });

  it("sends exactly the new and changed rows, and a tombstone for each synced row gone from the sheet", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(rowArb, { selector: (r) => `${r.entity}:${r.key}` }),
        fc.array(fc.nat(), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (raw, editedIdx, goneIdx) => {
          // Prepare: every row synced, then some edited in the sheet and some removed from it
          const rows: SyncRow[] = raw.map((r) => ({
            entity: r.entity,
            key: r.key,
            values: { title: r.title },
            hash: rowHash({ title: r.title }),
          }));
          const state: SyncState = {
            planId: "p",
            rows: Object.fromEntries(
              rows.map((r, i) => [`${r.entity}:${r.key}`, { version: i + 1, hash: r.hash }]),
            ),
          };
          const edited = new Set(editedIdx.map((i) => i % Math.max(rows.length, 1)));
          const gone = new Set(goneIdx.map((i) => i % Math.max(rows.length, 1)));
          const sheet = rows
            .map((r, i) =>
              edited.has(i)
                ? {
                    ...r,
                    values: { title: `${String(r.values["title"])}!` },
                    hash: rowHash({ title: `${String(r.values["title"])}!` }),
                  }
                : r,
            )
            .filter((_, i) => !gone.has(i));
          // Act
          const out = changedRows(sheet, state);
          // Assess
          const expected = rows.flatMap((r, i) =>
            gone.has(i)
              ? [`${r.entity}:${r.key}:del@${i + 1}`]
              : edited.has(i)
                ? [`${r.entity}:${r.key}:upd@${i + 1}`]
                : [],
          );
          expect(
            out.map((p) => `${p.entity}:${p.key}:${p.deleted ? "del" : "upd"}@${p.baseVersion}`).sort(),
          ).toEqual(expected.sort());
        },
      ),
    );
  });
});
