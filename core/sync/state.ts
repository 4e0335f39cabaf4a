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
  /**
   * The number/date locale the workbook's text cells were parsed with when the hashes were taken
   * (the add-in: Excel's culture). The CLI and the nightly job parse with it too, so the same
   * cells hash the same whichever client reads the file. Absent in files synced before it existed.
   */
  locale?: "it" | "en";
  /** The pull cursor (opaque). */
  cursor?: string;
  /** Keyed `${entity}:${key}` (see `stateKey`). */
  rows: Record<string, SyncedRow>;
}

/** The key of a row in `SyncState.rows`. */
export function stateKey(entity: EntityKind, key: string): string {
  return `${entity}:${key}`;
}
