/**
 * The push result table after a conflict is resolved (issue #11 part 5: views that stay true):
 * the row stops saying "Conflict" and says how it was settled, with the version it now has.
 */
import type { RowResult } from "#core/sync/protocol.ts";

/** How a conflict was settled: my row pushed again, or the cloud's written into the sheet. */
export type Resolution = "mine" | "cloud";

/** A row of the push result table: the server's answer, and how a person resolved it since. */
export interface ShownResult extends RowResult {
  resolved?: Resolution;
}

/**
 * `results` with the row of `entity`/`key` replaced by its resolution: for "mine" the answer to
 * the second push (`answer`: applied or unchanged, with its version), for "cloud" the cloud's
 * version the sheet now holds. Other rows are returned as they were (same objects).
 *
 * @example resolvedResults([{ entity: "project", key: "DGH", status: "conflict" }], { entity: "project", key: "DGH" }, "cloud", { version: 3 })[0]?.status // "unchanged"
 */
export function resolvedResults(
  results: readonly ShownResult[],
  row: { entity: RowResult["entity"]; key: string },
  resolution: Resolution,
  answer: { status?: RowResult["status"]; version: number },
): ShownResult[] {
  return results.map((r) => {
    if (r.entity !== row.entity || r.key !== row.key) return r;
    const status = resolution === "mine" ? (answer.status ?? "applied") : "unchanged";
    return { entity: r.entity, key: r.key, status, version: answer.version, resolved: resolution };
  });
}
