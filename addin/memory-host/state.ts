/**
 * The workbook the fake Excel host holds: plain data, mutated only when a batch runs at
 * `context.sync()` (or by `FakeExcelHost.edit`, which plays the user typing).
 * No Node-only APIs here: the browser preview page bundles this module.
 */
import type { CellValue } from "#core/snapshot/types.ts";
import type { CellRange } from "#core/values/address.ts";
import { profileSupports, type HostProfile } from "./profile.ts";

/** The user's own cell formatting, which highlighting must never touch. */
export interface CellFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  numberFormat?: string;
}

export interface FakeCell {
  value: CellValue;
  /** "=…" when the cell holds a formula. */
  formula?: string;
  /** true when the text was entered with a leading apostrophe (Excel's quote prefix). */
  quotePrefix?: boolean;
  format?: CellFormat;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeConditionalFormat {
  id: string;
  type: string;
  area: CellRange;
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeTable {
  id: string;
  name: string;
  area: CellRange;
  hasHeaders: boolean;
}

export interface FakeChart {
  id: string;
  name: string;
  type: string;
  source: CellRange;
  title?: string;
}

export interface FakeSheetState {
  id: string;
  name: string;
  visibility: Visibility;
  /** cells[row-1][col-1]; holes are empty cells. */
  cells: (FakeCell | undefined)[][];
  merged: CellRange[];
  conditionalFormats: FakeConditionalFormat[];
  tables: FakeTable[];
  charts: FakeChart[];
  /** Sheet protection on (Review → Protect Sheet): every cell locked, as Excel's default. */
  protected?: boolean;
}

export interface FakeNamedItem {
  name: string;
  formula: string;
  comment: string;
}

export interface Culture {
  /** e.g. "it-IT". */
  name: string;
  decimalSeparator: string;
  groupSeparator: string;
  /** How a typed date is read: "DMY" (it-IT: 5/1/2024 is 5 January) or "MDY" (en-US: 1/5/2024). Default from the name. */
  dateOrder?: "DMY" | "MDY";
}

/** A change the host reports to `worksheets.onChanged` handlers (Office.js event args subset). */
export interface FakeChangedEvent {
  type: "WorksheetChanged";
  worksheetId: string;
  address: string;
  changeType: "RangeEdited";
  source: "Local" | "Remote";
  /** ExcelApi 1.14: "ThisLocalAddin" for the add-in's own API writes, else "Unknown"; absent below 1.14. */
  triggerSource?: "ThisLocalAddin" | "Unknown";
}

export interface FakeWorkbookState {
  name: string;
  sheets: FakeSheetState[];
  names: Map<string, FakeNamedItem>;
  settings: Map<string, unknown>;
  culture: Culture;
  /** The Excel being played: platform and requirement sets. */
  profile: HostProfile;
  /** Number of `context.sync()` round trips so far (what SPEC §11 bounds). */
  syncCount: number;
  /** Calls to `suspendApiCalculationUntilNextSync`. */
  calcSuspensions: number;
  /** Calculation suspended by the running batch; cleared when its sync ends ("until the next sync"). */
  calculationSuspended: boolean;
  /** Syncs that ran with calculation suspended. */
  suspendedSyncs: number;
  /** Largest number of queued operations in one sync. */
  largestBatch: number;
  /** Cells read by values/formulas loads in the running sync (the response payload). */
  batchCells: number;
  /** Largest `batchCells` of any sync Excel answered so far (a sync over the limit is refused). */
  largestBatchCells: number;
  /** When set, a sync reading (or writing) more cells fails like Excel on the web's 5 MB limit. */
  payloadLimitCells?: number;
  /** Cells written by values/formulas sets in the running sync (the request payload). */
  batchWrittenCells: number;
  activeSheet?: string;
  /** The last `range.select()`. */
  selection?: { sheet: string; address: string };
  changedHandlers: Set<(e: FakeChangedEvent) => Promise<unknown> | void>;
  /** Changes made by the running sync's writes, posted to the handlers once it settles (as Excel does). */
  pendingEvents?: FakeChangedEvent[];
  nextId: number;
  /** Middle part of new object ids: distinct per co-authoring session, so two sessions never mint one id. */
  idSeries?: string;
  /** Co-authoring: posts what a batch or an edit changed to the other sessions (coauthoring.ts). */
  coauthor?: { publish(written?: readonly { worksheetId: string; address: string }[]): void };
}

/** Records a change written through the API, reported to `onChanged` handlers after the sync. */
export function noteChange(wb: FakeWorkbookState, sheet: FakeSheetState, address: string): void {
  (wb.pendingEvents ??= []).push(changeEvent(wb, sheet, address, "ThisLocalAddin"));
}

/** A change event as the configured Excel reports it (`triggerSource` only from ExcelApi 1.14). */
export function changeEvent(
  wb: FakeWorkbookState,
  sheet: FakeSheetState,
  address: string,
  trigger: "ThisLocalAddin" | "Unknown",
): FakeChangedEvent {
  const event: FakeChangedEvent = {
    type: "WorksheetChanged",
    worksheetId: sheet.id,
    address,
    changeType: "RangeEdited",
    source: "Local",
  };
  if (profileSupports(wb.profile, "ExcelApi", "1.14")) event.triggerSource = trigger;
  return event;
}

/** A fresh id ("{…}" like Excel's object ids). */
export function newId(wb: FakeWorkbookState): string {
  wb.nextId += 1;
  return `{00000000-0000-4000-${wb.idSeries ?? "8000"}-${String(wb.nextId).padStart(12, "0")}}`;
}

export function findSheet(wb: FakeWorkbookState, name: string): FakeSheetState | undefined {
  const lower = name.toLowerCase();
  return wb.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function getCell(sheet: FakeSheetState, row: number, col: number): FakeCell | undefined {
  return sheet.cells[row - 1]?.[col - 1];
}

/** Sets (or with `undefined` empties) a cell, keeping its format. */
export function putCell(
  sheet: FakeSheetState,
  row: number,
  col: number,
  content: Omit<FakeCell, "format"> | undefined,
): void {
  let r = sheet.cells[row - 1];
  if (r === undefined) {
    for (let i = sheet.cells.length; i < row; i++) sheet.cells[i] ??= [];
    r = sheet.cells[row - 1] as (FakeCell | undefined)[];
  }
  const format = r[col - 1]?.format;
  if (content === undefined || (content.value === null && content.formula === undefined)) {
    r[col - 1] = format === undefined ? undefined : { value: null, format };
    return;
  }
  const cell: FakeCell = { value: content.value };
  if (content.formula !== undefined) cell.formula = content.formula;
  if (content.quotePrefix === true) cell.quotePrefix = true;
  if (format !== undefined) cell.format = format;
  r[col - 1] = cell;
}

function hasContent(cell: FakeCell | undefined, valuesOnly: boolean): boolean {
  if (cell === undefined) return false;
  if (cell.value !== null || cell.formula !== undefined) return true;
  return !valuesOnly && cell.format !== undefined;
}

/** The smallest area holding every non-empty cell (Office.js `getUsedRange`); undefined when empty. */
export function usedArea(sheet: FakeSheetState, valuesOnly: boolean): CellRange | undefined {
  let top = 0;
  let left = 0;
  let bottom = 0;
  let right = 0;
  sheet.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!hasContent(cell, valuesOnly)) return;
      if (top === 0 || r + 1 < top) top = r + 1;
      if (left === 0 || c + 1 < left) left = c + 1;
      if (r + 1 > bottom) bottom = r + 1;
      if (c + 1 > right) right = c + 1;
    });
  });
  return top === 0 ? undefined : { top, left, bottom, right };
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
