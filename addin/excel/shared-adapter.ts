/**
 * One Excel adapter per shared runtime. The task pane and the custom functions are separate
 * bundles in the same page; sharing the adapter (kept on `globalThis`, like the plan store) means
 * one record of the add-in's own writes, so the functions' change watch ignores the pane's
 * highlighting, sync-sheet and pull writes instead of re-reading the workbook after each.
 */
import type { ExcelAdapter } from "./adapter.ts";

const KEY = Symbol.for("actionplan.excelAdapter");

/** The runtime's adapter, created by `create` on first use. */
export function sharedExcelAdapter(create: () => ExcelAdapter): ExcelAdapter {
  const holder = globalThis as { [KEY]?: ExcelAdapter };
  holder[KEY] ??= create();
  return holder[KEY];
}

/** Forgets the runtime's adapter: for tests that play several Excel sessions in one process. */
export function resetSharedExcelAdapter(): void {
  delete (globalThis as { [KEY]?: ExcelAdapter })[KEY];
}
