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
import { CliUsageError, EXIT, localeOption, parseCommandArgs, sniffLocale } from "../command.ts";
import type { CliIO, Command } from "../command.ts";

const TEXT = {
  summary: { it: "registra i file letti dalla sincronizzazione notturna", en: "register the files the nightly sync reads" },
  none: { it: "nessuna cartella di lavoro registrata", en: "no workbook registered" },
  added: { it: "registrata: {id}", en: "registered: {id}" },
  removed: { it: "rimossa: {id}", en: "removed: {id}" },
  failed: { it: "actionplan: errore: {message} (HTTP {status})", en: "actionplan: error: {message} (HTTP {status})" },
  unreachable: { it: "actionplan: errore: API non raggiungibile ({message})", en: "actionplan: error: API unreachable ({message})" },
} as const satisfies Record<string, Record<Locale, string>>;

function say(key: keyof typeof TEXT, locale: Locale, params: Record<string, string | number> = {}): string {
  return fillTemplate(TEXT[key][locale], params);
}

function usage(problem: string): CliUsageError {
  return new CliUsageError("err.bad-option", { value: problem, command: "workbooks" });
}

interface Registration {
  id: string;
  name: string;
  location: { kind: "graph"; driveId: string; itemId: string } | { kind: "folder"; path: string };
}

/** Calls the API; returns the parsed JSON body, or prints the API's message and returns undefined. */
async function call(io: CliIO, locale: Locale, url: string, token: string, init: { method: string; body?: unknown }): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: { authorization: `Bearer ${token}`, "accept-language": locale, ...(init.body ? { "content-type": "application/json" } : {}) },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch (error) {
    io.stderr(say("unreachable", locale, { message: error instanceof Error ? error.message : String(error) }));
    return undefined;
  }
  const text = await res.text();
  const body: unknown = text ? JSON.parse(text) : {};
  if (!res.ok) {
    const error = (body as { error?: { message?: string; messages?: Record<Locale, string> } }).error;
    io.stderr(say("failed", locale, { message: error?.messages?.[locale] ?? error?.message ?? res.statusText, status: res.status }));
    return undefined;
  }
  return body;
}

async function run(args: string[], io: CliIO): Promise<number> {
  const locale = sniffLocale(args);
  const { values, positionals } = parseCommandArgs(
    args,
    {
      plan: { type: "string" },
      api: { type: "string" },
      token: { type: "string" },
      drive: { type: "string" },
      item: { type: "string" },
      path: { type: "string" },
      name: { type: "string" },
      id: { type: "string" },
      "report-locale": { type: "string" },
      locale: { type: "string" },
    },
    "workbooks",
  );
  localeOption(values.locale);
  const [action, ...extra] = positionals;
  if (action !== "list" && action !== "add" && action !== "remove") throw usage("list | add | remove");
  if (extra.length > 0) throw new CliUsageError("err.extra-args", { value: extra.join(" ") });
  const plan = values.plan;
  const api = values.api ?? process.env["ACTIONPLAN_API"];
  const token = values.token ?? process.env["ACTIONPLAN_TOKEN"];
  if (!plan) throw usage("--plan <id>");
  if (!api) throw usage("--api <url> (or ACTIONPLAN_API)");
  if (!token) throw usage("--token <jwt> (or ACTIONPLAN_TOKEN)");
  const base = `${api.replace(/\/+$/, "")}/plans/${encodeURIComponent(plan)}/workbooks`;

  if (action === "list") {
    const body = (await call(io, locale, base, token, { method: "GET" })) as { workbooks: Registration[] } | undefined;
    if (!body) return EXIT.unusable;
    if (body.workbooks.length === 0) io.stdout(say("none", locale));
    for (const w of body.workbooks) {
      const where = w.location.kind === "graph" ? `graph ${w.location.driveId}/${w.location.itemId}` : `folder ${w.location.path}`;
      io.stdout(`${w.id}  ${w.name}  ${where}`);
    }
    return EXIT.ok;
  }
  if (action === "remove") {
    if (!values.id) throw usage("--id <workbook-id>");
    const body = await call(io, locale, `${base}/${encodeURIComponent(values.id)}`, token, { method: "DELETE" });
    if (!body) return EXIT.unusable;
    io.stdout(say("removed", locale, { id: values.id }));
    return EXIT.ok;
  }
  const graph = values.drive !== undefined || values.item !== undefined;
  if (graph === (values.path !== undefined)) throw usage("--drive <id> --item <id> | --path <file.xlsx>");
  if (graph && (!values.drive || !values.item)) throw usage("--drive <id> --item <id>");
  const reportLocale = values["report-locale"] === undefined ? undefined : localeOption(values["report-locale"]);
  const request = {
    ...(graph ? { source: "graph", driveId: values.drive, itemId: values.item } : { source: "folder", path: values.path }),
    ...(values.name ? { name: values.name } : {}),
    ...(reportLocale ? { locale: reportLocale } : {}),
  };
  const body = (await call(io, locale, base, token, { method: "POST", body: request })) as Registration | undefined;
  if (!body) return EXIT.unusable;
  io.stdout(say("added", locale, { id: body.id }));
  return EXIT.ok;
}

export const command: Command = { name: "workbooks", summary: TEXT.summary, run };
