/**
 * The errors the services raise (auth, sync, history, cursors): what went wrong in the domain's
 * words, with the API message code that says it to the person. The HTTP layer maps them to a
 * status in one place (http/errors.ts `toHttpError`); services never import the HTTP layer, so
 * the nightly job and the CLI's local stack run them without it.
 */
import type { MessageCode } from "./messages.ts";

/** What kind of refusal: the HTTP layer's status follows from it (400, 401, 403, 404, 503). */
export type ServiceErrorKind = "invalid" | "unauthenticated" | "forbidden" | "not-found" | "unavailable";

/** Base of the services' errors: a kind, a stable message code, optional details for the person. */
export class ServiceError extends Error {
  override name = "ServiceError";
  constructor(
    readonly kind: ServiceErrorKind,
    readonly code: MessageCode,
    options: { details?: unknown; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.details = options.details;
  }
  readonly details: unknown;
}

/** Input the service cannot act on (a bad cursor, values nested absurdly deep). */
export class InvalidInputError extends ServiceError {
  override name = "InvalidInputError";
  constructor(code: MessageCode, details?: unknown) {
    super("invalid", code, { details });
  }
}

/** No valid sign-in (no token, an expired or forged one). */
export class NotSignedInError extends ServiceError {
  override name = "NotSignedInError";
  constructor(code: MessageCode, cause?: unknown) {
    super("unauthenticated", code, { cause });
  }
}

/** Signed in, but the role or the source does not allow it. */
export class NotAllowedError extends ServiceError {
  override name = "NotAllowedError";
  constructor(code: MessageCode = "auth.forbidden") {
    super("forbidden", code);
  }
}

/** The plan, row or version does not exist (or is not the caller's to see). */
export class NotFoundInPlanError extends ServiceError {
  override name = "NotFoundInPlanError";
  constructor(code: MessageCode = "not-found") {
    super("not-found", code);
  }
}

/** A service the request depends on cannot answer now (the identity provider's keys). */
export class DependencyUnavailableError extends ServiceError {
  override name = "DependencyUnavailableError";
  constructor(code: MessageCode, cause?: unknown) {
    super("unavailable", code, { cause });
  }
}
