/**
 * The very hidden sync sheet (SPEC §9). Layout and parsing belong to the core
 * (`#core/sync/sync-sheet.ts`), and so does the row-by-row write (`sync-sheet-rows.ts`): coauthors
 * sync the same workbook (issue #18), so a write never clears or rewrites the sheet — it writes the
 * header cells that changed and the lines of the rows whose base moves forward, merged with what
 * the sheet held when last read (higher base wins). One round trip when the caller knows the
 * sheet as read just now (the push's or pull's own read), else up to three (look, read, write).
 */
import type { CellValue, WorkbookSnapshot } from "#core/snapshot/types.ts";
import type { SyncState } from "#core/sync/state.ts";
import { readSyncSheet, SYNC_SHEET_HEADER_ROW, SYNC_SHEET_NAME } from "#core/sync/sync-sheet.ts";
import {
  syncSheetLayout,
  syncSheetWrite,
  type SyncSheetEdit,
  type SyncSheetLayout,
} from "#core/sync/sync-sheet-rows.ts";
import { areaToA1 } from "./a1.ts";
import type { ExcelRun, RangeLike, RequestContextLike } from "./api.ts";
import { safeCellValue } from "./safe-values.ts";
import { consoleLog, withFallback, type AdapterLog } from "./office-errors.ts";

/** The sync sheet as last read or written: absent, or its state and where each row's line is. */
export type SyncSheetRead =
  | { exists: false }
  | { exists: true; recorded: SyncState | undefined; layout: SyncSheetLayout };

/** What a snapshot says of the sync sheet. */
export function syncSheetFromSnapshot(snapshot: WorkbookSnapshot): SyncSheetRead {
  const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === SYNC_SHEET_NAME.toLowerCase());
  if (!sheet) return { exists: false };
  return { exists: true, recorded: readSyncSheet(snapshot), layout: syncSheetLayout(sheet.values) };
}

function fromValues(values: CellValue[][]): SyncSheetRead {
  return syncSheetFromSnapshot({ origin: "excel", sheets: [{ name: SYNC_SHEET_NAME, values, hidden: "very" }] });
}

const EMPTY_LAYOUT: SyncSheetLayout = { lines: new Map(), end: SYNC_SHEET_HEADER_ROW + 1, header: [] };

/** The rows to write for `state` over `read`, and the sheet as it will then be. */
export function planSyncWrite(read: SyncSheetRead, state: SyncState): { edits: SyncSheetEdit[]; after: SyncSheetRead } {
  const write = read.exists
    ? syncSheetWrite(read.recorded, read.layout, state)
    : syncSheetWrite(undefined, EMPTY_LAYOUT, state);
  return { edits: write.edits, after: { exists: true, recorded: write.state, layout: write.layout } };
}

/**
 * Queues `edits` (consecutive rows as one range) in `ctx`'s batch, creating the sheet (very
 * hidden) when `exists` is false. No round trip of its own.
 */
export function queueSyncEdits(ctx: RequestContextLike, edits: readonly SyncSheetEdit[], exists: boolean): void {
  const sheets = ctx.workbook.worksheets;
  const ws = exists ? sheets.getItem(SYNC_SHEET_NAME) : sheets.add(SYNC_SHEET_NAME);
  const sorted = [...edits].sort((a, b) => a.row - b.row);
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && (sorted[j] as SyncSheetEdit).row === (sorted[j - 1] as SyncSheetEdit).row + 1) j++;
    const run = sorted.slice(i, j);
    const top = (run[0] as SyncSheetEdit).row;
    const grid = run.map((e) => Array.from({ length: 4 }, (_, c) => safeCellValue(e.values[c] ?? null)));
    ws.getRange(areaToA1({ top, left: 1, bottom: top + run.length - 1, right: 4 })).values = grid;
    i = j;
  }
  if (!exists) ws.visibility = "VeryHidden";
}

/**
 * Reads the sync sheet in `ctx`: one round trip when it is absent, two when it is there (whether
 * it exists must be known before its used range is asked for). For writes with nothing recent
 * known of the sheet.
 */
export async function loadSyncSheet(ctx: RequestContextLike): Promise<SyncSheetRead> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(SYNC_SHEET_NAME);
  ws.load("name");
  await ctx.sync();
  if (ws.isNullObject) return { exists: false };
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(["values", "rowIndex", "columnIndex"]);
  await ctx.sync();
  return fromValues(used.isNullObject ? [] : anchoredAtA1(used));
}

/** A loaded range's values anchored at A1, as a snapshot holds them (the used range starts at its first value). */
function anchoredAtA1(range: Pick<RangeLike, "values" | "rowIndex" | "columnIndex">): CellValue[][] {
  const values: CellValue[][] = [];
  for (let r = 0; r < range.rowIndex; r++) values.push([]);
  for (const row of range.values) values.push([...new Array<CellValue>(range.columnIndex).fill(null), ...row]);
  return values;
}

/**
 * Records `state` in the sync sheet, minimally. With `known` (the sheet as read just now): one
 * round trip; a wrong guess (the sheet went or came meanwhile) fails the batch and falls back to
 * reading it first (two). Returns the sheet as written.
 */
export async function writeSyncState(
  run: ExcelRun,
  state: SyncState,
  known?: SyncSheetRead,
  log: AdapterLog = consoleLog,
): Promise<SyncSheetRead> {
  const reading = (): Promise<SyncSheetRead> =>
    run(async (ctx) => {
      const read = await loadSyncSheet(ctx);
      const { edits, after } = planSyncWrite(read, state);
      if (edits.length === 0) return after;
      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      queueSyncEdits(ctx, edits, read.exists);
      await ctx.sync();
      return after;
    });
  if (known === undefined) return reading();
  const { edits, after } = planSyncWrite(known, state);
  if (edits.length === 0) return after;
  // The sheet went away (ItemNotFound) or appeared (ItemAlreadyExists) since the read: read first.
  return withFallback(
    "writeSyncState",
    log,
    ["ItemNotFound", "ItemAlreadyExists"],
    () =>
      run(async (ctx) => {
        ctx.workbook.application.suspendApiCalculationUntilNextSync();
        queueSyncEdits(ctx, edits, known.exists);
        await ctx.sync();
        return after;
      }),
    reading,
  );
}
