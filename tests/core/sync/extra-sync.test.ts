/**
 * Extra columns travel with sync for every kind (SPEC §3, §9), and a row WITHOUT extra columns
 * hashes exactly as before extras were kept — otherwise every workbook already synced would
 * re-push every priority, line and budget row.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { EntityKind } from "#core/model.ts";
import { rowHash } from "#core/sync/hash.ts";
import { planRows } from "#core/sync/rows.ts";
import type { SyncRow } from "#core/sync/rows.ts";
import { entityWireValues } from "#core/sync/wire.ts";
import { validateEntity } from "#core/validate/entity.ts";
import type { EntityContext } from "#core/validate/entity.ts";
import { combinedSheets, extraPlanSheets, snapshotOf } from "./extra-fixtures.ts";

/** Sync rows of a set of sheets by "entity:key". */
function rowsOf(sheets: ReturnType<typeof extraPlanSheets>): Map<string, SyncRow> {
  const { rows, held } = planRows(analyzeWorkbook(snapshotOf(sheets)).plan);
  expect(held).toEqual([]);
  return new Map(rows.map((r) => [`${r.entity}:${r.key}`, r]));
}

/**
 * Hashes computed with `rowHash` on the code BEFORE Priority, Line and BudgetRow kept extra
 * columns (commit 59f3ee8). They must never change.
 */
const PINNED: [string, string][] = [
  ["priority:5", "acc7ec7f0aa5d143"],
  ["priority:6", "2a8dea1f63043581"],
  ["line:5.1", "6ffaae3a0e4b7bbc"],
  ["line:6.1", "606c66237f8d2094"],
  ["project:DGH", "9cc971bb8969b45d"],
  ["budget:DGH|personnel|2025|UNIBO", "3a80bc6507547476"],
  ["budget:DGH|overhead|2025|UNIBO", "8c6f5947a6838ca6"],
];
const PINNED_COMBINED: [string, string][] = [
  ["priority:1", "433908b674f7abc8"],
  ["line:1.1", "74b74427222f3bcf"],
  ["line:1.2", "35efc8bfa21282e8"],
];

describe("hashes of rows without extra columns are unchanged", () => {
  it.each(PINNED)("%s (sheets without extra columns) still hashes to %s", (id, hash) => {
    // Act
    const row = rowsOf(extraPlanSheets()).get(id);
    // Assess
    expect(row?.values).not.toHaveProperty("extra");
    expect(row?.hash).toBe(hash);
  });

  it.each(PINNED_COMBINED)("%s (combined layout without extra columns) still hashes to %s", (id, hash) => {
    expect(rowsOf(combinedSheets()).get(id)?.hash).toBe(hash);
  });

  it.each([
    ["line:6.1", "Referente blank on its row"],
    ["budget:DGH|overhead|2025|UNIBO", "Note blank on its row"],
    ["project:DGH", "no extra column on the projects sheet"],
  ])("%s keeps its pinned hash when the sheet has an extra column but the row's cell is blank (%s)", (id) => {
    // Act
    const row = rowsOf(extraPlanSheets({ priorities: true, lines: true, budget: true })).get(id);
    // Assess
    expect(row?.hash).toBe(new Map(PINNED).get(id));
  });
});

describe("extra columns are carried by sync", () => {
  it.each<[string, Record<string, string>]>([
    ["priority:5", { Note: "da rivedere", Referente: "M. Rossi" }],
    ["priority:6", { Referente: "L. Bianchi" }],
    ["line:5.1", { Referente: "G. Verdi" }],
    ["budget:DGH|personnel|2025|UNIBO", { Note: "preventivo 3/2025" }],
  ])("%s carries %j and so hashes differently from the row without it", (id, extra) => {
    // Act
    const row = rowsOf(extraPlanSheets({ priorities: true, lines: true, budget: true })).get(id);
    // Assess
    expect(row?.values["extra"]).toEqual(extra);
    expect(row?.hash).toBe(rowHash(row?.values));
    expect(row?.hash).not.toBe(new Map(PINNED).get(id));
  });

  it.each([["line:1.1", { Note: "joint call" }]])("combined layout: %s carries %j", (id, extra) => {
    expect(rowsOf(combinedSheets(true)).get(id)?.values["extra"]).toEqual(extra);
  });

  it.each(["priority:5", "line:5.1", "budget:DGH|personnel|2025|UNIBO"])("%s read from the sheet survives the server's re-validation with the same hash", (id) => {
    // Prepare
    const row = rowsOf(extraPlanSheets({ priorities: true, lines: true, budget: true })).get(id);
    const kind = row?.entity ?? "priority";
    // Act
    const back = validateEntity(kind, row?.values ?? {}, CTX);
    // Assess
    expect(back.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(rowHash(entityWireValues(kind, back.entity ?? {}))).toBe(row?.hash);
  });
});

const CTX: EntityContext = { locale: "it", priorities: new Set(["5", "6"]), lines: new Set(["5.1", "6.1"]), projects: new Set(["DGH"]) };

const word = fc.stringMatching(/^[A-Za-z0-9àèé]{1,8}$/);
const text = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));
/** Extra cells as the reader keeps them: trimmed, non-blank text under any heading but "__proto__". */
const extraArb = fc.option(
  fc.dictionary(
    fc.string({ minLength: 1, maxLength: 12 }).filter((h) => h !== "__proto__"),
    fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.trim()).filter((s) => s !== ""),
    { minKeys: 1, maxKeys: 4 },
  ),
  { nil: undefined },
);
const withExtra = <T extends object>(values: T, extra: Record<string, string> | undefined): T & { extra?: Record<string, string> } =>
  extra === undefined ? values : { ...values, extra };

const valuesArb: fc.Arbitrary<[EntityKind, Record<string, unknown>]> = fc.oneof(
  fc.tuple(fc.constantFrom("5", "6"), text, fc.option(text, { nil: undefined }), extraArb).map(([code, title, description, extra]) => {
    const v: Record<string, unknown> = { code, title };
    if (description !== undefined) v["description"] = description;
    return ["priority", withExtra(v, extra)] as [EntityKind, Record<string, unknown>];
  }),
  fc.tuple(fc.constantFrom("5", "6"), fc.integer({ min: 1, max: 9 }), text, fc.array(text, { maxLength: 3 }), extraArb).map(([priority, n, title, types, extra]) => [
    "line",
    withExtra({ code: `${priority}.${n}`, title, priority, types }, extra),
  ] as [EntityKind, Record<string, unknown>]),
  fc
    .tuple(
      fc.constantFrom<[string, string]>(["Personale", "personnel"], ["Attrezzature", "equipment"], ["Comunicazione", "communication"], ["Viaggi", "travel"]),
      fc.integer({ min: 0, max: 10_000_000 }),
      fc.option(fc.integer({ min: 2000, max: 2040 }), { nil: undefined }),
      fc.option(text, { nil: undefined }),
      extraArb,
    )
    .map(([[categoryLabel, category], cents, year, partner, extra]) => {
      const v: Record<string, unknown> = { project: "DGH", categoryLabel, category, amount: cents / 100 };
      if (year !== undefined) v["year"] = year;
      if (partner !== undefined) v["partner"] = partner;
      return ["budget", withExtra(v, extra)] as [EntityKind, Record<string, unknown>];
    }),
);

describe("values → entity → values", () => {
  it("round-trips every priority, line and budget row, with or without extra, to the same values and hash", () => {
    fc.assert(
      fc.property(valuesArb, ([kind, values]) => {
        // Act
        const { entity, issues } = validateEntity(kind, values, CTX);
        const back = entityWireValues(kind, entity ?? {});
        // Assess
        expect(issues.filter((i) => i.severity === "error")).toEqual([]);
        expect(back).toEqual(values);
        expect(rowHash(back)).toBe(rowHash(values));
      }),
      { numRuns: 500 },
    );
  });

  it.each<[EntityKind, Record<string, unknown>]>([
    ["priority", { code: "5", title: "Big Data", extra: {} }],
    ["line", { code: "5.1", title: "Repositioning", priority: "5", types: [], extra: { Referente: "   " } }],
    ["budget", { project: "DGH", categoryLabel: "Personale", category: "personnel", amount: 10, extra: { Note: null } }],
  ])("a %s whose extra is empty on the wire comes back without extra", (kind, values) => {
    // Act
    const { entity } = validateEntity(kind, values, CTX);
    // Assess
    expect(entity).toBeDefined();
    expect(entityWireValues(kind, entity ?? {})).not.toHaveProperty("extra");
  });
});
