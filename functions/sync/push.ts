/**
 * The push service (POST /plans/{plan}/sync): idempotency, re-validation, per-row writes.
 * Used by the push handler and, in-process, by the nightly job.
 */
import { fnv1a64 } from "#core/sync/hash.ts";
import type { PushRequest, PushResponse, RowResult } from "#core/sync/protocol.ts";
import type { Actor, SyncStore } from "../store/store.ts";
import { InvalidInputError } from "../service-errors.ts";
import { checkRows, syncIssue } from "./check-rows.ts";
import { keepClaim } from "./claim-lease.ts";
import { MAX_REQUEST_DEPTH, nestingDepth } from "./storable-values.ts";

/**
 * Bytes of cloud values the conflicts of one response may echo. Lambda answers at most 6 MB and
 * a push of stale deletes is tiny while its conflicts carry every row's values; past this budget
 * a conflict comes without `current` and with the issue `sync.conflict-values-omitted` (a
 * warning): the client pulls the changes to get them. Not `current` with empty values: clients
 * offer "take the cloud's copy" whenever `current` is present, and `{}` would blank the row.
 */
export const MAX_CONFLICT_VALUES_BYTES = 3 * 1024 * 1024;

/** Bytes of issues one response may carry for invalid rows (with the conflicts' budget, well under 6 MB). */
export const MAX_ISSUES_BYTES = 2 * 1024 * 1024;

/** Applies a push and returns one result per row, in the order of the request. */
export async function pushRows(
  store: SyncStore,
  plan: string,
  request: PushRequest,
  actor: Actor,
  locale: "it" | "en" = "it",
): Promise<PushResponse> {
  refuseAbsurdDepth(request);
  // Plain JSON, not canonical: a retry resends the same request, and sorting the keys of
  // 10 000 rows costs more than the rest of the validation.
  const requestHash = fnv1a64(requestText(request, actor));
  const claim = await store.claimIdempotency(plan, request.idempotencyKey, requestHash);
  if (claim.state === "done") return claim.response;
  const stopRenewing = keepClaim(store, plan, request.idempotencyKey, claim);
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
    let conflictBytes = 0;
    writes.forEach(({ index, write }, i) => {
      const outcome = outcomes[i];
      const base = { entity: write.entity, key: write.key };
      if (!outcome) return;
      if (outcome.status !== "conflict") {
        results[index] = { ...base, status: outcome.status, version: outcome.version };
        return;
      }
      // The cloud copies echo up to 96 KB per row: past the budget, the client pulls them instead.
      conflictBytes += Buffer.byteLength(JSON.stringify(outcome.current.values), "utf8");
      results[index] =
        conflictBytes <= MAX_CONFLICT_VALUES_BYTES
          ? { ...base, status: "conflict", current: outcome.current }
          : {
              ...base,
              status: "conflict",
              issues: [syncIssue("sync.conflict-values-omitted", "values", write.key, locale, {}, "warning")],
            };
    });
    let issueBytes = 0;
    for (const index of [...invalid.keys()].sort((a, b) => a - b)) {
      const row = request.rows[index];
      const issues = invalid.get(index);
      if (!row || !issues) continue;
      // A broken workbook can give every one of 60 000 rows an issue of ~300 bytes: past the
      // budget a row is reported invalid without them (clients re-validate with the same core).
      issueBytes += Buffer.byteLength(JSON.stringify(issues), "utf8");
      results[index] =
        issueBytes <= MAX_ISSUES_BYTES
          ? { entity: row.entity, key: row.key, status: "invalid", issues }
          : { entity: row.entity, key: row.key, status: "invalid" };
    }
    const response: PushResponse = { results };
    await store.completeIdempotency(plan, request.idempotencyKey, response, claim.claimId);
    return response;
  } catch (error) {
    // Free the key so the client's retry runs again (rows already applied come back applied).
    await store.releaseIdempotency(plan, request.idempotencyKey, claim.claimId).catch(() => undefined);
    throw error;
  } finally {
    stopRenewing();
  }
}

/**
 * 400 for values nested absurdly deep, before anything recursive (JSON.stringify, the canonical
 * hash) meets them and overflows the stack. Moderately deep rows (past DynamoDB's 32 levels) are
 * refused one by one by checkRows; this only stops what no client of ours sends.
 */
function refuseAbsurdDepth(request: PushRequest): void {
  const problems = request.rows.flatMap((row, i) =>
    nestingDepth(row.values, MAX_REQUEST_DEPTH) > MAX_REQUEST_DEPTH
      ? [{ path: `rows.${i}.values`, message: `nested deeper than ${MAX_REQUEST_DEPTH} levels` }]
      : [],
  );
  if (problems.length > 0) throw new InvalidInputError("body.invalid", { problems: problems.slice(0, 20) });
}

/**
 * The text the request hash is taken of. An in-process caller (the nightly job) may pass values
 * JSON.stringify refuses (a bigint): they still hash, and checkRows refuses their rows.
 */
function requestText(request: PushRequest, actor: Actor): string {
  const parts = [request.source, actor.id, request.rows];
  try {
    return JSON.stringify(parts);
  } catch {
    return JSON.stringify(parts, (_key, value: unknown) =>
      typeof value === "bigint" ? `${value.toString()}n` : value,
    );
  }
}
