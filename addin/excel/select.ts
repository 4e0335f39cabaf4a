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
