/**
 * The very hidden sync sheet (SPEC §9). Layout and parsing belong to the core
 * (`#core/sync/sync-sheet.ts`); this writes it with Office.js in two round trips.
 */
import type { SyncState } from "#core/sync/state.ts";
import { SYNC_SHEET_NAME, syncSheetValues } from "#core/sync/sync-sheet.ts";
import { areaToA1 } from "./a1.ts";
import type { ExcelRun } from "./api.ts";
import { safeCellValue } from "./safe-values.ts";

/** Replaces the sync sheet's content with `state`; creates the sheet (very hidden) when missing. */
export async function writeSyncState(run: ExcelRun, state: SyncState): Promise<void> {
  const rows = syncSheetValues(state);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const grid = rows.map((r) => Array.from({ length: width }, (_, c) => safeCellValue(r[c] ?? null)));
  await run(async (ctx) => {
    const existing = ctx.workbook.worksheets.getItemOrNullObject(SYNC_SHEET_NAME);
    existing.load("name");
    await ctx.sync();
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    const ws = existing.isNullObject ? ctx.workbook.worksheets.add(SYNC_SHEET_NAME) : existing;
    if (!existing.isNullObject) ws.getUsedRange(true).clear("Contents");
    ws.getRange(areaToA1({ top: 1, left: 1, bottom: grid.length, right: width })).values = grid;
    ws.visibility = "VeryHidden";
    await ctx.sync();
  });
}
