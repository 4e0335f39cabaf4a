/** POST /plans/{plan}/sync — push rows (editor). */
import { PushRequestSchema } from "#core/sync/protocol.ts";
import { authorize } from "../auth/roles.ts";
import { assertSourceAllowed } from "../auth/source.ts";
import { apiHandler } from "../http/handler.ts";
import { recordPush } from "../http/push-metrics.ts";
import { parseBody, planParam } from "../http/request.ts";
import { pushRows } from "../sync/push.ts";

export const handler = apiHandler(async ({ event, principal, store, locale, log }) => {
  const plan = planParam(event);
  await authorize(store, plan, principal, "editor");
  const request = parseBody(event, PushRequestSchema);
  assertSourceAllowed(principal, request.source);
  const response = await pushRows(store, plan, request, { id: principal.id, source: request.source }, locale);
  const counts: Record<string, number> = {};
  for (const r of response.results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  log.info("push", { plan, rows: request.rows.length, ...counts });
  recordPush(counts);
  return response;
});
