/**
 * The heartbeat of a running push: its idempotency claim is a short lease (so a retry takes over
 * within seconds when the writer died), renewed here every third of the lease while the push is
 * alive. A Lambda frozen or killed mid-push stops renewing, and its lease simply runs out.
 */
import type { SyncStore } from "../store/store.ts";

/** Starts renewing; call the returned function when the push ends (however it ends). */
export function keepClaim(
  store: SyncStore,
  plan: string,
  key: string,
  claim: { claimId: string; leaseMs: number },
): () => void {
  const timer = setInterval(
    () => {
      // A renewal that fails (the store briefly unavailable) is retried at the next tick, two of
      // which still fall inside the lease; one that finds the claim taken over needs nothing: the
      // writes carry the key, so the new owner counts ours as applied, and our completion is
      // conditional on the claim.
      void store.renewIdempotency(plan, key, claim.claimId).catch(() => false);
    },
    Math.max(50, Math.floor(claim.leaseMs / 3)),
  );
  // A push's process must not stay alive for its heartbeat.
  timer.unref();
  return () => clearInterval(timer);
}
