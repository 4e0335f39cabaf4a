/**
 * Push, pull, conflict resolution and restore, as plain async functions over the workbook host and
 * the API client (no React), so the Sync panel stays a view and the steps can be tested alone.
 * The sync state (plan, cursor, per-row version and hash) lives in the workbook (SPEC §9).
 */
import type { EntityKind } from "#core/model.ts";
import { planRows } from "#core/sync/rows.ts";
import { rowHash } from "#core/sync/hash.ts";
import { outgoingRows, TOMBSTONE_HASH } from "#core/sync/outgoing.ts";
import type { WithheldDeletions } from "#core/sync/outgoing.ts";
import { stateKey } from "#core/sync/state.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { CurrentRow, PushRow, RowResult, RowValues } from "#core/sync/protocol.ts";
import type { ApiClient } from "#addin/api/client.ts";
import type { Analysis } from "../analysis.ts";
import type { WorkbookHost } from "../services.ts";
import { sheetWrites } from "./sheet-writes.ts";
import { localRows } from "./local-rows.ts";
import { pushChunks } from "./push-chunks.ts";
import { recordTaken, rowsAfter } from "./sheet-after.ts";

export { applyPull, previewPull } from "./pull.ts";
export type { PullApplied, PullItem, PullPreview } from "./pull.ts";
export { PUSH_CHUNK, PUSH_CHUNK_BYTES } from "./push-chunks.ts";

/** The workbook operations sync needs (the task pane's host has them all). */
export type SyncHost = WorkbookHost;

/** A conflict: my row as sent and the cloud's current copy. */
export interface Conflict {
  entity: EntityKind;
  key: string;
  mine: PushRow;
  cloud: CurrentRow;
}

export interface PushOutcome {
  results: RowResult[];
  conflicts: Conflict[];
  /** Rows held back because they have errors. */
  held: number;
  /** Rows sent. */
  sent: number;
  /** Deletions not sent because the workbook could not show the rows (to tell the user). */
  withheld: WithheldDeletions[];
}

function newIdempotencyKey(): string {
  return `addin-${crypto.randomUUID()}`;
}

/** The current wire values of every syncable row of the analysed workbook, by state key (first row of a key). */
export function currentValues(analysis: Analysis): Map<string, RowValues> {
  return localRows(analysis.plan).values;
}

/**
 * Pushes the rows whose hash changed since the last sync (`outgoingRows`: no tombstones the
 * workbook cannot vouch for), in chunks by rows and bytes (progress per chunk), then records the
 * new versions in the workbook's sync state (a deletion as `TOMBSTONE_HASH`, so it is sent once).
 */
export async function push(
  host: SyncHost,
  api: ApiClient,
  analysis: Analysis,
  state: SyncState,
  onProgress: (done: number, total: number) => void,
): Promise<PushOutcome> {
  const { rows, held } = planRows(analysis.plan);
  const sheetKinds = analysis.recognized.map((s) => s.kind);
  const { rows: toSend, withheld } = outgoingRows({ rows, held, state, sheetKinds });
  if (analysis.snapshot.locale !== undefined) state.locale = analysis.snapshot.locale;
  const hashes = new Map(rows.map((r) => [stateKey(r.entity, r.key), r.hash]));
  const sentById = new Map(toSend.map((r) => [stateKey(r.entity, r.key), r]));
  const results: RowResult[] = [];
  const conflicts: Conflict[] = [];
  onProgress(0, toSend.length);
  try {
    let done = 0;
    for (const chunk of pushChunks(toSend)) {
      const response = await api.push(state.planId, {
        idempotencyKey: newIdempotencyKey(),
        source: "addin",
        rows: chunk,
      });
      for (const r of response.results) {
        results.push(r);
        const id = stateKey(r.entity, r.key);
        const sent = sentById.get(id);
        if ((r.status === "applied" || r.status === "unchanged") && r.version !== undefined) {
          if (sent?.deleted === true) state.rows[id] = { version: r.version, hash: TOMBSTONE_HASH };
          else state.rows[id] = { version: r.version, hash: hashes.get(id) ?? rowHash(sent?.values ?? {}) };
        } else if (r.status === "conflict" && r.current !== undefined && sent !== undefined) {
          conflicts.push({ entity: r.entity, key: r.key, mine: sent, cloud: r.current });
        }
      }
      done += chunk.length;
      onProgress(done, toSend.length);
    }
  } finally {
    // Once, whatever the row count (a constant number of Excel round trips), and also after a
    // failed chunk: the chunks already applied are recorded, so a retry resumes after them.
    if (results.length > 0) await host.writeSyncState(state);
  }
  return { results, conflicts, held: held.length, sent: toSend.length, withheld };
}

/**
 * Whether a Keep-mine answer settled the conflict: applied or unchanged, with a version. Anything
 * else (invalid, no answer) leaves the conflict open and the sync state as it was.
 */
export function keepMineSettled(result: RowResult | undefined): result is RowResult & { version: number } {
  return (
    result !== undefined &&
    (result.status === "applied" || result.status === "unchanged") &&
    result.version !== undefined
  );
}

/** Keep mine: push my row again on top of the cloud's current version. */
export async function keepMine(
  host: SyncHost,
  api: ApiClient,
  state: SyncState,
  conflict: Conflict,
): Promise<RowResult | undefined> {
  const row: PushRow = { ...conflict.mine, baseVersion: conflict.cloud.version };
  const response = await api.push(state.planId, {
    idempotencyKey: newIdempotencyKey(),
    source: "addin",
    rows: [row],
  });
  const result = response.results[0];
  if (keepMineSettled(result)) {
    const id = stateKey(conflict.entity, conflict.key);
    if (row.deleted === true) state.rows[id] = { version: result.version, hash: TOMBSTONE_HASH };
    else state.rows[id] = { version: result.version, hash: rowHash(row.values) };
    await host.writeSyncState(state);
  }
  return result;
}

/**
 * Take cloud: write the cloud's values into my row and record its version with what the sheet
 * then holds (see `recordTaken`: a field with no cell or a formula cell is not claimed as taken).
 */
export async function takeCloud(
  host: SyncHost,
  analysis: Analysis,
  state: SyncState,
  conflict: Conflict,
): Promise<void> {
  const id = stateKey(conflict.entity, conflict.key);
  const local = localRows(analysis.plan);
  const cloud = { values: conflict.cloud.values, deleted: conflict.cloud.deleted };
  const writes = sheetWrites({
    snapshot: analysis.snapshot,
    plan: analysis.plan,
    current: local.values,
    incoming: [{ entity: conflict.entity, key: conflict.key, ...cloud }],
  });
  recordTaken(state, { id, version: conflict.cloud.version, ...cloud }, rowsAfter(analysis.snapshot, writes));
  if (analysis.snapshot.locale !== undefined) state.locale = analysis.snapshot.locale;
  await host.writeCellsAndSyncState(writes, state);
}
