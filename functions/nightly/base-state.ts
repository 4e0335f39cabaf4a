/**
 * The base versions a nightly push is built on: the file's sync sheet, overlaid with what the
 * job itself applied from this file on earlier nights (see `NightlyMemory`).
 */
import { TOMBSTONE_HASH } from "#core/sync/outgoing.ts";
import type { RowResult, PushRow } from "#core/sync/protocol.ts";
import type { SyncRow } from "#core/sync/rows.ts";
import { stateKey } from "#core/sync/state.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { NightlyMemory } from "./registry.ts";

/** The sheet's state with every remembered row that is newer than the sheet's copy. */
export function mergeBase(plan: string, sheet: SyncState | undefined, memory: NightlyMemory | undefined): SyncState {
  const rows = { ...(sheet?.rows ?? {}) };
  for (const [id, [version, hash]] of Object.entries(memory ?? {})) {
    const known = rows[id];
    if (!known || known.version < version) rows[id] = { version, hash };
  }
  return { ...(sheet ?? {}), planId: plan, rows };
}

/**
 * The memory to keep after a push: earlier entries still newer than the sheet, plus every row
 * the cloud now holds at a version newer than the sheet's (applied, or unchanged at a newer
 * version). A deletion is remembered with `TOMBSTONE_HASH`, so it is not sent again on later
 * nights. Conflicts and invalid rows are not remembered: the file's base stays as it was.
 */
export function nextMemory(
  sheet: SyncState | undefined,
  previous: NightlyMemory | undefined,
  pushed: readonly PushRow[],
  results: readonly (RowResult | undefined)[],
  rows: readonly SyncRow[],
): NightlyMemory {
  const sheetVersion = (id: string): number => sheet?.rows[id]?.version ?? 0;
  const next: NightlyMemory = {};
  for (const [id, entry] of Object.entries(previous ?? {})) if (entry[0] > sheetVersion(id)) next[id] = entry;
  const hashOf = new Map(rows.map((row) => [stateKey(row.entity, row.key), row.hash]));
  pushed.forEach((row, i) => {
    const result = results[i];
    if (!result || (result.status !== "applied" && result.status !== "unchanged") || result.version === undefined) return;
    const id = stateKey(row.entity, row.key);
    if (result.version <= sheetVersion(id)) {
      delete next[id];
      return;
    }
    next[id] = [result.version, row.deleted ? TOMBSTONE_HASH : (hashOf.get(id) ?? TOMBSTONE_HASH)];
  });
  return next;
}
