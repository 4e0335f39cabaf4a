/**
 * The shared runtime's wiring for the custom functions: the one plan store (read from the
 * sheets with Office.js, refreshed on edits) and the user's display language.
 */
import type { ExcelRun } from "#addin/excel/api.ts";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { WEB_MAX_CELLS_PER_SYNC } from "#addin/excel/read-snapshot.ts";
import { sharedExcelAdapter } from "#addin/excel/shared-adapter.ts";
import { markAuthor } from "#addin/shared/mark-author.ts";
import { PlanStore, sharedPlanStore } from "#addin/shared/plan-store.ts";
import type { Locale } from "#core/snapshot/types.ts";

interface OfficeGlobals {
  Excel?: { run: ExcelRun };
  Office?: { context?: { displayLanguage?: string; platform?: string; diagnostics?: { platform?: string } } };
}

const globals = globalThis as unknown as OfficeGlobals;

/** Excel on the web limits a batch's payload (see read-snapshot.ts). */
function onTheWeb(): boolean {
  const ctx = globals.Office?.context;
  return (ctx?.diagnostics?.platform ?? ctx?.platform) === "OfficeOnline";
}

/** A store reading this workbook through Excel.run (created on first use, shared with the task pane). */
export function planStore(): PlanStore {
  return sharedPlanStore(() => {
    const excel = globals.Excel;
    if (!excel) throw new Error("Excel is not available in this runtime.");
    const run: ExcelRun = (batch) => excel.run(batch);
    const read = onTheWeb() ? { maxCellsPerSync: WEB_MAX_CELLS_PER_SYNC } : {};
    // The adapter the task pane uses too: its own writes are not edits to re-read the plan for.
    const storage = (globalThis as { localStorage?: Storage }).localStorage;
    const adapter = sharedExcelAdapter(() => new ExcelAdapter({ run, read, author: markAuthor(storage) }));
    const store = new PlanStore({
      readSnapshot: () => adapter.readSnapshot(),
      onChanged: (callback, debounceMs = 300) => adapter.onChanged(callback, debounceMs),
    });
    // Failures stay in store.error; functions waiting on ready() receive them as #N/A.
    store.start().catch(() => undefined);
    return store;
  });
}

/** Messages follow Office's display language; the workbook's number locale otherwise. */
export function displayLocale(fallback: Locale): Locale {
  const lang = globals.Office?.context?.displayLanguage;
  if (lang === undefined) return fallback;
  return lang.toLowerCase().startsWith("it") ? "it" : "en";
}
