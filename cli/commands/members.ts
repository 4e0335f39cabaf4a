/**
 * `actionplan members list|set|remove --plan <id> [--api <url>] [--token <jwt>]`: who may read,
 * edit or administer a plan, through the API's /plans/{plan}/members routes (changes need admin;
 * the API refuses to leave a plan without an admin).
 *
 *   set    --member <object-id> --role reader|editor|admin
 *   remove --member <object-id>
 */
import { MembersResponseSchema, RoleSchema } from "#core/sync/protocol.ts";
import { apiCall, apiTarget, choose, parseApiCommand, usage } from "../api-call.ts";
import { EXIT } from "../command.ts";
import type { CliIO, Command } from "../command.ts";
import { t } from "../strings.ts";

async function run(args: string[], io: CliIO): Promise<number> {
  const { locale, action, values } = parseApiCommand(io, args, "members", ["list", "set", "remove"], {
    member: { type: "string" },
    role: { type: "string" },
  });
  const { planUrl, token } = apiTarget("members", values);

  if (action === "list") {
    const body = await apiCall(io, locale, `${planUrl}/members`, token, { method: "GET" });
    const parsed = MembersResponseSchema.safeParse(body);
    if (!parsed.success) return EXIT.unusable;
    if (parsed.data.members.length === 0) io.stdout(t("members.none", locale));
    for (const m of parsed.data.members) io.stdout(`${m.member}  ${m.role}`);
    return EXIT.ok;
  }
  if (!values.member) throw usage("members", "--member <object-id>");
  const url = `${planUrl}/members/${encodeURIComponent(values.member)}`;
  if (action === "remove") {
    if (!(await apiCall(io, locale, url, token, { method: "DELETE" }))) return EXIT.unusable;
    io.stdout(t("members.removed", locale, { member: values.member }));
    return EXIT.ok;
  }
  const role = RoleSchema.safeParse(values.role);
  if (!role.success) throw choose("members", "--role reader | editor | admin");
  if (!(await apiCall(io, locale, url, token, { method: "PUT", body: { role: role.data } })))
    return EXIT.unusable;
  io.stdout(t("members.set", locale, { member: values.member, role: role.data }));
  return EXIT.ok;
}

export const command: Command = { name: "members", summary: "cmd.members", usage: "usage.members", run };
