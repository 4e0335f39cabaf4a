/**
 * The task pane's push budget: at most `PUSH_CHUNK` rows and `PUSH_CHUNK_BYTES` of JSON per
 * request (2 000 rows of long texts can pass the API's 5 MB body limit); small enough that the
 * progress bar moves. The cutting itself is the core's (`pushChunks`).
 */
import { MAX_BODY_BYTES } from "#core/sync/limits.ts";
import type { ChunkBudget } from "#core/sync/push-chunks.ts";

/** Rows per push request: keeps each body well under the API's size limit and shows progress. */
export const PUSH_CHUNK = 2000;

/** JSON bytes of rows per request: under `MAX_BODY_BYTES` with room for the envelope. */
export const PUSH_CHUNK_BYTES = Math.min(4 * 1024 * 1024, MAX_BODY_BYTES - 64 * 1024);

/** The budget the task pane gives the engine. */
export const ADDIN_PUSH_BUDGET: ChunkBudget = { maxRows: PUSH_CHUNK, maxBytes: PUSH_CHUNK_BYTES, envelopeBytes: 1024 };
