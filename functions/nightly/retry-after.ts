/** How long to wait before retrying a throttled or unavailable request. */

/**
 * Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP date), or undefined
 * when the header is absent or unreadable.
 *
 * @example retryAfterMs("2", 0) // 2000
 */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff with full jitter: attempt 0 → up to 1 s, 1 → 2 s, … capped at `capMs`. */
export function backoffMs(attempt: number, capMs: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(capMs, 1000 * 2 ** attempt));
}
