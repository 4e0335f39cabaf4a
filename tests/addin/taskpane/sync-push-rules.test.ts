/**
 * What the task pane sends and records: a repeated key syncs its first row both ways, a deletion
 * is remembered (sent once, a re-added key goes on top of it) and clears the whole row elsewhere,
 * no tombstones the workbook cannot vouch for (told to the user instead), requests stay under the
 * API's body limit, and the sync sheet records the locale the cells were parsed with.
 * In-memory workbooks through the real Excel adapter, against the real local API.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "#addin/api/client.ts";
import type { ApiClient } from "#addin/api/client.ts";
import { staticTokenSource } from "#addin/auth/static-token.ts";
import { TOMBSTONE_HASH } from "#core/sync/outgoing.ts";
import { MAX_BODY_BYTES, MAX_ROW_BYTES } from "#core/sync/protocol.ts";
import { keepMineSettled } from "#addin/taskpane/sync/sync-engine.ts";
import type { PushRequest } from "#core/sync/protocol.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { BUDGET, LINES, PRIORITIES, PROJECTS, testWorkbook } from "./sync-workbooks.ts";

const stack = useLocalStack();
let api: ApiClient;
let plans = 0;

async function plan(): Promise<string> {
  const id = `push-${++plans}`;
  await stack().store.createPlan(id, id, "editor");
  return id;
}

async function cloudRow(planId: string, entity: "project" | "budget", key: string) {
  return (await stack().store.getRows(planId, [{ entity, key }])).get(`${entity}#${key}`);
}

beforeAll(async () => {
  const s = stack();
  api = createApiClient({
    baseUrl: s.apiUrl,
    tokens: staticTokenSource(await s.issuer.mintToken({ oid: "editor", name: "Editor" })),
  });
});

describe("a repeated key", () => {
  it("takes a pulled change into its first row, the one a push sends, so the next push reverts nothing", async () => {
    // Prepare: B has a pasted copy of DGH below the original (an error row, held).
    const id = await plan();
    const a = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()]);
    const copy: CellValue[] = ["DGH", "DigitalGreenHealth", "Copia incollata", "5.1", ""];
    const b = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS([copy])]);
    await a.push();
    await b.pull();
    await a.edit("Progetti", { C2: "Titolo nuovo di A" });
    await a.push();
    // Act
    await b.pull();
    const outcome = await b.push();
    // Assess
    expect([b.cell("Progetti", "C2"), b.cell("Progetti", "C3")]).toEqual([
      "Titolo nuovo di A",
      "Copia incollata",
    ]);
    expect(outcome.sent).toBe(0);
    expect((await cloudRow(id, "project", "DGH"))?.values["title"]).toBe("Titolo nuovo di A");
  });
});

describe("a deletion", () => {
  it("is remembered after the push: sent once, and a re-added key is pushed on top of it", async () => {
    // Prepare
    const id = await plan();
    const a = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()]);
    await a.push();
    await a.edit("Progetti", { A2: null, B2: null, C2: null, D2: null, E2: null });
    // Act
    const deleted = await a.push();
    const again = await a.push();
    await a.edit("Progetti", { A2: "DGH", B2: "DGH2", C2: "Di nuovo", D2: "'5.1" });
    const readded = await a.push();
    // Assess
    expect(deleted.results.map((r) => [r.key, r.status])).toEqual([["DGH", "applied"]]);
    expect(again.sent).toBe(0);
    expect(readded.results.map((r) => [r.key, r.status])).toEqual([["DGH", "applied"]]);
    const row = await cloudRow(id, "project", "DGH");
    expect([row?.deleted, row?.values["title"]]).toEqual([false, "Di nuovo"]);
  });

  it("pulled clears the row's extra columns too and is recorded as a known deletion", async () => {
    // Prepare
    const id = await plan();
    const sheets = () => [
      PRIORITIES(),
      LINES(),
      {
        name: "Progetti",
        values: [
          ["Codice", "Titolo progetto", "Linea", "Note interne"],
          ["DGH", "T", "5.1", "nota"],
        ],
      },
    ];
    const a = await testWorkbook(api, id, sheets());
    const b = await testWorkbook(api, id, sheets());
    await a.push();
    await b.pull();
    await a.edit("Progetti", { A2: null, B2: null, C2: null, D2: null });
    await a.push();
    // Act
    await b.pull();
    // Assess
    expect(["A2", "B2", "C2", "D2"].map((c) => b.cell("Progetti", c))).toEqual([null, null, null, null]);
    const analysis = await b.analysis();
    expect(analysis.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect((await b.state()).rows["project:DGH"]?.hash).toBe(TOMBSTONE_HASH);
    expect((await b.push()).sent).toBe(0);
  });

  it.each([
    {
      name: "its sheet is no longer recognised (renamed heading)",
      heading: "Importo (€) 2024",
      reason: "sheet-missing",
    },
  ])("is not sent when $name, and the push says so", async ({ heading, reason }) => {
    // Prepare
    const id = await plan();
    const a = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS(), BUDGET()]);
    await a.push();
    await a.edit("Budget", { A1: "Rif.", B1: "Capitolo", D1: heading });
    // Act
    const outcome = await a.push();
    // Assess
    expect(outcome.results.filter((r) => r.entity === "budget")).toEqual([]);
    expect(outcome.withheld).toEqual([{ entity: "budget", reason, count: 1 }]);
    expect((await cloudRow(id, "budget", "DGH|coordinator||"))?.deleted).toBe(false);
  });
});

describe("push requests", () => {
  it("stay under the API's body limit when long texts make the rows big", async () => {
    // Prepare: 160 projects with 30 000-character titles (≈ 4.8 MB of rows, under 2 000 rows).
    const id = await plan();
    const long = "x".repeat(30_000);
    const more = Array.from({ length: 160 }, (_, i): CellValue[] => [
      `P${i}`,
      `P${i}`,
      `${long}${i}`,
      "5.1",
      "",
    ]);
    const bodies: number[] = [];
    const recording: ApiClient = {
      ...api,
      push: (planId: string, request: PushRequest) => {
        bodies.push(new TextEncoder().encode(JSON.stringify(request)).length);
        return api.push(planId, request);
      },
    };
    const a = await testWorkbook(recording, id, [PRIORITIES(), LINES(), PROJECTS(more)]);
    // Act
    const outcome = await a.push();
    // Assess
    expect(bodies.length).toBeGreaterThan(1);
    expect(Math.max(...bodies)).toBeLessThan(MAX_BODY_BYTES);
    expect(outcome.results.filter((r) => r.status === "applied").length).toBe(163);
  }, 60_000);
});

describe("keep mine", () => {
  it("does not settle a conflict the API refuses: the state stays and the next push conflicts again", async () => {
    // Prepare: a conflict on DGH, then "mine" becomes a row the API rejects (over its row size).
    const id = await plan();
    const a = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()]);
    const b = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()]);
    await a.push();
    await b.pull();
    await a.edit("Progetti", { C2: "Titolo di A" });
    await a.push();
    await b.edit("Progetti", { C2: "Titolo di B" });
    const conflict = (await b.push()).conflicts[0]!;
    const tooBig = {
      ...conflict,
      mine: { ...conflict.mine, values: { ...conflict.mine.values, notes: "x".repeat(MAX_ROW_BYTES) } },
    };
    const before = (await b.state()).rows["project:DGH"];
    // Act
    const result = await b.keepMine(tooBig);
    // Assess
    expect(result?.status).toBe("invalid");
    expect(keepMineSettled(result)).toBe(false);
    expect((await b.state()).rows["project:DGH"]).toEqual(before);
    expect((await b.push()).conflicts.map((c) => c.key)).toEqual(["DGH"]);
  });
});

describe("the sync sheet", () => {
  it.each([
    { culture: "it-IT", locale: "it" },
    { culture: "en-US", locale: "en" },
  ] as const)(
    "records the locale the cells were parsed with ($culture → $locale)",
    async ({ culture, locale }) => {
      // Prepare
      const id = await plan();
      const a = await testWorkbook(api, id, [PRIORITIES(), LINES(), PROJECTS()], culture);
      // Act
      await a.push();
      // Assess
      expect((await a.state()).locale).toBe(locale);
    },
  );
});
