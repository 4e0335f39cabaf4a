/**
 * POST /plans {plan, name} — creates a plan; the caller becomes its admin (201). Only users
 * holding the API's app role `ActionPlan.Plans.Create` (assigned in Entra ID) may create plans;
 * app-only tokens may not, since every plan needs a person as its admin. 409 when it exists.
 */
import { CreatePlanRequestSchema } from "#core/sync/protocol.ts";
import { CREATE_PLANS_APP_ROLE } from "../auth/roles.ts";
import { apiHandler } from "../http/handler.ts";
import { ConflictError, ForbiddenError } from "../http/errors.ts";
import { parseBody } from "../http/request.ts";
import { json } from "../http/response.ts";

export const handler = apiHandler(async ({ event, principal, store }) => {
  if (principal.appOnly || !principal.appRoles.includes(CREATE_PLANS_APP_ROLE))
    throw new ForbiddenError("auth.create-plan");
  const request = parseBody(event, CreatePlanRequestSchema);
  if (!(await store.createPlan(request.plan, request.name, principal.id)))
    throw new ConflictError("plan.exists");
  return json(201, { plan: request.plan, name: request.name, admin: principal.id });
});
