/**
 * Typed HTTP errors and the one place every error becomes a response: HttpErrors keep their
 * status and code; the services' errors (service-errors.ts) map by kind to 400/401/403/404/503;
 * store errors map to 404/409/503; anything else is a 500 with a generic body
 * and a correlation id (the details go to the log, never to the user).
 */
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import type { ErrorBody } from "#core/sync/protocol.ts";
import {
  IdempotencyInProgressError,
  IdempotencyKeyReusedError,
  PlanNotFoundError,
  StoreError,
  StoreItemTooLargeError,
} from "../store/errors.ts";
import { MESSAGES, type MessageCode } from "../messages.ts";
import { ServiceError } from "../service-errors.ts";

/** Base of the API's errors: status, stable code, it/en message, optional details. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly statusCode: number,
    readonly code: MessageCode,
    readonly details?: unknown,
    options: { cause?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(MESSAGES[code].en, { cause: options.cause });
    this.headers = options.headers ?? {};
  }
  readonly headers: Record<string, string>;

  /** The response body (without the correlation id). */
  toJSON(): ErrorBody {
    const m = MESSAGES[this.code];
    return {
      error: {
        code: this.code,
        message: m.en,
        messages: { it: m.it, en: m.en },
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export class BadRequestError extends HttpError {
  override name = "BadRequestError";
  constructor(code: MessageCode, details?: unknown) {
    super(400, code, details);
  }
}
export class UnauthorizedError extends HttpError {
  override name = "UnauthorizedError";
  constructor(code: MessageCode, cause?: unknown) {
    super(401, code, undefined, { cause, headers: { "www-authenticate": `Bearer error="invalid_token"` } });
  }
}
export class ForbiddenError extends HttpError {
  override name = "ForbiddenError";
  constructor(code: MessageCode = "auth.forbidden") {
    super(403, code);
  }
}
export class NotFoundError extends HttpError {
  override name = "NotFoundError";
  constructor(code: MessageCode = "not-found") {
    super(404, code);
  }
}
export class ConflictError extends HttpError {
  override name = "ConflictError";
  constructor(code: MessageCode) {
    super(409, code);
  }
}
export class PayloadTooLargeError extends HttpError {
  override name = "PayloadTooLargeError";
  constructor() {
    super(413, "body.too-large");
  }
}

/** Logs what the mapping needs to log (a 500's cause, a 503's reason). */
export interface ErrorLog {
  error(message: string, extra: Record<string, unknown>): void;
  warn(message: string, extra: Record<string, unknown>): void;
}

/** Any thrown value → a typed HttpError (unknown ones become a generic 500). */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof ServiceError) return fromService(error);
  if (error instanceof PlanNotFoundError) return new NotFoundError();
  if (error instanceof IdempotencyInProgressError)
    return new HttpError(409, "idempotency.in-progress", undefined, { headers: { "retry-after": "2" } });
  if (error instanceof IdempotencyKeyReusedError) return new ConflictError("idempotency.key-reused");
  if (error instanceof StoreItemTooLargeError)
    return new HttpError(413, "row.too-large", undefined, { cause: error });
  if (error instanceof StoreError && error.retryable)
    return new HttpError(503, "store.unavailable", undefined, {
      cause: error,
      headers: { "retry-after": "1" },
    });
  return new HttpError(500, "internal", undefined, { cause: error });
}

/** A service's refusal as the API answers it. */
function fromService(error: ServiceError): HttpError {
  switch (error.kind) {
    case "invalid":
      return new BadRequestError(error.code, error.details);
    case "unauthenticated":
      return new UnauthorizedError(error.code, error.cause);
    case "forbidden":
      return new ForbiddenError(error.code);
    case "not-found":
      return new NotFoundError(error.code);
    case "unavailable":
      return new HttpError(503, error.code, undefined, { cause: error.cause, headers: { "retry-after": "5" } });
  }
}

/** The one mapping from an error to an HTTP response. */
export function errorResponse(
  error: unknown,
  correlationId: string,
  log: ErrorLog,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  const http = toHttpError(error);
  if (http.statusCode >= 500) {
    const cause = error instanceof HttpError ? error.cause : error;
    log.error("request failed", { code: http.code, correlationId, error: describe(cause) });
  } else {
    log.warn("request refused", { code: http.code, status: http.statusCode, correlationId });
  }
  const body = http.toJSON();
  body.error.correlationId = correlationId;
  return {
    statusCode: http.statusCode,
    headers: { "content-type": "application/json; charset=utf-8", ...headers, ...http.headers },
    body: JSON.stringify(body),
  };
}

function describe(error: unknown): Record<string, unknown> {
  if (error instanceof Error)
    return {
      name: error.name,
      message: error.message,
      stack: error.stack,
      cause: error.cause instanceof Error ? error.cause.message : undefined,
    };
  return { value: String(error) };
}
