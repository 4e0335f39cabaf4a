/**
 * A pull never loses anyone's work: it records only what the sheet took (no sheet, no column, a
 * formula cell), never overwrites local work (a row typed here, held, deleted here, edited while
 * the preview was shown), and a remote change it skips comes back at the next push as a conflict.
 * Two in-memory workbooks through the real Excel adapter, against the real local API.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "#addin/api/client.ts";
import type { ApiClient } from "#addin/api/client.ts";
import { staticTokenSource } from "#addin/auth/static-token.ts";
import type { SeedSheet } from "#addin/memory-host/host.ts";
import type { RowValues } from "#core/sync/protocol.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { BUDGET, LINES, PRIORITIES, PROJECTS, testWorkbook } from "./sync-workbooks.ts";
import type { TestWorkbook } from "./sync-workbooks.ts";

const stack = useLocalStack();
let api: ApiClient;
let plans = 0;

async function plan(): Promise<string> {
  const id = `pull-${++plans}`;
  await stack().store.createPlan(id, id, "editor");
  return id;
}

async function cloudRow(planId: string, entity: string, key: string) {
  const rows = await stack().store.getRows(planId, [{ entity: entity as "project", key }]);
  return rows.get(`${entity}#${key}`);
}

beforeAll(async () => {
  const s = stack();
  api = createApiClient({
    baseUrl: s.apiUrl,
    tokens: staticTokenSource(await s.issuer.mintToken({ oid: "editor", name: "Editor" })),
  });
});

interface TakeCase {
  name: string;
  a: () => SeedSheet[];
  b: () => SeedSheet[];
  /** A's edit after both are in sync. */
  edit: (a: TestWorkbook) => Promise<void>;
  entity: string;
  key: string;
  /** What the cloud must still hold after B's pull and push. */
  kept: (values: RowValues) => unknown;
  expected: unknown;
  /** B's cell that must be untouched, and its formula. */
  formula?: { cell: string; text: string };
}

const TAKE: TakeCase[] = [
  {
    name: "a row whose sheet this workbook lacks (no Budget sheet)",
    a: () => [PRIORITIES(), LINES(), PROJECTS(), BUDGET()],
    b: () => [PRIORITIES(), LINES(), PROJECTS()],
    edit: (a) => a.edit("Budget", { D2: 1200 }),
    entity: "budget",
    key: "DGH|coordinator||",
    kept: (v) => v["amount"],
    expected: 1200,
  },
  {
    name: "a field with no column here (partners)",
    a: () => [PRIORITIES(), LINES(), PROJECTS()],
    b: () => [
      PRIORITIES(),
      LINES(),
      { name: "Progetti", values: PROJECTS().values.map((r) => r.slice(0, 4)) },
    ],
    edit: (a) => a.edit("Progetti", { E2: "UNIBO" }),
    entity: "project",
    key: "DGH",
    kept: (v) => v["partners"],
    expected: ["UNIBO"],
  },
  {
    name: "an extra column only the other workbook has",
    a: () => [
      PRIORITIES(),
      LINES(),
      {
        name: "Progetti",
        values: [
          ["Codice", "Titolo progetto", "Linea", "Note interne"],
          ["DGH", "T", "5.1", null],
        ],
      },
    ],
    b: () => [
      PRIORITIES(),
      LINES(),
      {
        name: "Progetti",
        values: [
          ["Codice", "Titolo progetto", "Linea"],
          ["DGH", "T", "5.1"],
        ],
      },
    ],
    edit: (a) => a.edit("Progetti", { D2: "chiamare il capofila" }),
    entity: "project",
    key: "DGH",
    kept: (v) => v["extra"],
    expected: { "Note interne": "chiamare il capofila" },
  },
  {
    name: "a cell holding a formula here (PRL)",
    a: () => [
      PRIORITIES(),
      LINES(),
      {
        name: "Progetti",
        values: [
          ["Codice", "Titolo progetto", "Linea", "Esito", "PRL"],
          ["DGH", "T", "5.1", "presentato", 6],
        ],
      },
    ],
    b: () => [
      PRIORITIES(),
      LINES(),
      {
        name: "Progetti",
        values: [
          ["Codice", "Titolo progetto", "Linea", "Esito", "PRL"],
          ["DGH", "T", "5.1", "presentato", 6],
        ],
        formulas: { E2: "=CLUSTER.PRL(A2)" },
      },
    ],
    edit: (a) => a.edit("Progetti", { D2: "finanziato", E2: 8 }),
    entity: "project",
    key: "DGH",
    kept: (v) => [v["outcome"], v["prlStated"]],
    expected: ["funded", 8],
    formula: { cell: "E2", text: "=CLUSTER.PRL(A2)" },
  },
];

describe("a pull records only what the sheet took", () => {
  it.each(TAKE)("$name: the next push leaves the cloud's row alone", async (c) => {
    // Prepare
    const id = await plan();
    const a = await testWorkbook(api, id, c.a());
    const b = await testWorkbook(api, id, c.b());
    await a.push();
    await b.pull();
    await b.push();
    await c.edit(a);
    await a.push();
    // Act
    await b.pull();
    const outcome = await b.push();
    // Assess
    expect(outcome.sent).toBe(0);
    const row = await cloudRow(id, c.entity, c.key);
    expect(row?.deleted).toBe(false);
    expect(c.kept(row!.values)).toEqual(c.expected);
    if (c.formula) expect(b.fake.cell("Progetti", c.formula.cell)?.formula).toBe(c.formula.text);
  });
});

interface LocalCase {
  name: string;
  /** B's local work, made after B's first pull and before A's remote edit is pulled. */
  local: (b: TestWorkbook) => Promise<void>;
  /** Cells of B's Progetti sheet that must still hold B's work after the pull. */
  cells: Record<string, unknown>;
  key: string;
  /** The row must stay out of B's sheet (not resurrected). */
  gone?: boolean;
  /** What the user does before pushing (a held row must be fixed to be sent). */
  fix?: (b: TestWorkbook) => Promise<void>;
}

const LOCAL: LocalCase[] = [
  {
    name: "a row typed here and never pushed, with the same key",
    local: (b) => b.edit("Progetti", { A3: "NEW1", B3: "N1", C3: "Titolo di B", D3: "'5.1" }),
    cells: { C3: "Titolo di B" },
    key: "NEW1",
  },
  {
    name: "a row held back by an error",
    local: (b) => b.edit("Progetti", { C2: "Titolo di B", D2: "'5.9" }),
    cells: { C2: "Titolo di B", D2: "5.9" },
    key: "DGH",
    fix: (b) => b.edit("Progetti", { D2: "'5.1" }),
  },
  {
    name: "a row deleted here, tombstone not pushed yet",
    local: (b) => b.edit("Progetti", { A2: null, B2: null, C2: null, D2: null, E2: null }),
    cells: {},
    gone: true,
    key: "DGH",
  },
];

describe("a pull never overwrites local work", () => {
  it.each(LOCAL)("$name: kept, and the next push conflicts on it", async (c) => {
    // Prepare
    const id = await plan();
    const a = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()]);
    const b = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()]);
    await a.push();
    await b.pull();
    await c.local(b);
    await a.edit("Progetti", { A3: "NEW1", B3: "N1", C3: "Titolo di A", D3: "'5.1", E2: "UNIBO" });
    await a.push();
    // Act
    const preview = await b.pull();
    // Assess
    expect(preview.items.find((i) => i.change.key === c.key)?.locallyChanged).toBe(true);
    for (const [cell, value] of Object.entries(c.cells)) expect(b.cell("Progetti", cell)).toBe(value);
    if (c.gone) expect((await b.analysis()).plan.projects.map((p) => p.key)).not.toContain(c.key);
    await c.fix?.(b);
    const outcome = await b.push();
    expect(outcome.conflicts.map((x) => x.key)).toContain(c.key);
  });

  it("judges local work on the read made when the preview is applied, not when it was shown", async () => {
    // Prepare
    const id = await plan();
    const a = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()]);
    const b = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()]);
    await a.push();
    await b.pull();
    await a.edit("Progetti", { E2: "UNIBO" });
    await a.push();
    const preview = await b.preview();
    expect(preview.items.find((i) => i.change.key === "DGH")?.locallyChanged).toBe(false);
    // Act: B types while the preview is on screen, then applies it.
    await b.edit("Progetti", { C2: "Titolo di B" });
    const applied = await b.apply(preview);
    // Assess
    expect(applied.keptLocal).toBe(1);
    expect(b.cell("Progetti", "C2")).toBe("Titolo di B");
    expect(b.cell("Progetti", "E2")).toBe("UNIBO, UNIMORE");
    const outcome = await b.push();
    expect(outcome.conflicts.map((x) => [x.key, x.cloud.values["partners"]])).toEqual([["DGH", ["UNIBO"]]]);
  });

  it("keeps a skipped remote change: undoing the local edit still brings it back at the next push", async () => {
    // Prepare
    const id = await plan();
    const a = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()]);
    const b = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()]);
    await a.push();
    await b.pull();
    await a.edit("Progetti", { E2: "UNIBO" });
    await a.push();
    await b.edit("Progetti", { C2: "bozza" });
    await b.pull();
    // Act: the user undoes the edit, then pushes.
    await b.edit("Progetti", { C2: "Titolo originale" });
    const outcome = await b.push();
    // Assess: the remote change comes back as a conflict; take cloud brings it into the sheet.
    const conflict = outcome.conflicts.find((x) => x.key === "DGH");
    expect(conflict?.cloud.values["partners"]).toEqual(["UNIBO"]);
    await b.takeCloud(conflict!);
    expect(b.cell("Progetti", "E2")).toBe("UNIBO");
    expect((await b.push()).sent).toBe(0);
  });
});
