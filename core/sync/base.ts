/**
 * The base a push is built on, and the base after it (SPEC §9) — the bookkeeping half of the one
 * sync engine. Each client keeps its base somewhere else (the add-in and `npm start` in the sync
 * sheet, the CLI also in a sidecar file, the nightly job also in its registry), but they all
 * overlay and advance it the same way, and always match results to rows by entity and key.
 */
import { adoptedVersion, contentHash } from "./adoption.ts";
import { rowHash } from "./hash.ts";
import { TOMBSTONE_HASH } from "./outgoing.ts";
import type { CurrentRow, PushRow, RowResult } from "./protocol.ts";
import type { SyncRow } from "./rows.ts";
import { stateKey, type SyncedRow, type SyncState } from "./state.ts";

/**
 * A workbook's own state overlaid with rows a client remembers elsewhere: per row the higher
 * version wins (the newer base). The result always names `plan`.
 */
export function overlayBase(
  plan: string,
  sheet: SyncState | undefined,
  remembered: Readonly<Record<string, SyncedRow>> | undefined,
): SyncState {
  const rows: Record<string, SyncedRow> = { ...(sheet?.rows ?? {}) };
  for (const [id, row] of Object.entries(remembered ?? {})) {
    const known = rows[id];
    if (!known || known.version < row.version) rows[id] = { version: row.version, hash: row.hash };
  }
  return { ...(sheet ?? {}), planId: plan, rows };
}

/** A conflict: my row as sent and the cloud's current copy. */
export interface PushConflict {
  row: PushRow;
  /** Absent when the server left the values out of an oversized answer (pull them). */
  current: CurrentRow | undefined;
}

export interface NextBase {
  /** The base after the push (a new object; the input is not changed). */
  state: SyncState;
  /** Rows whose values really differ from the cloud's current ones. */
  conflicts: PushConflict[];
  /** Conflicting rows whose values equal the cloud's: adopted as unchanged at its version. */
  adopted: RowResult[];
}

/**
 * Whether the cloud's copy holds exactly what the row says (same values, or both deleted): the
 * Adoption rule of adoption.ts, the one the store applies, on a conflict's echoed copy.
 */
export function sameAsCloud(row: PushRow, current: CurrentRow, hash: string | undefined): boolean {
  const deleted = row.deleted === true;
  const mine = deleted ? contentHash(row.values, true) : (hash ?? contentHash(row.values, false));
  const cloud = { version: current.version, hash: contentHash(current.values, current.deleted) };
  return adoptedVersion(mine, cloud) !== undefined;
}

/**
 * The base after a push: every sent row the cloud now holds (applied, unchanged) recorded at the
 * returned version with its hash (a deletion as `TOMBSTONE_HASH`, so it is sent once); a row in
 * conflict whose values equal the cloud's is adopted (SPEC §9 Adoption); other conflicts and
 * invalid rows keep their old base, so the next push reports them again rather than overwriting.
 */
export function nextBase(
  base: SyncState,
  sent: readonly PushRow[],
  results: readonly RowResult[],
  rows: readonly SyncRow[],
): NextBase {
  const state: SyncState = { ...base, rows: { ...base.rows } };
  const hashOf = new Map(rows.map((r) => [stateKey(r.entity, r.key), r.hash]));
  const resultOf = new Map(results.map((r) => [stateKey(r.entity, r.key), r]));
  const conflicts: PushConflict[] = [];
  const adopted: RowResult[] = [];
  for (const row of sent) {
    const id = stateKey(row.entity, row.key);
    const result = resultOf.get(id);
    if (result === undefined) continue;
    const hash = row.deleted === true ? TOMBSTONE_HASH : (hashOf.get(id) ?? rowHash(row.values));
    if ((result.status === "applied" || result.status === "unchanged") && result.version !== undefined) {
      state.rows[id] = { version: result.version, hash };
    } else if (result.status === "conflict") {
      const current = result.current;
      if (current !== undefined && sameAsCloud(row, current, hashOf.get(id))) {
        state.rows[id] = { version: current.version, hash };
        adopted.push({ entity: row.entity, key: row.key, status: "unchanged", version: current.version });
      } else conflicts.push({ row, current });
    }
  }
  return { state, conflicts, adopted };
}

/** Results with adopted conflicts reported as what they are: unchanged. */
export function withAdopted(results: readonly RowResult[], adopted: readonly RowResult[]): RowResult[] {
  if (adopted.length === 0) return [...results];
  const byId = new Map(adopted.map((r) => [stateKey(r.entity, r.key), r]));
  return results.map((r) => byId.get(stateKey(r.entity, r.key)) ?? r);
}
