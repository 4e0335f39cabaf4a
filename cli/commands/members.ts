/**
 * `actionplan members list|set|remove --plan <id> [--api <url>] [--token <jwt>]`: who may read,
 * edit or administer a plan, through the API's /plans/{plan}/members routes (changes need admin;
 * the API refuses to leave a plan without an admin).
 *
 *   set    --member <object-id> --role reader|editor|admin
 *   remove --member <object-id>
 */
import { fillTemplate } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { MembersResponseSchema, RoleSchema } from "#core/sync/protocol.ts";
import { apiCall, apiTarget, parseApiCommand, usage } from "../api-call.ts";
import { EXIT } from "../command.ts";
import type { CliIO, Command } from "../command.ts";

const TEXT = {
  summary: {
    it: "gestisce chi può leggere, modificare o amministrare un piano",
    en: "manage who may read, edit or administer a plan",
  },
  none: { it: "nessun membro", en: "no members" },
  set: { it: "{member}: {role}", en: "{member}: {role}" },
  removed: { it: "rimosso: {member}", en: "removed: {member}" },
} as const satisfies Record<string, Record<Locale, string>>;

async function run(args: string[], io: CliIO): Promise<number> {
  const { locale, action, values } = parseApiCommand(args, "members", ["list", "set", "remove"], {
    member: { type: "string" },
    role: { type: "string" },
  });
  const { planUrl, token } = apiTarget("members", values);

  if (action === "list") {
    const body = await apiCall(io, locale, `${planUrl}/members`, token, { method: "GET" });
    const parsed = MembersResponseSchema.safeParse(body);
    if (!parsed.success) return EXIT.unusable;
    if (parsed.data.members.length === 0) io.stdout(TEXT.none[locale]);
    for (const m of parsed.data.members) io.stdout(`${m.member}  ${m.role}`);
    return EXIT.ok;
  }
  if (!values.member) throw usage("members", "--member <object-id>");
  const url = `${planUrl}/members/${encodeURIComponent(values.member)}`;
  if (action === "remove") {
    if (!(await apiCall(io, locale, url, token, { method: "DELETE" }))) return EXIT.unusable;
    io.stdout(fillTemplate(TEXT.removed[locale], { member: values.member }));
    return EXIT.ok;
  }
  const role = RoleSchema.safeParse(values.role);
  if (!role.success) throw usage("members", "--role reader | editor | admin");
  if (!(await apiCall(io, locale, url, token, { method: "PUT", body: { role: role.data } })))
    return EXIT.unusable;
  io.stdout(fillTemplate(TEXT.set[locale], { member: values.member, role: role.data }));
  return EXIT.ok;
}

export const command: Command = { name: "members", summary: TEXT.summary, run };
