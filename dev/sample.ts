/**
 * The local plan and its sample workbook for `npm start`: `workbooks/sample-action-plan.xlsx`
 * is written from the seed fixture (with a sync sheet naming the plan, so the nightly job knows
 * where it belongs) when absent, and its rows are pushed through the same push service the API
 * runs when the plan is new. A plan that already exists (persistent data) is left as it is.
 *
 * SPEC §9 "whatever imports a workbook records the base versions where that workbook keeps
 * them": when this start wrote the sample and imported it, the sample is written again with its
 * sync sheet holding the version and hash of every imported row (core's `nextBase` over the push
 * results, laid out by core's `syncSheetValues`), so an edited copy pushes only its edits. A
 * workbook that was already there (the person's file) is not rewritten: its rows are adopted on
 * their first push (equal values, SPEC §9 Adoption).
 */
import { existsSync } from "node:fs";
import { rename } from "node:fs/promises";
import { analyzeWorkbook } from "#core/analyze.ts";
import { changedRows, planRows } from "#core/sync/rows.ts";
import { nextBase } from "#core/sync/base.ts";
import type { SyncState } from "#core/sync/state.ts";
import { SYNC_SHEET_NAME, syncSheetValues } from "#core/sync/sync-sheet.ts";
import { readWorkbookFile } from "#xlsx/read-workbook.ts";
import type { SyncStore } from "#functions/store/store.ts";
import { pushRows } from "#functions/sync/push.ts";
import { bigDataPlan } from "#samples/seed-workbook.ts";
import { writeXlsx } from "#samples/write-xlsx.ts";

export interface SampleResult {
  /** true when the plan was created by this call. */
  created: boolean;
  /** Rows applied from the sample (0 when the plan already existed). */
  imported: number;
  /** Rows the push did not apply (conflict/invalid): should be 0 for the seed. */
  rejected: number;
  /** Rows whose base versions the sample workbook's sync sheet now records (0 when not rewritten). */
  recorded: number;
}

/** Writes the sample workbook (seed sheets + sync sheet) unless the file exists; true when written. */
export async function ensureSampleWorkbook(path: string, plan: string): Promise<boolean> {
  if (existsSync(path)) return false;
  await writeSample(path, { planId: plan, rows: {} });
  return true;
}

/** The seed sheets and a very hidden sync sheet holding `state`. */
async function writeSample(path: string, state: SyncState): Promise<void> {
  const sync = { name: SYNC_SHEET_NAME, values: syncSheetValues(state), hidden: "very" as const };
  // Written aside and renamed: a start running at the same moment never reads half a file.
  const partial = `${path}.${process.pid}.partial`;
  await writeXlsx([...bigDataPlan(), sync], partial);
  await rename(partial, path);
}

/**
 * Creates the plan (dev user admin) and, when new, imports the sample workbook's rows; with
 * `recordBase` (the sample was written by this start) the sample then records their versions.
 */
export async function seedPlan(options: {
  store: SyncStore;
  plan: string;
  title: string;
  admin: string;
  workbook: string;
  recordBase?: boolean;
}): Promise<SampleResult> {
  const { store, plan } = options;
  if (await store.planExists(plan)) return { created: false, imported: 0, rejected: 0, recorded: 0 };
  await store.createPlan(plan, options.title, options.admin);
  const { rows, held } = planRows(analyzeWorkbook(await readWorkbookFile(options.workbook)).plan);
  // No sync state yet: every row is new (baseVersion 0).
  const request = { idempotencyKey: `start-import-${plan}`, source: "cli" as const, rows: changedRows(rows, undefined, held) };
  const { results } = await pushRows(store, plan, request, { id: options.admin, source: "cli" }, "en");
  const imported = results.filter((r) => r.status === "applied").length;
  const rejected = results.length - imported - results.filter((r) => r.status === "unchanged").length;
  let recorded = 0;
  if (options.recordBase === true) {
    const base = nextBase({ planId: plan, rows: {} }, request.rows, results, rows).state;
    await writeSample(options.workbook, base);
    recorded = Object.keys(base.rows).length;
  }
  return { created: true, imported, rejected, recorded };
}
