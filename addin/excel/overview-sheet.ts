/**
 * The overview sheet for the board: rows as a native Excel table, optionally a column chart.
 */
import type { CellValue } from "#core/snapshot/types.ts";
import { areaToA1 } from "./a1.ts";
import type { ExcelRun } from "./api.ts";
import { safeCellValue } from "./safe-values.ts";

const TEMP_NAME = "_ap_overview_tmp";

export interface OverviewChart {
  title: string;
}

export interface OverviewResult {
  sheet: string;
  /** Address of the table, e.g. "A1:F12". */
  address: string;
  table: string;
}

/** A valid Excel table name derived from the sheet name. */
function tableName(sheet: string): string {
  const base = sheet.normalize("NFD").replace(/[^\w]/g, "");
  return `AP_${base.length > 0 ? base : "Overview"}`.slice(0, 250);
}

/**
 * Replaces the sheet `name` with one holding `rows` (first row = headings) as a table, then
 * activates it (two round trips). Rows are padded to the widest one.
 */
export async function addSheetWithTable(
  run: ExcelRun,
  name: string,
  rows: readonly (readonly CellValue[])[],
  chart?: OverviewChart,
): Promise<OverviewResult> {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const grid = (rows.length > 0 ? rows : [[]]).map((r) =>
    Array.from({ length: width }, (_, c) => safeCellValue(r[c] ?? null)),
  );
  const address = areaToA1({ top: 1, left: 1, bottom: grid.length, right: width });
  const table = tableName(name);
  await run(async (ctx) => {
    const existing = ctx.workbook.worksheets.getItemOrNullObject(name);
    existing.load("name");
    await ctx.sync();
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    // Build under a temporary name, then drop the old sheet: the workbook never loses its last visible sheet.
    const ws = ctx.workbook.worksheets.add(existing.isNullObject ? name : TEMP_NAME);
    if (!existing.isNullObject) {
      existing.delete();
      ws.name = name;
    }
    const range = ws.getRange(address);
    range.values = grid;
    ws.tables.add(address, true).name = table;
    if (chart && grid.length > 1) ws.charts.add("ColumnClustered", range, "Auto").title.text = chart.title;
    ws.activate();
    await ctx.sync();
  });
  return { sheet: name, address, table };
}
