/**
 * What the task pane needs from the outside world, as interfaces. Components never touch
 * Office.js, `fetch` or MSAL: `index.tsx` (inside Excel) and the preview page (in a browser) build
 * these services and hand them to `<App>`; hooks reach them through `ServicesContext`.
 */
import type { CellValue, WorkbookSnapshot } from "#core/snapshot/types.ts";
import type { Issue } from "#core/validate/issue.ts";
import type { IsoDate } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";
import type { TokenSource } from "#addin/auth/token-source.ts";
import type { SyncState } from "#core/sync/state.ts";

/** One value to write into a cell (written as a value, never as a formula). */
export interface CellWrite {
  sheet: string;
  /** A1 address. */
  cell: string;
  value: CellValue;
  /** An Excel number format to give the cell with the value (a pulled date: "dd/mm/yyyy"). */
  numberFormat?: string;
}

/** A sheet holding one native table (header row first) and an optional chart: the overview for the board. */
export interface SheetTableSpec {
  sheet: string;
  /** Header row, then data rows. */
  rows: CellValue[][];
  /** A column chart over the table's numeric columns. */
  chart?: { title: string };
  /** Shown next to the product mark in row 1: why this sheet is not read as data. */
  note?: string;
  /** A second table under the first, with a title (the movement since a date, issue #17). */
  below?: { title: string; rows: CellValue[][] };
}

/**
 * The workbook, as the task pane sees it. Inside Excel this is the runtime engineer's
 * `ExcelAdapter`; in the preview page and in tests, the same adapter over the in-memory host.
 */
export interface WorkbookHost {
  readSnapshot(): Promise<WorkbookSnapshot>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** The sheet and 1-based row of the active cell (history of the selected row). */
  activeCell(): Promise<{ sheet: string; row: number } | undefined>;
  highlightIssues(issues: readonly Issue[]): Promise<void>;
  clearHighlights(): Promise<void>;
  writeCells(writes: readonly CellWrite[]): Promise<void>;
  addSheetWithTable(spec: SheetTableSpec): Promise<void>;
  /**
   * Defines PRL, PRLNEXT, BUDGET as LAMBDA names: `names` are in place (now or before),
   * `conflicts` were already used by the user for something else and are left alone.
   */
  defineLambdaNames(): Promise<{ names: string[]; conflicts: string[] }>;
  /** The workbook's sync state (plan binding, cursor, per-row versions), from its very hidden sheet. */
  readSyncState(): Promise<SyncState | undefined>;
  writeSyncState(state: SyncState): Promise<void>;
  /** Pulled values and the new sync state in one round trip (SPEC §11: pull stays ≤ 3 syncs). */
  writeCellsAndSyncState(writes: readonly CellWrite[], state: SyncState): Promise<void>;
  /**
   * Calls `listener` after the user — or a coauthor (`burst.remote`) — edits cells; returns an
   * unsubscribe function. `onRemote`, when given, hears each coauthor's change as it arrives.
   */
  onChanged(listener: (burst?: { remote: boolean }) => void, onRemote?: (change: CoauthorChange) => void): () => void;
  /**
   * The optional Excel features this Excel has (isSetSupported, addin/excel/features.ts); the
   * settings say what works instead of each one missing. Absent: all of them.
   */
  readonly features?: Readonly<{ triggerSource: boolean; lambdaNames: boolean }>;
}

/** A coauthor's change merged into the workbook (co-authoring with AutoSave). */
export interface CoauthorChange {
  /** The sheet's name, when known. */
  sheet: string | undefined;
  address: string;
  /** On the add-in's own sheets: the coauthor synced (sync sheet) or validated. */
  internal: boolean;
}

/** Per-user settings kept outside the workbook (browser storage / Office roaming settings). */
export interface UserSettings {
  apiUrl: string;
  language?: Locale;
  /** The last board meeting's date: the Overview compares the plan with it (issue #17). */
  boardMeeting?: IsoDate;
}

export interface SettingsStore {
  load(): UserSettings;
  save(settings: UserSettings): void;
}

/** Everything the task pane consumes. */
export interface TaskpaneServices {
  host: WorkbookHost;
  settings: SettingsStore;
  auth: TokenSource;
  /** Office's display language ("it-IT"); the UI follows it unless overridden. */
  displayLanguage: string;
  /** Today's date for the "dormant" flag (a function so tests can fix it). */
  today(): IsoDate;
  /** The Office theme: the pane follows it (dark Office theme → dark Fluent theme). */
  theme?: "light" | "dark";
  /** The `fetch` to use for the API (the page's own by default). */
  fetch?: typeof fetch;
}
