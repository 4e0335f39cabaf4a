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
  // One more than shown: the oldest read only gives the next its `previousValues`.
  const read = await store.history(plan, entity, key, {
    newest: readMax + 1,
    ...(before === undefined ? {} : { before }),
  });
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

/**
 * Every version of a row, oldest first, each with the values it replaced. A tombstone carries
 * the values it deleted, so the history reads as "who removed what".
 */
export async function rowHistory(
  store: SyncStore,
  plan: string,
  entity: EntityKind,
  key: string,
): Promise<HistoryResponse> {
  const versions = await store.history(plan, entity, key);
  if (versions.length === 0) throw new NotFoundInPlanError();
  return { entity, key, versions: historyEntries(versions) };
}

/** Versions (oldest first, consecutive) as history entries: each with the values it replaced. */
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
  const { versions } = await rowHistory(store, plan, entity, key);
  const target = versions.find((v) => v.version === version);
  if (!target) throw new NotFoundInPlanError("version.not-found");
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
