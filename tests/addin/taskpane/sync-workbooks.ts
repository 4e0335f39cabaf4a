/**
 * Small workbooks for the sync tests: the real Excel adapter over the in-memory Excel host, driven
 * by the task pane's sync steps against an API client (the real local API in the tests).
 */
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import type { ExcelRun } from "#addin/excel/api.ts";
import type { ApiClient } from "#addin/api/client.ts";
import { analyzeSnapshot } from "#addin/taskpane/analysis.ts";
import type { Analysis } from "#addin/taskpane/analysis.ts";
import { hostFromAdapter } from "#addin/taskpane/excel-host.ts";
import type { WorkbookHost } from "#addin/taskpane/services.ts";
import { applyPull, keepMine, previewPull, push, takeCloud } from "#addin/taskpane/sync/sync-engine.ts";
import type { Conflict, PullPreview, PushOutcome } from "#addin/taskpane/sync/sync-engine.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import { createFakeExcel } from "#addin/memory-host/host.ts";
import type { FakeExcelHost, SeedSheet } from "#addin/memory-host/host.ts";

export interface TestWorkbook {
  fake: FakeExcelHost;
  host: WorkbookHost;
  analysis(): Promise<Analysis>;
  state(): Promise<SyncState>;
  push(): Promise<PushOutcome>;
  preview(): Promise<PullPreview>;
  /** `take`: state keys ("project:DGH") whose cloud version the person chose. */
  apply(preview: PullPreview, take?: ReadonlySet<string>): ReturnType<typeof applyPull>;
  pull(): Promise<PullPreview>;
  keepMine(conflict: Conflict): ReturnType<typeof keepMine>;
  takeCloud(conflict: Conflict): Promise<void>;
  cell(sheet: string, a1: string): CellValue;
  edit(sheet: string, cells: Record<string, CellValue>): Promise<void>;
}

/** A workbook bound to `plan`, synced through `api`. */
export async function testWorkbook(
  api: ApiClient,
  plan: string,
  sheets: SeedSheet[],
  culture: "it-IT" | "en-US" = "it-IT",
): Promise<TestWorkbook> {
  const fake = createFakeExcel({ sheets, culture });
  const adapter = new ExcelAdapter({ run: fake.run as unknown as ExcelRun });
  await adapter.writeSyncState({ planId: plan, rows: {} });
  const host = hostFromAdapter(adapter);
  const analysis = async () => analyzeSnapshot(await host.readSnapshot(), 0, () => 0);
  const state = async () => readSyncSheet((await analysis()).snapshot)!;
  const preview = async () => previewPull(api, await analysis(), await state());
  // Like useSync: every step re-reads the workbook first.
  const apply = async (p: PullPreview, take?: ReadonlySet<string>) =>
    applyPull(host, await analysis(), await state(), p, take);
  return {
    fake,
    host,
    analysis,
    state,
    push: async () => push(host, api, await analysis(), await state(), () => undefined),
    preview,
    apply,
    pull: async () => {
      const p = await preview();
      await apply(p);
      return p;
    },
    keepMine: async (c) => keepMine(host, api, await state(), c),
    takeCloud: async (c) => takeCloud(host, await analysis(), await state(), c),
    cell: (sheet, a1) => fake.cell(sheet, a1)?.value ?? null,
    edit: async (sheet, cells) => {
      for (const [a1, value] of Object.entries(cells)) await fake.edit(sheet, a1, value);
    },
  };
}

export const PRIORITIES = (): SeedSheet => ({
  name: "Priorità",
  values: [
    ["N.", "Priorità strategica"],
    [5, "Big Data"],
  ],
});
export const LINES = (): SeedSheet => ({
  name: "Linee",
  values: [
    ["Codice", "Linea di intervento", "Priorità"],
    ["5.1", "Linea uno", 5],
  ],
});
/** Projects: A code, B acronym, C title, D line, E partners, then `more` rows. */
export const PROJECTS = (more: CellValue[][] = []): SeedSheet => ({
  name: "Progetti",
  values: [
    ["Codice", "Acronimo", "Titolo progetto", "Linea", "Partner"],
    ["DGH", "DigitalGreenHealth", "Titolo originale", "5.1", "UNIBO, UNIMORE"],
    ...more,
  ],
});
export const BUDGET = (heading = "Importo"): SeedSheet => ({
  name: "Budget",
  values: [
    ["Progetto", "Voce", "Descrizione", heading],
    ["DGH", "A", "Personale", 1000],
  ],
});
