/**
 * GET /plans/{plan}/movement?from=<date>[&to=<date>] — the projects whose PRL, outcome,
 * requested or funded amount changed between the two moments (`to` defaults to now), and those
 * added or removed (reader).
 */
import type { MovementJson } from "#core/report/movement.ts";
import { authorize } from "../auth/roles.ts";
import { BadRequestError } from "../http/errors.ts";
import { apiHandler } from "../http/handler.ts";
import { momentParam } from "../http/moment-param.ts";
import { planParam } from "../http/request.ts";
import { planMovement } from "../sync/movement.ts";

export const handler = apiHandler(async ({ event, principal, store, locale }): Promise<MovementJson> => {
  const plan = planParam(event);
  await authorize(store, plan, principal, "reader");
  const from = momentParam(event, "from", "start");
  if (from === undefined) throw new BadRequestError("query.bad-moment", { parameter: "from" });
  const to = momentParam(event, "to", "end") ?? Date.now();
  if (from > to) throw new BadRequestError("query.moment-order", { parameter: "from" });
  return planMovement(store, plan, from, to, locale);
});
