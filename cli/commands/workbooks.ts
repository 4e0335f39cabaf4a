/**
 * `actionplan workbooks list|add|remove --plan <id> [--api <url>] [--token <jwt>]`: which
 * workbooks the nightly job reads for a plan (admin), through the API's
 * /plans/{plan}/workbooks routes. `--api` defaults to $ACTIONPLAN_API, `--token` to
 * $ACTIONPLAN_TOKEN (an Entra ID access token for the API).
 *
 *   add    (--drive <drive-id> --item <item-id> | --path <file.xlsx>) [--name <text>] [--report-locale it|en]
 *   remove --id <workbook-id>
 */
import { fillTemplate } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { apiCall, apiTarget, parseApiCommand, usage as usageOf } from "../api-call.ts";
import { EXIT, localeOption } from "../command.ts";
import type { CliIO, CliUsageError, Command } from "../command.ts";

const TEXT = {
  summary: {
    it: "registra i file letti dalla sincronizzazione notturna",
    en: "register the files the nightly sync reads",
  },
  none: { it: "nessuna cartella di lavoro registrata", en: "no workbook registered" },
  added: { it: "registrata: {id}", en: "registered: {id}" },
  removed: { it: "rimossa: {id}", en: "removed: {id}" },
} as const satisfies Record<string, Record<Locale, string>>;

function say(key: keyof typeof TEXT, locale: Locale, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXT[key][locale], params);
}

const usage = (problem: string): CliUsageError => usageOf("workbooks", problem);

interface Registration {
  id: string;
  name: string;
  location: { kind: "graph"; driveId: string; itemId: string } | { kind: "folder"; path: string };
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { locale, action, values } = parseApiCommand(args, "workbooks", ["list", "add", "remove"], {
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
    if (body.workbooks.length === 0) io.stdout(say("none", locale));
    for (const w of body.workbooks) {
      const where =
        w.location.kind === "graph"
          ? `graph ${w.location.driveId}/${w.location.itemId}`
          : `folder ${w.location.path}`;
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
    io.stdout(say("removed", locale, { id: values.id }));
    return EXIT.ok;
  }
  const graph = values.drive !== undefined || values.item !== undefined;
  if (graph === (values.path !== undefined)) throw usage("--drive <id> --item <id> | --path <file.xlsx>");
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
  io.stdout(say("added", locale, { id: body.id }));
  return EXIT.ok;
}

export const command: Command = { name: "workbooks", summary: TEXT.summary, run };
