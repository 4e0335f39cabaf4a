/** GET /plans/{plan}/rows/{entity}/{key}/history — the versions of a row, newest within the response budget (reader). */
import { authorize } from "../auth/roles.ts";
import { apiHandler } from "../http/handler.ts";
import { planParam } from "../http/request.ts";
import { rowHistoryPage } from "../sync/history.ts";
import { rowParams } from "./row-params.ts";

export const handler = apiHandler(async ({ event, principal, store }) => {
  const plan = planParam(event);
  await authorize(store, plan, principal, "reader");
  const { entity, key } = rowParams(event);
  return rowHistoryPage(store, plan, entity, key);
});
