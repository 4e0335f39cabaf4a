/** GET /plans/{plan}/rollups — PRL and roll-ups of the cloud state, computed by the core (reader). */
import { authorize } from "../auth/roles.ts";
import { apiHandler } from "../http/handler.ts";
import { planParam } from "../http/request.ts";
import { planRollups } from "../sync/rollups.ts";

export const handler = apiHandler(async ({ event, principal, store, locale }) => {
  const plan = planParam(event);
  await authorize(store, plan, principal, "reader");
  return planRollups(store, plan, locale, new Date().toISOString().slice(0, 10));
});
