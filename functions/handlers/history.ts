/**
 * GET /plans/{plan}/rows/{entity}/{key}/history[?before=<version>] — the versions of a row, the
 * newest that fit the response budget (reader); `olderBefore` in the answer pages back.
 */
import { authorize } from "../auth/roles.ts";
import { apiHandler } from "../http/handler.ts";
import { BadRequestError } from "../http/errors.ts";
import { planParam } from "../http/request.ts";
import { rowHistoryPage } from "../sync/history.ts";
import { rowParams } from "./row-params.ts";

export const handler = apiHandler(async ({ event, principal, store }) => {
  const plan = planParam(event);
  await authorize(store, plan, principal, "reader");
  const { entity, key } = rowParams(event);
  const raw = event.queryStringParameters?.["before"];
  const before = raw === undefined ? undefined : Number(raw);
  if (before !== undefined && !(Number.isSafeInteger(before) && before >= 2 && /^\d+$/.test(raw ?? "")))
    throw new BadRequestError("query.invalid", { before: "expected a version number of at least 2" });
  return rowHistoryPage(store, plan, entity, key, undefined, undefined, before);
});
