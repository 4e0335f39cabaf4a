/**
 * The Excel adapter: the one place the add-in talks to Office.js (STYLE 5). It takes a `run`
 * shaped like `Excel.run`, so the task pane passes `Excel.run` and tests pass the fake host's.
 *
 * @example
 * const excel = new ExcelAdapter({ run: Excel.run });
 * const snapshot = await excel.readSnapshot(); // ≤ 3 context.sync() round trips
 */
import type { CellValue, WorkbookSnapshot } from "#core/snapshot/types.ts";
import type { SyncState } from "#core/sync/state.ts";
import { readSyncSheet } from "#core/sync/sync-sheet.ts";
import type { Issue } from "#core/validate/issue.ts";
import type { ExcelRun } from "./api.ts";
import { watchChanges, type ChangeWatch } from "./changes.ts";
import { clearHighlights, highlightIssues, type HighlightResult } from "./highlights.ts";
import { defineLambdaNames, type LambdaNamesResult } from "./lambda-names.ts";
import { addSheetWithTable, type OverviewChart, type OverviewResult } from "./overview-sheet.ts";
import { readSnapshot, type ReadOptions } from "./read-snapshot.ts";
import { selectCell } from "./select.ts";
import { writeSyncState } from "./sync-state.ts";
import { writeCells, type CellUpdate } from "./write-cells.ts";

export interface ExcelAdapterOptions {
  /** `Excel.run` in Excel; the fake host's `run` in tests and the preview page. */
  run: ExcelRun;
  /** Payload budget of reads (see `ReadOptions`). */
  read?: ReadOptions;
}

export class ExcelAdapter {
  readonly #run: ExcelRun;
  readonly #read: ReadOptions;

  constructor(options: ExcelAdapterOptions) {
    this.#run = options.run;
    this.#read = options.read ?? {};
  }

  /** Every sheet into a snapshot, culture → locale; ≤ 3 round trips for a plan under ~260 000 cells. */
  readSnapshot(): Promise<WorkbookSnapshot> {
    return readSnapshot(this.#run, this.#read);
  }

  /** Activates the sheet and selects the cell (issue list → cell). */
  selectCell(sheet: string, a1: string): Promise<void> {
    return selectCell(this.#run, sheet, a1);
  }

  /** Shows issues as conditional formats driven by a very hidden marker sheet; replaces earlier ones. */
  highlightIssues(issues: readonly Issue[]): Promise<HighlightResult> {
    return highlightIssues(this.#run, issues);
  }

  /** Removes every highlight of ours in one step; the user's own formats and rules stay. */
  clearHighlights(): Promise<void> {
    return clearHighlights(this.#run);
  }

  /** Writes the very hidden sync sheet (plan id, per-row version + hash). */
  writeSyncState(state: SyncState): Promise<void> {
    return writeSyncState(this.#run, state);
  }

  /** The sync state kept in the workbook, from a snapshot already read or a fresh one. */
  async readSyncState(snapshot?: WorkbookSnapshot): Promise<SyncState | undefined> {
    return readSyncSheet(snapshot ?? (await this.readSnapshot()));
  }

  /** Writes values (never formulas) into cells of one sheet, in one round trip. */
  writeCells(sheet: string, updates: readonly CellUpdate[]): Promise<number> {
    return writeCells(this.#run, sheet, updates);
  }

  /** (Re)creates a sheet holding `rows` as a native Excel table, with an optional column chart. */
  addSheetWithTable(
    name: string,
    rows: readonly (readonly CellValue[])[],
    chart?: OverviewChart,
  ): Promise<OverviewResult> {
    return addSheetWithTable(this.#run, name, rows, chart);
  }

  /** Defines PRL, PRLNEXT and BUDGET as LAMBDA names over the CLUSTER functions (never overwrites). */
  defineLambdaNames(): Promise<LambdaNamesResult> {
    return defineLambdaNames(this.#run);
  }

  /** Calls `callback` once per burst of worksheet edits (debounced). */
  onChanged(callback: () => void, debounceMs = 300): Promise<ChangeWatch> {
    return watchChanges(this.#run, callback, debounceMs);
  }
}

export type { CellUpdate } from "./write-cells.ts";
export type { ChangeWatch } from "./changes.ts";
export type { HighlightResult } from "./highlights.ts";
export type { LambdaNamesResult } from "./lambda-names.ts";
export type { OverviewChart, OverviewResult } from "./overview-sheet.ts";
