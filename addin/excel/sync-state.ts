/**
 * The very hidden sync sheet (SPEC §9). Layout and parsing belong to the core
 * (`#core/sync/sync-sheet.ts`); this writes it with Office.js: one round trip when the caller
 * knows whether the sheet exists (the read just made says so), else two (look, then write).
 */
import type { SyncState } from "#core/sync/state.ts";
import { SYNC_SHEET_NAME, syncSheetValues } from "#core/sync/sync-sheet.ts";
import { areaToA1 } from "./a1.ts";
import type { ExcelRun, RequestContextLike } from "./api.ts";
import { safeCellValue } from "./safe-values.ts";
import { consoleLog, withFallback, type AdapterLog } from "./office-errors.ts";

/**
 * Queues the replacement of the sync sheet's content with `state` in `ctx`'s batch: creates the
 * sheet (very hidden) when `exists` is false, else clears and rewrites it. No round trip of its own.
 */
export function queueSyncState(ctx: RequestContextLike, state: SyncState, exists: boolean): void {
  const rows = syncSheetValues(state);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const grid = rows.map((r) => Array.from({ length: width }, (_, c) => safeCellValue(r[c] ?? null)));
  const sheets = ctx.workbook.worksheets;
  const ws = exists ? sheets.getItem(SYNC_SHEET_NAME) : sheets.add(SYNC_SHEET_NAME);
  // The whole sheet, not its used range: an empty sheet has no used range to clear.
  if (exists) ws.getRange().clear("Contents");
  ws.getRange(areaToA1({ top: 1, left: 1, bottom: grid.length, right: width })).values = grid;
  ws.visibility = "VeryHidden";
}

/**
 * Replaces the sync sheet's content with `state`. With `exists` known: one round trip (a wrong
 * guess fails the batch and falls back); without: two.
 */
export async function writeSyncState(
  run: ExcelRun,
  state: SyncState,
  exists?: boolean,
  log: AdapterLog = consoleLog,
): Promise<void> {
  const looking = (): Promise<void> =>
    run(async (ctx) => {
      const existing = ctx.workbook.worksheets.getItemOrNullObject(SYNC_SHEET_NAME);
      existing.load("name");
      await ctx.sync();
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      queueSyncState(ctx, state, !existing.isNullObject);
      await ctx.sync();
    });
  if (exists === undefined) return looking();
  // The sheet went away (ItemNotFound) or appeared (ItemAlreadyExists) since the read: look first.
  return withFallback(
    "writeSyncState",
    log,
    ["ItemNotFound", "ItemAlreadyExists"],
    () =>
      run(async (ctx) => {
        ctx.workbook.application.suspendApiCalculationUntilNextSync();
        queueSyncState(ctx, state, exists);
        await ctx.sync();
      }),
    looking,
  );
}
