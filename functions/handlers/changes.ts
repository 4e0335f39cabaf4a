/** GET /plans/{plan}/changes?since=<cursor>&limit=<n> — pull (reader). */
import type { ChangesResponse } from "#core/sync/protocol.ts";
import { authorize } from "../auth/roles.ts";
import { BadRequestError } from "../http/errors.ts";
import { apiHandler } from "../http/handler.ts";
import { planParam } from "../http/request.ts";
import { decodeCursor, encodeCursor } from "../sync/cursor.ts";

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 5000;

export const handler = apiHandler(async ({ event, principal, store }): Promise<ChangesResponse> => {
  const plan = planParam(event);
  await authorize(store, plan, principal, "reader");
  const after = decodeCursor(event.queryStringParameters?.["since"]);
  const limitText = event.queryStringParameters?.["limit"];
  const limit = limitText === undefined ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new BadRequestError("query.invalid", { limit: `1..${MAX_LIMIT}` });
  const page = await store.changes(plan, after, limit);
  return { changes: page.changes, cursor: encodeCursor(page.seq), hasMore: page.hasMore };
});
