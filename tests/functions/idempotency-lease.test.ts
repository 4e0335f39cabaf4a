/**
 * The idempotency claim of a push is a lease: renewed while the push runs (so a slow live writer
 * keeps it however long it takes), taken over by a retry of the same request once it lapses (a
 * dead writer), and a writer that lost it can neither complete nor free the new owner's claim.
 * DynamoDB Local; a short lease so the heartbeat runs in real time.
 */
import { describe, expect, it } from "vitest";
import type { PushResponse } from "#core/sync/protocol.ts";
import { IdempotencyInProgressError } from "#functions/store/errors.ts";
import { keepClaim } from "#functions/sync/claim-lease.ts";
import { storeWithClock } from "#tests/support/clock-store.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";

const stack = useLocalStack();
const LEASE_MS = 600;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const response = (version: number): PushResponse => ({
  results: [{ entity: "priority", key: "1", status: "applied", version }],
});

async function setup() {
  const clock = storeWithClock({ table: stack().tableName, idempotencyLockMs: LEASE_MS });
  const plan = `lease-${Math.random().toString(36).slice(2, 8)}`;
  await clock.store.createPlan(plan, plan, "admin");
  return { ...clock, plan };
}

describe("the idempotency lease", () => {
  it("stays with a live push that renews it, however long the push runs", async () => {
    // Prepare
    const { store, plan } = await setup();
    const claim = await store.claimIdempotency(plan, "k", "h");
    if (claim.state !== "claimed") throw new Error("not claimed");
    const stop = keepClaim(store, plan, "k", claim);
    // Act: three leases go by while the push runs
    await sleep(3 * LEASE_MS);
    const retry = store.claimIdempotency(plan, "k", "h");
    // Assess
    await expect(retry).rejects.toBeInstanceOf(IdempotencyInProgressError);
    stop();
  });

  it("passes to the retry once the writer stops renewing, and the old writer cannot complete or free it", async () => {
    // Prepare: a writer claims and dies (no heartbeat)
    const { store, plan, advance } = await setup();
    const dead = await store.claimIdempotency(plan, "k", "h");
    if (dead.state !== "claimed") throw new Error("not claimed");
    await expect(store.claimIdempotency(plan, "k", "h")).rejects.toBeInstanceOf(IdempotencyInProgressError);
    // Act: the lease runs out; the retry takes over; the old writer wakes up
    advance(LEASE_MS + 1);
    const retry = await store.claimIdempotency(plan, "k", "h");
    if (retry.state !== "claimed") throw new Error("retry not claimed");
    const renewedByDead = await store.renewIdempotency(plan, "k", dead.claimId);
    await store.completeIdempotency(plan, "k", response(99), dead.claimId);
    await store.releaseIdempotency(plan, "k", dead.claimId);
    const whileRetryRuns = await store.claimIdempotency(plan, "k", "h").catch((error: unknown) => error);
    await store.completeIdempotency(plan, "k", response(1), retry.claimId);
    const afterwards = await store.claimIdempotency(plan, "k", "h");
    // Assess
    expect(retry.claimId).not.toBe(dead.claimId);
    expect(renewedByDead).toBe(false);
    expect(whileRetryRuns).toBeInstanceOf(IdempotencyInProgressError);
    expect(afterwards).toEqual({ state: "done", response: response(1) });
  });

  it("is not taken over by a different request under the same key, lapsed or not", async () => {
    // Prepare
    const { store, plan, advance } = await setup();
    await store.claimIdempotency(plan, "k", "h");
    advance(LEASE_MS + 1);
    // Act
    const other = store.claimIdempotency(plan, "k", "other");
    // Assess
    await expect(other).rejects.toThrow(/different request/);
  });
});
