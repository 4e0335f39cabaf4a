/**
 * The store's own errors: the DynamoDB implementation translates SDK exceptions into these, so
 * nothing above the store knows the SDK (as Powertools' persistence layer does for idempotency).
 */

/** Base of every store error. */
export class StoreError extends Error {
  override name = "StoreError";
  /** true when the same call may succeed later (throttling, a 5xx, a dropped connection). */
  readonly retryable: boolean;
  constructor(message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}

/** DynamoDB refused for capacity: retry later. */
export class StoreThrottledError extends StoreError {
  override name = "StoreThrottledError";
  constructor(cause?: unknown) {
    super("The store is throttling requests", { cause, retryable: true });
  }
}

/** DynamoDB or the network failed (5xx, reset connection) after the SDK's own retries. */
export class StoreUnavailableError extends StoreError {
  override name = "StoreUnavailableError";
  constructor(cause?: unknown) {
    super("The store is unavailable", { cause, retryable: true });
  }
}

/** An item would exceed DynamoDB's item size limit. */
export class StoreItemTooLargeError extends StoreError {
  override name = "StoreItemTooLargeError";
  constructor(cause?: unknown) {
    super("An item is too large for the store", { cause });
  }
}

/** The plan does not exist. */
export class PlanNotFoundError extends StoreError {
  override name = "PlanNotFoundError";
  constructor(readonly plan: string) {
    super(`Plan not found: ${plan}`);
  }
}

/** The idempotency key is in use by a push still running. */
export class IdempotencyInProgressError extends StoreError {
  override name = "IdempotencyInProgressError";
  constructor() {
    super("A push with this idempotency key is still running", { retryable: true });
  }
}

/** The idempotency key was used before for a different request. */
export class IdempotencyKeyReusedError extends StoreError {
  override name = "IdempotencyKeyReusedError";
  constructor() {
    super("This idempotency key was used for a different request");
  }
}

/** Names of SDK exceptions that mean "too many requests". */
const THROTTLING = new Set([
  "ThrottlingException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "Throttling",
  "TooManyRequestsException",
  // Contention on the same items (a transaction in flight, or its retry with the same token): wait and retry.
  "TransactionConflictException",
  "TransactionInProgressException",
]);

/** Node and SDK error codes of a connection that failed or dropped: the request may be resent. */
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EPROTO",
  "ERR_HTTP2_STREAM_ERROR",
  "UND_ERR_SOCKET",
]);

/** Names the SDK's HTTP handler gives connection and request timeouts. */
const NETWORK_NAMES = new Set([
  "TimeoutError",
  "RequestTimeout",
  "RequestTimeoutException",
  "NetworkingError",
]);

/** True for an error of the connection, not of the request (no HTTP status came back). */
function isNetworkError(e: { name?: string; message?: string; code?: string; cause?: unknown }): boolean {
  if (NETWORK_CODES.has(e.code ?? "") || NETWORK_NAMES.has(e.name ?? "")) return true;
  if (/socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT/i.test(e.message ?? "")) return true;
  const cause = e.cause as { name?: string; message?: string; code?: string } | undefined;
  return cause !== undefined && cause !== null && typeof cause === "object" && isNetworkError(cause);
}

/**
 * Turns anything the SDK throws into a StoreError (store errors pass through unchanged).
 * Network errors (ECONNRESET, socket hang up, timeouts) and 5xx become StoreUnavailableError.
 * An error with no HTTP status that is not a network error was thrown before anything was sent
 * (the marshaller refusing a value, a malformed request): sending it again fails again, so it
 * is not retryable.
 */
export function translateSdkError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const e = error as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    code?: string;
    cause?: unknown;
  };
  const name = e?.name ?? "";
  if (THROTTLING.has(name)) return new StoreThrottledError(error);
  if (name === "ValidationException" && /size/i.test(e.message ?? ""))
    return new StoreItemTooLargeError(error);
  const status = e?.$metadata?.httpStatusCode ?? 0;
  if (
    status >= 500 ||
    (status === 0 && isNetworkError(e)) ||
    name === "InternalServerError" ||
    name === "ServiceUnavailable"
  ) {
    return new StoreUnavailableError(error);
  }
  return new StoreError(`Store request failed: ${name || "unknown error"}`, { cause: error });
}
