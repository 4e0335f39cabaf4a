/** GET /plans/{plan}/runs — the latest nightly run reports, newest first (reader). */
import type { RunsResponse } from "#core/sync/protocol.ts";
import { authorize } from "../auth/roles.ts";
import { apiHandler } from "../http/handler.ts";
import { planParam } from "../http/request.ts";

const RUNS_SHOWN = 50;

export const handler = apiHandler(async ({ event, principal, store }): Promise<RunsResponse> => {
  const plan = planParam(event);
  await authorize(store, plan, principal, "reader");
  return { runs: await store.listRuns(plan, RUNS_SHOWN) };
});
