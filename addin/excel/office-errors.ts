/**
 * Telling Office.js errors apart. Each fallback of the adapter exists for one or two documented
 * error codes (a sheet gone since the read: `ItemNotFound`; a sheet there since the read:
 * `ItemAlreadyExists`; a batch over Excel on the web's 5 MB cap: `…PayloadSizeLimitExceeded`).
 * Anything else is not what the fallback is for: it is logged and thrown on, never swallowed.
 */

/** Error codes the adapter's fallbacks handle (`Excel.ErrorCodes` / `OfficeExtension.ErrorCodes`). */
export type OfficeErrorCode =
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidOperation"
  | "AccessDenied"
  | "ApiNotFound"
  | "RangeExceedsLimit"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded";

/** The `code` of an `OfficeExtension.Error` (or of the fake host's look-alike), else undefined. */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True when `error` carries one of `codes`. */
export function isOfficeError(error: unknown, ...codes: readonly OfficeErrorCode[]): boolean {
  const code = officeErrorCode(error);
  return code !== undefined && (codes as readonly string[]).includes(code);
}

/** Where the adapter reports an error a fallback did not expect (before throwing it on). */
export type AdapterLog = (operation: string, error: unknown) => void;

/** Default log: the console, with Office.js's debug info (where the batch failed) when present. */
export const consoleLog: AdapterLog = (operation, error) => {
  const info = (error as { debugInfo?: unknown } | null)?.debugInfo;
  console.warn(`[actionplan/excel] ${operation} failed`, officeErrorCode(error) ?? "", info ?? error);
};

/**
 * Runs `attempt`; on one of `codes` runs `fallback` instead. Any other failure is logged and
 * rethrown: a fallback never hides an error it was not written for.
 */
export async function withFallback<T>(
  operation: string,
  log: AdapterLog,
  codes: readonly OfficeErrorCode[],
  attempt: () => Promise<T>,
  fallback: () => Promise<T>,
): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (!isOfficeError(error, ...codes)) {
      log(operation, error);
      throw error;
    }
    return fallback();
  }
}
