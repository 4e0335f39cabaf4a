/**
 * `actionplan report --plan <id> [--as-of <date>] [--json]`: the report of the plan in the cloud
 * (GET /rollups), or of the plan as it stood at a moment (`?asOf=`), printed as the file report is.
 */
import { parseMoment } from "#core/report/moment.ts";
import type { ReportJson } from "#core/report/index.ts";
import { apiPaths } from "#core/sync/protocol.ts";
import { API_OPTIONS, apiCall, apiTarget } from "../api-call.ts";
import { CliUsageError, EXIT, langOf, parseCommandArgs, printJson } from "../command.ts";
import type { CliIO } from "../command.ts";
import { renderReport } from "../render-report.ts";
import { t } from "../strings.ts";

/** A date option, checked here so a bad one is a usage error (exit 2) before any request. */
export function momentOption(value: string | undefined, option: string, edge: "start" | "end"): string | undefined {
  if (value === undefined) return undefined;
  if (parseMoment(value, edge) === undefined) throw new CliUsageError("err.bad-moment", { value, option });
  return value;
}

export async function runPlanReport(args: string[], io: CliIO): Promise<number> {
  const locale = langOf(io);
  const { values, positionals } = parseCommandArgs(
    args,
    {
      ...API_OPTIONS,
      "as-of": { type: "string" },
      json: { type: "boolean" },
    },
    "report",
  );
  if (positionals.length > 0) throw new CliUsageError("err.extra-args", { value: positionals.join(" ") });
  const asOf = momentOption(values["as-of"], "--as-of", "end");
  const { apiUrl, token } = apiTarget("report", values);
  const body = await apiCall(io, locale, `${apiUrl}${apiPaths.rollups(values.plan ?? "", asOf)}`, token, {
    method: "GET",
  });
  if (body === undefined) return EXIT.unusable;
  const report = body as ReportJson;
  if (values.json === true) printJson(io, report);
  else {
    const heading = report.asOf
      ? t("plan.as-of", locale, { plan: values.plan ?? "", value: report.asOf })
      : t("plan.now", locale, { plan: values.plan ?? "" });
    io.stdout(`${heading}\n\n${renderReport(report, locale)}`);
  }
  return report.counts.errors > 0 ? EXIT.errorsFound : EXIT.ok;
}
