/**
 * The one place a problem becomes a `CustomFunctions.Error` (STYLE 3).
 */
import type { Locale } from "#core/snapshot/types.ts";
import { runtime } from "./custom-functions-api.ts";
import { functionMessage } from "./messages.ts";
import type { Problem, ProblemKind } from "./result.ts";

/** Only #N/A and #VALUE! carry a message in Excel, so these are the only codes we return. */
const CODES: Record<ProblemKind, CustomFunctions.ErrorCode> = {
  "not-available": "#N/A" as CustomFunctions.ErrorCode.notAvailable,
  value: "#VALUE!" as CustomFunctions.ErrorCode.invalidValue,
};

/** The cell error for a problem, with its message in `locale`. */
export function toCellError(p: Problem, locale: Locale): CustomFunctions.Error {
  return new (runtime().Error)(CODES[p.kind], functionMessage(p.message, locale, p.arg));
}

/** The sheets could not be read: #N/A with the reason in words, never a stack trace. */
export function unavailableError(error: unknown, locale: Locale): CustomFunctions.Error {
  const reason = error instanceof Error ? error.message : String(error);
  return toCellError({ kind: "not-available", message: "plan-unavailable", arg: reason }, locale);
}
