/**
 * Splits a push into requests the API accepts: at most `PUSH_CHUNK` rows and at most
 * `PUSH_CHUNK_BYTES` of JSON each (2 000 rows of long texts can pass the API's 5 MB body limit).
 */
import type { PushRow } from "#core/sync/protocol.ts";
import { MAX_BODY_BYTES } from "#core/sync/limits.ts";
import { pushChunks as splitPush } from "#core/sync/push-chunks.ts";

/** Rows per push request: keeps each body well under the API's size limit and shows progress. */
export const PUSH_CHUNK = 2000;

/** JSON bytes of rows per request: under `MAX_BODY_BYTES` with room for the envelope. */
export const PUSH_CHUNK_BYTES = Math.min(4 * 1024 * 1024, MAX_BODY_BYTES - 64 * 1024);

/** The rows in order, cut wherever the next row would pass the row or byte budget. */
export function pushChunks(
  rows: readonly PushRow[],
  maxRows = PUSH_CHUNK,
  maxBytes = PUSH_CHUNK_BYTES,
): PushRow[][] {
  return splitPush(rows, { maxRows, maxBytes });
}
