/** Row history and restore (GET …/history, POST …/restore). */
import type { EntityKind } from "#core/model.ts";
import type { HistoryEntry, HistoryResponse, RowResult } from "#core/sync/protocol.ts";
import { NotFoundError } from "../http/errors.ts";
import { rowId, type Actor, type SyncStore } from "../store/store.ts";
import { checkRows } from "./check-rows.ts";

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
  if (versions.length === 0) throw new NotFoundError();
  let previous: HistoryEntry["values"] | undefined;
  const out: HistoryEntry[] = versions.map((v) => {
    const values = v.deleted ? (previous ?? {}) : v.values;
    const entry: HistoryEntry = {
      ...v,
      values,
      ...(previous === undefined ? {} : { previousValues: previous }),
    };
    previous = values;
    return entry;
  });
  return { entity, key, versions: out };
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
  if (!target) throw new NotFoundError("version.not-found");
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
