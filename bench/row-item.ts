/**
 * A ROW# item exactly as the store keeps a version-1 row, for benches that seed a table or time
 * raw writes of the items a push stores (sync.bench.ts, rollups.bench.ts).
 */
import { rowHash } from "#core/sync/hash.ts";
import type { PushRow } from "#core/sync/protocol.ts";

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
