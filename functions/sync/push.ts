/**
 * The push service (POST /plans/{plan}/sync): idempotency, re-validation, per-row writes.
 * Used by the push handler and, in-process, by the nightly job.
 */
import { fnv1a64 } from "#core/sync/hash.ts";
import type { PushRequest, PushResponse, RowResult } from "#core/sync/protocol.ts";
import type { Actor, SyncStore } from "../store/store.ts";
import { checkRows } from "./check-rows.ts";

/** Applies a push and returns one result per row, in the order of the request. */
export async function pushRows(
  store: SyncStore,
  plan: string,
  request: PushRequest,
  actor: Actor,
  locale: "it" | "en" = "it",
): Promise<PushResponse> {
  // Plain JSON, not canonical: a retry resends the same request, and sorting the keys of
  // 10 000 rows costs more than the rest of the validation.
  const requestHash = fnv1a64(JSON.stringify([request.source, actor.id, request.rows]));
  const claim = await store.claimIdempotency(plan, request.idempotencyKey, requestHash);
  if (claim.state === "done") return claim.response;
  try {
    const { writes, invalid } = await checkRows(store, plan, request.rows, locale);
    // The idempotency key marks this push's writes: a retry recognises rows it already applied.
    const outcomes = await store.writeRows(
      plan,
      writes.map((w) => w.write),
      actor,
      request.idempotencyKey,
    );
    const results = new Array<RowResult>(request.rows.length);
    writes.forEach(({ index, write }, i) => {
      const outcome = outcomes[i];
      const base = { entity: write.entity, key: write.key };
      if (!outcome) return;
      results[index] =
        outcome.status === "conflict"
          ? { ...base, status: "conflict", current: outcome.current }
          : { ...base, status: outcome.status, version: outcome.version };
    });
    for (const [index, issues] of invalid) {
      const row = request.rows[index];
      if (row) results[index] = { entity: row.entity, key: row.key, status: "invalid", issues };
    }
    const response: PushResponse = { results };
    await store.completeIdempotency(plan, request.idempotencyKey, response);
    return response;
  } catch (error) {
    // Free the key so the client's retry runs again (rows already applied come back applied).
    await store.releaseIdempotency(plan, request.idempotencyKey).catch(() => undefined);
    throw error;
  }
}
