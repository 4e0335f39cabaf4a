/**
 * Where the nightly job's base lives: the file's sync sheet, overlaid with what the job itself
 * applied from this file on earlier nights (see `NightlyMemory`). Overlaying and advancing the
 * base is the core engine's (`overlayBase`, `nextBase`); this file only converts to and from the
 * memory the registry keeps.
 */
import { overlayBase } from "#core/sync/base.ts";
import type { SyncedRow, SyncState } from "#core/sync/state.ts";
import type { NightlyMemory } from "./registry.ts";

/** The sheet's state with every remembered row that is newer than the sheet's copy. */
export function mergeBase(plan: string, sheet: SyncState | undefined, memory: NightlyMemory | undefined): SyncState {
  const remembered: Record<string, SyncedRow> = {};
  for (const [id, [version, hash]] of Object.entries(memory ?? {})) remembered[id] = { version, hash };
  return overlayBase(plan, sheet, remembered);
}

/**
 * The memory to keep after a push: every row of the next base (`nextBase`) the job holds at a
 * version newer than the sheet's (the rows it applied or adopted, earlier nights' entries still
 * newer than the sheet). A deletion keeps `TOMBSTONE_HASH`, so it is not sent again on later
 * nights; conflicts and invalid rows were never advanced, so the file's base stays as it was.
 */
export function memoryAfter(sheet: SyncState | undefined, next: SyncState): NightlyMemory {
  const memory: NightlyMemory = {};
  for (const [id, row] of Object.entries(next.rows))
    if (row.version > (sheet?.rows[id]?.version ?? 0)) memory[id] = [row.version, row.hash];
  return memory;
}
