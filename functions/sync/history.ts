/** Row history and restore (GET …/history, POST …/restore). */
import type { EntityKind } from "#core/model.ts";
import type { HistoryEntry, HistoryResponse, RowResult } from "#core/sync/protocol.ts";
import { NotFoundInPlanError } from "../service-errors.ts";
import { envelopeBytes, RESPONSE_BUDGET_BYTES } from "../payload-bytes.ts";
import { rowId, type Actor, type StoredVersion, type SyncStore } from "../store/store.ts";
import { checkRows } from "./check-rows.ts";

/** Versions one history answer reads at most (newest first): 1 000 versions of ~1 KB still fit the budget. */
export const HISTORY_READ_MAX = 1000;

/**
 * A row's history as the API answers it: the newest versions that fit the response budget (and
 * at most HISTORY_READ_MAX), oldest first. A row edited often with large values (hundreds of
 * versions of 100 KB notes) would otherwise pass Lambda's 6 MB response limit and fail for good,
 * and one with thousands of versions would be read whole. When older versions are left out the
 * answer says so (`olderBefore`: ask again with `before` = that version).
 */
export async function rowHistoryPage(
  store: SyncStore,
  plan: string,
  entity: EntityKind,
  key: string,
  maxBytes: number = RESPONSE_BUDGET_BYTES,
  readMax: number = HISTORY_READ_MAX,
  before?: number,
): Promise<HistoryResponse> {
  const read = await newestThatFill(store, plan, entity, key, maxBytes, readMax, before);
  if (read.length === 0) throw new NotFoundInPlanError();
  const entries = historyEntries(read);
  const shown = read[0]?.version === 1 && read.length <= readMax ? entries : entries.slice(1);
  let bytes = 0;
  let first = shown.length;
  // Newest first until the budget is spent; always the newest one.
  while (first > 0) {
    const size = envelopeBytes(shown[first - 1]);
    if (first < shown.length && bytes + size > maxBytes) break;
    bytes += size;
    first--;
  }
  const versions = shown.slice(first);
  const oldest = versions[0]?.version ?? 1;
  return { entity, key, versions, ...(oldest > 1 ? { olderBefore: oldest } : {}) };
}

/** The first read of a history page; each further read is sized by the versions seen (≤ 1 000). */
const FIRST_READ = 8;

/**
 * The newest versions (below `before`) whose values pass `maxBytes` together, plus one — or at
 * most `readMax` + 1, or all back to version 1 — oldest first, read newest first in a few
 * reads: a row of 300 versions of 90 KB reads the ~45 a page can hold, not 1 001. An entry
 * carries its values and those it replaced, so it is never smaller than its version: once the
 * versions read pass the budget, the entries to show are a strict suffix and the one before them
 * (read only for its `previousValues`) is among those read.
 */
async function newestThatFill(
  store: SyncStore,
  plan: string,
  entity: EntityKind,
  key: string,
  maxBytes: number,
  readMax: number,
  before: number | undefined,
): Promise<StoredVersion[]> {
  const newestFirst: StoredVersion[] = [];
  let bytes = 0;
  let cursor = before;
  for (let step = FIRST_READ; ;) {
    const want = Math.min(step, readMax + 1 - newestFirst.length);
    const page = await store.history(plan, entity, key, {
      newest: want,
      ...(cursor === undefined ? {} : { before: cursor }),
    });
    for (const version of [...page].reverse()) {
      newestFirst.push(version);
      bytes += envelopeBytes(version.values);
    }
    const oldest = page[0]?.version ?? 1;
    if (page.length < want || oldest <= 1 || newestFirst.length > readMax || bytes > maxBytes)
      return newestFirst.reverse();
    cursor = oldest;
    // Next, about as many as the rest of the budget holds at the sizes seen so far (one more, to cross it).
    const average = bytes / newestFirst.length;
    step = Math.min(1000, Math.max(1, Math.ceil((maxBytes - bytes) / Math.max(average, 1)) + 1));
  }
}

/** The version `version` of a row as history shows it (a tombstone with the values it deleted). */
async function versionEntry(
  store: SyncStore,
  plan: string,
  entity: EntityKind,
  key: string,
  version: number,
): Promise<HistoryEntry> {
  const [target] = await store.history(plan, entity, key, { newest: 1, before: version + 1 });
  if (!target || target.version !== version) {
    const rowExists = (await store.history(plan, entity, key, { newest: 1 })).length > 0;
    throw rowExists ? new NotFoundInPlanError("version.not-found") : new NotFoundInPlanError();
  }
  if (!target.deleted) return target;
  // A tombstone's values are those of the nearest live version before it: read back only to it.
  for (let cursor = version, step = 2; cursor > 1; step = Math.min(step * 2, 1000)) {
    const page = await store.history(plan, entity, key, { newest: step, before: cursor });
    const live = page.findLast((v) => !v.deleted);
    if (live) return { ...target, values: live.values };
    if (page.length < step) break;
    cursor = page[0]?.version ?? 1;
  }
  return { ...target, values: {} };
}

/**
 * Versions (oldest first, consecutive) as history entries, each with the values it replaced. A
 * tombstone carries the values it deleted, so the history reads as "who removed what".
 */
function historyEntries(versions: readonly StoredVersion[]): HistoryEntry[] {
  let previous: HistoryEntry["values"] | undefined;
  return versions.map((v) => {
    const values = v.deleted ? (previous ?? {}) : v.values;
    const entry: HistoryEntry = {
      ...v,
      values,
      ...(previous === undefined ? {} : { previousValues: previous }),
    };
    previous = values;
    return entry;
  });
}

/** Restores a version as a new version (re-validated like a push; nothing is overwritten). */
export async function restoreVersion(
  store: SyncStore,
  plan: string,
  entity: EntityKind,
  key: string,
  version: number,
  actor: Actor,
  locale: "it" | "en",
): Promise<RowResult> {
  const target = await versionEntry(store, plan, entity, key, version);
  const current = (await store.getRows(plan, [{ entity, key }])).get(rowId(entity, key));
  const baseVersion = current?.version ?? 0;
  const { writes, invalid } = await checkRows(
    store,
    plan,
    [{ entity, key, baseVersion, values: target.values, deleted: target.deleted }],
    locale,
  );
  const issues = invalid.get(0);
  if (issues) return { entity, key, status: "invalid", issues };
  const write = writes[0];
  if (!write) throw new Error("restore: no write for a valid row");
  const [outcome] = await store.writeRows(
    plan,
    [{ ...write.write, restoredFrom: version }],
    actor,
    `restore-${crypto.randomUUID()}`,
  );
  if (!outcome) throw new Error("restore: no outcome");
  return outcome.status === "conflict"
    ? { entity, key, status: "conflict", current: outcome.current }
    : { entity, key, status: outcome.status, version: outcome.version };
}
