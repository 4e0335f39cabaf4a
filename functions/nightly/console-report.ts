/**
 * What the nightly job prints on a console — `npm run nightly` and `npm start`'s 03:30 schedule
 * alike: one line per file in the person's language (status word and counts), its first problems
 * and how many more, then the night's summary with the skipped files counted by reason. Whether a
 * person is needed follows the one rule of the run report (`needsPerson`), plus files tied to no plan.
 */
import type { Locale } from "#core/snapshot/types.ts";
import { needsPerson } from "#core/sync/run-status.ts";
import type { LocalRunResult } from "./local-run.ts";
import { nightlyMessage } from "./messages.ts";

/** Problem lines printed per file; the rest are counted ("… and N more"), all are in the run report. */
export const SHOWN_ERRORS = 10;

export interface ConsoleReport {
  readonly lines: string[];
  /** A conflict, an invalid or held-back row, a file not read or pushed, a file tied to no plan. */
  readonly needsPerson: boolean;
}

/** The console's lines for one run over `dir`, in `lang`. */
export function consoleReport(result: LocalRunResult, lang: Locale, dir: string): ConsoleReport {
  const lines = result.unassigned.map((file) => nightlyMessage("console.no-plan", lang, { file }));
  const files = result.reports.flatMap((report) => report.files.map((f) => ({ plan: report.plan, f })));
  for (const { plan, f } of files) {
    const { file, status, applied, unchanged, conflicts, invalid } = f;
    lines.push(nightlyMessage("console.file", lang, { plan, file, status, applied, unchanged, conflicts, invalid }));
    for (const e of f.errors.slice(0, SHOWN_ERRORS)) lines.push(`    ${e.sheet ? `${e.sheet}!${e.cell ?? ""} ` : ""}${e.message}`);
    const more = f.errors.length - SHOWN_ERRORS;
    if (more > 0) lines.push(`    ${nightlyMessage("more", lang, { count: more })}`);
  }
  if (result.reports.length === 0 && result.unassigned.length === 0) lines.push(nightlyMessage("console.no-files", lang, { dir }));
  const skipped = files.filter(({ f }) => f.status === "skipped-unchanged").length;
  const attention = files.filter(({ f }) => needsPerson(f)).length + result.unassigned.length;
  const counts = { files: files.length + result.unassigned.length, unchanged: skipped, unassigned: result.unassigned.length, attention };
  lines.push(nightlyMessage("console.summary", lang, counts));
  return { lines, needsPerson: attention > 0 };
}
