/**
 * The shared body of `validate` and `report`: parse options, read and analyse the file, print
 * JSON or the human text, exit 0/1 (errors found). Unreadable files become usage errors (exit 2).
 */
import { resolve } from "node:path";
import type { ReportJson } from "#core/report/index.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { CliUsageError, EXIT, langOf, parseCommandArgs, printJson, readingLocaleOption, todayOption } from "../command.ts";
import type { CliIO } from "../command.ts";
import { reportOfFile } from "../pipeline.ts";
import { UnreadableWorkbookError } from "#xlsx/read-workbook.ts";
import { t } from "../strings.ts";
import type { CliString } from "../strings.ts";

/** How one command differs: its usage text, whether it takes --strict, and how it prints. */
export interface AnalyzeCommandSpec {
  name: string;
  usage: CliString;
  strict: boolean;
  render(report: ReportJson, locale: Locale): string;
}

/** Runs an analyse-a-file command; resolves to the exit code. */
export async function runAnalyzeCommand(
  spec: AnalyzeCommandSpec,
  args: string[],
  io: CliIO,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      locale: { type: "string" },
      json: { type: "boolean" },
      strict: { type: "boolean" },
      today: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    spec.name,
  );
  const locale = langOf(io);
  const reading = readingLocaleOption(values.locale);
  if (values.help === true) {
    io.stdout(t(spec.usage, locale));
    return EXIT.ok;
  }
  if (values.strict === true && !spec.strict)
    throw new CliUsageError("err.bad-option", { value: "--strict", command: spec.name });
  const [file, ...extra] = positionals;
  if (file === undefined) throw new CliUsageError("err.no-file");
  if (extra.length > 0) throw new CliUsageError("err.extra-args", { value: extra.join(" ") });
  const today = todayOption(values.today);

  let report: ReportJson;
  try {
    report = await reportOfFile(resolve(io.cwd, file), file, {
      locale: reading,
      lang: locale,
      strict: values.strict === true,
      today,
    });
  } catch (e) {
    if (e instanceof UnreadableWorkbookError)
      throw new CliUsageError(`err.${e.reason}`, { value: file, detail: e.detail ?? "" }, { cause: e });
    throw e;
  }
  // Compact JSON: one document on one line, for programs (and 30 % less to write than indented).
  if (values.json === true) printJson(io, report);
  else io.stdout(spec.render(report, locale));
  return report.counts.errors > 0 ? EXIT.errorsFound : EXIT.ok;
}
