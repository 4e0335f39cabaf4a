import type { CellValue } from "#core/snapshot/types.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { ExcelRun, RequestContextLike } from "./api.ts";
import { safeCellValue } from "./safe-values.ts";
import { loadSyncSheet, planSyncWrite, queueSyncEdits, type SyncSheetRead } from "./sync-state.ts";
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
  const written = await writeSheetCells(
    run,
    updates.map((u) => ({ ...u, sheet })),
  );
  return written.cells;
}

/**
 * Writes cells of any sheets and, when given, the sync state, all in ONE round trip (a pull's
 * write step: values + sync state, SPEC §11) when `sync.known` is the sync sheet as read just
 * now; up to three when it is not (read the sync sheet first). The sync state is written row by row over
 * what the sheet held (sync-state.ts). A wrong `known` fails the batch (a batch that fails keeps
 * the writes before the failure), and everything is written again the two-trip way.
 * Returns the number of cells and the sync sheet as written.
 */
export async function writeSheetCells(
  run: ExcelRun,
  updates: readonly SheetCellUpdate[],
  sync?: { state: SyncState; known: SyncSheetRead | undefined },
  log: AdapterLog = consoleLog,
): Promise<{ cells: number; sheet: SyncSheetRead | undefined }> {
  if (updates.length === 0 && sync === undefined) return { cells: 0, sheet: undefined };
  const write = (known: SyncSheetRead | undefined): Promise<SyncSheetRead | undefined> =>
    run(async (ctx) => {
      let read = known;
      if (sync !== undefined && read === undefined) read = await loadSyncSheet(ctx);
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      queueCells(ctx, updates);
      let after: SyncSheetRead | undefined;
      if (sync !== undefined && read !== undefined) {
        const plan = planSyncWrite(read, sync.state);
        if (plan.edits.length > 0) queueSyncEdits(ctx, plan.edits, read.exists);
        after = plan.after;
      }
      await ctx.sync();
      return after;
    });
  let sheet: SyncSheetRead | undefined;
  if (sync?.known === undefined) sheet = await write(undefined);
  else {
    const known = sync.known;
    // The sync sheet went away (ItemNotFound) or appeared (ItemAlreadyExists) since the read.
    sheet = await withFallback(
      "writeCellsAndSyncState",
      log,
      ["ItemNotFound", "ItemAlreadyExists"],
      () => write(known),
      () => write(undefined),
    );
  }
  return { cells: updates.length, sheet };
}
