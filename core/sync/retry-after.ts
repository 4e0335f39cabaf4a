/** How long to wait before retrying a throttled or unavailable request (every client's transport). */

/**
 * Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP date), or undefined
 * when the header is absent or unreadable.
 *
 * @example retryAfterMs("2", 0) // 2000
 */
export function retryAfterMs(header: string | null | undefined, now: number): number | undefined {
  if (header === undefined || header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only an HTTP date (RFC 9110 IMF-fixdate, e.g. "Sun, 29 Mar 2026 01:30:05 GMT"); Date.parse
  // alone would read "-3" as a year.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Exponential backoff with full jitter: attempt 0 → up to `baseMs`, 1 → 2 × `baseMs`, … capped at
 * `capMs` (every client's retries and the nightly job's Graph calls).
 */
export function backoffMs(attempt: number, capMs: number, random: () => number = Math.random, baseMs = 1000): number {
  return Math.round(random() * Math.min(capMs, baseMs * 2 ** attempt));
}
