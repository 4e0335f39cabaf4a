/**
 * The `CustomFunctions` global of Excel's custom-functions runtime. Its types come from
 * `@types/custom-functions-runtime` (the global namespace `CustomFunctions`); this module only
 * finds the object at run time, so tests and the preview page can install a stand-in
 * (`addin/memory-host/custom-functions.ts`) and a missing runtime is an error, not a crash.
 */

/** The parts of the runtime the add-in calls. */
export interface Runtime {
  Error: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;
  associate(id: string, functionObject: (...args: never[]) => unknown): void;
}

/**
 * Excel shows a custom message only with these codes (CustomFunctions.ErrorCode: "A custom error
 * message can be used in addition to the error code" for #VALUE! and #N/A only).
 */
export const CODES_WITH_MESSAGE: ReadonlySet<string> = new Set(["#VALUE!", "#N/A"]);

/** The global runtime; throws when called outside Excel without a stand-in installed. */
export function runtime(): Runtime {
  const api = (globalThis as { CustomFunctions?: Runtime }).CustomFunctions;
  if (!api) throw new Error("The CustomFunctions runtime is not loaded.");
  return api;
}
