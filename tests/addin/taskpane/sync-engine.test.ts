/**
 * The task pane's sync steps (push, pull, conflicts) on two in-memory workbooks through the real
 * Excel adapter, against the real local API over DynamoDB Local (no browser: the edge cases).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import type { ExcelRun } from "#addin/excel/api.ts";
import { createApiClient } from "#addin/api/client.ts";
import type { ApiClient } from "#addin/api/client.ts";
import { staticTokenSource } from "#addin/auth/static-token.ts";
import { analyzeSnapshot } from "#addin/taskpane/analysis.ts";
import type { Analysis } from "#addin/taskpane/analysis.ts";
import { hostFromAdapter } from "#addin/taskpane/excel-host.ts";
import type { WorkbookHost } from "#addin/taskpane/services.ts";
import { applyPull, keepMine, previewPull, push, takeCloud } from "#addin/taskpane/sync/sync-engine.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import type { SyncState } from "#core/sync/state.ts";
import { columnLetter } from "#core/values/index.ts";
import { createFakeExcel, seedFromSnapshot } from "#addin/memory-host/host.ts";
import type { FakeExcelHost } from "#addin/memory-host/host.ts";
import { bigDataPlan, messyPlan } from "#samples/seed-workbook.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import type { FixtureSheet } from "#samples/seed-workbook.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";

const stack = useLocalStack();
let api: ApiClient;
const header = bigDataPlan()[2]!.values[0]!;
const TITLE = `${columnLetter(header.indexOf("Titolo progetto") + 1)}2`;
const CODE = `${columnLetter(header.indexOf("Codice") + 1)}2`;

interface Workbook {
  fake: FakeExcelHost;
  host: WorkbookHost;
  analysis(): Promise<Analysis>;
  state(): Promise<SyncState>;
}

async function workbook(plan: string, sheets: FixtureSheet[] = bigDataPlan()): Promise<Workbook> {
  const fake = createFakeExcel({ sheets: sheets.map(seedFromSnapshot) });
  const adapter = new ExcelAdapter({ run: fake.run as unknown as ExcelRun });
  await adapter.writeSyncState({ planId: plan, rows: {} });
  const host = hostFromAdapter(adapter);
  const analysis = async () => analyzeSnapshot(await host.readSnapshot(), 0, () => 0);
  return {
    fake,
    host,
    analysis,
    state: async () => readSyncSheet((await analysis()).snapshot)!,
  };
}

async function pushAll(wb: Workbook) {
  return push(wb.host, api, await wb.analysis(), await wb.state(), () => undefined);
}

async function pullAll(wb: Workbook) {
  const analysis = await wb.analysis();
  const state = await wb.state();
  const preview = await previewPull(api, analysis, state);
  await applyPull(wb.host, analysis, state, preview);
  return preview;
}

beforeAll(async () => {
  const s = stack();
  for (const plan of [
    "held",
    "tombstone",
    "local",
    "conflict-mine",
    "conflict-cloud",
    "trips-100",
    "trips-1500",
  ]) {
    await s.store.createPlan(plan, plan, "editor");
  }
  api = createApiClient({
    baseUrl: s.apiUrl,
    tokens: staticTokenSource(await s.issuer.mintToken({ oid: "editor", name: "Editor" })),
  });
});

describe("task pane sync steps against the local API", () => {
  it("holds back the rows with errors and pushes every other row", async () => {
    // Prepare
    const wb = await workbook("held", messyPlan());
    const analysis = await wb.analysis();
    const withErrors = analysis.plan.projects.filter((p) => p.hasErrors === true).length;
    // Keys that only rows with errors carry (a duplicate code's first, clean row is still pushed).
    const clean = new Set(analysis.plan.projects.filter((p) => p.hasErrors !== true).map((p) => p.key));
    const onlyFaulty = analysis.plan.projects.filter((p) => p.hasErrors === true && !clean.has(p.key));
    // Act
    const outcome = await pushAll(wb);
    // Assess
    expect(outcome.held).toBeGreaterThanOrEqual(withErrors);
    expect(outcome.results.filter((r) => r.status === "applied").length).toBe(outcome.sent);
    const pushedKeys = new Set(outcome.results.map((r) => `${r.entity}:${r.key}`));
    expect(onlyFaulty.length).toBeGreaterThan(0);
    for (const p of onlyFaulty) expect(pushedKeys.has(`project:${p.key}`)).toBe(false);
    // The versions are kept in the workbook: nothing left to send.
    expect((await pushAll(wb)).sent).toBe(0);
  });

  it("sends a tombstone for a row deleted in the sheet, and the other workbook's pull clears it", async () => {
    // Prepare
    const a = await workbook("tombstone");
    const b = await workbook("tombstone");
    await pushAll(a);
    await pullAll(b);
    // Act: the user clears the DGH row in workbook A (every cell of row 2).
    const width = header.length;
    for (let c = 1; c <= width; c++) await a.fake.edit("Progetti", `${columnLetter(c)}2`, null);
    const outcome = await pushAll(a);
    const preview = await pullAll(b);
    // Assess
    expect(outcome.results.find((r) => r.entity === "project" && r.key === "DGH")?.status).toBe("applied");
    expect(preview.items.find((i) => i.change.key === "DGH")?.change.deleted).toBe(true);
    expect(b.fake.cell("Progetti", CODE)?.value ?? null).toBeNull();
    expect(
      (await stack().store.getRows("tombstone", [{ entity: "project", key: "DGH" }])).get("project#DGH")
        ?.deleted,
    ).toBe(true);
  });

  it("never overwrites a row edited locally since the last sync: the pull skips it and the push conflicts", async () => {
    // Prepare
    const a = await workbook("local");
    const b = await workbook("local");
    await pushAll(a);
    await pullAll(b);
    await a.fake.edit("Progetti", TITLE, "Titolo di A");
    await pushAll(a);
    await b.fake.edit("Progetti", TITLE, "Titolo di B");
    // Act
    const preview = await pullAll(b);
    // Assess
    expect(preview.items.find((i) => i.change.key === "DGH")?.locallyChanged).toBe(true);
    expect(b.fake.cell("Progetti", TITLE)?.value).toBe("Titolo di B");
    const outcome = await pushAll(b);
    expect(outcome.conflicts.map((c) => [c.key, c.cloud.values["title"], c.mine.values["title"]])).toEqual([
      ["DGH", "Titolo di A", "Titolo di B"],
    ]);
  });

  it.each(["mine", "cloud"] as const)(
    "resolves a conflict with %s and leaves nothing to push",
    async (choice) => {
      // Prepare
      const a = await workbook(`conflict-${choice}`);
      const b = await workbook(`conflict-${choice}`);
      await pushAll(a);
      await pullAll(b);
      await a.fake.edit("Progetti", TITLE, `A ${choice}`);
      await pushAll(a);
      await b.fake.edit("Progetti", TITLE, `B ${choice}`);
      const { conflicts } = await pushAll(b);
      const conflict = conflicts[0]!;
      // Act
      if (choice === "mine") await keepMine(b.host, api, await b.state(), conflict);
      else await takeCloud(b.host, await b.analysis(), await b.state(), conflict);
      // Assess
      const expected = choice === "mine" ? `B ${choice}` : `A ${choice}`;
      expect(b.fake.cell("Progetti", TITLE)?.value).toBe(expected);
      expect(
        (await stack().store.getRows(`conflict-${choice}`, [{ entity: "project", key: "DGH" }])).get(
          "project#DGH",
        )?.values["title"],
      ).toBe(expected);
      expect((await pushAll(b)).sent).toBe(0);
    },
  );
});

describe("Excel round trips of the task pane's sync steps", () => {
  it("are the same whatever the row count (read, push in chunks, pull)", async () => {
    // Prepare: 100 and 1 500 projects (500 and 7 500 rows: one push request vs. four).
    const trips: number[][] = [];
    for (const n of [100, 1500]) {
      const wb = await workbook(`trips-${n}`, largeWorkbook({ projects: n }));
      // Act
      const read = await wb.fake.countSyncs(() => wb.analysis());
      const analysis = await wb.analysis();
      const state = readSyncSheet(analysis.snapshot)!;
      const pushed = await wb.fake.countSyncs(() => push(wb.host, api, analysis, state, () => undefined));
      const pulled = await wb.fake.countSyncs(async () => {
        const preview = await previewPull(api, analysis, state);
        await applyPull(wb.host, analysis, state, preview);
      });
      trips.push([read, pushed, pulled]);
    }
    // Assess
    expect(trips[0]).toEqual(trips[1]);
    // SPEC §11: a whole validate, push or pull (its read included) is at most 3 round trips.
    const [readTrips, pushTrips, pullTrips] = trips[0]!;
    expect(readTrips).toBeLessThanOrEqual(3);
    expect(readTrips! + pushTrips!).toBeLessThanOrEqual(3);
    expect(readTrips! + pullTrips!).toBeLessThanOrEqual(3);
  }, 120_000);
});
