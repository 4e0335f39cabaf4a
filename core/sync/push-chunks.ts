/**
 * Splitting a push into requests the API accepts (SPEC §11: a body over 5 MB gets 413): every
 * client cuts its rows, in order, wherever the next row would pass its row or byte budget. Each
 * client chooses its budgets; a single row larger than the byte budget still goes alone (the API
 * judges it, row by row).
 */
import type { PushRow } from "./protocol.ts";

export interface ChunkBudget {
  maxRows: number;
  /** JSON bytes per request, the envelope included. */
  maxBytes: number;
  /** Bytes counted for the request's envelope (idempotency key, source, brackets). */
  envelopeBytes?: number;
}

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
