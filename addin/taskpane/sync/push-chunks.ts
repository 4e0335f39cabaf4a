/**
 * The task pane's push budget: the core's (`PUSH_BUDGET`: ≤ 4 MB of JSON per request, the API's
 * 5 MB body limit minus room) with at most `PUSH_CHUNK` rows per request, small enough that the
 * progress bar moves. The cutting itself is the core's (`pushChunks`).
 */
import { PUSH_BUDGET, type ChunkBudget } from "#core/sync/push-chunks.ts";

/** Rows per push request: shows progress on a large workbook. */
export const PUSH_CHUNK = 2000;

/** JSON bytes per request, the envelope included (the core's budget). */
export const PUSH_CHUNK_BYTES = PUSH_BUDGET.maxBytes;

/** The budget the task pane gives the engine. */
export const ADDIN_PUSH_BUDGET: ChunkBudget = { ...PUSH_BUDGET, maxRows: PUSH_CHUNK };
