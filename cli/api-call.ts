/**
 * Calling the sync API from admin commands (`workbooks`, `members`): where the API is and which
 * token to send (`--api`/$ACTIONPLAN_API_URL, `--token`/$ACTIONPLAN_TOKEN, an Entra ID access token),
 * and one request that prints the API's own message in the user's language when it refuses.
 */
import { fillTemplate } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { apiPaths } from "#core/sync/protocol.ts";
import { CliUsageError, localeOption, parseCommandArgs, sniffLocale } from "./command.ts";
import type { CliIO } from "./command.ts";

const TEXT = {
  failed: {
    it: "actionplan: errore: {message} (HTTP {status})",
    en: "actionplan: error: {message} (HTTP {status})",
  },
  unreachable: {
    it: "actionplan: errore: API non raggiungibile ({message})",
    en: "actionplan: error: API unreachable ({message})",
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** The API address from the environment: ACTIONPLAN_API_URL (ACTIONPLAN_API, its older name, still works). */
export function apiUrlFromEnv(): string | undefined {
  return process.env["ACTIONPLAN_API_URL"] || process.env["ACTIONPLAN_API"] || undefined;
}

/** A usage error naming what `command` expected. */
export function usage(command: string, problem: string): CliUsageError {
  return new CliUsageError("err.bad-option", { value: problem, command });
}

/** The options every API command takes. */
const API_OPTIONS = {
  plan: { type: "string" },
  api: { type: "string" },
  token: { type: "string" },
  locale: { type: "string" },
} as const;

/**
 * `actionplan <command> <action> [options]` for the API commands: the common options plus the
 * command's own, the locale checked, exactly one of `actions` and nothing else after it.
 */
export function parseApiCommand<A extends string, O extends Record<string, { type: "string" }>>(
  args: string[],
  command: string,
  actions: readonly A[],
  options: O,
) {
  const locale = sniffLocale(args);
  const parsed = parseCommandArgs(args, { ...API_OPTIONS, ...options }, command);
  // Every option is a string option, so this is what parseArgs returns for them.
  const values = parsed.values as Partial<Record<keyof typeof API_OPTIONS | keyof O, string>>;
  const { positionals } = parsed;
  localeOption(values.locale);
  const [action, ...extra] = positionals;
  if (action === undefined || !(actions as readonly string[]).includes(action))
    throw usage(command, actions.join(" | "));
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
    io.stderr(fillTemplate(TEXT.unreachable[locale], { message }));
    return undefined;
  }
  const text = await res.text();
  let body: unknown = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    // Not our API (a proxy's HTML page): fall back to the status text below.
  }
  if (!res.ok) {
    const error = (body as { error?: { message?: string; messages?: Record<Locale, string> } }).error;
    const message = error?.messages?.[locale] ?? error?.message ?? res.statusText;
    io.stderr(fillTemplate(TEXT.failed[locale], { message, status: res.status }));
    return undefined;
  }
  return body;
}
