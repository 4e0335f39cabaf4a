/**
 * Errors the fake host raises, shaped like Office.js's `OfficeExtension.Error` (name, code,
 * message, debugInfo) so the adapter's error handling is exercised as in Excel.
 */
export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidReference"
  | "InvalidOperation"
  | "AccessDenied"
  | "ApiNotFound"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "GeneralException";

/** What Office.js throws from `context.sync()` or from reading a property too early. */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: FakeErrorCode;
  readonly debugInfo: { code: FakeErrorCode; message: string; errorLocation?: string };

  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

/** The exact wording Office.js uses when a property is read before load + sync. */
export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/**
 * What Excel raises at `context.sync()` when the batch calls a member of a requirement set the
 * running Excel lacks (Office.js on the CDN knows the member; the application does not).
 */
export function apiNotFound(member: string, set: string, version: string): FakeOfficeError {
  return new FakeOfficeError(
    "ApiNotFound",
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${member}: ${set} ${version})`,
    member,
  );
}

/** Writing into a protected sheet (every cell locked unless unlocked before protecting). */
export function sheetProtected(sheet: string, location: string): FakeOfficeError {
  return new FakeOfficeError(
    "AccessDenied",
    `The cell or chart you're trying to change is on a protected sheet (${sheet}). To make a change, unprotect the sheet.`,
    location,
  );
}
