import type { CellValue } from "#core/snapshot/types.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { ExcelRun, RequestContextLike } from "./api.ts";
import { safeCellValue } from "./safe-values.ts";
import { queueSyncState } from "./sync-state.ts";

/** One cell to write: its A1 address on the sheet and the value it must hold. */
export interface CellUpdate {
  a1: string;
  value: CellValue;
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
    ws.getRange(u.a1).values = [[safeCellValue(u.value)]];
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
 * write step: values + sync state, SPEC §11). `syncSheetExists` comes from the read just made;
 * should it be wrong, the batch fails and the sync state is written by the two-trip path after
 * the cells (a batch that fails past its first write leaves the earlier writes in place, so the
 * cells are written again in their own batch first).
 */
export async function writeSheetCells(
  run: ExcelRun,
  updates: readonly SheetCellUpdate[],
  sync?: { state: SyncState; exists: boolean; fallback: (state: SyncState) => Promise<void> },
): Promise<number> {
  if (updates.length === 0 && sync === undefined) return 0;
  try {
    await run(async (ctx) => {
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      queueCells(ctx, updates);
      if (sync) queueSyncState(ctx, sync.state, sync.exists);
      await ctx.sync();
    });
  } catch (e) {
    if (sync === undefined) throw e;
    if (updates.length > 0) await writeSheetCells(run, updates);
    await sync.fallback(sync.state);
  }
  return updates.length;
}
