import { debounce } from "#addin/shared/debounce.ts";
import type { ExcelRun } from "./api.ts";

/** A registered change watch; `dispose` unregisters the handler. */
export interface ChangeWatch {
  dispose(): Promise<void>;
}

/**
 * Registers a `worksheets.onChanged` handler (one round trip) that calls `callback` once per
 * burst of edits, `debounceMs` after the last one: typing down a column refreshes once.
 */
export async function watchChanges(
  run: ExcelRun,
  callback: () => void,
  debounceMs: number,
): Promise<ChangeWatch> {
  const fire = debounce(callback, debounceMs);
  return run(async (ctx) => {
    const registration = ctx.workbook.worksheets.onChanged.add(async () => {
      fire();
    });
    await ctx.sync();
    return {
      async dispose() {
        fire.cancel();
        registration.remove();
        await ctx.sync();
      },
    };
  });
}
