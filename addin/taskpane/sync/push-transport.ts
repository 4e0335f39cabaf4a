/**
 * The task pane's push transport for the core's sync engine: the API client's `push`, with the
 * failures worth retrying (503, 429, a push with the same idempotency key still running) turned into `RetryablePushError` carrying the server's Retry-After.
 */
import type { PushTransport } from "#core/sync/send-chunks.ts";
import { RetryablePushError } from "#core/sync/send-chunks.ts";
import type { ApiClient } from "#addin/api/client.ts";
import { ApiError } from "#addin/api/errors.ts";

/** Whether an API failure may pass on its own (same request, later). */
export function retryable(error: ApiError): boolean {
  return (
    error.statusCode === 503 ||
    error.statusCode === 429 ||
    (error.statusCode === 409 && error.body?.code === "idempotency.in-progress")
  );
}

/** Pushes of the task pane to `plan` (source addin). */
export function apiTransport(api: ApiClient, plan: string): PushTransport {
  return {
    async send({ idempotencyKey, rows }) {
      try {
        return await api.push(plan, { idempotencyKey, source: "addin", rows });
      } catch (error) {
        if (error instanceof ApiError && retryable(error))
          throw new RetryablePushError(error.message, { retryAfterMs: error.retryAfterMs, cause: error });
        throw error;
      }
    },
  };
}
