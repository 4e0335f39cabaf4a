/**
 * What a client pushes for a workbook — the one rule the task pane, the CLI and the nightly job
 * share: the rows whose hash changed (`changedRows`), minus the tombstones a client cannot be
 * sure of. A row missing from the sheet is a deletion only when the workbook could have shown it:
 * - its kind's sheet was recognised (a renamed heading or a removed sheet is not "every row
 *   deleted");
 * - no row of its kind is held back under a key the state does not know (a key cell in error —
 *   `#REF!`, a blanked code — moves the row to another key, so its old key looks deleted);
 * - the state does not already record it as deleted (`TOMBSTONE_HASH`), so a deletion is sent once.
 */
import type { EntityKind } from "#core/model.ts";
import type { PushRow } from "./protocol.ts";
import { changedRows, type HeldRow, type SyncRow } from "./rows.ts";
import { stateKey, type SyncState } from "./state.ts";

/** The hash a sync state records for a row it knows to be deleted in the cloud. */
export const TOMBSTONE_HASH = "deleted";

/** The sheet kinds each entity is read from (a combined sheet holds priorities and lines). */
const SHEETS_OF: Readonly<Record<EntityKind, readonly string[]>> = {
  priority: ["priorities", "combined"],
  line: ["lines", "combined"],
  project: ["projects"],
  budget: ["budget"],
};

/** Whether the workbook has a recognised sheet for `entity` (else a missing row is no deletion). */
export function hasSheetFor(entity: EntityKind, sheetKinds: Iterable<string>): boolean {
  const kinds = new Set(sheetKinds);
  return SHEETS_OF[entity].some((k) => kinds.has(k));
}

export interface OutgoingInput {
  rows: readonly SyncRow[];
  held: readonly HeldRow[];
  state: SyncState | undefined;
  /** The kinds of the sheets the analysis recognised (`analysis.sheets[].kind`). */
  sheetKinds: readonly string[];
}

/** Tombstones left out of a push, by entity kind and why. */
export interface WithheldDeletions {
  entity: EntityKind;
  reason: "sheet-missing" | "held-rows";
  count: number;
}

export interface Outgoing {
  rows: PushRow[];
  withheld: WithheldDeletions[];
}

/** See the file comment. Rows keep `changedRows`' order. */
export function outgoingRows(input: OutgoingInput): Outgoing {
  const { state } = input;
  const known = state?.rows ?? {};
  const heldUnknown = new Set<EntityKind>(
    input.held.filter((h) => known[stateKey(h.entity, h.key)] === undefined).map((h) => h.entity),
  );
  const withheld = new Map<string, WithheldDeletions>();
  const rows = changedRows(input.rows, state, input.held).filter((row) => {
    if (!row.deleted) return true;
    if (known[stateKey(row.entity, row.key)]?.hash === TOMBSTONE_HASH) return false;
    const reason = !hasSheetFor(row.entity, input.sheetKinds)
      ? "sheet-missing"
      : heldUnknown.has(row.entity)
        ? "held-rows"
        : undefined;
    if (reason === undefined) return true;
    const id = `${row.entity}:${reason}`;
    const entry = withheld.get(id) ?? { entity: row.entity, reason, count: 0 };
    entry.count++;
    withheld.set(id, entry);
    return false;
  });
  return { rows, withheld: [...withheld.values()] };
}
