/**
 * Splitting a push into requests the API accepts (SPEC §11: a body over 5 MB gets 413): every
 * client cuts its rows, in order, wherever the next row would pass its row or byte budget. Each
 * client chooses its budgets; a single row larger than the byte budget still goes alone (the API
 * judges it, row by row).
 */
import { MAX_BODY_BYTES } from "./limits.ts";
import type { PushRow } from "./protocol.ts";

export interface ChunkBudget {
  maxRows: number;
  /** JSON bytes per request, the envelope included. */
  maxBytes: number;
  /** Bytes counted for the request's envelope (idempotency key, source, brackets). */
  envelopeBytes?: number;
}

/**
 * The push budget every client starts from: ≤ 10 000 rows (bounds each idempotency record and
 * write burst) and ≤ 4 MB of JSON per request, well under the API's `MAX_BODY_BYTES` (413
 * beyond), 1 KB of it kept for the envelope (idempotency key, source, brackets). The task pane
 * sends fewer rows per request so that its progress bar moves.
 */
export const PUSH_BUDGET: ChunkBudget = {
  maxRows: 10_000,
  maxBytes: Math.min(4 * 1024 * 1024, MAX_BODY_BYTES - 64 * 1024),
  envelopeBytes: 1024,
};

const encoder = new TextEncoder();

export function pushChunks(rows: readonly PushRow[], budget: ChunkBudget): PushRow[][] {
  const envelope = budget.envelopeBytes ?? 0;
  const chunks: PushRow[][] = [];
  let current: PushRow[] = [];
  let bytes = envelope;
  for (const row of rows) {
    // +1 for the comma between array items.
    const size = encoder.encode(JSON.stringify(row)).length + 1;
    if (current.length > 0 && (current.length >= budget.maxRows || bytes + size > budget.maxBytes)) {
      chunks.push(current);
      current = [];
      bytes = envelope;
    }
    current.push(row);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
