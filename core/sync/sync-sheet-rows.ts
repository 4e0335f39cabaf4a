/**
 * Writing the sync sheet (layout: `sync-sheet.ts`) row by row, minimally, for a workbook that
 * coauthors sync at the same time (issue #18). Rewriting the whole sheet from one person's state
 * would put back, cell by cell, every base a coauthor had just advanced — their rows then look
 * older than the cloud's and the next push reports false conflicts. So a write touches only the
 * header cells that changed and the lines of rows whose base moves forward (merge rule:
 * `merge-state.ts`, higher base wins); a row seen for the first time gets a new line below the
 * last one. The sheet stays readable by `readSyncSheet` (and ExcelJS): same columns, one line
 * per row; lines are no longer sorted, and a line read twice is merged by version.
 *
 * Concurrent first appends. Two coauthors adding lines at the same moment both start at the
 * `end` they read, and Excel merges coauthors' changes per cell, the later one winning
 * ("Coauthoring in Excel add-ins", learn.microsoft.com/office/dev/add-ins/excel/
 * co-authoring-in-excel-add-ins: state kept in hidden sheets gets out of step). No layout
 * avoids that without coordination: a cell address free of collisions would need a per-person
 * index Office does not give (a random one means sparse, huge used ranges or a sheet per
 * session the nightly job would have to learn). So the sheet heals instead, before anyone uses
 * it: of two coauthors, the one whose lines lost is the only one that ever held them (the
 * winner's copy never took them: its own write is the later one there), and it remembers every
 * base it recorded; each of its reads of the sheet (every push, pull, validation and plan-store
 * refresh re-reads) first writes back, below the new end, the lines that lost (`lostBases` in
 * `merge-state.ts`, used by the add-in's adapter), and AutoSave carries them to the others. (A
 * third coauthor may have held them for the moment between the two merges.) Lines of one row
 * written by two people at once are harmless: a later write carries the cloud's version as of
 * later, never an older one.
 */
import type { CellValue } from "#core/snapshot/types.ts";
import { advances, mergeSyncedRow } from "./merge-state.ts";
import type { SyncState } from "./state.ts";
import { SYNC_SHEET_HEADER_ROW, syncSheetValues } from "./sync-sheet.ts";

/** Where each row's line is (1-based sheet rows) and the first free line. */
export interface SyncSheetLayout {
  /** `${entity}:${key}` → sheet row of its line (the last one, if it was written twice). */
  lines: Map<string, number>;
  /** The first row below every line. */
  end: number;
  /** The header rows as read (rows 1 to SYNC_SHEET_HEADER_ROW), for comparing. */
  header: CellValue[][];
}

/** One sheet row to write, from column A: 4 cells. */
export interface SyncSheetEdit {
  row: number;
  values: CellValue[];
}

const WIDTH = 4;

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

/** The layout of a sync sheet's values (anchored at A1, as a snapshot holds them). */
export function syncSheetLayout(values: readonly (readonly CellValue[])[]): SyncSheetLayout {
  const lines = new Map<string, number>();
  let end = SYNC_SHEET_HEADER_ROW + 1;
  for (let r = SYNC_SHEET_HEADER_ROW; r < values.length; r++) {
    const row = values[r] ?? [];
    const entity = text(row[0]);
    const key = text(row[1]);
    if (entity === "" && key === "" && text(row[2]) === "" && text(row[3]) === "") continue;
    // Any non-empty line takes its row, read or not: a new line never overwrites it.
    end = r + 2;
    if (entity !== "" && key !== "") lines.set(`${entity}:${key}`, r + 1);
  }
  return { lines, end, header: values.slice(0, SYNC_SHEET_HEADER_ROW).map((r) => [...r]) };
}

const sameRow = (a: readonly CellValue[] | undefined, b: readonly CellValue[]): boolean =>
  b.every((v, i) => text(a?.[i]) === text(v));

export interface SyncSheetWrite {
  /** Rows to write (empty: nothing changed). */
  edits: SyncSheetEdit[];
  /** What the sheet holds once written: `recorded` merged with `next`. */
  state: SyncState;
  /** The layout once written. */
  layout: SyncSheetLayout;
}

/**
 * The minimal write that records `next` over what the sheet held when read (`recorded`, at
 * `layout`): changed header rows, the lines of rows `next` moves forward, new lines for new rows.
 * A row `next` holds at an older base than `recorded` is left as recorded.
 */
export function syncSheetWrite(
  recorded: SyncState | undefined,
  layout: SyncSheetLayout,
  next: SyncState,
): SyncSheetWrite {
  const edits: SyncSheetEdit[] = [];
  const full = syncSheetValues({ ...next, rows: {} });
  full.forEach((row, i) => {
    if (!sameRow(layout.header[i], row)) edits.push({ row: i + 1, values: row.slice(0, WIDTH) });
  });
  const lines = new Map(layout.lines);
  let end = layout.end;
  const rows = { ...(recorded?.rows ?? {}) };
  for (const id of Object.keys(next.rows).sort()) {
    const mine = next.rows[id];
    const colon = id.indexOf(":");
    if (mine === undefined || colon < 0) continue;
    const was = rows[id];
    if (!advances(was, mine)) continue;
    rows[id] = mergeSyncedRow(was, mine) ?? mine;
    let at = lines.get(id);
    if (at === undefined) {
      at = end;
      end += 1;
      lines.set(id, at);
    }
    edits.push({ row: at, values: [id.slice(0, colon), id.slice(colon + 1), mine.version, mine.hash] });
  }
  const header = full.map((r) => [...r]);
  return { edits, state: { ...next, rows }, layout: { lines, end, header } };
}
