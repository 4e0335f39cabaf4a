/** GET /plans/{plan}/rollups — PRL and roll-ups of the cloud state, computed by the core (reader);
 * with `?asOf=<date or date-time>`, of the plan as it stood then (sync/as-of.ts). */
import { authorize } from "../auth/roles.ts";
import { apiHandler } from "../http/handler.ts";
import { momentParam } from "../http/moment-param.ts";
import { planParam } from "../http/request.ts";
import { planRollupsAsOf } from "../sync/as-of.ts";
import { planRollups } from "../sync/rollups.ts";
import { clusterToday } from "#core/i18n/formats.ts";

export const handler = apiHandler(async ({ event, principal, store, locale }) => {
  const plan = planParam(event);
  await authorize(store, plan, principal, "reader");
  const asOf = momentParam(event, "asOf", "end");
  if (asOf !== undefined) return planRollupsAsOf(store, plan, asOf, locale);
  return planRollups(store, plan, locale, clusterToday());
});
