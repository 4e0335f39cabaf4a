/**
 * The Excel adapter: the one place the add-in talks to Office.js (STYLE 5). It takes a `run`
 * shaped like `Excel.run`, so the task pane passes `Excel.run` and tests pass the fake host's.
 *
 * It remembers what its last read saw of the add-in's own objects (`WorkbookFacts`: our highlight
 * rules and marker sheets, whether the sync sheet exists), so the write that follows a read needs
 * no read of its own: validate = read (2) + highlight (1), push = read (2) + sync state (1),
 * pull = read (2) + values and sync state (1). SPEC §11: ≤ 3 round trips whatever the row count.
 *
 * @example
 * const excel = new ExcelAdapter({ run: Excel.run });
 * const snapshot = await excel.readSnapshot(); // 2 context.sync() round trips
 * await excel.highlightIssues(issues); // 1 more
 */
import type { CellValue, WorkbookSnapshot } from "#core/snapshot/types.ts";
import type { SyncState } from "#core/sync/state.ts";
import { SYNC_SHEET_NAME, readSyncSheet } from "#core/sync/sync-sheet.ts";
import { lostBases, mergeSyncStates } from "#core/sync/merge-state.ts";
import type { Issue } from "#core/validate/issue.ts";
import type { ExcelRun } from "./api.ts";
import { OwnWrites, watchChanges, type ChangeBurst, type ChangeWatch, type RemoteChange } from "./changes.ts";
import { clearHighlights, highlightIssues, type HighlightFacts, type HighlightResult } from "./highlights.ts";
import { isInternalSheetName, MARKER_PREFIX, markerPrefixOf, type WorkbookFacts } from "./internal-sheets.ts";
import { FeatureUnavailableError, hostSupports, OPTIONAL_FEATURES, type Features, type SetSupport } from "./features.ts";
import { consoleLog, type AdapterLog } from "./office-errors.ts";
import { defineLambdaNames, type LambdaNamesResult } from "./lambda-names.ts";
import { addSheetWithTable, type BelowTable, type OverviewChart, type OverviewResult } from "./overview-sheet.ts";
import { readWorkbook, type ReadOptions } from "./read-snapshot.ts";
import { activeCell, selectCell } from "./select.ts";
import { syncSheetFromSnapshot, writeSyncState, type SyncSheetRead } from "./sync-state.ts";
import { writeCells, writeSheetCells, type CellUpdate, type SheetCellUpdate } from "./write-cells.ts";

export interface ExcelAdapterOptions {
  /** `Excel.run` in Excel; the fake host's `run` in tests and the preview page. */
  run: ExcelRun;
  /** Payload budget of reads (see `ReadOptions`). */
  read?: ReadOptions;
  /** Clock for the own-write window of change events (tests drive it). */
  now?: () => number;
  /** `Office.context.requirements.isSetSupported` (default: Office's when loaded, else everything). */
  supports?: SetSupport;
  /** Where errors no fallback was written for are reported before they are thrown on (default: console). */
  log?: AdapterLog;
  /**
   * Who this add-in instance highlights for (co-authoring): marks are made and removed per
   * person, so a coauthor's Validate or Clear leaves them alone. Default: none (all marks ours).
   */
  author?: string;
}

export class ExcelAdapter {
  readonly #run: ExcelRun;
  readonly #read: ReadOptions;
  readonly #own: OwnWrites;
  /** What the last read (or our last highlight) saw of our highlight objects. */
  #highlights: HighlightFacts | undefined;
  /** Bumped by every highlight write, so a read that raced one does not restore older facts. */
  #highlightEpoch = 0;
  /** The sync sheet as the last read saw it (or our last write left it): where its lines are. */
  #syncSheet: SyncSheetRead | undefined;
  /**
   * Every base this session recorded (merged, higher wins): a coauthor appending at the same
   * moment can overwrite our new lines (per cell the later write wins), so each read checks the
   * sheet against it and writes back what was lost before anyone here uses the state.
   */
  #mine: SyncState | undefined;
  #lastCells = 0;
  readonly #log: AdapterLog;
  /** The marker-sheet prefix of this person's highlighting. */
  readonly #markers: string;
  /** Optional features this Excel supports (isSetSupported, asked once). */
  readonly features: Features;

  constructor(options: ExcelAdapterOptions) {
    this.#run = options.run;
    this.#read = options.read ?? {};
    this.#log = options.log ?? consoleLog;
    this.#markers = markerPrefixOf(options.author);
    const supports = options.supports ?? hostSupports();
    this.features = {
      triggerSource: supports(...OPTIONAL_FEATURES.triggerSource),
      lambdaNames: supports(...OPTIONAL_FEATURES.lambdaNames),
    };
    this.#own = new OwnWrites(options.now, undefined, this.features.triggerSource);
  }

  /** Every sheet into a snapshot, culture → locale: 2 round trips (more only over the web's payload cap). */
  async readSnapshot(): Promise<WorkbookSnapshot> {
    const epoch = this.#highlightEpoch;
    const { snapshot, facts } = await readWorkbook(this.#run, this.#read, this.#lastCells, this.#log);
    this.#learn(facts, epoch === this.#highlightEpoch);
    this.#syncSheet = syncSheetFromSnapshot(snapshot);
    const lost = lostBases(this.#syncSheet.exists ? this.#syncSheet.recorded : undefined, this.#mine);
    if (lost === undefined) return snapshot;
    // Our lines lost a concurrent append: put them back, then read the sheet as it now is
    // (one more read, only in that case; a coauthor may have written meanwhile).
    await this.writeSyncState(lost);
    const again = await readWorkbook(this.#run, this.#read, this.#lastCells, this.#log);
    this.#learn(again.facts, epoch === this.#highlightEpoch);
    this.#syncSheet = syncSheetFromSnapshot(again.snapshot);
    return again.snapshot;
  }

  /** Remembers the bases a write recorded (see `#mine`). */
  #remember(state: SyncState): void {
    this.#mine = this.#mine === undefined || this.#mine.planId !== state.planId ? state : mergeSyncStates(state, this.#mine);
  }

  #learn(facts: WorkbookFacts, highlights: boolean): void {
    this.#lastCells = facts.cells;
    for (const { id, name } of facts.ids) {
      const internal = isInternalSheetName(name, SYNC_SHEET_NAME);
      this.#own.learnSheet(id, name, internal);
    }
    if (highlights)
      this.#highlights = {
        sheets: facts.sheets,
        markers: facts.markers.filter((m) => m.startsWith(this.#markers)),
        rules: facts.rules.filter((r) => r.formula === undefined || r.formula.includes(this.#markers)),
        protectedSheets: facts.protectedSheets,
      };
  }

  /** Activates the sheet and selects the cell (issue list → cell). */
  selectCell(sheet: string, a1: string): Promise<void> {
    return selectCell(this.#run, sheet, a1);
  }

  /** Where the person's active cell is (sheet and 1-based row). */
  activeCell(): Promise<{ sheet: string; row: number } | undefined> {
    return activeCell(this.#run);
  }

  /**
   * Marks the highlight writes as ours while they run (their change events are not the user's).
   * What a read saw of our rules serves the one write after it, and only that one: a rule's `id`
   * is its priority in the sheet's collection (Excel.ConditionalFormat.id), so a rule the person
   * adds later shifts ours, and deleting by an old id could delete theirs. A write without a read
   * just before (clear, a second highlight) therefore reads our rules again first.
   */
  async #highlight<T>(write: (known: HighlightFacts | undefined) => Promise<T>): Promise<T> {
    this.#highlightEpoch += 1;
    const known = this.#highlights;
    this.#highlights = undefined;
    // The marker sheets about to be created have no known id yet: any event from an unknown
    // sheet during the write counts as ours (see OwnWrites.isOwn); the prefix entry opens it.
    const markers = [...(known?.markers ?? []), MARKER_PREFIX];
    const done = this.#own.begin(markers.map((sheet) => ({ sheet })));
    try {
      return await write(known);
    } finally {
      done();
    }
  }

  /**
   * Shows issues as conditional formats driven by a very hidden marker sheet; replaces earlier
   * ones. One round trip after a read by this adapter (it knows our objects), else two.
   */
  highlightIssues(issues: readonly Issue[]): Promise<HighlightResult> {
    return this.#highlight((known) => highlightIssues(this.#run, issues, known, this.#log, this.#markers));
  }

  /** Removes every highlight of ours (one step right after a read); the user's own formats and rules stay. */
  async clearHighlights(): Promise<void> {
    await this.#highlight((known) => clearHighlights(this.#run, known, this.#log, this.#markers));
  }

  /**
   * Records the sync state in the very hidden sync sheet, row by row and only what moved forward
   * over the sheet as last read (coauthors write it too): 1 round trip after a read, else 2.
   */
  async writeSyncState(state: SyncState): Promise<void> {
    const done = this.#own.begin([{ sheet: SYNC_SHEET_NAME }]);
    try {
      this.#syncSheet = await writeSyncState(this.#run, state, this.#syncSheet, this.#log);
      this.#remember(state);
    } finally {
      done();
    }
  }

  /** The sync state kept in the workbook, from a snapshot already read or a fresh one. */
  async readSyncState(snapshot?: WorkbookSnapshot): Promise<SyncState | undefined> {
    return readSyncSheet(snapshot ?? (await this.readSnapshot()));
  }

  /** Writes values (never formulas) into cells of one sheet, in one round trip. */
  async writeCells(sheet: string, updates: readonly CellUpdate[]): Promise<number> {
    const done = this.#own.begin([{ sheet, a1: updates.map((u) => u.a1) }]);
    try {
      return await writeCells(this.#run, sheet, updates);
    } finally {
      done();
    }
  }

  /**
   * Writes values into cells of any sheets and, when given, the sync state, in ONE round trip
   * after a read (a pull's write step), two when the sync sheet's existence is not known.
   */
  async writeCellsAndSyncState(updates: readonly SheetCellUpdate[], state?: SyncState): Promise<number> {
    const bySheet = new Map<string, string[]>();
    for (const u of updates) bySheet.set(u.sheet, [...(bySheet.get(u.sheet) ?? []), u.a1]);
    const targets: { sheet: string; a1?: string[] }[] = [...bySheet].map(([sheet, a1]) => ({ sheet, a1 }));
    if (state) targets.push({ sheet: SYNC_SHEET_NAME });
    const done = this.#own.begin(targets);
    try {
      const sync = state === undefined ? undefined : { state, known: this.#syncSheet };
      const { cells, sheet } = await writeSheetCells(this.#run, updates, sync, this.#log);
      if (sheet !== undefined) this.#syncSheet = sheet;
      if (state !== undefined) this.#remember(state);
      return cells;
    } finally {
      done();
    }
  }

  /** (Re)creates a marked product sheet holding `rows` as a native Excel table, with an optional column chart. */
  async addSheetWithTable(
    name: string,
    rows: readonly (readonly CellValue[])[],
    chart?: OverviewChart,
    note?: string,
    below?: BelowTable,
  ): Promise<OverviewResult> {
    const done = this.#own.begin([{ sheet: name }]);
    try {
      return await addSheetWithTable(this.#run, name, rows, chart, note, below);
    } finally {
      done();
    }
  }

  /**
   * Defines PRL, PRLNEXT and BUDGET as LAMBDA names over the CLUSTER functions (never overwrites).
   * On an Excel without LAMBDA it rejects with {@link FeatureUnavailableError} (the pane says why
   * and that `=CLUSTER.PRL(A2)` works everywhere).
   */
  defineLambdaNames(): Promise<LambdaNamesResult> {
    if (!this.features.lambdaNames) return Promise.reject(new FeatureUnavailableError("lambda-names"));
    return defineLambdaNames(this.#run);
  }

  /**
   * Calls `callback` once per burst of worksheet edits, the user's or a coauthor's (debounced;
   * our own writes are ignored; `burst.remote` when all were a coauthor's), and `onRemote` with
   * each coauthor's change as it is merged in (a sync-sheet change: the coauthor synced).
   */
  onChanged(
    callback: (burst: ChangeBurst) => void,
    debounceMs = 300,
    onRemote?: (change: RemoteChange) => void,
  ): Promise<ChangeWatch> {
    return watchChanges(this.#run, callback, debounceMs, this.#own, onRemote);
  }
}

export type { CellUpdate, SheetCellUpdate } from "./write-cells.ts";
export { FeatureUnavailableError, type Features } from "./features.ts";
export type { ChangeBurst, ChangeWatch, RemoteChange } from "./changes.ts";
export type { HighlightFacts, HighlightResult } from "./highlights.ts";
export type { LambdaNamesResult } from "./lambda-names.ts";
export type { OverviewChart, OverviewResult } from "./overview-sheet.ts";
