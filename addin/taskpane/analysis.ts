/**
 * The one place the task pane calls the core's workbook analysis, so every panel (validate,
 * overview, sync) works on the same result of the same snapshot.
 */
import { analyzeWorkbook } from "#core/analyze.ts";
import type { RecognizedSheetInfo } from "#core/analyze.ts";
import type { IsoDate, Plan } from "#core/model.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import type { Issue } from "#core/validate/issue.ts";

export interface Analysis {
  snapshot: WorkbookSnapshot;
  plan: Plan;
  issues: Issue[];
  /** Names of the sheets the core recognised. */
  sheets: string[];
  /** The recognised sheets with their columns (to write values back where the reader looks). */
  recognized: RecognizedSheetInfo[];
  /** Milliseconds the read + analysis took. */
  elapsedMs: number;
  /** Increases with every run, so views can tell a fresh result from the previous one. */
  run: number;
}

let runs = 0;

/** Analyses a snapshot with the core (pure, synchronous). */
export function analyzeSnapshot(
  snapshot: WorkbookSnapshot,
  startedAt: number,
  now: () => number,
  today?: IsoDate,
): Analysis {
  const result = analyzeWorkbook(snapshot, today === undefined ? {} : { today });
  runs += 1;
  return {
    snapshot,
    plan: result.plan,
    issues: result.issues,
    sheets: result.sheets.map((s) => s.name),
    recognized: result.sheets,
    elapsedMs: Math.round(now() - startedAt),
    run: runs,
  };
}
