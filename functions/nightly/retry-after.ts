/** How long to wait before retrying a throttled or unavailable request. */
export { retryAfterMs } from "#core/sync/retry-after.ts";

/** Exponential backoff with full jitter: attempt 0 → up to 1 s, 1 → 2 s, … capped at `capMs`. */
export function backoffMs(attempt: number, capMs: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(capMs, 1000 * 2 ** attempt));
}
