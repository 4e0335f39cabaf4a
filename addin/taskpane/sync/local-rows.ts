/**
 * The workbook's rows as sync sees them right now, and whether a row carries local work the sync
 * state has not recorded yet — the one test a pull (preview, apply) and take-cloud share, always
 * on a fresh read, never on a preview made earlier.
 */
import type { Plan } from "#core/model.ts";
import { planRows } from "#core/sync/rows.ts";
import { rowHash } from "#core/sync/hash.ts";
import { TOMBSTONE_HASH } from "#core/sync/outgoing.ts";
import { stateKey } from "#core/sync/state.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { RowValues } from "#core/sync/protocol.ts";

/**
 * The hash recorded for a row whose remote change was not written because of local work: no real
 * row hashes to it, so the next push sends the row on its old version (→ conflict, or unchanged
 * when both sides agree) even after the user undoes the local edit. The version is kept.
 */
export const STALE_HASH = "stale";

/** A workbook's sync rows by state key (a repeated key: its first, synced row). */
export interface LocalRows {
  values: Map<string, RowValues>;
  hashes: Map<string, string>;
  /** Keys whose only rows have errors (held back from sync). */
  held: Set<string>;
}

/** The rows of a plan, by state key. */
export function localRows(plan: Plan): LocalRows {
  const { rows, held } = planRows(plan);
  const values = new Map<string, RowValues>();
  const hashes = new Map<string, string>();
  for (const r of rows) {
    const id = stateKey(r.entity, r.key);
    if (values.has(id)) continue;
    values.set(id, r.values);
    hashes.set(id, r.hash);
  }
  const heldOnly = new Set<string>();
  for (const h of held) {
    const id = stateKey(h.entity, h.key);
    if (!values.has(id)) heldOnly.add(id);
  }
  return { values, hashes, held: heldOnly };
}

/**
 * Whether writing `incoming` into row `id` would lose local work:
 * - the row is held back (an edit with an error: its values cannot be compared);
 * - the state does not know it (or knows it deleted) but the sheet has it with other values in
 *   the cells it has for them (typed here and never pushed; `writesInto(id)`: writing the
 *   incoming values would change a cell — a field with no column here is no local work);
 * - the state knows it and the sheet's row differs from the recorded hash, or is gone while its
 *   kind's sheet is there (deleted here, tombstone not pushed yet).
 * A row that already holds exactly the incoming values has nothing to lose.
 */
export function locallyChanged(
  id: string,
  incoming: { values: RowValues; deleted: boolean },
  local: LocalRows,
  state: SyncState,
  sheetPresent: boolean,
  writesInto: (id: string) => boolean,
): boolean {
  if (local.held.has(id)) return true;
  const hash = local.hashes.get(id);
  if (hash !== undefined && !incoming.deleted && hash === rowHash(incoming.values)) return false;
  if (hash === undefined && incoming.deleted) return false;
  const synced = state.rows[id];
  if (synced === undefined || synced.hash === TOMBSTONE_HASH) return hash !== undefined && writesInto(id);
  if (hash === undefined) return sheetPresent;
  return hash !== synced.hash;
}
