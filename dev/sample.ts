/**
 * The local plan and its sample workbook for `npm start`: `workbooks/sample-action-plan.xlsx`
 * is written from the seed fixture (with a sync sheet naming the plan, so the nightly job knows
 * where it belongs) when absent, and its rows are pushed through the same push service the API
 * runs when the plan is new. A plan that already exists (persistent data) is left as it is.
 */
import { existsSync } from "node:fs";
import { rename } from "node:fs/promises";
import { analyzeWorkbook } from "#core/analyze.ts";
import { changedRows, planRows } from "#core/sync/rows.ts";
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
}

/** Writes the sample workbook (seed sheets + sync sheet) unless the file exists. */
export async function ensureSampleWorkbook(path: string, plan: string): Promise<boolean> {
  if (existsSync(path)) return false;
  const sync = { name: SYNC_SHEET_NAME, values: syncSheetValues({ planId: plan, rows: {} }), hidden: "very" as const };
  // Written aside and renamed: a start running at the same moment never reads half a file.
  const partial = `${path}.${process.pid}.partial`;
  await writeXlsx([...bigDataPlan(), sync], partial);
  await rename(partial, path);
  return true;
}

/** Creates the plan (dev user admin) and, when new, imports the sample workbook's rows. */
export async function seedPlan(options: { store: SyncStore; plan: string; title: string; admin: string; workbook: string }): Promise<SampleResult> {
  const { store, plan } = options;
  if (await store.planExists(plan)) return { created: false, imported: 0, rejected: 0 };
  await store.createPlan(plan, options.title, options.admin);
  const { rows, held } = planRows(analyzeWorkbook(await readWorkbookFile(options.workbook)).plan);
  // No sync state yet: every row is new (baseVersion 0).
  const request = { idempotencyKey: `start-import-${plan}`, source: "cli" as const, rows: changedRows(rows, undefined, held) };
  const { results } = await pushRows(store, plan, request, { id: options.admin, source: "cli" }, "en");
  const imported = results.filter((r) => r.status === "applied").length;
  return { created: true, imported, rejected: results.length - imported - results.filter((r) => r.status === "unchanged").length };
}
