/**
 * The sync state a workbook keeps about itself (SPEC §9): which plan it syncs to, where the
 * pull stream stopped, and per row the version and hash it was last synced at.
 */
import type { EntityKind } from "#core/model.ts";

/** What the workbook knows about one synced row. */
export interface SyncedRow {
  version: number;
  hash: string;
}

export interface SyncState {
  planId: string;
  apiUrl?: string;
  /** The pull cursor (opaque). */
  cursor?: string;
  /** Keyed `${entity}:${key}` (see `stateKey`). */
  rows: Record<string, SyncedRow>;
}

/** The key of a row in `SyncState.rows`. */
export function stateKey(entity: EntityKind, key: string): string {
  return `${entity}:${key}`;
}
