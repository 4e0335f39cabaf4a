/**
 * What the sheets will hold once a pull's writes land, and so what the sync state may record.
 * A pull must never record a cloud version with the cloud's hash for content the sheet did not
 * take (no such sheet, no such column, a formula cell left alone): the next push would then send
 * the sheet's row over the cloud's. Re-reading the workbook after the write would cost two more
 * Excel round trips (SPEC §11: a pull is ≤ 3), so the writes — plain values, written exactly as
 * given — are applied to a copy of the snapshot just read, and that copy is analysed the way the
 * next read will be.
 */
import { analyzeWorkbook } from "#core/analyze.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import { rowHash } from "#core/sync/hash.ts";
import { TOMBSTONE_HASH } from "#core/sync/outgoing.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { RowValues } from "#core/sync/protocol.ts";
import { parseA1 } from "#core/values/index.ts";
import type { CellWrite } from "../services.ts";
import { localRows, type LocalRows } from "./local-rows.ts";

/** The snapshot with `writes` applied as values (the input is not changed). */
export function snapshotAfter(snapshot: WorkbookSnapshot, writes: readonly CellWrite[]): WorkbookSnapshot {
  if (writes.length === 0) return snapshot;
  const touched = new Set(writes.map((w) => w.sheet));
  const copy: WorkbookSnapshot = {
    ...snapshot,
    sheets: snapshot.sheets.map((s) =>
      touched.has(s.name) ? { ...s, values: s.values.map((row) => [...row]) } : s,
    ),
  };
  const byName = new Map(copy.sheets.map((s) => [s.name, s]));
  for (const w of writes) {
    const sheet = byName.get(w.sheet);
    if (sheet === undefined) continue;
    const { row, col } = parseA1(w.cell);
    while (sheet.values.length < row) sheet.values.push([]);
    const line = sheet.values[row - 1]!;
    while (line.length < col) line.push(null);
    line[col - 1] = w.value === "" ? null : w.value;
  }
  return copy;
}

/** The sync rows the sheets will hold after `writes`. */
export function rowsAfter(snapshot: WorkbookSnapshot, writes: readonly CellWrite[]): LocalRows {
  return localRows(analyzeWorkbook(snapshotAfter(snapshot, writes)).plan);
}

/** A cloud row written (or meant to be written) into the sheet. */
export interface Taken {
  id: string;
  version: number;
  values: RowValues;
  deleted: boolean;
}

/**
 * Records in `state` what the sheet holds of a cloud row after the write, and says whether the
 * sheet took all of it:
 * - a live row the sheet now has: its version, with the hash of what the sheet holds (equal to
 *   the cloud's when every field found a cell; else the sheet's own, so the next push sends
 *   nothing until the user really edits the row);
 * - a tombstone whose row is gone: its version with `TOMBSTONE_HASH` (kept, so the deletion is
 *   known and a re-added key is pushed on top of it);
 * - anything else (no sheet for it, a row the write did not make or clear): the old base stays,
 *   so the next push conflicts rather than erases.
 */
export function recordTaken(state: SyncState, item: Taken, after: LocalRows): "full" | "partial" | "none" {
  const hash = after.hashes.get(item.id);
  if (item.deleted) {
    if (hash !== undefined || after.held.has(item.id)) return "none";
    state.rows[item.id] = { version: item.version, hash: TOMBSTONE_HASH };
    return "full";
  }
  if (hash === undefined) return "none";
  state.rows[item.id] = { version: item.version, hash };
  return hash === rowHash(item.values) ? "full" : "partial";
}
