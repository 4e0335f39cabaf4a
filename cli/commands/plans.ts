/**
 * `actionplan plans create --plan <id> --name <text> [--api <url>] [--token <jwt>]`: opens a new
 * plan in the cloud store, with the caller as its admin (POST /plans; the caller needs the
 * `ActionPlan.Plans.Create` app role).
 */
import { fillTemplate } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { apiPaths } from "#core/sync/protocol.ts";
import { apiCall, apiTarget, usage } from "../api-call.ts";
import { CliUsageError, EXIT, localeOption, parseCommandArgs, sniffLocale } from "../command.ts";
import type { CliIO, Command } from "../command.ts";

const TEXT = {
  summary: {
    it: "crea un piano nel cloud (chi lo crea ne è amministratore)",
    en: "create a plan in the cloud (its creator is its admin)",
  },
  created: {
    it: "piano creato: {plan} (amministratore: {admin})",
    en: "plan created: {plan} (admin: {admin})",
  },
} as const satisfies Record<string, Record<Locale, string>>;

async function run(args: string[], io: CliIO): Promise<number> {
  const locale = sniffLocale(args);
  const { values, positionals } = parseCommandArgs(
    args,
    {
      plan: { type: "string" },
      name: { type: "string" },
      api: { type: "string" },
      token: { type: "string" },
      locale: { type: "string" },
    },
    "plans",
  );
  localeOption(values.locale);
  const [action, ...extra] = positionals;
  if (action !== "create") throw usage("plans", "create");
  if (extra.length > 0) throw new CliUsageError("err.extra-args", { value: extra.join(" ") });
  if (!values.name?.trim()) throw usage("plans", "--name <text>");
  const { apiUrl, token } = apiTarget("plans", values);
  const body = (await apiCall(io, locale, `${apiUrl}${apiPaths.plans()}`, token, {
    method: "POST",
    body: { plan: values.plan, name: values.name },
  })) as { plan: string; admin: string } | undefined;
  if (!body) return EXIT.unusable;
  io.stdout(fillTemplate(TEXT.created[locale], { plan: body.plan, admin: body.admin }));
  return EXIT.ok;
}

export const command: Command = { name: "plans", summary: TEXT.summary, run };
