/**
 * The workbook snapshot: the one input every entry point (add-in, CLI, nightly job, tests)
 * produces and the core reads. It is plain JSON so it can cross any boundary unchanged.
 *
 * Conventions every producer follows:
 * - `values[r][c]` is the cell at row r+1, column c+1: the grid is always anchored at A1.
 * - Dates are Excel serial numbers (days since 1899-12-30), exactly what Office.js `values`
 *   returns; the file reader (xlsx/) converts 1904-system and ISO date cells to them.
 * - Formula errors are their Excel text ("#REF!", "#N/A", …), as Office.js returns them.
 * - Merged areas are read as their top-left value (the producer leaves the other cells null).
 */
export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** Row-major cell values anchored at A1. Rows may have different lengths. */
  values: CellValue[][];
  /** Formulas where known (same shape as values; null or "" when the cell holds no formula). */
  formulas?: (string | null)[][];
  /** Merged areas as A1 ranges, e.g. "A2:A5". */
  merged?: string[];
  /**
   * A1 addresses of formula cells the file holds without a saved value (written by a program,
   * never calculated): their value is unknown, not blank (SPEC §4). Only the file reader sets it.
   */
  uncached?: string[];
  /** true for hidden, "very" for very hidden sheets. */
  hidden?: boolean | "very";
}

export type SnapshotOrigin = "excel" | "xlsx" | "test";

export interface WorkbookSnapshot {
  origin: SnapshotOrigin;
  /** File name or workbook name, for reports. */
  name?: string;
  /** Number locale of the workbook (Excel culture / CLI flag). Defaults to "it". */
  locale?: Locale;
  sheets: SheetSnapshot[];
}

export type Locale = "it" | "en";
