/**
 * The public API of the pure core: one import for every entry point (add-in, custom functions,
 * CLI, Lambdas). Sub-modules stay importable directly for tree-shaking-sensitive bundles.
 * `core/sync` is not re-exported here: its zod schemas would weigh on the custom-functions bundle;
 * import it from "#core/sync/index.ts".
 */
export type * from "./model.ts";
export type { CellValue, SheetSnapshot, WorkbookSnapshot, Locale, SnapshotOrigin } from "./snapshot/types.ts";
export * from "./values/index.ts";
export * from "./sheets/index.ts";
export * from "./validate/index.ts";
export * from "./i18n/index.ts";
export { analyzeWorkbook } from "./analyze.ts";
export type { AnalyzeOptions, Analysis, RecognizedSheetInfo } from "./analyze.ts";
export * from "./prl/index.ts";
export * from "./budget/index.ts";
export * from "./report/index.ts";
