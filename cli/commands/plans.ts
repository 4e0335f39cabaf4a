/**
 * `actionplan plans create --plan <id> --name <text> [--api <url>] [--token <jwt>]`: opens a new
 * plan in the cloud store, with the caller as its admin (POST /plans; the caller needs the
 * `ActionPlan.Plans.Create` app role).
 */
import { apiPaths } from "#core/sync/protocol.ts";
import { apiCall, apiTarget, parseApiCommand, usage } from "../api-call.ts";
import { EXIT } from "../command.ts";
import type { CliIO, Command } from "../command.ts";
import { t } from "../strings.ts";

async function run(args: string[], io: CliIO): Promise<number> {
  const { locale, values } = parseApiCommand(io, args, "plans", ["create"], { name: { type: "string" } });
  if (!values.name?.trim()) throw usage("plans", "--name <text>");
  const { apiUrl, token } = apiTarget("plans", values);
  const body = (await apiCall(io, locale, `${apiUrl}${apiPaths.plans()}`, token, {
    method: "POST",
    body: { plan: values.plan, name: values.name },
  })) as { plan: string; admin: string } | undefined;
  if (!body) return EXIT.unusable;
  io.stdout(t("plans.created", locale, { plan: body.plan, admin: body.admin }));
  return EXIT.ok;
}

export const command: Command = { name: "plans", summary: "cmd.plans", usage: "usage.plans", run };
