/**
 * Plan workbooks as real .xlsx bytes (written with ExcelJS from the seed fixtures), with the
 * very hidden sync sheet the add-in keeps, and what the core says their rows are.
 */
import { analyzeWorkbook } from "#core/analyze.ts";
import { planRows } from "#core/sync/rows.ts";
import type { PlanRows } from "#core/sync/rows.ts";
import { SYNC_SHEET_NAME, syncSheetValues } from "#core/sync/sync-sheet.ts";
import type { SyncState } from "#core/sync/state.ts";
import { snapshotOf } from "#samples/seed-workbook.ts";
import type { FixtureSheet } from "#samples/seed-workbook.ts";
import { xlsxBuffer } from "#samples/write-xlsx.ts";

/** The sync sheet of a state, as a fixture sheet (very hidden, like the add-in writes it). */
export function syncSheet(state: SyncState): FixtureSheet {
  return { name: SYNC_SHEET_NAME, values: syncSheetValues(state), hidden: "very" };
}

/** The .xlsx bytes of plan sheets plus the sync sheet of `state`. */
export function workbookBytes(sheets: readonly FixtureSheet[], state: SyncState): Promise<Buffer> {
  return xlsxBuffer([...sheets, syncSheet(state)]);
}

/** The rows (and held rows) the core reads from the sheets. */
export function rowsOf(sheets: readonly FixtureSheet[]): PlanRows {
  return planRows(analyzeWorkbook(snapshotOf(sheets)).plan);
}

/** A copy of the sheets with one cell replaced (sheet by name, 1-based row and column). */
export function withCell(sheets: readonly FixtureSheet[], sheetName: string, row: number, col: number, value: string | number): FixtureSheet[] {
  return sheets.map((sheet) => {
    if (sheet.name !== sheetName) return sheet;
    const values = sheet.values.map((r) => [...r]);
    const target = values[row - 1];
    if (!target) throw new Error(`${sheetName} has no row ${row}`);
    target[col - 1] = value;
    return { ...sheet, values };
  });
}

/** A copy of the sheets without one row (1-based) of one sheet, as if the user deleted it. */
export function withoutRow(sheets: readonly FixtureSheet[], sheetName: string, row: number): FixtureSheet[] {
  return sheets.map((sheet) =>
    sheet.name !== sheetName ? sheet : { ...sheet, values: sheet.values.filter((_, i) => i !== row - 1), formulas: undefined, merged: [] },
  );
}
