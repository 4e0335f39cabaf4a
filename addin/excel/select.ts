import { tryParseRange } from "#core/values/address.ts";
import type { ExcelRun } from "./api.ts";

/** Activates `sheet` and selects `a1` (one round trip). */
export async function selectCell(run: ExcelRun, sheet: string, a1: string): Promise<void> {
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(a1).select();
    await ctx.sync();
  });
}

/**
 * The sheet and 1-based row of the active cell (Workbook.getActiveCell, ExcelApi 1.7), one round
 * trip: the pane opens history for the row the person has selected.
 */
export async function activeCell(run: ExcelRun): Promise<{ sheet: string; row: number } | undefined> {
  return run(async (context) => {
    const cell = context.workbook.getActiveCell();
    cell.load("address");
    await context.sync();
    // "'Progetti 2024'!B5": the address names the sheet, quoted as Excel quotes it.
    const parsed = tryParseRange(cell.address);
    return parsed?.sheet === undefined ? undefined : { sheet: parsed.sheet, row: parsed.top };
  });
}
