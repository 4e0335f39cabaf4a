import type { CellValue } from "#core/snapshot/types.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { ExcelRun, RequestContextLike } from "./api.ts";
import { safeCellValue } from "./safe-values.ts";
import { SYNC_SHEET_NAME } from "#core/sync/sync-sheet.ts";
import { queueSyncState } from "./sync-state.ts";
import { consoleLog, withFallback, type AdapterLog } from "./office-errors.ts";

/** One cell to write: its A1 address on the sheet and the value it must hold. */
export interface CellUpdate {
  a1: string;
  value: CellValue;
  /** A number format set with the value (a date serial needs one to show as a date). */
  numberFormat?: string;
}

/** A cell update on a named sheet (writes across sheets in one batch). */
export interface SheetCellUpdate extends CellUpdate {
  sheet: string;
}

function queueCells(ctx: RequestContextLike, updates: readonly SheetCellUpdate[]): void {
  const sheets = new Map<string, ReturnType<RequestContextLike["workbook"]["worksheets"]["getItem"]>>();
  for (const u of updates) {
    let ws = sheets.get(u.sheet);
    if (!ws) sheets.set(u.sheet, (ws = ctx.workbook.worksheets.getItem(u.sheet)));
    const range = ws.getRange(u.a1);
    if (u.numberFormat !== undefined) range.numberFormat = [[u.numberFormat]];
    range.values = [[safeCellValue(u.value)]];
  }
}

/**
 * Writes values into cells of `sheet` in one round trip, with calculation suspended for the
 * batch; texts are quote-prefixed so nothing becomes a formula. Returns the number of cells.
 */
export async function writeCells(
  run: ExcelRun,
  sheet: string,
  updates: readonly CellUpdate[],
): Promise<number> {
  return writeSheetCells(
    run,
    updates.map((u) => ({ ...u, sheet })),
  );
}

/**
 * Writes cells of any sheets and, when given, the sync state, all in ONE round trip (a pull's
 * write step: values + sync state, SPEC §11) when `sync.exists` is known from the read just made;
 * two when it is not (look for the sync sheet first). A wrong `exists` fails the batch (a batch
 * that fails keeps the writes before the failure), and everything is written again the two-trip way.
 */
export async function writeSheetCells(
  run: ExcelRun,
  updates: readonly SheetCellUpdate[],
  sync?: { state: SyncState; exists: boolean | undefined },
  log: AdapterLog = consoleLog,
): Promise<number> {
  if (updates.length === 0 && sync === undefined) return 0;
  const write = (exists: boolean | undefined): Promise<void> =>
    run(async (ctx) => {
      let known = exists;
      if (sync !== undefined && known === undefined) {
        const existing = ctx.workbook.worksheets.getItemOrNullObject(SYNC_SHEET_NAME);
        existing.load("name");
        await ctx.sync();
        known = !existing.isNullObject;
      }
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      queueCells(ctx, updates);
      if (sync !== undefined) queueSyncState(ctx, sync.state, known ?? false);
      await ctx.sync();
    });
  if (sync?.exists === undefined) await write(undefined);
  else {
    const exists = sync.exists;
    // The sync sheet went away (ItemNotFound) or appeared (ItemAlreadyExists) since the read.
    await withFallback(
      "writeCellsAndSyncState",
      log,
      ["ItemNotFound", "ItemAlreadyExists"],
      () => write(exists),
      () => write(undefined),
    );
  }
  return updates.length;
}
