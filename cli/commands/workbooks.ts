/**
 * `actionplan workbooks list|add|remove --plan <id> [--api <url>] [--token <jwt>]`: which
 * workbooks the nightly job reads for a plan (admin), through the API's
 * /plans/{plan}/workbooks routes. `--api` defaults to $ACTIONPLAN_API, `--token` to
 * $ACTIONPLAN_TOKEN (an Entra ID access token for the API).
 *
 *   add    (--drive <drive-id> --item <item-id> | --path <file.xlsx>) [--name <text>] [--report-locale it|en]
 *   remove --id <workbook-id>
 */
import { apiCall, apiTarget, choose, parseApiCommand, usage as usageOf } from "../api-call.ts";
import { EXIT, localeOption } from "../command.ts";
import type { CliIO, CliUsageError, Command } from "../command.ts";
import { t } from "../strings.ts";

const usage = (problem: string): CliUsageError => usageOf("workbooks", problem);

interface Registration {
  id: string;
  name: string;
  location: { kind: "graph"; driveId: string; itemId: string } | { kind: "folder"; path: string };
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { locale, action, values } = parseApiCommand(io, args, "workbooks", ["list", "add", "remove"], {
    drive: { type: "string" },
    item: { type: "string" },
    path: { type: "string" },
    name: { type: "string" },
    id: { type: "string" },
    "report-locale": { type: "string" },
  });
  const { planUrl, token } = apiTarget("workbooks", values);
  const base = `${planUrl}/workbooks`;

  if (action === "list") {
    const body = (await apiCall(io, locale, base, token, { method: "GET" })) as
      { workbooks: Registration[] } | undefined;
    if (!body) return EXIT.unusable;
    if (body.workbooks.length === 0) io.stdout(t("workbooks.none", locale));
    for (const w of body.workbooks) {
      const where =
        w.location.kind === "graph"
          ? t("workbooks.graph", locale, { drive: w.location.driveId, item: w.location.itemId })
          : t("workbooks.folder", locale, { path: w.location.path });
      io.stdout(`${w.id}  ${w.name}  ${where}`);
    }
    return EXIT.ok;
  }
  if (action === "remove") {
    if (!values.id) throw usage("--id <workbook-id>");
    const body = await apiCall(io, locale, `${base}/${encodeURIComponent(values.id)}`, token, {
      method: "DELETE",
    });
    if (!body) return EXIT.unusable;
    io.stdout(t("workbooks.removed", locale, { id: values.id }));
    return EXIT.ok;
  }
  const graph = values.drive !== undefined || values.item !== undefined;
  if (graph === (values.path !== undefined)) throw choose("workbooks", "--drive <id> --item <id> | --path <file.xlsx>");
  if (graph && (!values.drive || !values.item)) throw usage("--drive <id> --item <id>");
  const reportLocale =
    values["report-locale"] === undefined ? undefined : localeOption(values["report-locale"]);
  const request = {
    ...(graph
      ? { source: "graph", driveId: values.drive, itemId: values.item }
      : { source: "folder", path: values.path }),
    ...(values.name ? { name: values.name } : {}),
    ...(reportLocale ? { locale: reportLocale } : {}),
  };
  const body = (await apiCall(io, locale, base, token, { method: "POST", body: request })) as
    Registration | undefined;
  if (!body) return EXIT.unusable;
  io.stdout(t("workbooks.added", locale, { id: body.id }));
  return EXIT.ok;
}

export const command: Command = { name: "workbooks", summary: "cmd.workbooks", usage: "usage.workbooks", run };
