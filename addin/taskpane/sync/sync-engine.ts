/**
 * Push, pull, conflict resolution and restore, as plain async functions over the workbook host and
 * the API client (no React), so the Sync panel stays a view and the steps can be tested alone.
 * The sync state (plan, cursor, per-row version and hash) lives in the workbook (SPEC §9).
 */
import type { EntityKind } from "#core/model.ts";
import { changedRows, planRows } from "#core/sync/rows.ts";
import { canonicalJson, rowHash } from "#core/sync/hash.ts";
import { stateKey } from "#core/sync/state.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { Change, CurrentRow, PushRow, RowResult, RowValues } from "#core/sync/protocol.ts";
import type { ApiClient } from "#addin/api/client.ts";
import type { Analysis } from "../analysis.ts";
import type { WorkbookHost } from "../services.ts";
import { sheetWrites } from "./sheet-writes.ts";
import type { IncomingRow } from "./sheet-writes.ts";

/** The workbook operations sync needs (the task pane's host has them all). */
export type SyncHost = WorkbookHost;

/** Rows per push request: keeps each body well under the API's size limit and shows progress. */
export const PUSH_CHUNK = 2000;

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
}

function newIdempotencyKey(): string {
  return `addin-${crypto.randomUUID()}`;
}

/** The current wire values of every syncable row of the analysed workbook, by state key. */
export function currentValues(analysis: Analysis): Map<string, RowValues> {
  const out = new Map<string, RowValues>();
  for (const r of planRows(analysis.plan).rows) out.set(stateKey(r.entity, r.key), r.values);
  return out;
}

/**
 * Pushes the rows whose hash changed since the last sync, in chunks (progress per chunk), then
 * records the new versions in the workbook's sync state.
 */
export async function push(
  host: SyncHost,
  api: ApiClient,
  analysis: Analysis,
  state: SyncState,
  onProgress: (done: number, total: number) => void,
): Promise<PushOutcome> {
  const { rows, held } = planRows(analysis.plan);
  const toSend = changedRows(rows, state, held);
  const hashes = new Map(rows.map((r) => [stateKey(r.entity, r.key), r.hash]));
  const sentById = new Map(toSend.map((r) => [stateKey(r.entity, r.key), r]));
  const results: RowResult[] = [];
  const conflicts: Conflict[] = [];
  onProgress(0, toSend.length);
  try {
    for (let i = 0; i < toSend.length; i += PUSH_CHUNK) {
      const chunk = toSend.slice(i, i + PUSH_CHUNK);
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
          if (sent?.deleted === true) delete state.rows[id];
          else state.rows[id] = { version: r.version, hash: hashes.get(id) ?? rowHash(sent?.values ?? {}) };
        } else if (r.status === "conflict" && r.current !== undefined && sent !== undefined) {
          conflicts.push({ entity: r.entity, key: r.key, mine: sent, cloud: r.current });
        }
      }
      onProgress(Math.min(i + chunk.length, toSend.length), toSend.length);
    }
  } finally {
    // Once, whatever the row count (a constant number of Excel round trips), and also after a
    // failed chunk: the chunks already applied are recorded, so a retry resumes after them.
    if (results.length > 0) await host.writeSyncState(state);
  }
  return { results, conflicts, held: held.length, sent: toSend.length };
}

/** One incoming change with what it would change in the sheet. */
export interface PullItem {
  change: Change;
  /** Fields whose values differ: [field, mine, incoming]. */
  fields: { field: string; mine: unknown; incoming: unknown }[];
  /** true when the row is not in the file yet. */
  isNew: boolean;
  /** true when the row was edited locally since the last sync: not overwritten (push resolves it). */
  locallyChanged: boolean;
}

export interface PullPreview {
  items: PullItem[];
  cursor: string;
}

function diff(mine: RowValues | undefined, incoming: RowValues): PullItem["fields"] {
  const fields = new Set([...Object.keys(mine ?? {}), ...Object.keys(incoming)]);
  const out: PullItem["fields"] = [];
  for (const field of [...fields].sort()) {
    const a = mine?.[field];
    const b = incoming[field];
    if (canonicalJson(a ?? null) !== canonicalJson(b ?? null)) out.push({ field, mine: a, incoming: b });
  }
  return out;
}

/** Fetches every change since the workbook's cursor (following `hasMore`) and previews it. */
export async function previewPull(
  api: ApiClient,
  analysis: Analysis,
  state: SyncState,
): Promise<PullPreview> {
  const latest = new Map<string, Change>();
  let cursor = state.cursor;
  for (;;) {
    const page = await api.changes(state.planId, cursor);
    for (const c of page.changes) {
      const id = stateKey(c.entity, c.key);
      const prev = latest.get(id);
      if (prev === undefined || prev.version < c.version) latest.set(id, c);
    }
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const current = currentValues(analysis);
  const { rows } = planRows(analysis.plan);
  const hashes = new Map(rows.map((r) => [stateKey(r.entity, r.key), r.hash]));
  const items: PullItem[] = [];
  for (const [id, change] of latest) {
    const synced = state.rows[id];
    if (synced !== undefined && synced.version >= change.version) continue;
    const mine = current.get(id);
    const fields = change.deleted ? [] : diff(mine, change.values);
    const locallyChanged = synced !== undefined && hashes.has(id) && hashes.get(id) !== synced.hash;
    if (!change.deleted && fields.length === 0 && !locallyChanged) {
      // Same content already in the file (e.g. my own push): only the version moves.
      items.push({ change, fields, isNew: false, locallyChanged: false });
      continue;
    }
    if (change.deleted && mine === undefined) continue;
    items.push({ change, fields, isNew: mine === undefined, locallyChanged });
  }
  return { items, cursor: cursor ?? "" };
}

/** Writes previewed changes into the sheets (values only) and advances the sync state. */
export async function applyPull(
  host: SyncHost,
  analysis: Analysis,
  state: SyncState,
  preview: PullPreview,
): Promise<number> {
  const apply = preview.items.filter((i) => !i.locallyChanged);
  const incoming: IncomingRow[] = apply
    .filter((i) => i.fields.length > 0 || i.isNew || i.change.deleted)
    .map((i) => ({
      entity: i.change.entity,
      key: i.change.key,
      values: i.change.values,
      deleted: i.change.deleted,
    }));
  const writes = sheetWrites({
    snapshot: analysis.snapshot,
    plan: analysis.plan,
    current: currentValues(analysis),
    incoming,
  });
  for (const i of apply) {
    const id = stateKey(i.change.entity, i.change.key);
    if (i.change.deleted) delete state.rows[id];
    else state.rows[id] = { version: i.change.version, hash: rowHash(i.change.values) };
  }
  state.cursor = preview.cursor;
  await host.writeCellsAndSyncState(writes, state);
  return incoming.length;
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
  if (
    result !== undefined &&
    (result.status === "applied" || result.status === "unchanged") &&
    result.version !== undefined
  ) {
    const id = stateKey(conflict.entity, conflict.key);
    if (row.deleted === true) delete state.rows[id];
    else state.rows[id] = { version: result.version, hash: rowHash(row.values) };
    await host.writeSyncState(state);
  }
  return result;
}

/** Take cloud: write the cloud's values into my row and record its version as synced. */
export async function takeCloud(
  host: SyncHost,
  analysis: Analysis,
  state: SyncState,
  conflict: Conflict,
): Promise<void> {
  const id = stateKey(conflict.entity, conflict.key);
  const writes = sheetWrites({
    snapshot: analysis.snapshot,
    plan: analysis.plan,
    current: currentValues(analysis),
    incoming: [
      {
        entity: conflict.entity,
        key: conflict.key,
        values: conflict.cloud.values,
        deleted: conflict.cloud.deleted,
      },
    ],
  });
  if (conflict.cloud.deleted) delete state.rows[id];
  else state.rows[id] = { version: conflict.cloud.version, hash: rowHash(conflict.cloud.values) };
  await host.writeCellsAndSyncState(writes, state);
}
