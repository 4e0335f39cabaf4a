/**
 * The `CustomFunctions` runtime API the Excel custom-functions runtime provides as a global,
 * typed here (the parts we use) so no extra type package is needed. Import it as
 * `* as CustomFunctions`: the metadata generator recognises `CustomFunctions.StreamingInvocation`
 * by that name.
 */

/** Excel error values a custom function may return. */
export type ErrorCode =
  "#N/A" | "#VALUE!" | "#DIV/0!" | "#NUM!" | "#NULL!" | "#REF!" | "#NAME?" | "#BUSY!" | "#GETTING_DATA";

/** `new CustomFunctions.Error(code, message)`. */
export interface CellError {
  readonly code: ErrorCode;
  readonly message?: string;
}

export interface Invocation {
  readonly address?: string;
  readonly functionName?: string;
}

/** What Excel passes as the last argument of a streaming function. */
export interface StreamingInvocation<T> extends Invocation {
  setResult(value: T | CellError): void;
  onCanceled: () => void;
}

export interface Runtime {
  Error: new (code: ErrorCode, message?: string) => CellError;
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

/** The global runtime; throws when called outside Excel without a stand-in installed. */
export function runtime(): Runtime {
  const api = (globalThis as { CustomFunctions?: Runtime }).CustomFunctions;
  if (!api) throw new Error("The CustomFunctions runtime is not loaded.");
  return api;
}
