import type { CellValue } from "#core/snapshot/types.ts";
import type { ExcelRun } from "./api.ts";
import { safeCellValue } from "./safe-values.ts";

/** One cell to write: its A1 address on the sheet and the value it must hold. */
export interface CellUpdate {
  a1: string;
  value: CellValue;
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
  if (updates.length === 0) return 0;
  await run(async (ctx) => {
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    const ws = ctx.workbook.worksheets.getItem(sheet);
    for (const u of updates) ws.getRange(u.a1).values = [[safeCellValue(u.value)]];
    await ctx.sync();
  });
  return updates.length;
}
