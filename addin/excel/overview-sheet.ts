/**
 * The overview sheet for the board: rows as a native Excel table, optionally a column chart.
 *
 * The sheet carries the product mark in A1 ("actionplan-overview", with a note in B1 saying the
 * sheet is generated) so that no reader ever takes it for plan data (SPEC §3); the table starts
 * at A3, below the mark and a blank row.
 */
import type { CellValue } from "#core/snapshot/types.ts";
import { productSheetMark } from "#core/sheets/product-sheets.ts";
import { areaToA1 } from "./a1.ts";
import type { ExcelRun } from "./api.ts";
import { safeCellValue } from "./safe-values.ts";

const TEMP_NAME = "_ap_overview_tmp";

export interface OverviewChart {
  title: string;
}

/** A second table under the first (a blank row, its title, then its heading row and rows): the movement since a date. */
export interface BelowTable {
  title: string;
  rows: readonly (readonly CellValue[])[];
}

/** 1-based row where the table starts: row 1 holds the mark, row 2 stays blank. */
export const OVERVIEW_TABLE_ROW = 3;

export interface OverviewResult {
  sheet: string;
  /** Address of the table, e.g. "A1:F12". */
  address: string;
  table: string;
  /** Address of the table below, when one was written. */
  belowAddress?: string;
}

/** A valid Excel table name derived from the sheet name. */
function tableName(sheet: string): string {
  const base = sheet.normalize("NFD").replace(/[^\w]/g, "");
  return `AP_${base.length > 0 ? base : "Overview"}`.slice(0, 250);
}

/**
 * Replaces the sheet `name` with one holding the product mark (and `note`, the reader's
 * explanation of it) in row 1 and `rows` (first row = headings) as a table from A3, then activates
 * it (two round trips). Rows are padded to the widest one. `below`, when it has rows, becomes a
 * second table two rows under the first, its title in the row between.
 */
export async function addSheetWithTable(
  run: ExcelRun,
  name: string,
  rows: readonly (readonly CellValue[])[],
  chart?: OverviewChart,
  note?: string,
  below?: BelowTable,
): Promise<OverviewResult> {
  const grid = padded(rows);
  const width = grid[0]?.length ?? 1;
  const top = OVERVIEW_TABLE_ROW;
  const address = areaToA1({ top, left: 1, bottom: top + grid.length - 1, right: width });
  const table = tableName(name);
  const second = below !== undefined && below.rows.length > 1 ? padded(below.rows) : undefined;
  // Title one blank row under the first table, the second table right under its title.
  const secondTitleRow = top + grid.length + 1;
  const belowAddress =
    second === undefined
      ? undefined
      : areaToA1({
          top: secondTitleRow + 1,
          left: 1,
          bottom: secondTitleRow + second.length,
          right: second[0]?.length ?? 1,
        });
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
    ws.getRange("A1:B1").values = [[productSheetMark("overview"), safeCellValue(note ?? null)]];
    const range = ws.getRange(address);
    range.values = grid;
    ws.tables.add(address, true).name = table;
    if (chart && grid.length > 1) ws.charts.add("ColumnClustered", range, "Auto").title.text = chart.title;
    if (second !== undefined && belowAddress !== undefined) {
      ws.getRange(`A${secondTitleRow}`).values = [[safeCellValue(below?.title ?? null)]];
      ws.getRange(belowAddress).values = second;
      ws.tables.add(belowAddress, true).name = `${table}_2`.slice(0, 250);
    }
    ws.activate();
    await ctx.sync();
  });
  return { sheet: name, address, table, ...(belowAddress === undefined ? {} : { belowAddress }) };
}

/** Rows as a rectangle of safe cell values, padded to the widest row (one empty row when none). */
function padded(rows: readonly (readonly CellValue[])[]): CellValue[][] {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return (rows.length > 0 ? rows : [[]]).map((r) =>
    Array.from({ length: width }, (_, c) => safeCellValue(r[c] ?? null)),
  );
}
