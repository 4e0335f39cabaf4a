/**
 * File → report: read the .xlsx with the workbook reader (xlsx/), analyse the snapshot with the core, build the
 * schema-1 report. Shared by `validate` and `report` (and the benchmark, which times each step).
 */
import { analyzeWorkbook } from "#core/analyze.ts";
import { buildReport } from "#core/report/index.ts";
import type { ReportJson } from "#core/report/index.ts";
import { readingLocale } from "#core/sheets/heading-language.ts";
import type { Locale, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { readWorkbookFile } from "#xlsx/read-workbook.ts";

/** Options of {@link reportOfSnapshot} and {@link reportOfFile}. */
export interface ReportOptions {
  /**
   * `--locale`: how cells are read when the workbook's sync sheet does not say; undefined lets
   * the headings' language decide (SPEC §10).
   */
  locale?: Locale | undefined;
  /** `--lang`: the language of messages and labels (default Italian). */
  lang?: Locale;
  strict?: boolean;
  /** ISO date for "dormant" flags. */
  today: string;
}

/** Core only: snapshot → issues, PRL, budgets, roll-ups (the SPEC §11 "core alone" step). */
export function reportOfSnapshot(snapshot: WorkbookSnapshot, file: string, opts: ReportOptions): ReportJson {
  // The analysis carries the budget summaries (stated overhead rates applied): the report reuses them.
  const lang = opts.lang ?? "it";
  const { plan, issues, budgets } = analyzeWorkbook(snapshot, {
    locale: readingLocale(snapshot, opts.locale),
    messagesLocale: lang,
    today: opts.today,
  });
  return buildReport({ file, plan, issues, budgets }, { strict: opts.strict === true, today: opts.today, locale: lang });
}

/**
 * Reads and analyses one workbook file.
 * @throws UnreadableWorkbookError when the file is missing, not an .xlsx or damaged.
 */
export async function reportOfFile(path: string, file: string, opts: ReportOptions): Promise<ReportJson> {
  const snapshot = await readWorkbookFile(path);
  return reportOfSnapshot(snapshot, file, opts);
}
