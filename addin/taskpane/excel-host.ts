/**
 * The task pane's `WorkbookHost` over the runtime's `ExcelAdapter` (which takes `Excel.run` in
 * Excel, or the fake host's `run` in the preview page). Only shape conversions live here.
 */
import type { ExcelAdapter } from "#addin/excel/adapter.ts";
import type { CellWrite, WorkbookHost } from "./services.ts";

/** The adapter's write shape: one list over all sheets, written in one round trip. */
function sheetUpdates(writes: readonly CellWrite[]) {
  return writes.map((w) =>
    w.numberFormat === undefined
      ? { sheet: w.sheet, a1: w.cell, value: w.value }
      : { sheet: w.sheet, a1: w.cell, value: w.value, numberFormat: w.numberFormat },
  );
}

export function hostFromAdapter(adapter: ExcelAdapter): WorkbookHost {
  return {
    features: adapter.features,
    readSnapshot: () => adapter.readSnapshot(),
    selectCell: (sheet, cell) => adapter.selectCell(sheet, cell),
    activeCell: () => adapter.activeCell(),
    highlightIssues: async (issues) => {
      await adapter.highlightIssues(issues);
    },
    clearHighlights: () => adapter.clearHighlights(),
    async writeCells(writes) {
      await adapter.writeCellsAndSyncState(sheetUpdates(writes));
    },
    async addSheetWithTable(spec) {
      await adapter.addSheetWithTable(spec.sheet, spec.rows, spec.chart, spec.note, spec.below);
    },
    async defineLambdaNames() {
      const result = await adapter.defineLambdaNames();
      return { names: [...result.defined, ...result.unchanged], conflicts: result.conflicts };
    },
    readSyncState: () => adapter.readSyncState(),
    writeSyncState: (state) => adapter.writeSyncState(state),
    async writeCellsAndSyncState(writes, state) {
      await adapter.writeCellsAndSyncState(sheetUpdates(writes), state);
    },
    onChanged(listener, onRemote) {
      // Registration is asynchronous in Office.js; an unsubscribe before it settles still disposes.
      const watch = adapter.onChanged(listener, 0, onRemote);
      let disposed = false;
      watch.catch(() => undefined);
      return () => {
        if (disposed) return;
        disposed = true;
        void watch.then((w) => w.dispose()).catch(() => undefined);
      };
    },
  };
}
