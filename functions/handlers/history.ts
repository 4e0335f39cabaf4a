/** GET /plans/{plan}/rows/{entity}/{key}/history — every version of a row (reader). */
import { authorize } from "../auth/roles.ts";
import { apiHandler } from "../http/handler.ts";
import { planParam } from "../http/request.ts";
import { rowHistory } from "../sync/history.ts";
import { rowParams } from "./row-params.ts";

export const handler = apiHandler(async ({ event, principal, store }) => {
  const plan = planParam(event);
  await authorize(store, plan, principal, "reader");
  const { entity, key } = rowParams(event);
  return rowHistory(store, plan, entity, key);
});
