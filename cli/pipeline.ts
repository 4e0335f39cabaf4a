/**
 * File → report: read the .xlsx with the workbook reader (xlsx/), analyse the snapshot with the core, build the
 * schema-1 report. Shared by `validate` and `report` (and the benchmark, which times each step).
 */
import { analyzeWorkbook } from "#core/analyze.ts";
import { buildReport } from "#core/report/index.ts";
import type { ReportJson } from "#core/report/index.ts";
import type { Locale, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { readWorkbookFile } from "#xlsx/read-workbook.ts";

/** Options of {@link reportOfSnapshot} and {@link reportOfFile}. */
export interface ReportOptions {
  /** Number parsing and message language (SPEC §10: one flag sets both). */
  locale: Locale;
  strict?: boolean;
  /** ISO date for "dormant" flags. */
  today: string;
}

/** Core only: snapshot → issues, PRL, budgets, roll-ups (the SPEC §11 "core alone" step). */
export function reportOfSnapshot(snapshot: WorkbookSnapshot, file: string, opts: ReportOptions): ReportJson {
  // The analysis carries the budget summaries (stated overhead rates applied): the report reuses them.
  const { plan, issues, budgets } = analyzeWorkbook(snapshot, {
    locale: opts.locale,
    messagesLocale: opts.locale,
    today: opts.today,
  });
  return buildReport(
    { file, plan, issues, budgets },
    { strict: opts.strict === true, today: opts.today, locale: opts.locale },
  );
}

/**
 * Reads and analyses one workbook file.
 * @throws UnreadableWorkbookError when the file is missing, not an .xlsx or damaged.
 */
export async function reportOfFile(path: string, file: string, opts: ReportOptions): Promise<ReportJson> {
  const snapshot = await readWorkbookFile(path);
  return reportOfSnapshot({ ...snapshot, locale: opts.locale }, file, opts);
}
