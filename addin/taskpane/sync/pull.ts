/**
 * Pull: fetch every change since the workbook's cursor, preview it, then write it into the sheets.
 * The write step decides again, on the read made just before it, which rows carry local work
 * (an edit made while the preview was on screen counts), never overwrites them unless the person
 * chose to take the cloud's version of that row, and records in the sync state only what the
 * sheets end up holding (see `sheet-after.ts`).
 *
 * Adoption (SPEC §9): a row the workbook has no base version for whose values equal the cloud's
 * is no conflict and nothing to write — only its version is recorded (`versionOnly`). A row with
 * no base whose values differ is "unbased": it may be the cloud that changed (a copy of the file,
 * a workbook never synced), so it is offered, not called an edit.
 */
import type { Change, RowValues } from "#core/sync/protocol.ts";
import { canonicalJson } from "#core/sync/hash.ts";
import { stateKey } from "#core/sync/state.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { ApiClient } from "#addin/api/client.ts";
import type { Analysis } from "../analysis.ts";
import type { WorkbookHost } from "../services.ts";
import { sheetWrites, sheetWritesByRow } from "./sheet-writes.ts";
import { hasSheetFor, TOMBSTONE_HASH } from "#core/sync/outgoing.ts";
import type { IncomingRow } from "./sheet-writes.ts";
import { localRows, locallyChanged, STALE_HASH, type LocalRows } from "./local-rows.ts";
import { recordTaken, rowsAfter } from "./sheet-after.ts";

/** One incoming change with what it would change in the sheet. */
export interface PullItem {
  change: Change;
  /** Fields whose values differ: [field, mine, incoming]. */
  fields: { field: string; mine: unknown; incoming: unknown }[];
  /** true when the row is not in the file yet. */
  isNew: boolean;
  /**
   * true when writing the row could lose what the file holds: not overwritten unless the person
   * takes the cloud's version of it (else the next push resolves it).
   */
  locallyChanged: boolean;
  /**
   * true (with `locallyChanged`) when the workbook holds no base version for the row: its values
   * differ from the cloud's but nobody can tell whether the file or the cloud changed them. Without
   * it, a `locallyChanged` row was really edited in the file since its base.
   */
  unbased?: boolean;
  /** true when only the recorded version moves (same content already here, or already deleted). */
  versionOnly?: boolean;
}

export interface PullPreview {
  items: PullItem[];
  cursor: string;
}

/** What writing a pull did. */
export interface PullApplied {
  /** Rows written into (or cleared from) the sheets. */
  written: number;
  /** Of `written`, rows the person chose to take although the file held other values. */
  taken: number;
  /** Rows not written because they were edited in the file since their base (the next push conflicts on them). */
  keptLocal: number;
  /** Rows not written that differ from the cloud and have no base here (not chosen to take). */
  keptUnbased: number;
  /** Rows whose values already equal the cloud's: only their version was recorded (adopted or my own change). */
  adopted: number;
  /** Rows the sheets could not hold in full (no sheet or column for a field, a formula cell). */
  partial: number;
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

/**
 * The changes judged against the workbook as it is now (`local`: its rows). For a row the state
 * does not know but the sheet has, only the cells the sheet has count: the incoming row is
 * written tentatively to see whether any cell would change.
 */
function judge(
  changes: Iterable<Change>,
  analysis: Analysis,
  local: LocalRows,
  state: SyncState,
): PullItem[] {
  const pending: Change[] = [];
  for (const change of changes) {
    const synced = state.rows[stateKey(change.entity, change.key)];
    if (synced === undefined || synced.version < change.version) pending.push(change);
  }
  const unknown = pending.filter((c) => {
    const synced = state.rows[stateKey(c.entity, c.key)];
    return (
      !c.deleted &&
      local.values.has(stateKey(c.entity, c.key)) &&
      (synced === undefined || synced.hash === TOMBSTONE_HASH)
    );
  });
  const probe = sheetWritesByRow({
    snapshot: analysis.snapshot,
    plan: analysis.plan,
    current: local.values,
    incoming: unknown,
  });
  const writesInto = (id: string) => (probe.get(id)?.length ?? 0) > 0;
  const sheetKinds = analysis.recognized.map((s) => s.kind);
  return pending.map((change) => {
    const id = stateKey(change.entity, change.key);
    const mine = local.values.get(id);
    const present = mine !== undefined || local.held.has(id);
    const sheet = hasSheetFor(change.entity, sheetKinds);
    const changed = locallyChanged(id, change, local, state, sheet, writesInto);
    const fields = change.deleted ? [] : diff(mine, change.values);
    const versionOnly = !changed && (change.deleted ? !present : fields.length === 0);
    // A row the state knows but the sheet lacks was deleted here: not "new".
    const synced = state.rows[id];
    const known = synced !== undefined && synced.hash !== TOMBSTONE_HASH;
    const isNew = !present && !change.deleted && !known;
    const item: PullItem = { change, fields, isNew, locallyChanged: changed, versionOnly };
    if (changed && !known) item.unbased = true;
    return item;
  });
}

/** The state keys of a preview's rows that the person may take: those not written by default. */
export function takeableKeys(items: readonly PullItem[]): string[] {
  return items.filter((i) => i.locallyChanged).map((i) => stateKey(i.change.entity, i.change.key));
}

/**
 * What "take the cloud's version for all" selects: every row that differs and has no base, plus the
 * edited rows the person already chose (their local edit is dropped only when chosen one by one).
 */
export function takeAllUnbased(items: readonly PullItem[], chosen: ReadonlySet<string>): Set<string> {
  const out = new Set(chosen);
  for (const i of items)
    if (i.locallyChanged && i.unbased === true) out.add(stateKey(i.change.entity, i.change.key));
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
  const items = judge(latest.values(), analysis, localRows(analysis.plan), state);
  return { items, cursor: cursor ?? "" };
}

/**
 * Writes a previewed pull into the sheets (values only) and advances the sync state, judging
 * every change again against `analysis` (a read made just now): rows with local work are left
 * as they are — unless their state key is in `take`, the rows the person chose to take the
 * cloud's version of — and keep their old version with a stale hash, so the next push sends them.
 */
export async function applyPull(
  host: WorkbookHost,
  analysis: Analysis,
  state: SyncState,
  preview: PullPreview,
  take: ReadonlySet<string> = new Set(),
): Promise<PullApplied> {
  const local = localRows(analysis.plan);
  const apply: PullItem[] = [];
  let keptLocal = 0;
  let keptUnbased = 0;
  let taken = 0;
  const judged = judge(
    preview.items.map((i) => i.change),
    analysis,
    local,
    state,
  );
  for (const item of judged) {
    const id = stateKey(item.change.entity, item.change.key);
    if (!item.locallyChanged || take.has(id)) {
      if (item.locallyChanged && !item.versionOnly) taken++;
      apply.push(item);
      continue;
    }
    if (item.unbased === true) {
      // No base to keep: the row stays as it is, and the next push offers the conflict as a choice.
      keptUnbased++;
      continue;
    }
    keptLocal++;
    const synced = state.rows[id];
    // The remote change is not lost: the old version stays and the row is sent at the next push.
    if (synced !== undefined) state.rows[id] = { version: synced.version, hash: STALE_HASH };
  }
  const incoming: IncomingRow[] = apply
    .filter((i) => !i.versionOnly)
    .map((i) => ({
      entity: i.change.entity,
      key: i.change.key,
      values: i.change.values,
      deleted: i.change.deleted,
    }));
  const writes = sheetWrites({
    snapshot: analysis.snapshot,
    plan: analysis.plan,
    current: local.values,
    incoming,
  });
  const after = writes.length === 0 ? local : rowsAfter(analysis.snapshot, writes);
  let partial = 0;
  for (const i of apply) {
    const id = stateKey(i.change.entity, i.change.key);
    const taken = recordTaken(state, { id, ...i.change }, after);
    if (taken !== "full") partial++;
  }
  state.cursor = preview.cursor;
  if (analysis.snapshot.locale !== undefined) state.locale = analysis.snapshot.locale;
  await host.writeCellsAndSyncState(writes, state);
  const adopted = apply.filter((i) => i.versionOnly === true && !i.change.deleted).length;
  return { written: incoming.length, taken, keptLocal, keptUnbased, adopted, partial };
}
