/**
 * How two records of one workbook's sync state combine when coauthors sync the same file
 * (issue #18): per row the higher base version wins — a base only ever moves forward, so the
 * newer record is the one the cloud's current row was built on, and keeping an older one would
 * turn the next push of that row into a false conflict. Equal versions with different hashes
 * keep the greater hash, so every session picks the same record whatever the order; the markers
 * ("stale": local work kept by a pull; "deleted") sort above the 16 hex digits of a real hash, so
 * the row is sent again — which costs an `unchanged` at worst, never data.
 * Pure: the add-in's sync-sheet writer and the sheet reader use it.
 */
import type { SyncedRow, SyncState } from "./state.ts";

/** The newer of two records of one row (undefined stands for "no record"). */
export function mergeSyncedRow(a: SyncedRow | undefined, b: SyncedRow | undefined): SyncedRow | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.version !== b.version) return a.version > b.version ? a : b;
  return a.hash >= b.hash ? a : b;
}

/** Whether `next` would move the recorded row forward (or record it for the first time). */
export function advances(recorded: SyncedRow | undefined, next: SyncedRow): boolean {
  if (recorded === undefined) return true;
  if (next.version === recorded.version && next.hash === recorded.hash) return false;
  return mergeSyncedRow(recorded, next) === next;
}

/**
 * Two records of one workbook's state merged row by row (higher base wins); the plan, API,
 * locale and cursor are `a`'s where it has them.
 */
export function mergeSyncStates(a: SyncState, b: SyncState): SyncState {
  const rows: Record<string, SyncedRow> = { ...b.rows };
  for (const [id, row] of Object.entries(a.rows)) {
    const merged = mergeSyncedRow(row, rows[id]);
    if (merged !== undefined) rows[id] = merged;
  }
  return { ...b, ...a, rows };
}

/**
 * What to write back so the sheet (`recorded`, as read just now) holds again every base this
 * session recorded (`mine`): its own lines a coauthor's concurrent append overwrote (see
 * `sync-sheet-rows.ts`). Undefined when nothing was lost, when the sheet is gone or names
 * another plan (the workbook was reconnected: old bases must not come back). The header is the
 * sheet's, so a coauthor's newer cursor stays.
 */
export function lostBases(recorded: SyncState | undefined, mine: SyncState | undefined): SyncState | undefined {
  if (recorded === undefined || mine === undefined || recorded.planId !== mine.planId) return undefined;
  const rows: Record<string, SyncedRow> = { ...recorded.rows };
  let lost = false;
  for (const [id, row] of Object.entries(mine.rows)) {
    if (!advances(recorded.rows[id], row)) continue;
    rows[id] = mergeSyncedRow(recorded.rows[id], row) ?? row;
    lost = true;
  }
  return lost ? { ...recorded, rows } : undefined;
}
