/**
 * Calling the sync API from admin commands (`workbooks`, `members`): where the API is and which
 * token to send (`--api`/$ACTIONPLAN_API_URL, `--token`/$ACTIONPLAN_TOKEN, an Entra ID access token),
 * and one request that prints the API's own message in the user's language when it refuses.
 */
import type { Locale } from "#core/snapshot/types.ts";
import { apiPaths } from "#core/sync/protocol.ts";
import { CliUsageError, langOf, parseCommandArgs } from "./command.ts";
import type { CliIO } from "./command.ts";
import { t } from "./strings.ts";

/** The API address from the environment: ACTIONPLAN_API_URL (ACTIONPLAN_API, its older name, still works). */
export function apiUrlFromEnv(): string | undefined {
  return process.env["ACTIONPLAN_API_URL"] || process.env["ACTIONPLAN_API"] || undefined;
}

/** A usage error naming the option `command` is missing ("manca --plan <id>"). */
export function usage(command: string, problem: string): CliUsageError {
  return new CliUsageError("err.needs", { value: problem, command });
}

/** A usage error naming the choices `command` offers ("scegliere list | set | remove"). */
export function choose(command: string, choices: string): CliUsageError {
  return new CliUsageError("err.choose", { value: choices, command });
}

/** The options every API command takes. */
export const API_OPTIONS = {
  plan: { type: "string" },
  api: { type: "string" },
  token: { type: "string" },
} as const;

/**
 * `actionplan <command> <action> [options]` for the API commands: the common options plus the
 * command's own, exactly one of `actions` and nothing else after it. The language is main's
 * (`--lang`); these commands read no cells, so they take no `--locale`.
 */
export function parseApiCommand<A extends string, O extends Record<string, { type: "string" }>>(
  io: CliIO,
  args: string[],
  command: string,
  actions: readonly A[],
  options: O,
) {
  const locale = langOf(io);
  const parsed = parseCommandArgs(args, { ...API_OPTIONS, ...options }, command);
  // Every option is a string option, so this is what parseArgs returns for them.
  const values = parsed.values as Partial<Record<keyof typeof API_OPTIONS | keyof O, string>>;
  const { positionals } = parsed;
  const [action, ...extra] = positionals;
  if (action === undefined || !(actions as readonly string[]).includes(action))
    throw choose(command, actions.join(" | "));
  if (extra.length > 0) throw new CliUsageError("err.extra-args", { value: extra.join(" ") });
  return { locale, action: action as A, values };
}

export interface ApiTarget {
  /** The API's base address, no trailing slash. */
  apiUrl: string;
  /** `<api>/plans/<plan>`. */
  planUrl: string;
  token: string;
}

/** The plan's API address and the token, from the options or the environment. */
export function apiTarget(
  command: string,
  values: { plan?: string | undefined; api?: string | undefined; token?: string | undefined },
): ApiTarget {
  const api = values.api ?? apiUrlFromEnv();
  const token = values.token ?? process.env["ACTIONPLAN_TOKEN"];
  if (!values.plan) throw usage(command, "--plan <id>");
  if (!api) throw usage(command, "--api <url> (or ACTIONPLAN_API_URL)");
  if (!token) throw usage(command, "--token <jwt> (or ACTIONPLAN_TOKEN)");
  const apiUrl = api.replace(/\/+$/, "");
  return { apiUrl, planUrl: `${apiUrl}${apiPaths.plans()}/${encodeURIComponent(values.plan)}`, token };
}

/** Calls the API; the parsed JSON body (`{}` when empty), or undefined after printing why not. */
export async function apiCall(
  io: CliIO,
  locale: Locale,
  url: string,
  token: string,
  init: { method: string; body?: unknown },
): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: {
        authorization: `Bearer ${token}`,
        "accept-language": locale,
        ...(init.body ? { "content-type": "application/json" } : {}),
      },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`${t("err.prefix", locale)}: ${t("api.unreachable", locale, { message })}`);
    return undefined;
  }
  const text = await res.text();
  let body: unknown = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch (error) {
    // Not our API (a proxy's HTML page): fall back to the status text below.
    if (!(error instanceof SyntaxError)) throw error;
  }
  if (!res.ok) {
    const error = (body as { error?: { message?: string; messages?: Record<Locale, string> } }).error;
    const message = error?.messages?.[locale] ?? error?.message ?? res.statusText;
    io.stderr(`${t("err.prefix", locale)}: ${t("api.failed", locale, { message, status: res.status })}`);
    return undefined;
  }
  return body;
}
