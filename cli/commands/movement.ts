/**
 * `actionplan movement --plan <id> --from <date> [--to <date>] [--json]`: the projects whose PRL,
 * outcome, requested or funded amount changed between two moments, and those added or removed
 * (GET /plans/{plan}/movement).
 */
import type { MovementJson } from "#core/report/movement.ts";
import { apiPaths } from "#core/sync/protocol.ts";
import { API_OPTIONS, apiCall, apiTarget, usage } from "../api-call.ts";
import { CliUsageError, EXIT, langOf, parseCommandArgs, printJson } from "../command.ts";
import type { CliIO, Command } from "../command.ts";
import { renderMovement } from "../render-movement.ts";
import { momentOption } from "./plan-report.ts";

async function run(args: string[], io: CliIO): Promise<number> {
  const locale = langOf(io);
  const { values, positionals } = parseCommandArgs(
    args,
    {
      ...API_OPTIONS,
      from: { type: "string" },
      to: { type: "string" },
      json: { type: "boolean" },
    },
    "movement",
  );
  if (positionals.length > 0) throw new CliUsageError("err.extra-args", { value: positionals.join(" ") });
  const from = momentOption(values.from, "--from", "start");
  if (from === undefined) throw usage("movement", "--from <date>");
  const to = momentOption(values.to, "--to", "end");
  const { apiUrl, token } = apiTarget("movement", values);
  const body = await apiCall(io, locale, `${apiUrl}${apiPaths.movement(values.plan ?? "", from, to)}`, token, {
    method: "GET",
  });
  if (body === undefined) return EXIT.unusable;
  const movement = body as MovementJson;
  if (values.json === true) printJson(io, movement);
  else io.stdout(renderMovement(movement, locale));
  return EXIT.ok;
}

export const command: Command = { name: "movement", summary: "cmd.movement", usage: "usage.movement", run };
