/**
 * Items exactly as the store keeps them, for benches that seed a table or time raw writes of the
 * items a push stores (sync.bench.ts, rollups.bench.ts).
 */
import { rowHash } from "#core/sync/hash.ts";
import type { PushRow } from "#core/sync/protocol.ts";
import { chgSk, historyHk } from "#functions/store/keys.ts";

/** The ROW# item of a version-1 row. */
export function rowItem(plan: string, r: PushRow, at: string): Record<string, unknown> {
  return {
    pk: `PLAN#${plan}`,
    sk: `ROW#${r.entity}#${r.key}`,
    entity: r.entity,
    key: r.key,
    version: 1,
    values: r.values,
    deleted: false,
    hash: rowHash(r.values),
    updatedAt: at,
    updatedBy: "bench",
    source: "cli",
    writeId: "bench",
  };
}

/** The CHG# change-log item a push stores with a version-1 row (number `seq`, stamped at `atMs`). */
export function changeItem(plan: string, r: PushRow, seq: number, atMs: number): Record<string, unknown> {
  return {
    pk: `PLAN#${plan}`,
    sk: chgSk(seq),
    seq,
    allocatedAt: atMs,
    entity: r.entity,
    key: r.key,
    version: 1,
    values: r.values,
    deleted: false,
    at: new Date(atMs).toISOString(),
    by: "bench",
    source: "cli",
    hk: historyHk(plan, r.entity, r.key),
    hv: 1,
  };
}
