/**
 * GET /plans/{plan}/members (reader) — who has which role on the plan.
 * PUT /plans/{plan}/members/{member} {role} (admin) — add a member or change a role.
 * DELETE /plans/{plan}/members/{member} (admin) — remove a member.
 * A change that would leave the plan without an admin is refused with 409 `member.last-admin`.
 */
import { MemberIdSchema, MemberRequestSchema } from "#core/sync/protocol.ts";
import { authorize } from "../auth/roles.ts";
import { apiHandler } from "../http/handler.ts";
import { BadRequestError, ConflictError, ForbiddenError, HttpError, NotFoundError } from "../http/errors.ts";
import { parseBody, pathParam, planParam } from "../http/request.ts";
import { json } from "../http/response.ts";

export const handler = apiHandler(async ({ event, principal, store }) => {
  const plan = planParam(event);
  const method = event.requestContext.http.method.toUpperCase();
  if (method === "GET") {
    await authorize(store, plan, principal, "reader");
    return { members: await store.listMembers(plan) };
  }
  if (method !== "PUT" && method !== "DELETE") throw new HttpError(405, "method.not-allowed");
  await authorize(store, plan, principal, "admin");
  const member = MemberIdSchema.safeParse(pathParam(event, "member"));
  if (!member.success)
    throw new BadRequestError("query.invalid", {
      member: "expected 1-128 letters, digits, '.', '_', '@' or '-'",
    });
  const role = method === "PUT" ? parseBody(event, MemberRequestSchema).role : undefined;
  const outcome = await store.changeMember(plan, member.data, role, principal.id);
  if (outcome === "last-admin") throw new ConflictError("member.last-admin");
  if (outcome === "forbidden") throw new ForbiddenError(); // demoted since `authorize` looked
  if (outcome === "not-found") throw new NotFoundError();
  if (role === undefined) return { statusCode: 204, headers: {}, body: "" };
  return json(outcome === "created" ? 201 : 200, { member: member.data, role });
});
