/**
 * Typed failures of the API client. The UI maps each kind to a clear message (offline, signed out,
 * refused…) and never shows a stack trace.
 */
import type { ErrorBody } from "#core/sync/protocol.ts";

export type ApiErrorKind =
  | "offline" // the request never reached the server
  | "signed-out" // no token, or 401
  | "forbidden" // 403
  | "not-found" // 404
  | "too-large" // 413
  | "refused" // other 4xx: the server said why
  | "server" // 5xx
  | "bad-response"; // a body that does not match the protocol

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly kind: ApiErrorKind;
  /** HTTP status, 0 when there was no response. */
  readonly statusCode: number;
  /** The server's error body, when it sent one. */
  readonly body: ErrorBody["error"] | undefined;
  /** How long the server asked to wait before retrying (its Retry-After header), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: ApiErrorKind,
    statusCode: number,
    message: string,
    options?: { cause?: unknown; body?: ErrorBody["error"]; retryAfterMs?: number | undefined },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.statusCode = statusCode;
    this.body = options?.body;
    this.retryAfterMs = options?.retryAfterMs;
  }

  toJSON(): { name: string; kind: ApiErrorKind; statusCode: number; message: string } {
    return { name: this.name, kind: this.kind, statusCode: this.statusCode, message: this.message };
  }
}

/** The error kind for an HTTP status that is not 2xx. */
export function kindForStatus(status: number): ApiErrorKind {
  if (status === 401) return "signed-out";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 413) return "too-large";
  if (status >= 500) return "server";
  return "refused";
}
