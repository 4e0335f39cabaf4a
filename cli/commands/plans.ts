/**
 * `actionplan plans create --plan <id> --name <text> [--api <url>] [--token <jwt>]`: opens a new
 * plan in the cloud store, with the caller as its admin (POST /plans; the caller needs the
 * `ActionPlan.Plans.Create` app role).
 */
import { fillTemplate } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { apiPaths } from "#core/sync/protocol.ts";
import { apiCall, apiTarget, parseApiCommand, usage } from "../api-call.ts";
import { EXIT } from "../command.ts";
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
  const { locale, values } = parseApiCommand(args, "plans", ["create"], { name: { type: "string" } });
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
